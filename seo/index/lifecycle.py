"""The suggestion index's life cycle: build, store, switch, load, clean up.

A build writes a new version directory DATA_DIR/index/v<N>/ beside the serving one
and records it as an IndexVersion row; only when every file is written does one
transaction retire the old active row and activate the new one (a partial unique
constraint allows one active row). A build that fails or is killed never reaches
that transaction, so the previous version keeps serving. Every process asks the
database which version is active at most every HOOKLINE_INDEX_RELOAD_SECONDS and
loads a new one when it changed: no restart needed.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from seo.index.build import CorpusArrays, Progress, build_artifact
from seo.models import Hashtag, IndexVersion, PostHashtag, TrendPost

logger = logging.getLogger(__name__)

KEEP_VERSIONS = 2


def recency_reference() -> float | None:
    """HOOKLINE_RECENCY_REFERENCE (ISO date/time) overrides "the newest post in the corpus"."""
    raw = settings.HOOKLINE_RECENCY_REFERENCE
    if not raw:
        return None
    moment = datetime.fromisoformat(raw)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


# --- reading the corpus ---------------------------------------------------------------


def corpus_from_db() -> CorpusArrays:
    """The whole corpus as arrays, tags folded onto their canonical tag."""
    tags = list(
        Hashtag.objects.values_list("id", "name", "canonical_id", "is_generic", "is_blocked", "niche")
    )
    by_id = {row[0]: row for row in tags}

    def canonical(tag_id: int) -> int:
        seen = set()
        while by_id[tag_id][2] is not None and tag_id not in seen and by_id[tag_id][2] in by_id:
            seen.add(tag_id)
            tag_id = by_id[tag_id][2]
        return tag_id

    canonical_rows = [row for row in tags if row[2] is None or canonical(row[0]) == row[0]]
    position = {row[0]: i for i, row in enumerate(canonical_rows)}
    folded = {row[0]: position[canonical(row[0])] for row in tags}

    posts = TrendPost.objects.order_by("id").values_list(
        "id", "caption", "engagement_rate", "posted_at", "language", "author"
    )
    post_ids, captions, rates, stamps, languages, authors = [], [], [], [], [], []
    for pk, caption, rate, posted_at, language, author in posts.iterator(chunk_size=5000):
        authors.append(author or "")
        post_ids.append(pk)
        captions.append(caption)
        rates.append(np.nan if rate is None else rate)
        stamps.append(np.nan if posted_at is None else posted_at.timestamp())
        languages.append(language or "")
    row_of = {pk: i for i, pk in enumerate(post_ids)}
    per_post: list[set[int]] = [set() for _ in post_ids]
    for post_id, tag_id in PostHashtag.objects.values_list("post_id", "hashtag_id").iterator(
        chunk_size=20000
    ):
        if post_id in row_of:
            per_post[row_of[post_id]].add(folded[tag_id])
    indptr = np.zeros(len(post_ids) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(s) for s in per_post])
    indices = np.fromiter((t for s in per_post for t in sorted(s)), dtype=np.int32, count=int(indptr[-1]))
    aliases = [row for row in tags if row[0] not in position]
    return CorpusArrays(
        post_ids=np.asarray(post_ids, dtype=np.int64),
        captions=captions,
        tag_indptr=indptr,
        tag_indices=indices,
        tag_names=[row[1] for row in canonical_rows],
        engagement_rate=np.asarray(rates, dtype=np.float64),
        posted_ts=np.asarray(stamps, dtype=np.float64),
        languages=languages,
        tag_generic=np.asarray([row[3] for row in canonical_rows], dtype=bool),
        tag_blocked=np.asarray([row[4] for row in canonical_rows], dtype=bool),
        tag_niche=[row[5] for row in canonical_rows],
        alias_names=[row[1] for row in aliases],
        authors=authors,
        alias_targets=np.asarray([folded[row[0]] for row in aliases], dtype=np.int32),
    )


# --- building and switching -----------------------------------------------------------


def _new_version() -> IndexVersion:
    for _ in range(5):
        try:
            with transaction.atomic():
                latest = IndexVersion.objects.aggregate(top=Max("version"))["top"] or 0
                number = latest + 1
                return IndexVersion.objects.create(version=number, path=f"index/v{number}")
        except IntegrityError:
            continue  # another build took the number at the same moment
    raise RuntimeError("could not allocate an index version number")


def index_activate(*, version: IndexVersion) -> IndexVersion:
    """Make `version` the one serving: retire the active row and activate this one, atomically."""
    with transaction.atomic():
        current = IndexVersion.objects.select_for_update().filter(pk=version.pk).first()
        if current is None or current.status not in (IndexVersion.Status.READY, IndexVersion.Status.RETIRED):
            raise ValueError(f"index v{version.version} is not ready to serve")
        IndexVersion.objects.filter(status=IndexVersion.Status.ACTIVE).update(
            status=IndexVersion.Status.RETIRED
        )
        IndexVersion.objects.filter(pk=version.pk).update(
            status=IndexVersion.Status.ACTIVE, activated_at=timezone.now()
        )
    version.refresh_from_db()
    return version


def index_build(
    *,
    corpus: CorpusArrays | None = None,
    progress: Progress | None = None,
    activate: bool = True,
    on_version: Callable[[IndexVersion], None] | None = None,
) -> IndexVersion:
    """Build a new index version from the corpus (the database unless given) and switch to it.

    `on_version` is told the new version's row first, so a job can find (and clean up) the
    version its build left half-made if its worker dies.
    """
    row = _new_version()
    if on_version is not None:
        on_version(row)
    out_dir = Path(settings.DATA_DIR) / row.path
    started = time.perf_counter()
    try:
        if corpus is None:
            corpus = corpus_from_db()
        if not corpus.captions:
            raise ValueError("the trend corpus is empty: import trending posts first")
        meta = build_artifact(corpus, out_dir, reference_ts=recency_reference(), progress=progress)
        size = sum(f.stat().st_size for f in out_dir.iterdir() if f.is_file())
        IndexVersion.objects.filter(pk=row.pk).update(
            status=IndexVersion.Status.READY,
            posts=meta["posts"],
            terms=meta["terms"],
            size_bytes=size,
            build_seconds=round(time.perf_counter() - started, 3),
        )
    except BaseException as exc:
        IndexVersion.objects.filter(pk=row.pk).update(
            status=IndexVersion.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        shutil.rmtree(out_dir, ignore_errors=True)
        raise
    row.refresh_from_db()
    if activate:
        row = index_activate(version=row)
        index_cleanup()
    return row


def index_version_abandon(*, version_pk: int, reason: str) -> bool:
    """Fail a version still "building" whose builder died, and remove its files."""
    row = IndexVersion.objects.filter(pk=version_pk).first()
    if row is None:
        return False
    failed = IndexVersion.objects.filter(pk=version_pk, status=IndexVersion.Status.BUILDING).update(
        status=IndexVersion.Status.FAILED, error=reason[:2000]
    )
    if failed and row.path:
        shutil.rmtree(Path(settings.DATA_DIR) / row.path, ignore_errors=True)
    return bool(failed)


def index_cleanup(*, keep: int = KEEP_VERSIONS, stale_after: timedelta | None = None) -> list[int]:
    """Delete the files of all but the newest `keep` servable versions; fail builds that died."""
    stale_after = stale_after or timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 2)
    IndexVersion.objects.filter(
        status=IndexVersion.Status.BUILDING, created_at__lt=timezone.now() - stale_after
    ).update(status=IndexVersion.Status.FAILED, error="build interrupted (no progress for too long)")
    servable = [IndexVersion.Status.ACTIVE, IndexVersion.Status.READY, IndexVersion.Status.RETIRED]
    kept = list(
        IndexVersion.objects.filter(status__in=servable)
        .order_by("-version")
        .values_list("version", flat=True)[:keep]
    )
    active = IndexVersion.objects.filter(status=IndexVersion.Status.ACTIVE).values_list("version", flat=True)
    kept_set = set(kept) | set(active)
    removed = []
    for old in IndexVersion.objects.exclude(version__in=kept_set).exclude(
        status=IndexVersion.Status.BUILDING
    ):
        directory = Path(settings.DATA_DIR) / old.path if old.path else None
        if directory and directory.exists():
            shutil.rmtree(directory, ignore_errors=True)
            removed.append(old.version)
        if old.status in (IndexVersion.Status.READY, IndexVersion.Status.ACTIVE):
            IndexVersion.objects.filter(pk=old.pk).update(status=IndexVersion.Status.RETIRED)
    return removed
