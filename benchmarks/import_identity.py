"""What an import stored and reported, as one digest, to compare two trees of the importer.

    DEBUG=1 HOOKLINE_DATA_DIR=/tmp/x .venv/bin/python benchmarks/import_identity.py --out /tmp/after.jsonl
    (cd /tmp/old-tree && DEBUG=1 HOOKLINE_DATA_DIR=/tmp/y .venv/bin/python benchmarks/import_identity.py \
        --out /tmp/before.jsonl)
    cmp /tmp/before.jsonl /tmp/after.jsonl

Imports, into the configured database (use a throwaway one), the shared CSVs
(../shared/data/*.csv), --rows generated rows (benchmarks/bench_import.py's generator), the
shared English file again (every row an update), and a file of broken rows both ways (all or
nothing, then --skip-invalid). It writes every imported post (all fields but its id and
import time, with its hashtags' names), the hashtags those posts use, and each import's
report (counts and every error, line by line), then prints the digest of that dump.
Rows use sources "identity-*" and are removed afterwards.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import ROOT, cleanup, generated_csv
from django.core.management import call_command

from seo.corpus.importing import trend_import
from seo.models import PostHashtag, TrendPost

BROKEN_ROWS = [
    ["video_id", "caption", "hashtags", "views", "likes", "posted_at", "language", "url", "duration_s"],
    ["1", "fine #one", "#a", "12", "3", "2024-05-20 03:07:40", "", "https://x/1", "15"],
    ["2", "abbreviated counts", "b,c", "1.4M", "541.2K", "2024-05-20T03:07:40+02:00", "EN", "", "12s"],
    ["1", "the same id again", "", "1", "", "", "", "", ""],
    ["", "no id", "", "", "", "", "", "", ""],
    ["3", "bad count", "", "-3", "x", "", "", "", ""],
    ["4", "bad date", "", "", "", "20/05/2024", "", "", ""],
    ["5", "bad url", "", "", "", "", "", "ftp://x", ""],
    ["6", "long tag", "#" + "y" * 151, "", "", "", "", "", ""],
    ["7", "x" * 5001, "", "", "", "", "", "", ""],
    ["8", "Min morgenrutine før jobb, lagre denne! #fyp", "", "\uff11\uff12", "²", "", "", "", "nan"],
    [
        "9",
        "tab\there and a \\ backslash",
        "#\uff26\uff39\uff30 #Ünï",
        " 12 ",
        "1,234",
        " 2024-05-20 ",
        "",
        "HTTP://X",
        "-1",
    ],
    ["10", "short", "", "9" * 19, "", "", "", "", ""],
    ["11", "too", "many", "fields", "", "", "", "", "", "extra"],
    ["12", "ok again #two", "", "7", "1", "", "nb", "", ""],
]


def _report(report) -> dict:
    return {key: getattr(report, key) for key in ("rows_read", "created", "updated", "skipped", "error_count",
                                                  "errors", "imported")}  # fmt: skip


def _dump(out, sources: list[str]) -> None:
    posts = TrendPost.objects.filter(source__in=sources).order_by("source", "video_id")
    names = dict(
        PostHashtag.objects.filter(post__source__in=sources).values_list("id", "hashtag__name").order_by()
    )
    tags_of: dict[int, list[str]] = {}
    for link_id, post_id in PostHashtag.objects.filter(post__source__in=sources).values_list("id", "post_id"):
        tags_of.setdefault(post_id, []).append(names[link_id])
    fields = [f.name for f in TrendPost._meta.concrete_fields if f.name not in ("id", "imported_at")]
    for post in posts.values("id", *fields).iterator(chunk_size=5000):
        post_id = post.pop("id")
        post["hashtags"] = sorted(tags_of.get(post_id, []))
        out.write(json.dumps(post, default=str, sort_keys=True) + "\n")
    used = sorted(set(names.values()))
    out.write(json.dumps({"hashtags_used": used}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=20_000, help="generated rows (default 20,000)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the dump")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared" / "data", help="the shared CSVs' folder"
    )
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    cleanup("identity-")
    with tempfile.TemporaryDirectory() as folder, args.out.open("w", encoding="utf-8") as out:
        generated, broken = Path(folder) / "generated.csv", Path(folder) / "broken.csv"
        generated_csv(generated, args.rows)
        with broken.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(BROKEN_ROWS)
        runs = [(f"identity-{p.stem}", [p], {}) for p in sorted(args.shared.glob("*.csv"))]
        runs += [
            ("identity-generated", [generated], {}),
            ("identity-tiktok_trends_en", [args.shared / "tiktok_trends_en.csv"], {}),  # all updates
            ("identity-broken", [broken], {}),
            ("identity-broken", [broken], {"skip_invalid": True}),
            ("identity-two-files", [broken, args.shared / "tiktok_trends_multi.csv"], {"skip_invalid": True}),
        ]
        for source, paths, options in runs:
            if not all(p.exists() for p in paths):
                print(f"skipped {source}: {paths} not found")
                continue
            report = trend_import(paths=paths, source=source, **options)
            print(f"{source:32} {report.summary}")
            out.write(json.dumps({"run": source, "options": options, "report": _report(report)}, default=str))
            out.write("\n")
        _dump(out, sorted({source for source, _, _ in runs}))
    cleanup("identity-")
    print("digest", hashlib.sha256(args.out.read_bytes()).hexdigest()[:16], args.out)


if __name__ == "__main__":
    main()
