"""Every page a creator or a visitor can open, with the demo data behind it.

The page sweeps (width, axe) walk this list, so a new page belongs here once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    signed_in: bool = True


ANONYMOUS_PAGES = [
    Page("login", "/accounts/login/", signed_in=False),
    Page("signup", "/accounts/signup/", signed_in=False),
    Page("home (visitor)", "/", signed_in=False),
]


def demo_pages(*, user) -> list[Page]:
    """Compute trend statistics and make `user`'s demo series on the demo corpus and index (the
    caller's demo_index_committed fixture); list the pages to visit."""
    from captions.models import Draft
    from jobs.models import Job
    from series.demo import demo_series_create
    from trends.services import trend_stats_recompute

    trend_stats_recompute(full=True)
    series = demo_series_create(user=user)[0]
    part = series.parts.order_by("number").first()
    draft = Draft.objects.create(
        owner=user,
        title="Five-minute overnight oats",
        topic="Overnight oats for busy mornings: cheap meal prep breakfast",
        hook="Stop buying breakfast: this takes five minutes",
        caption="Overnight oats for busy mornings #mealprep #breakfast",
        hashtags=["mealprep", "breakfast"],
    )
    job = Job.objects.create(kind="demo", title="Score a batch of captions", created_by=user)
    trend_pages = [Page(name, path) for name, path in trend_detail_paths()]
    return [
        Page("home", "/"),
        Page("account", "/accounts/"),
        Page("password change", "/accounts/password_change/"),
        Page("api tokens", "/api/tokens/"),
        Page("drafts", "/captions/"),
        Page("editor (new)", "/captions/new/"),
        Page("editor", f"/captions/{draft.pk}/"),
        Page("draft delete", f"/captions/{draft.pk}/delete/"),
        Page("batch scoring", "/captions/batch/"),
        Page("series list", "/series/"),
        Page("series form (new)", "/series/new/"),
        Page("series detail", f"/series/{series.pk}/"),
        Page("series form (edit)", f"/series/{series.pk}/edit/"),
        Page("series delete", f"/series/{series.pk}/delete/"),
        Page("part form", f"/series/parts/{part.pk}/"),
        Page("part reschedule", f"/series/parts/{part.pk}/reschedule/"),
        Page("part move", f"/series/parts/{part.pk}/move/"),
        Page("peak hours", "/series/peak-hours/"),
        Page("your posts", "/your-posts/"),
        Page("calendar month", "/series/calendar/"),
        Page("calendar week", "/series/calendar/week/"),
        Page("explorer hashtags", "/trends/?kind=hashtag"),
        Page("explorer keywords", "/trends/?kind=keyword"),
        Page("explorer sounds", "/trends/?kind=sound"),
        Page("hooks", "/trends/hooks/"),
        *trend_pages,
        Page("job", f"/jobs/{job.pk}/"),
    ]


def trend_detail_paths() -> list[tuple[str, str]]:
    """The busiest trend of each kind (the fullest detail page) and the longest-named hashtag."""
    from urllib.parse import quote

    from trends.models import TrendStat

    overall = TrendStat.objects.filter(dimension="", window=30)
    picked = []
    for kind in ("hashtag", "keyword", "sound"):
        busiest = overall.filter(kind=kind).order_by("-posts").values_list("key", flat=True).first()
        if busiest:
            picked.append((f"trend detail ({kind})", f"/trends/{kind}/{quote(busiest)}/"))
    keys = list(overall.filter(kind="hashtag").values_list("key", flat=True)[:500])
    if keys:
        longest = max(keys, key=len)
        picked.append(("trend detail (long hashtag)", f"/trends/hashtag/{quote(longest)}/"))
    return picked
