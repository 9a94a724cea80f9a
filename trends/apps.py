from __future__ import annotations

from django.apps import AppConfig


class TrendsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "trends"

    def ready(self) -> None:
        # seo sits below the apps and imports none of them: the trends app plugs its stages
        # into the suggestions and its recompute into the corpus follow-ups here.
        from seo.suggest.stages import stage_source_register
        from seo.tasks.corpus import corpus_followup_register
        from trends.selectors import STAGE_MULTIPLIERS, all_stages
        from trends.tasks import trend_stats_job_start

        stage_source_register(read=all_stages, multipliers=STAGE_MULTIPLIERS)
        corpus_followup_register(trend_stats_job_start)
