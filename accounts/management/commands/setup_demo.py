"""Make a fresh install usable: tables, demo corpus, index, trend statistics, demo users and their plans.

Safe to run again: every step upserts, so nothing is duplicated.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import profile_for

DEMO_CREATOR = ("demo", "demo@hookline.local", "hookline-demo")
DEMO_STAFF = ("admin", "admin@hookline.local", "hookline-admin")


def demo_user_ensure(*, username: str, email: str, password: str, staff: bool = False):
    """Create the user, or reset its password and flags, so the printed credentials always work."""
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_staff = staff
    user.is_superuser = staff
    user.set_password(password)
    user.save()
    profile = profile_for(user)
    if not profile.tiktok_handle and not staff:
        profile.timezone = "Europe/Oslo"
        profile.niche = "food"
        profile.save()
    return user


class Command(BaseCommand):
    help = "Load demo trend data, build the index and trend statistics, create demo users (idempotent)."

    def handle(self, *args, **options) -> None:
        from seo.corpus.demo import demo_corpus_load
        from seo.index.lifecycle import index_build
        from series.demo import demo_series_create
        from trends.services import trend_stats_recompute

        # A fresh data directory has no tables yet: make them, rather than fail on the first query.
        call_command("migrate", interactive=False, verbosity=0)
        report = demo_corpus_load()
        self.stdout.write(f"Demo corpus: {report.summary}")
        version = index_build()
        self.stdout.write(
            f"Suggestion index: v{version.version}, {version.posts} posts, {version.terms} terms"
        )
        trend_stats_recompute(full=True)
        self.stdout.write("Trend statistics: recomputed")
        with transaction.atomic():
            creator = demo_user_ensure(
                username=DEMO_CREATOR[0], email=DEMO_CREATOR[1], password=DEMO_CREATOR[2]
            )
            demo_user_ensure(username=DEMO_STAFF[0], email=DEMO_STAFF[1], password=DEMO_STAFF[2], staff=True)
            demo_series_create(user=creator)
        self.stdout.write(
            self.style.SUCCESS(
                f"\nSign in at {settings.SITE_URL}/accounts/login/\n"
                f"  creator: {DEMO_CREATOR[0]} / {DEMO_CREATOR[2]}\n"
                f"  staff:   {DEMO_STAFF[0]} / {DEMO_STAFF[2]}  (admin at /admin/)\n"
            )
        )
