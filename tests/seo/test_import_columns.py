"""The column-at-a-time quick path (seo.corpus.importing.columns) cleans a row exactly as row_clean
does, or leaves it to row_clean; it never accepts a row that row_clean refuses."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from seo.corpus.importing.columns import rows_quick
from seo.corpus.importing.readers import read_rows
from seo.corpus.importing.rows import PostRow, row_clean
from seo.corpus.importing.values import UnixSeconds

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
FIELDS = ("video_id", "caption", "hashtags", "author", "views", "likes", "comments", "shares", "saves",
          "posted_at", "region", "language", "sound", "duration_s", "url")  # fmt: skip
# Plain cells (most rows) and every kind of cell that needs the full parsers or is an error.
CELLS = {
    "video_id": ["7001", " 7002 ", "", None, "x" * 64, "x" * 65, 7003, 7.5],
    "caption": ["a b c #fyp #Food", "", None, "Min morgenrutine før jobb #\uff26\uff39\uff30", "x" * 5001, "C# code #a#b", 12],
    "hashtags": ["#fyp #food", "fyp,food;cats", "", None, "#" + "y" * 151, "#fypシ゚ #Ünï", 5],
    "author": ["@creator", "creator", "", None, " @x ", "x" * 200, 9],
    "views": ["123", "", None, "007", " 12 ", "9" * 18, "9" * 19, "1,234", "1.4M", "-3", "²", "\uff11", 42, 1.5, "x"],
    "posted_at": ["2024-05-20 03:07:40", "2024-05-20T03:07:40+02:00", "", None, " 2024-05-20 ", "20/05/2024",
                  UnixSeconds("1716174460"), UnixSeconds("nope"), 5],
    "region": ["no", "US", "", None, "x" * 50],
    "language": ["EN", "nb", "", None, "x" * 50],
    "sound": ["original sound", "", None, "x" * 600],
    "duration_s": ["15", "32.5", "", None, "12s", "-1", "nan", "x", 15],
    "url": ["https://www.tiktok.com/@a/video/1", "HTTP://X", "", None, "ftp://x", "www.tiktok.com"],
}  # fmt: skip
CELLS["likes"] = CELLS["comments"] = CELLS["shares"] = CELLS["saves"] = CELLS["views"]


def _same_as_row_clean(lines: list[int], data: list[dict]) -> int:
    """Asserts the quick path agrees with row_clean on every row; returns how many it cleaned."""
    quick = rows_quick(lines, data)
    assert len(quick) == len(data)
    for line, row, got in zip(lines, data, quick, strict=True):
        expected = row_clean(line, row, detect=False)
        if got is not None:
            assert isinstance(expected, PostRow), (row, expected)
            assert got == expected, row
    return sum(row is not None for row in quick)


@pytest.mark.parametrize("seed", range(6))
def test_random_rows_clean_as_row_clean_cleans_them(seed):
    rng = random.Random(seed)
    # Mostly plain batches (every column takes the vectorised path), then ever more odd cells.
    odd = [0.0, 0.0, 0.02, 0.1, 0.3, 1.0][seed]
    data = []
    for n in range(400):
        row = {
            name: values[0] if rng.random() >= odd else rng.choice(values) for name, values in CELLS.items()
        }
        row["video_id"] = f"{n}" if row["video_id"] == "7001" else row["video_id"]
        if rng.random() < 0.05:
            del row[rng.choice(FIELDS)]  # a column the file does not have
        data.append(row)
    cleaned = _same_as_row_clean(list(range(2, 402)), data)
    assert cleaned > (350 if odd < 0.05 else 0)


def test_a_batch_with_no_plain_row_and_an_empty_batch():
    assert rows_quick([], []) == []
    assert rows_quick([2, 3], [{}, {"video_id": "", "caption": "x"}]) == [None, None]


@pytest.mark.parametrize("name", ["tiktok_trends_en.csv", "tiktok_trends_multi.csv"])
def test_the_shared_files_clean_as_row_clean_cleans_them(name):
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent here")
    raws = [raw for raw in read_rows(path) if raw.problem is None]
    for start in range(0, len(raws), 1000):
        batch = raws[start : start + 1000]
        assert _same_as_row_clean([r.line for r in batch], [r.data for r in batch]) == len(batch)
    with path.open(encoding="utf-8", newline="") as handle:
        assert len(raws) == sum(1 for _ in csv.DictReader(handle))


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        ("video_id", "x" * 64),
        ("video_id", "x" * 65),
        ("caption", "x" * 5000),
        ("caption", "x" * 5001),
        ("author", "x" * 200),
        ("region", " US "),
        ("sound", "x" * 600),
        ("views", "9" * 18),
        ("views", "9" * 19),
        ("views", "1,234"),
        ("views", "\uff11"),
        ("posted_at", "20/05/2024"),
        ("url", "ftp://x"),
        ("hashtags", "#" + "y" * 151),
    ],
)
def test_one_odd_cell_in_a_batch_of_plain_text(name, cell):
    """Every other cell of the column is plain text, so the column is checked as a whole."""
    data = [{**{key: values[0] for key, values in CELLS.items()}, "video_id": str(n)} for n in range(50)]
    data[20][name] = cell
    assert _same_as_row_clean(list(range(2, 52)), data) >= 49
