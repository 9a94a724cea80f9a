"""`python manage.py trend_stats [--incremental]`: recompute the explorer's trend figures now."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from trends.services import trend_stats_recompute


class Command(BaseCommand):
    help = "Recompute trend statistics (hashtags, keywords, sounds over 7, 30 and 120 days)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--incremental",
            action="store_true",
            help="Skip when the corpus is unchanged and tokenise only newly imported captions.",
        )

    def handle(self, *args, incremental: bool = False, **options) -> None:
        verbose = options["verbosity"] > 1
        run = trend_stats_recompute(full=not incremental, progress=self.stdout.write if verbose else None)
        if run.skipped:
            self.stdout.write("The corpus has not changed since the last run: nothing to do.")
            return
        if not run.posts:
            self.stdout.write(
                "The trend corpus is empty: import posts with `python manage.py import_trends FILE`."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.rows:,} trend rows from {run.posts:,} posts "
                f"({run.oldest_date} to {run.reference_date}) in {run.seconds:.1f} s; "
                f"{run.tokenised:,} captions tokenised."
            )
        )
