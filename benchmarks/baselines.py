"""The two baselines the evaluation compares Hookline with, fitted on the imported corpus only.

- MostPopular: the corpus' most used tags, the same for every query.
- KnnVoting: plain TF-IDF (the same tokeniser, sublinear tf), the 30 nearest posts
  by brute-force cosine, each voting its tags with its similarity; no engagement,
  recency or generic handling. Fewer than k tags are topped up with popular ones.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

from seo.models import PostHashtag, TrendPost
from seo.text.tokenize import analyze


def _post_tags() -> dict[int, list[str]]:
    tags: dict[int, list[str]] = defaultdict(list)
    rows = PostHashtag.objects.values_list("post_id", "hashtag__name", "hashtag__canonical__name")
    for post_id, name, canonical in rows:
        tags[post_id].append(canonical or name)
    return tags


class MostPopular:
    def __init__(self) -> None:
        counts = Counter(tag for tags in _post_tags().values() for tag in set(tags))
        self.ranked = [tag for tag, _ in counts.most_common()]

    def predict(self, k: int) -> list[str]:
        return self.ranked[:k]


class KnnVoting:
    def __init__(self, *, neighbours: int = 30) -> None:
        posts = list(TrendPost.objects.order_by("id").values_list("id", "caption"))
        tags = _post_tags()
        self.post_tags = [tags.get(pk, []) for pk, _ in posts]
        self.vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True)
        matrix = self.vectorizer.fit_transform([caption for _, caption in posts])
        self.neighbours = min(neighbours, matrix.shape[0])
        self.model = NearestNeighbors(metric="cosine", algorithm="brute").fit(matrix)
        self.popular = MostPopular()

    def predict(self, text: str, k: int) -> list[str]:
        vector = self.vectorizer.transform([text])
        votes: Counter[str] = Counter()
        if vector.nnz:
            distances, indices = self.model.kneighbors(vector, n_neighbors=self.neighbours)
            for distance, index in zip(distances[0], indices[0], strict=True):
                similarity = 1.0 - distance
                if similarity <= 0:
                    continue
                for tag in self.post_tags[index]:
                    votes[tag] += similarity
        ranked = [tag for tag, _ in votes.most_common(k)]
        for tag in self.popular.predict(k + len(ranked)):
            if len(ranked) >= k:
                break
            if tag not in ranked:
                ranked.append(tag)
        return ranked
