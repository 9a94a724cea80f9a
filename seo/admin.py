"""Staff curation of the trend corpus: posts (search, filter, edit, export, import) and
hashtags (counts, block, merge, likely duplicates). Only staff reach the admin."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from jobs.models import Job
from jobs.runner import job_enqueue
from jobs.services import job_create, job_refused_by_queue
from seo import admin_index, admin_sources  # noqa: F401  (register the IndexVersion and import source admins)
from seo.admin_import import import_columns, import_upload
from seo.corpus.curation import CurationError, hashtag_block_set, hashtag_counts_refresh, hashtag_merge
from seo.corpus.export import trend_posts_csv_response
from seo.models import Hashtag, PostHashtag, TrendPost
from seo.tasks.corpus import (
    HASHTAG_DUPLICATES_KIND,
    hashtag_duplicates_task,
)
from seo.text.hashtags import normalize_hashtag


class HashtagFilter(admin.SimpleListFilter):
    """Filter by any tag (?hashtag=name); the sidebar offers the most used ones."""

    title = "hashtag"
    parameter_name = "hashtag"

    def lookups(self, request, model_admin):
        top = Hashtag.objects.filter(canonical__isnull=True).order_by("-post_count")[:15]
        return [(tag.name, f"#{tag.name}") for tag in top]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        name = normalize_hashtag(self.value())
        tag = Hashtag.objects.filter(name=name).only("pk", "canonical_id").first()
        if tag is None:
            return queryset.none()
        # Posts are linked to canonical tags, so an alias filters by its canonical tag.
        return queryset.filter(hashtags=tag.canonical_id or tag.pk)


class EngagementFilter(admin.SimpleListFilter):
    title = "engagement"
    parameter_name = "engagement"
    BANDS = {
        "low": ("under 2%", Q(engagement_rate__lt=0.02)),
        "mid": ("2–8%", Q(engagement_rate__gte=0.02, engagement_rate__lt=0.08)),  # noqa: RUF001
        "high": ("8–15%", Q(engagement_rate__gte=0.08, engagement_rate__lt=0.15)),  # noqa: RUF001
        "top": ("15% and more", Q(engagement_rate__gte=0.15)),
        "unknown": ("unknown", Q(engagement_rate__isnull=True)),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.BANDS.items()]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value() or "")
        return queryset.filter(band[1]) if band else queryset


class PostHashtagInlineForm(forms.ModelForm):
    class Meta:
        model = PostHashtag
        fields = ["hashtag"]

    def clean_hashtag(self):
        tag = self.cleaned_data["hashtag"]
        if tag.canonical_id:
            raise forms.ValidationError(
                f"#{tag.name} is an alias of #{tag.canonical.name}; link that tag instead."
            )
        return tag


class PostHashtagInline(admin.TabularInline):
    model = PostHashtag
    form = PostHashtagInlineForm
    raw_id_fields = ["hashtag"]
    extra = 0


@admin.register(TrendPost)
class TrendPostAdmin(admin.ModelAdmin):
    list_display = [
        "video_id",
        "short_caption",
        "author",
        "views",
        "engagement",
        "posted_at",
        "region",
        "language",
    ]
    list_filter = [
        HashtagFilter,
        "region",
        "language",
        ("posted_at", admin.DateFieldListFilter),
        EngagementFilter,
        "source",
    ]
    search_fields = ["caption", "author", "video_id"]
    date_hierarchy = "posted_at"
    readonly_fields = ["engagement_rate", "imported_at"]
    inlines = [PostHashtagInline]
    actions = ["export_selected_csv"]
    list_per_page = 50

    @admin.display(description="caption")
    def short_caption(self, post: TrendPost) -> str:
        return truncatechars(post.caption, 80)

    @admin.display(description="engagement", ordering="engagement_rate")
    def engagement(self, post: TrendPost) -> str:
        return "–" if post.engagement_rate is None else f"{post.engagement_rate:.1%}"  # noqa: RUF001

    def get_urls(self):
        own = [
            path("export/", self.admin_site.admin_view(self.export_view), name="seo_trendpost_export"),
            path("import/", self.admin_site.admin_view(self.import_view), name="seo_trendpost_import"),
            path(
                "import/<str:stored_name>/columns/",
                self.admin_site.admin_view(self.import_columns_view),
                name="seo_trendpost_import_columns",
            ),
        ]
        return own + super().get_urls()

    @admin.action(description="Export selected posts as CSV", permissions=["view"])
    def export_selected_csv(self, request: HttpRequest, queryset):
        return trend_posts_csv_response(queryset)

    def export_view(self, request: HttpRequest) -> HttpResponse:
        """The changelist's current search and filters, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return trend_posts_csv_response(changelist.get_queryset(request))

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        return import_upload(request, {**self.admin_site.each_context(request), "opts": self.opts})

    def import_columns_view(self, request: HttpRequest, stored_name: str) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        return import_columns(
            request, {**self.admin_site.each_context(request), "opts": self.opts}, stored_name
        )

    def delete_model(self, request, obj):
        tag_ids = list(obj.hashtags.values_list("pk", flat=True))
        super().delete_model(request, obj)
        hashtag_counts_refresh(hashtag_ids=tag_ids)

    def delete_queryset(self, request, queryset):
        tag_ids = list(
            PostHashtag.objects.filter(post__in=queryset).values_list("hashtag_id", flat=True).distinct()
        )
        super().delete_queryset(request, queryset)
        hashtag_counts_refresh(hashtag_ids=tag_ids)

    def save_related(self, request, form, formsets, change):
        before = set(form.instance.hashtags.values_list("pk", flat=True)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(form.instance.hashtags.values_list("pk", flat=True))
        hashtag_counts_refresh(hashtag_ids=before | after)


class AliasFilter(admin.SimpleListFilter):
    title = "kind"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("canonical", "canonical tags"), ("alias", "aliases")]

    def queryset(self, request, queryset):
        if self.value() == "canonical":
            return queryset.filter(canonical__isnull=True)
        if self.value() == "alias":
            return queryset.filter(canonical__isnull=False)
        return queryset


@admin.register(Hashtag)
class HashtagAdmin(admin.ModelAdmin):
    list_display = ["__str__", "post_count", "canonical", "alias_count", "is_blocked", "is_generic", "niche"]
    list_filter = [AliasFilter, "is_blocked", "is_generic", "niche"]
    list_editable = ["is_generic", "niche"]
    search_fields = ["name"]
    raw_id_fields = ["canonical"]
    readonly_fields = ["post_count", "created_at"]
    actions = ["block", "unblock", "merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("canonical").annotate(n_aliases=Count("aliases"))

    @admin.display(description="aliases", ordering="n_aliases")
    def alias_count(self, tag: Hashtag) -> int:
        return tag.n_aliases

    def get_urls(self):
        own = [
            path(
                "duplicates/", self.admin_site.admin_view(self.duplicates_view), name="seo_hashtag_duplicates"
            ),
            path(
                "duplicates/merge/",
                self.admin_site.admin_view(require_POST(self.duplicate_merge_view)),
                name="seo_hashtag_duplicate_merge",
            ),
        ]
        return own + super().get_urls()

    @admin.action(description="Block selected tags (never suggested)", permissions=["change"])
    def block(self, request, queryset):
        count = hashtag_block_set(hashtags=queryset, blocked=True)
        self.message_user(request, f"Blocked {count} tag{'s' if count != 1 else ''}.", messages.SUCCESS)

    @admin.action(description="Unblock selected tags", permissions=["change"])
    def unblock(self, request, queryset):
        count = hashtag_block_set(hashtags=queryset, blocked=False)
        self.message_user(request, f"Unblocked {count} tag{'s' if count != 1 else ''}.", messages.SUCCESS)

    @admin.action(description="Merge selected tags…", permissions=["change"])
    def merge(self, request, queryset):
        tags = list(queryset.order_by("-post_count", "name"))
        if len(tags) < 2:
            self.message_user(request, "Select two or more tags to merge.", messages.WARNING)
            return None
        if "apply" in request.POST:
            chosen = next((t for t in tags if str(t.pk) == request.POST.get("canonical")), None)
            if chosen is None:
                self.message_user(request, "Pick the tag to keep.", messages.ERROR)
            else:
                return self._merge(request, chosen, [t for t in tags if t.pk != chosen.pk], None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge hashtags",
            "tags": tags,
            "suggested": next((t for t in tags if t.canonical_id is None), tags[0]),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return render(request, "admin/seo/hashtag/merge.html", context)

    def _merge(self, request, keep: Hashtag, fold: list[Hashtag], next_url: str | None):
        try:
            moved = hashtag_merge(canonical=keep, others=fold)
        except CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        else:
            names = ", ".join(f"#{t.name}" for t in fold)
            self.message_user(
                request, f"Merged {names} into #{keep.name}; {moved} post links moved.", messages.SUCCESS
            )
        return HttpResponseRedirect(next_url) if next_url else None

    def duplicates_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            job = job_create(
                kind=HASHTAG_DUPLICATES_KIND, title="Find likely duplicate hashtags", user=request.user
            )
            job_enqueue(job=job, task=hashtag_duplicates_task)
            if job_refused_by_queue(job):
                messages.error(request, job.message)
            return redirect("admin:seo_hashtag_duplicates")
        latest = Job.objects.filter(kind=HASHTAG_DUPLICATES_KIND).order_by("-created_at").first()
        done = (
            Job.objects.filter(kind=HASHTAG_DUPLICATES_KIND, status=Job.Status.SUCCEEDED)
            .order_by("-finished_at")
            .first()
        )
        pairs = done.report.get("pairs", []) if done else []
        # Pairs already merged (or tags deleted) since the scan drop out.
        live = set(
            Hashtag.objects.filter(
                canonical__isnull=True, name__in={n for p in pairs for n in (p["keep"], p["fold"])}
            ).values_list("name", flat=True)
        )
        pairs = [p for p in pairs if p["keep"] in live and p["fold"] in live]
        for pair in pairs:  # a scan from before examples were kept says so (None) instead of nothing
            pair.setdefault("keep_examples", None)
            pair.setdefault("fold_examples", None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Likely duplicate hashtags",
            "latest": latest,
            "scanned": done,
            "pairs": pairs,
        }
        return render(request, "admin/seo/hashtag/duplicates.html", context)

    def duplicate_merge_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        back = reverse("admin:seo_hashtag_duplicates")
        keep = Hashtag.objects.filter(name=request.POST.get("keep", "")).first()
        fold = Hashtag.objects.filter(name=request.POST.get("fold", "")).first()
        if keep is None or fold is None:
            self.message_user(request, "One of those tags no longer exists.", messages.ERROR)
            return HttpResponseRedirect(back)
        return self._merge(request, keep, [fold], back)
