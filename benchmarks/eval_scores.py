"""What benchmarks/evaluate.py measures and prints: hit@k, recall@k and set precision per
system (Scores), the answer's confidence level, and the short stderr table.
"""

from __future__ import annotations

from collections import Counter

CUTS = (1, 5, 10)
HEADLINE_MIN_POSTS = 10  # languages with fewer evaluated posts are left out of the stderr table


class Scores:
    """Sums of hit@k, recall@k and set precision over the posts added, per label ("all", "specific")."""

    def __init__(self) -> None:
        self.sums: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()

    def add(self, predicted: list[str], truth: set[str], label: str) -> None:
        if not truth:
            return
        self.counts[label] += 1
        for cut in CUTS:
            top = set(predicted[:cut])
            self.sums[f"{label} hit@{cut}"] += 1.0 if top & truth else 0.0
            if cut in (5, 10):
                self.sums[f"{label} recall@{cut}"] += len(top & truth) / len(truth)

    def add_set(self, chosen: list[str], truth: set[str], label: str) -> None:
        """Precision of one chosen set (Hookline's `recommended`, a baseline's top 5); empty sets score 0."""
        if not truth:
            return
        self.counts[f"{label}-set"] += 1
        self.sums[f"{label}-set size"] += len(chosen)
        self.sums[f"{label}-set precision"] += len(set(chosen) & truth) / len(chosen) if chosen else 0.0

    def table(self) -> dict[str, float]:
        return {
            key: round(value / self.counts[key.split(" ")[0]], 4) for key, value in sorted(self.sums.items())
        }

    def report(self) -> dict[str, float | int]:
        """The table plus how many posts each label averaged over."""
        return {
            "posts_all": self.counts["all"],
            "posts_specific": self.counts["specific"],
            **self.table(),
        }


def confidence_level(result) -> str:
    """result.confidence as a plain level ("high"/"medium"/"low"), "none" while the engine has none."""
    value = getattr(result, "confidence", None)
    if value is None:
        return "none"
    if isinstance(value, dict):
        value = value.get("level", value)
    value = getattr(value, "level", value)
    return str(value)


def headline(summary: dict) -> str:
    """A short human-readable table (stderr) of the figures issue 12 tracks, overall and per language."""
    lines = [
        f"{summary['csv']} | split {summary['split']} | {summary['mode']} | "
        f"{summary['evaluated_all']} posts evaluated, wall {summary['wall_seconds']} s",
        f"{'language':>10} {'posts':>6} {'spec':>5}  {'spec R@5 ours/knn':>18} {'ratio':>5}  "
        f"{'all R@5 ours/knn':>17}  {'rec prec ours/knn top5':>22}",
    ]
    groups = {"overall": summary["results"], **summary["per_language"]}
    small = 0
    for name, group in groups.items():
        ours, knn = group["hookline"], group["knn30"]
        if name != "overall" and ours.get("posts_all", 0) < HEADLINE_MIN_POSTS:
            small += 1
            continue
        spec_ours, spec_knn = ours.get("specific recall@5", 0.0), knn.get("specific recall@5", 0.0)
        ratio = f"{spec_ours / spec_knn:.2f}" if spec_knn else "-"
        lines.append(
            f"{name:>10} {ours.get('posts_all', summary['evaluated_all']):>6} "
            f"{ours.get('posts_specific', summary['evaluated_specific']):>5}  "
            f"{spec_ours:>8.3f} / {spec_knn:<7.3f} {ratio:>5}  "
            f"{ours.get('all recall@5', 0.0):>7.3f} / {knn.get('all recall@5', 0.0):<7.3f}  "
            f"{ours.get('specific-set precision', 0.0):>10.3f} / {knn.get('specific-set precision', 0.0):<9.3f}"
        )
    if small:
        lines.append(
            f"({small} languages with fewer than {HEADLINE_MIN_POSTS} posts: see per_language in the JSON)"
        )
    confidence = summary["hookline_confidence"]
    lines.append(
        "confidence: "
        + ", ".join(
            f"{level} {info['posts']} (all R@5 {info.get('all recall@5', 0.0):.3f}, "
            f"spec R@5 {info.get('specific recall@5', 0.0):.3f})"
            for level, info in confidence.items()
        )
    )
    return "\n".join(lines)
