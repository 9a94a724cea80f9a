"""python manage.py import_trends FILE [FILE...] [--dry-run] [--skip-invalid] [--source NAME]
[--format research|scraper|csv|xlsx|jsonl] [--preset NAME]

Without --format each file's format is recognised from its content: canonical CSV or JSON
Lines, .xlsx workbooks, TikTok Research API responses (pages, JSON Lines of pages, or a list
of videos) and scraper dataset items (a JSON array or JSON Lines). --preset NAME reads CSV or
.xlsx files of any columns through a column mapping saved in the admin upload."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from seo.corpus.importing import ImportReport, trend_import
from seo.corpus.importing.formats import FORMATS
from seo.models import ImportPreset

LISTED_IN_TERMINAL = 50


class Command(BaseCommand):
    help = "Import trending posts from CSV, JSON Lines, Research API or scraper JSON files (upsert by source + video id)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="CSV, JSON Lines or JSON files")
        parser.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid rows and list the skipped ones"
        )
        parser.add_argument(
            "--source", default="import", help="source label for these posts (default: import)"
        )
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=FORMATS,
            help="read every file as this format (default: recognised from each file's content)",
        )
        parser.add_argument(
            "--preset",
            metavar="NAME",
            help="read CSV or .xlsx files through this saved column mapping (see the admin's Import presets)",
        )

    def handle(
        self,
        *args,
        files: list[str],
        dry_run: bool,
        skip_invalid: bool,
        source: str,
        file_format: str | None = None,
        preset: str | None = None,
        **options,
    ) -> None:
        if preset and file_format:
            raise CommandError("Use --format or --preset, not both: a preset reads CSV and .xlsx files.")
        if preset:
            found = ImportPreset.objects.filter(name=preset).first()
            if found is None:
                names = (
                    ", ".join(ImportPreset.objects.values_list("name", flat=True)[:20]) or "none saved yet"
                )
                raise CommandError(f"No import preset named {preset!r} (presets: {names}).")
            file_format = found.columns
        report = trend_import(
            paths=files, source=source, dry_run=dry_run, skip_invalid=skip_invalid, file_format=file_format
        )
        self._print(report)
        if not report.imported:
            raise CommandError("Nothing was imported because of the errors above.")
        if report.created + report.updated == 0 and report.error_count:
            raise CommandError("No valid rows to import.")

    def _print(self, report: ImportReport) -> None:
        out = self.stdout
        out.write(f"Files: {', '.join(report.files)} (source {report.source!r})")
        out.write(
            f"Rows read: {report.rows_read:,}  created: {report.created:,}  updated: {report.updated:,}  "
            f"skipped: {report.skipped:,}  new hashtags: {report.new_hashtags:,}"
        )
        for error in report.errors[:LISTED_IN_TERMINAL]:
            place = f"line {error['line']}" if error["line"] else ""
            if error.get("item") is not None:
                place = f"{place}, item {error['item']}" if place else f"item {error['item']}"
            where = f"{error.get('file', '')}{':' if error.get('file') else ''}{place}: " if place else ""
            out.write(self.style.WARNING(f"  {where}{error['message']}"))
        if report.error_count > LISTED_IN_TERMINAL:
            out.write(
                self.style.WARNING(f"  … and {report.error_count - LISTED_IN_TERMINAL:,} more problems")
            )
        style = self.style.SUCCESS if report.imported and not report.error_count else self.style.WARNING
        out.write(style(f"{report.summary} ({report.rows_per_second:,.0f} rows/s)"))
