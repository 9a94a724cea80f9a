"""The caption workspace: the draft list, the editor with its assistant panel, and draft actions.

The editor form posts back to its own page: "Save" saves, while "Refresh
suggestions", a hashtag chip, "Use this" on a draft and a keyword's insert button
re-render the page with the change applied and nothing saved. With JavaScript the
same buttons are enhanced: the panel is fetched from `draft_panel` as the creator
types (htmx), and tag toggles swap the chosen tags in place.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import profile_for
from captions.forms import DraftForm
from captions.models import Draft, draft_values
from captions.panel import EditorInput, draft_chosen, keyword_insert, panel_build, tag_toggle
from seo.models import Hashtag

PER_PAGE = 20
# Unscored drafts sort last on every database (PostgreSQL puts NULL first in descending order).
SORTS = {"updated": ("-updated_at", "-id"), "score": (F("score").desc(nulls_last=True), "-updated_at", "-id")}
NICHES_SHOWN = 50


def _get_draft_for_user(request: HttpRequest, draft_id: int) -> Draft:
    """The user's own draft; anyone else's is a 404, as if it did not exist."""
    return get_object_or_404(Draft, pk=draft_id, owner=request.user)


@login_required
@require_GET
def draft_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    sort = request.GET.get("sort", "updated")
    sort = sort if sort in SORTS else "updated"
    drafts = Draft.objects.filter(owner=request.user)
    if query:
        drafts = drafts.filter(Q(title__icontains=query) | Q(caption__icontains=query))
    page = Paginator(drafts.order_by(*SORTS[sort]), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "sort": sort,
        "total": Draft.objects.filter(owner=request.user).count(),
        "nav": "captions",
    }
    return render(request, "captions/draft_list.html", context)


def _niches() -> list[str]:
    names = Hashtag.objects.exclude(niche="").values_list("niche", flat=True).distinct()
    return sorted(set(names))[:NICHES_SHOWN]


def _editor_page(
    request: HttpRequest,
    *,
    draft: Draft | None,
    form: DraftForm,
    data: EditorInput,
    message: str = "",
    status=200,
) -> HttpResponse:
    profile = profile_for(request.user)
    context = {
        "draft": draft,
        "form": form,
        "panel": panel_build(data=data, default_language=profile.default_language, message=message),
        "niches": _niches(),
        "nav": "captions",
    }
    return render(request, "captions/editor.html", context, status=status)


def _apply_button(data: EditorInput, post, default_language: str) -> tuple[EditorInput, str]:
    """The change a non-save button asks for; returns the new input and a message for the panel."""
    message = ""
    if "toggle_tag" in post:
        data.hashtags, message = tag_toggle(tags=data.hashtags, tag=post["toggle_tag"])
    elif "insert" in post:
        placement, _, term = post["insert"].partition("|")
        data = keyword_insert(data=data, placement=placement, term=term)
    elif "use_draft" in post:
        data = draft_chosen(data, post)
    return data, message


def _editor(request: HttpRequest, draft: Draft | None) -> HttpResponse:
    if request.method == "GET":
        if draft is None:
            profile = profile_for(request.user)
            blank = Draft(owner=request.user, niche=profile.niche)
            data = EditorInput.from_draft(blank)
            # "Draft with this" on the Hooks page: the picked pattern (and its language) lead the drafts.
            data.pattern = request.GET.get("pattern", "")[:40]
            picked = EditorInput.from_data({"language": request.GET.get("language", "")}).language
            if picked:
                blank.language = data.language = picked
            return _editor_page(request, draft=None, form=DraftForm(instance=blank), data=data)
        return _editor_page(
            request, draft=draft, form=DraftForm(instance=draft), data=EditorInput.from_draft(draft)
        )
    data = EditorInput.from_data(request.POST)
    if request.POST.get("action") != "save":
        data, message = _apply_button(data, request.POST, profile_for(request.user).default_language)
        form = DraftForm(initial=data.as_initial(), instance=draft)
        return _editor_page(request, draft=draft, form=form, data=data, message=message)
    form = DraftForm(request.POST, instance=draft or Draft(owner=request.user))
    if not form.is_valid():
        return _editor_page(request, draft=draft, form=form, data=data, status=400)
    saved = form.save(commit=False)
    panel = panel_build(
        data=EditorInput.from_draft(saved), default_language=profile_for(request.user).default_language
    )
    saved.detected_language = panel["language_detected"]
    saved.score = panel["score"].score
    saved.save()
    messages.success(request, f"Saved “{saved.title}” (score {saved.score}).")
    return redirect("captions:draft_edit", draft_id=saved.pk)


@login_required
@require_http_methods(["GET", "POST"])
def draft_new(request: HttpRequest) -> HttpResponse:
    return _editor(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, draft_id: int) -> HttpResponse:
    return _editor(request, _get_draft_for_user(request, draft_id))


@login_required
@require_POST
def draft_panel(request: HttpRequest) -> HttpResponse:
    """The panel alone for what the form holds now (htmx, while the creator types or toggles a tag)."""
    data = EditorInput.from_data(request.POST)
    profile = profile_for(request.user)
    data, message = _apply_button(data, request.POST, profile.default_language)
    context = {"panel": panel_build(data=data, default_language=profile.default_language, message=message)}
    html = render_to_string("captions/editor.html#panel", context, request=request)
    # The final caption and its length sit beside the form: swapped out of band with every refresh.
    for part in ("caption_counter", "final_caption"):
        html += render_to_string(f"captions/editor.html#{part}", {**context, "oob": True}, request=request)
    if "toggle_tag" in request.POST:
        # The chosen tags live in the form beside the panel: swap them out of band.
        form = DraftForm(initial=data.as_initial())
        html += render_to_string(
            "captions/editor.html#chosen_tags", {**context, "form": form, "oob": True}, request=request
        )
    return HttpResponse(html)


@login_required
@require_POST
def draft_duplicate(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _get_draft_for_user(request, draft_id)
    copy = Draft.objects.create(
        owner=request.user,
        **{**draft_values(draft), "title": f"{draft.title} (copy)"[:200]},
        detected_language=draft.detected_language,
        score=draft.score,
    )
    messages.success(request, f"Duplicated “{draft.title}”: you are editing the copy.")
    return redirect("captions:draft_edit", draft_id=copy.pk)


@login_required
@require_http_methods(["GET", "POST"])
def draft_delete(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _get_draft_for_user(request, draft_id)
    if request.method == "POST":
        title = draft.title
        draft.delete()
        messages.success(request, f"Deleted “{title}”.")
        return redirect("captions:draft_list")
    return render(request, "captions/draft_confirm_delete.html", {"draft": draft, "nav": "captions"})
