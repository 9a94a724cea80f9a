"""The assistant panel beside the editor: keywords, hashtags, caption drafts and the score.

One function, `panel_build`, turns what the creator has typed so far into the
panel's context. The editor page renders it on load and on every form post, and
the htmx endpoint renders it alone while the creator types, so the page with and
without JavaScript shows the same panel. The data comes from the suggestion engine
(seo.suggest.engine), the drafter (seo.score.drafting) and the score (seo.score.checklist); this module
only decides what to show and how the creator's hashtag choices change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from captions.models import LANGUAGE_NAMES, Draft, draft_values, language_name
from seo.models import Hashtag
from seo.score.checklist import MAX_HASHTAGS, SeoScore
from seo.score.drafting import caption_drafts
from seo.score.inputs import caption_score_for
from seo.suggest.engine import blocked_tags, suggest, tag_tiers
from seo.suggest.suggestions import PostRef, SuggestError, Suggestions
from seo.text import caption as ct
from seo.text.hashtags import hashtags_from_field, normalize_hashtag, unique_in_order
from seo.text.language import detect_language

KEYWORDS_SHOWN = 8
TAGS_ASKED = 15
EVIDENCE_SHOWN = 3
TOPIC_CHARS = 200  # the drafts restate the idea; a long pasted caption is cut to its start
FIELD_LIMITS = {"title": 200, "topic": 5000, "hook": 300, "on_screen_text": 300, "caption": 5000, "niche": 50}
# The score reads a caption as far as the API's /score does, so its "Caption length" names the
# number the editor's counter shows even for a caption past the 5,000 the rest of the panel reads.
SCORED_CAPTION_CHARS = 20_000
PLACEMENT_LABELS = {"hook": "hook", "on_screen": "on-screen", "caption": "caption"}
PLACEMENT_FIELDS = {"hook": "hook", "on_screen": "on_screen_text", "caption": "caption"}


@dataclass
class EditorInput:
    """What the editor form holds right now, read leniently (nothing here is saved)."""

    title: str = ""
    topic: str = ""
    hook: str = ""
    on_screen_text: str = ""
    caption: str = ""
    language: str = ""  # "" = detect from the text
    niche: str = ""
    hashtags: list[str] = field(default_factory=list)
    pattern: str = ""  # a hook pattern picked on the Hooks page: the drafts start with it
    caption_beyond: str = ""  # the caption past FIELD_LIMITS["caption"]: only the score reads it

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> EditorInput:
        values = {name: str(data.get(name, "") or "")[:limit] for name, limit in FIELD_LIMITS.items()}
        whole_caption = str(data.get("caption", "") or "")[:SCORED_CAPTION_CHARS]
        language = str(data.get("language", "") or "").strip().lower()
        return cls(
            **{
                name: value.strip() if name in ("title", "niche") else value for name, value in values.items()
            },
            language=language if language in LANGUAGE_NAMES else "",
            hashtags=tags_parse(str(data.get("hashtags", "") or "")),
            pattern=str(data.get("pattern", "") or "")[:40],
            caption_beyond=whole_caption[FIELD_LIMITS["caption"] :],
        )

    @classmethod
    def from_draft(cls, draft: Draft) -> EditorInput:
        return cls(**draft_values(draft))

    def as_initial(self) -> dict[str, Any]:
        """Values for an unbound DraftForm, so a re-rendered page shows exactly this."""
        return {**draft_values(self), "hashtags": tags_text(self.hashtags)}

    @property
    def text(self) -> str:
        """Everything TikTok search reads: the hook, the on-screen text and the caption (plus the idea)."""
        return "\n".join(p for p in (self.hook, self.on_screen_text, self.topic, self.caption) if p.strip())


def tags_parse(value: str) -> list[str]:
    """Normalised, deduplicated tags from the hashtags field ("#Food, #pasta" -> food, pasta)."""
    return unique_in_order(hashtags_from_field(value))


def tags_text(tags: list[str]) -> str:
    return " ".join(f"#{tag}" for tag in tags)


def tag_toggle(*, tags: list[str], tag: str) -> tuple[list[str], str]:
    """The tags with `tag` added or removed, and a message when it could not be added."""
    tag = normalize_hashtag(tag)
    if not tag:
        return tags, ""
    if tag in tags:
        return [t for t in tags if t != tag], ""
    if tag in blocked_tags():
        return tags, f"#{tag} is blocked on Hookline and cannot be added."
    if len(tags) >= MAX_HASHTAGS:
        return tags, (f"You already have {MAX_HASHTAGS} hashtags, TikTok's limit. Remove one to add #{tag}.")
    return [*tags, tag], ""


def keyword_insert(*, data: EditorInput, placement: str, term: str) -> EditorInput:
    """The input with `term` added to the field its placement names (the no-JavaScript path)."""
    name = PLACEMENT_FIELDS.get(placement)
    term = " ".join(term.split())[:100]
    if not name or not term:
        return data
    current = getattr(data, name)
    setattr(data, name, f"{current.rstrip()} {term}".strip() if current.strip() else term)
    return data


def draft_parts(text: str) -> tuple[str, list[str]]:
    """A drafted caption split into its words and its closing line of hashtags."""
    body, _, last = text.rstrip().rpartition("\n\n")
    words = last.split()
    if body and words and all(word.startswith("#") for word in words):
        return body, tags_parse(last)
    return text, []


def _language(data: EditorInput, fallback: str) -> tuple[str, str]:
    """(language used, language detected or "")."""
    detected = detect_language(data.text) if data.text.strip() else ""
    return data.language or detected or fallback or "en", detected


def _tag_rows(found: Suggestions | None, chosen: list[str], blocked: set[str]) -> tuple[list, list]:
    """(recommended 3-5, the longer list) of tags not chosen yet; blocked tags are never offered."""
    if found is None:
        return [], []
    rows = [row for row in found.hashtags if row.tag not in blocked and row.tag not in chosen]
    by_tag = {row.tag: row for row in rows}
    recommended = [by_tag[tag] for tag in found.recommended if tag in by_tag]
    others = [row for row in rows if row.tag not in found.recommended]
    return recommended, others


def _keywords(found: Suggestions | None, data: EditorInput) -> list[dict[str, Any]]:
    if found is None:
        return []
    used = ct.TextIndex(data.hook, data.on_screen_text, data.caption)
    return [
        {
            "term": kw.term,
            "posts": kw.posts,
            "stage": kw.stage,
            "used": used.contains(kw.term),
            "placements": [
                {"key": where, "label": PLACEMENT_LABELS[where], "field": PLACEMENT_FIELDS[where]}
                for where in kw.placement
                if where in PLACEMENT_LABELS
            ],
        }
        for kw in found.keywords[:KEYWORDS_SHOWN]
    ]


def _evidence(found: Suggestions | None) -> list[PostRef]:
    if found is None:
        return []
    posts = list(found.similar_posts)
    if not posts:  # the trending fallback has no similar posts; its tags carry examples
        for row in found.hashtags:
            posts.extend(row.examples)
    seen: dict[str, PostRef] = {}
    for post in posts:
        seen.setdefault(post.video_id, post)
    return list(seen.values())[:EVIDENCE_SHOWN]


def _drafts(data: EditorInput, tags: list[str], blocked: set[str]) -> list[dict[str, Any]]:
    topic = data.topic.strip() or ct.plain_text(data.caption).strip() or data.title
    drafts = caption_drafts(
        topic=" ".join(topic.split())[:TOPIC_CHARS],
        hook=data.hook,
        hashtags=tags,
        language=data.language,
        niche=data.niche,
        score_niche=data.niche or None,  # scored with the editor's own inputs, so "Use this" keeps the number
        blocked=blocked,
        prefer=data.pattern,
    )
    out = []
    for number, draft in enumerate(drafts):
        body, draft_tags = draft_parts(draft.text)
        out.append(
            {
                "number": number,
                "style": draft.pattern.title,
                "kind": draft.kind,
                "pattern": draft.pattern,
                "hook": draft.hook,
                "text": draft.text,
                "body": body,
                "tags": draft_tags,
                "tags_text": tags_text(draft_tags),
                "score": draft.score.score,
            }
        )
    return out


def panel_score(data: EditorInput) -> SeoScore:
    """The caption's score: the very function and inputs of the API, batch and `manage.py score`."""
    score, _ = caption_score_for(
        caption=data.caption + data.caption_beyond,
        hook=data.hook,
        on_screen_text=data.on_screen_text,
        hashtags=data.hashtags,
        language=data.language or None,
        niche=data.niche or None,
    )
    return score


def draft_chosen(data: EditorInput, post: Mapping[str, Any]) -> EditorInput:
    """The input with the draft the creator picked, read from the panel already shown (no rebuild)."""
    number = str(post.get("use_draft", ""))
    body = str(post.get(f"draft_body_{number}", "") or "")[: FIELD_LIMITS["caption"]]
    if not body.strip():
        return data
    data.caption = body
    data.caption_beyond = ""
    data.hashtags = tags_parse(str(post.get(f"draft_tags_{number}", "") or "")) or data.hashtags
    if not data.hook.strip():
        data.hook = str(post.get(f"draft_hook_{number}", "") or "")[: FIELD_LIMITS["hook"]]
    return data


def panel_build(*, data: EditorInput, default_language: str = "en", message: str = "") -> dict[str, Any]:
    """Everything templates/captions/editor.html#panel shows for this input."""
    language, detected = _language(data, default_language)
    blocked = blocked_tags()
    notes: list[str] = []
    found: Suggestions | None = None
    has_text = bool(data.text.strip())
    if has_text:
        try:
            found = suggest(
                text=data.text,
                language=language,
                niche=data.niche or None,
                hashtags=data.hashtags,
                k=TAGS_ASKED,
            )
        except SuggestError as exc:
            notes.append(str(exc))
    recommended, more = _tag_rows(found, data.hashtags, blocked)
    draft_tags = data.hashtags or [row.tag for row in recommended]
    tiers = tag_tiers(data.hashtags)
    score = panel_score(data)
    if len(data.hashtags) > MAX_HASHTAGS and not message:
        message = f"You have {len(data.hashtags)} hashtags; TikTok allows {MAX_HASHTAGS}. Remove {len(data.hashtags) - MAX_HASHTAGS}."
    return {
        "has_text": has_text,
        "language": language,
        "language_name": language_name(language),
        "language_detected": detected,
        "language_detected_name": language_name(detected) if detected else "",
        "language_chosen": bool(data.language),
        "keywords": _keywords(found, data),
        "recommended_tags": recommended,
        "more_tags": more,
        "chosen_tags": data.hashtags,
        # What gets pasted, rendered here so the page (and its copy button) has no rule of its own.
        "final_caption": ct.final_caption(data.caption + data.caption_beyond, data.hashtags),
        "chosen_rows": _chosen_rows(data.hashtags, tiers, blocked),
        "tag_cap": MAX_HASHTAGS,
        "at_cap": len(data.hashtags) >= MAX_HASHTAGS,
        "tag_message": message,
        "drafts": _drafts(data, draft_tags, blocked) if has_text else [],
        "pattern": data.pattern,
        "score": score,
        "passed": [item for item in score.items if item.status == "pass"],
        "score_band": "pass" if score.score >= 70 else "warn" if score.score >= 40 else "fail",
        "fallback": found.fallback if found else None,
        "confidence": found.confidence if found else None,
        "confidence_reason": found.confidence_reason if found else "",
        "filler": found.filler if found else [],
        "evidence": _evidence(found),
        "notes": notes,
    }


def _chosen_rows(tags: list[str], tiers: Mapping[str, str], blocked: set[str]) -> list[dict[str, Any]]:
    """The creator's own tags with tier and popularity (the engine leaves typed tags out of its list)."""
    posts = dict(Hashtag.objects.filter(name__in=tags).values_list("name", "post_count")) if tags else {}
    return [
        {"tag": tag, "tier": tiers.get(tag, "niche"), "posts": posts.get(tag, 0), "blocked": tag in blocked}
        for tag in tags
    ]
