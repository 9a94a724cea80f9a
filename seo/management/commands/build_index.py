"""`python manage.py build_index`: build a new index version in this process and switch to it."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from seo.index.lifecycle import index_build, index_cleanup


class Command(BaseCommand):
    help = "Build the suggestion index from the trend corpus and make it the active version."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-activate", action="store_true", help="Build but keep the current version serving."
        )

    def handle(self, *args, **options):
        def progress(done: int, total: int, message: str) -> None:
            if options["verbosity"] >= 2:
                self.stderr.write(f"[{done}/{total}] {message}")

        try:
            version = index_build(progress=progress, activate=not options["no_activate"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["no_activate"]:
            index_cleanup()
        self.stdout.write(
            f"index v{version.version} {version.status}: {version.posts:,} posts, {version.terms:,} terms, "
            f"{(version.size_bytes or 0) / 1e6:.1f} MB, built in {version.build_seconds:.2f} s"
        )
