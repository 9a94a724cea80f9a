"""Staff see creators' posts only with the `creator_posts.view_creatorpost` permission
(Django's model permissions; is_staff alone is not enough)."""

from __future__ import annotations

from django.contrib import admin

from creator_posts.models import CreatorPost


@admin.register(CreatorPost)
class CreatorPostAdmin(admin.ModelAdmin):
    list_display = ("owner", "posted_at", "views", "likes", "caption_start")
    list_filter = ("owner",)
    search_fields = ("caption", "video_id", "owner__username")
    raw_id_fields = ("owner",)

    @admin.display(description="Caption")
    def caption_start(self, post: CreatorPost) -> str:
        return post.caption[:60]
