"""Operators create groups and grant the moderator role here, and read the audit log.

The audit log is read-only: nobody, operators included, can add, change or delete an entry.
Posts and replies are listed for support work; moderation happens on the site, where every
step is logged.
"""

from django.contrib import admin

from nearer.community.models import (
    CommunityProfile,
    Group,
    ModerationAction,
    Moderator,
    Post,
    Reply,
    Report,
)


class ModeratorInline(admin.TabularInline):
    model = Moderator
    extra = 0
    raw_id_fields = ["user"]
    verbose_name = "moderator"
    verbose_name_plural = "moderators (people who may act in this group)"


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_open", "order"]
    list_editable = ["is_open", "order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "summary"]
    inlines = [ModeratorInline]


@admin.register(Moderator)
class ModeratorAdmin(admin.ModelAdmin):
    list_display = ["group", "user", "granted_at"]
    list_filter = ["group"]
    raw_id_fields = ["user"]
    search_fields = ["user__email", "group__name"]


@admin.register(CommunityProfile)
class CommunityProfileAdmin(admin.ModelAdmin):
    """Community names, for operators answering a safety concern. Keep them confidential."""

    list_display = ["name", "created_at", "approved_count", "digest_by_email"]
    search_fields = ["name"]
    fields = ["user", "name", "conduct_accepted_at", "approved_count", "digest_by_email"]
    readonly_fields = ["user", "name", "conduct_accepted_at", "approved_count"]

    def has_add_permission(self, request) -> bool:
        return False


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Post)
class PostAdmin(_ReadOnly):
    list_display = ["title", "group", "author", "state", "crisis", "created_at", "reply_count"]
    list_filter = ["state", "crisis", "group"]
    search_fields = ["title"]
    fields = ["group", "author", "title", "body", "state", "crisis", "crisis_kind", "created_at"]


@admin.register(Reply)
class ReplyAdmin(_ReadOnly):
    list_display = ["pk", "post", "group", "author", "state", "crisis", "created_at"]
    list_filter = ["state", "crisis", "group"]
    fields = ["post", "group", "author", "body", "state", "crisis", "crisis_kind", "created_at"]


@admin.register(Report)
class ReportAdmin(_ReadOnly):
    list_display = ["target_label", "group", "reason", "created_at", "resolved_at"]
    list_filter = ["reason", "group"]
    fields = ["group", "post", "reply", "member", "reason", "words", "created_at", "resolved_at"]


@admin.register(ModerationAction)
class ModerationActionAdmin(_ReadOnly):
    """The audit log: who did what, to what, why and when. Read-only for everyone."""

    list_display = ["created_at", "group", "moderator", "kind", "target", "reason"]
    list_filter = ["kind", "group"]
    search_fields = ["target", "reason"]
    date_hierarchy = "created_at"
    fields = ["created_at", "group", "moderator", "kind", "target", "reason", "until"]
