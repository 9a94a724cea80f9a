"""The trend corpus: trending posts, their hashtags, and the search index's versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Hashtag(models.Model):
    """One normalised hashtag (see seo.text.hashtags.normalize_hashtag).

    An alias points at its canonical tag through `canonical`; posts are always
    linked to the canonical tag, and the alias row stays so later imports fold too.
    """

    name = models.CharField(max_length=150, unique=True)
    canonical = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aliases",
        help_text="Set when this tag is an alias of another one.",
    )
    is_blocked = models.BooleanField(default=False, db_index=True, help_text="Never suggested.")
    is_generic = models.BooleanField(
        default=False,
        db_index=True,
        help_text="Staff-curated generic tag (like fyp): says nothing about the content.",
    )
    niche = models.CharField(max_length=50, blank=True, db_index=True)
    post_count = models.PositiveIntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-post_count", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(canonical=models.F("id")), name="hashtag_not_alias_of_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.name}"


class TrendPost(models.Model):
    """A trending post as imported; unique per (source, video_id) so imports upsert."""

    # Indexed through the unique (source, video_id) constraint, whose leading column it is.
    source = models.CharField(max_length=50, default="import")
    video_id = models.CharField(max_length=64)
    caption = models.TextField()
    # author and sound are not indexed: nothing filters or sorts on them in a way an index
    # serves (peak hours use author__iexact, the admin searches with icontains), and each
    # index costs every import.
    author = models.CharField(max_length=100, blank=True)
    views = models.BigIntegerField(null=True, blank=True)
    likes = models.BigIntegerField(null=True, blank=True)
    comments = models.BigIntegerField(null=True, blank=True)
    shares = models.BigIntegerField(null=True, blank=True)
    saves = models.BigIntegerField(null=True, blank=True)
    # (likes + comments + shares + saves) / views; null when views are unknown or zero.
    engagement_rate = models.FloatField(null=True, blank=True, db_index=True)
    posted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # region and language are indexed in Meta.indexes: plain b-trees for the admin filters and
    # peak hours' language scope, without the extra LIKE-pattern index db_index adds on PostgreSQL.
    region = models.CharField(max_length=8, blank=True)
    language = models.CharField(max_length=16, blank=True)
    sound = models.CharField(max_length=300, blank=True)
    duration_s = models.FloatField(null=True, blank=True)
    url = models.URLField(max_length=500, blank=True)
    imported_at = models.DateTimeField(auto_now=True)
    hashtags = models.ManyToManyField(Hashtag, through="PostHashtag", related_name="posts")

    class Meta:
        ordering = ["-posted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "video_id"], name="trendpost_unique_source_video"),
        ]
        indexes = [
            models.Index(fields=["region"], name="trendpost_region_idx"),
            models.Index(fields=["language"], name="trendpost_language_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.video_id}"


class PostHashtag(models.Model):
    # No single-column indexes: the unique (post, hashtag) and the (hashtag, post) index
    # already serve both lookups, and every index slows a bulk import down.
    post = models.ForeignKey(TrendPost, on_delete=models.CASCADE, db_index=False)
    hashtag = models.ForeignKey(Hashtag, on_delete=models.CASCADE, db_index=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "hashtag"], name="posthashtag_unique"),
        ]
        indexes = [models.Index(fields=["hashtag", "post"])]

    def __str__(self) -> str:
        return f"{self.post_id} #{self.hashtag_id}"


class IndexVersion(models.Model):
    """One built (or failed) version of the suggestion index artifact in DATA_DIR/index/."""

    class Status(models.TextChoices):
        BUILDING = "building"
        READY = "ready"
        ACTIVE = "active"
        FAILED = "failed"
        RETIRED = "retired"

    version = models.PositiveIntegerField(unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BUILDING, db_index=True)
    posts = models.PositiveIntegerField(default=0)
    terms = models.PositiveIntegerField(default=0)
    build_seconds = models.FloatField(null=True, blank=True)
    size_bytes = models.BigIntegerField(null=True, blank=True)
    path = models.CharField(max_length=500, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            # At most one version serves at a time.
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="active"), name="indexversion_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"index v{self.version} ({self.status})"


class ImportPreset(models.Model):
    """A named column mapping for the CSV or spreadsheet exports Hookline does not know by
    itself: {column name in the file: post field} (seo.corpus.importing.mapping)."""

    name = models.CharField(max_length=100, unique=True)
    columns = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportSource(models.Model):
    """A folder Hookline watches or an HTTPS address it fetches, imported on a schedule
    (seo.corpus.importing.sources); paused after IMPORT_SOURCE_MAX_FAILURES failed runs in a row."""

    class Kind(models.TextChoices):
        FOLDER = "folder", "Folder on the server"
        URL = "url", "HTTPS address"

    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    location = models.CharField(max_length=1000, help_text="The folder's path, or the https:// address.")
    post_source = models.SlugField(
        max_length=50, default="import", help_text="Label of the imported posts (re-imports update them)."
    )
    preset = models.ForeignKey(
        ImportPreset,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Column mapping for CSV or .xlsx files Hookline does not recognise by itself.",
    )
    skip_invalid = models.BooleanField(default=False, help_text="Import the valid rows, list the others.")
    interval_minutes = models.PositiveIntegerField(default=60)
    enabled = models.BooleanField(default=True)
    failure_count = models.PositiveSmallIntegerField(default=0, help_text="Failed runs in a row.")
    paused_reason = models.CharField(max_length=500, blank=True)
    next_run_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_job = models.ForeignKey(
        "jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Folder: {"name|size|mtime": when imported}; address: {"sha256": of the last body imported}.
    seen = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
