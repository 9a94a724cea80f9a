from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from seo.index import lifecycle as index_module
from seo.index.lifecycle import index_activate, index_build, index_cleanup
from seo.index.serving import active_index
from seo.models import IndexVersion
from tests.corpus_factory import data_dir, post, topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def test_it_builds_a_versioned_artifact_and_activates_it():
    topic_corpus(copies=1)
    version = index_build()
    assert version.status == IndexVersion.Status.ACTIVE
    assert version.version == 1 and version.posts == 16 and version.terms > 20
    assert version.size_bytes > 0 and version.build_seconds is not None
    directory = data_dir() / "index" / "v1"
    assert (directory / "meta.json").exists()
    assert (directory / "postings_posts.npy").exists()
    # No pickles: every array loads with allow_pickle off.
    import numpy as np

    for path in directory.glob("*.npy"):
        np.load(path, allow_pickle=False)


def test_it_switches_to_the_new_version_and_retires_the_old_one():
    topic_corpus(copies=1)
    first = index_build()
    second = index_build()
    first.refresh_from_db()
    assert first.status == IndexVersion.Status.RETIRED
    assert second.status == IndexVersion.Status.ACTIVE
    assert IndexVersion.objects.filter(status=IndexVersion.Status.ACTIVE).count() == 1
    assert (data_dir() / "index" / "v1").exists(), "the previous version is kept for rollback"


def test_a_failed_build_leaves_the_previous_version_serving(monkeypatch):
    topic_corpus(copies=1)
    index_build()
    assert active_index().version == 1

    def explode(*args, **kwargs):
        raise MemoryError("simulated crash while writing")

    monkeypatch.setattr(index_module, "build_artifact", explode)
    with pytest.raises(MemoryError):
        index_build()
    failed = IndexVersion.objects.get(version=2)
    assert failed.status == IndexVersion.Status.FAILED
    assert "simulated crash" in failed.error
    assert not (data_dir() / "index" / "v2").exists()
    assert IndexVersion.objects.get(status=IndexVersion.Status.ACTIVE).version == 1
    assert active_index(force_check=True).version == 1


def test_it_refuses_to_build_from_an_empty_corpus():
    with pytest.raises(ValueError, match="empty"):
        index_build()
    assert IndexVersion.objects.get().status == IndexVersion.Status.FAILED


def test_it_says_why_when_no_word_tells_the_posts_apart():
    for number in range(60):
        post(f"the same words on every post {number % 2}", ["same"])
    with pytest.raises(ValueError, match="specific enough"):
        index_build()
    assert IndexVersion.objects.get().status == IndexVersion.Status.FAILED


def test_it_keeps_only_the_last_two_versions_on_disk():
    topic_corpus(copies=1)
    for _ in range(3):
        index_build()
    assert not (data_dir() / "index" / "v1").exists()
    assert (data_dir() / "index" / "v2").exists() and (data_dir() / "index" / "v3").exists()


def test_cleanup_marks_builds_that_died_as_failed():
    stale = IndexVersion.objects.create(version=7, path="index/v7")
    IndexVersion.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=1))
    index_cleanup(stale_after=timedelta(hours=1))
    stale.refresh_from_db()
    assert stale.status == IndexVersion.Status.FAILED


def test_a_build_without_activation_keeps_the_current_version_serving():
    topic_corpus(copies=1)
    index_build()
    ready = index_build(activate=False)
    assert ready.status == IndexVersion.Status.READY
    assert active_index(force_check=True).version == 1
    index_activate(version=ready)
    assert active_index(force_check=True).version == 2


def test_it_will_not_activate_a_failed_version():
    failed = IndexVersion.objects.create(version=3, path="index/v3", status=IndexVersion.Status.FAILED)
    with pytest.raises(ValueError, match="not ready"):
        index_activate(version=failed)


def test_it_counts_the_same_features_as_count_vectorizer_with_the_reference_tokeniser():
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    from seo.index.build import MAX_DF, count_matrix
    from tests.seo import tokenize_reference as reference

    captions = [
        "Creamy garlic pasta tonight 🔥",
        "garlic pasta for two",
        "料理が大好き garlic",
        "rock''n roll pasta",
        "Món ăn ngon quá garlic pasta",
        "",
    ] * 3
    counts, terms = count_matrix(captions, min_df=2)
    expected = CountVectorizer(analyzer=reference.analyze, min_df=2, max_df=1.0).fit(captions)
    matrix = expected.transform(captions)
    names = list(expected.get_feature_names_out())
    df = np.diff(matrix.tocsc().indptr)
    # count_matrix drops terms in more than MAX_DF of the posts only when that is > 50 posts.
    assert MAX_DF * len(captions) < 50 and sorted(terms) == sorted(names)
    order = [names.index(term) for term in terms]
    assert (counts != matrix[:, order]).nnz == 0 and df.min() >= 2


def test_it_refuses_an_artifact_of_an_older_format():
    import json

    from seo.index.store import LoadedIndex

    topic_corpus(copies=1)
    version = index_build()
    directory = data_dir() / version.path
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    meta["format"] = 1
    (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="format 1"):
        LoadedIndex(directory, version=version.version)
