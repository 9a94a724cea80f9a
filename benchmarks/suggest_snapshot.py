"""Every answer of suggest() for a fixed query set, as JSON Lines: run it in two checkouts and
diff the files to show a speed change left the answers alone.

    HOOKLINE_DATA_DIR=DIR .venv/bin/python benchmarks/suggest_snapshot.py --out before.jsonl
        [--csv ../shared/data/tiktok_trends_en.csv --count 300 --seed 7]
        [--queries DIR/queries-1000000.json --count 200]   (bench_suggest.py's kept queries)

Each query is answered three ways, as the editor, the API and the score ask: k=10 with
evidence, k=10 with `evidence=False`, and `tags=False`; a refused query records its message.
Run it from the checkout being measured (its modules are the ones imported). The index and
database are whatever HOOKLINE_DATA_DIR / DATABASE_URL name, the same for both runs.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED_CSV = REPO.parent / "shared" / "data" / "tiktok_trends_en.csv"
# Creator ideas beside the corpus' captions: other languages, typed tags, a word no post has.
IDEAS = [
    {"text": "3 easy high-protein breakfast ideas for busy mornings"},
    {"text": "Five mistakes almost everyone makes with home workouts"},
    {"text": "Vaskerutine for en ren leilighet på 30 minutter"},
    {"text": "Kanelboller som mormor lagde dem. Lagre denne til helgen!"},
    {"text": "skincare routine for oily skin #skincare", "hashtags": ["#glowup"]},
    {"text": "cách làm bánh mì tại nhà"},
    {"text": "สอนทำอาหารง่ายๆ ที่บ้าน"},
    {"text": "zzqxv blorft"},
]


def _queries(args: argparse.Namespace) -> list[dict]:
    if args.queries:
        texts = json.loads(Path(args.queries).read_text(encoding="utf-8"))
        return [{"text": text} for text in texts[: args.count]]
    with open(args.csv, encoding="utf-8", newline="") as handle:
        captions = [row["caption"] for row in csv.DictReader(handle) if (row.get("caption") or "").strip()]
    picked = random.Random(args.seed).sample(captions, min(args.count, len(captions)))
    return [{"text": text} for text in picked] + IDEAS


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--csv", default=str(SHARED_CSV))
    parser.add_argument("--queries", help="a JSON list of texts (bench_suggest.py's queries-N.json)")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from seo.suggest.engine import suggest
    from seo.suggest.suggestions import SuggestError

    variants = {"evidence": {}, "no_evidence": {"evidence": False}, "keywords_only": {"tags": False}}
    with open(args.out, "w", encoding="utf-8") as out:
        for number, query in enumerate(_queries(args)):
            for name, options in variants.items():
                try:
                    answer = suggest(text=query["text"], hashtags=query.get("hashtags", ()), k=10, **options)
                    row = answer.to_dict()
                except SuggestError as exc:
                    row = {"error": str(exc)}
                out.write(
                    json.dumps({"n": number, "variant": name, **row}, ensure_ascii=False, sort_keys=True)
                )
                out.write("\n")


if __name__ == "__main__":
    main()
