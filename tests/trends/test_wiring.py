"""The trends app plugs into seo at start-up; seo itself imports no app above it."""

from __future__ import annotations

import pytest

from jobs.models import Job
from seo.tasks.corpus import corpus_followups_start
from trends.tasks import TREND_STATS_KIND

pytestmark = pytest.mark.django_db


def test_a_changed_corpus_starts_the_index_build_and_the_trend_statistics(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        corpus_followups_start()
    kinds = set(Job.objects.values_list("kind", flat=True))
    assert TREND_STATS_KIND in kinds
    assert len(kinds) == 2, kinds  # the index build and the trend statistics, one job each
