"""python manage.py load_demo_corpus — import Hookline's demo trend posts (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from seo.corpus.demo import demo_corpus_load


class Command(BaseCommand):
    help = "Load Hookline's own demo trend corpus (about 3,200 posts in 24 niches, dated up to now, source 'demo'); safe to run twice."

    def handle(self, *args, **options) -> None:
        report = demo_corpus_load()
        if not report.imported:
            raise CommandError(report.summary)
        self.stdout.write(self.style.SUCCESS(f"Demo corpus: {report.summary}"))
