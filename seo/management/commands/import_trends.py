"""python manage.py import_trends FILE [FILE...] [--dry-run] [--skip-invalid] [--source NAME]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from seo.importing import ImportReport, trend_import

LISTED_IN_TERMINAL = 50


class Command(BaseCommand):
    help = "Import trending posts from CSV or JSON Lines files (upsert by source + video id)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="CSV or JSON Lines files")
        parser.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid rows and list the skipped ones"
        )
        parser.add_argument(
            "--source", default="import", help="source label for these posts (default: import)"
        )

    def handle(
        self, *args, files: list[str], dry_run: bool, skip_invalid: bool, source: str, **options
    ) -> None:
        report = trend_import(paths=files, source=source, dry_run=dry_run, skip_invalid=skip_invalid)
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
            where = (
                f"{error.get('file', '')}{':' if error.get('file') else ''}line {error['line']}: "
                if error["line"]
                else ""
            )
            out.write(self.style.WARNING(f"  {where}{error['message']}"))
        if report.error_count > LISTED_IN_TERMINAL:
            out.write(
                self.style.WARNING(f"  … and {report.error_count - LISTED_IN_TERMINAL:,} more problems")
            )
        style = self.style.SUCCESS if report.imported and not report.error_count else self.style.WARNING
        out.write(style(f"{report.summary} ({report.rows_per_second:,.0f} rows/s)"))
