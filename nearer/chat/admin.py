"""Operators grant the listener role here, and moderators read reports.

Transcripts are not shown in admin: a report carries the short excerpt moderators need, and
the rest stays between the member and the listener until it is deleted.
"""

from django.contrib import admin

from nearer.chat import actions
from nearer.chat.models import ChatBlock, ChatFeedback, ChatReport, Conversation, Listener


@admin.register(Listener)
class ListenerAdmin(admin.ModelAdmin):
    list_display = ["pseudonym", "user", "is_active", "is_available", "max_chats"]
    list_filter = ["is_active", "is_available"]
    search_fields = ["pseudonym", "user__email"]
    raw_id_fields = ["user"]

    def save_model(self, request, obj, form, change) -> None:
        """Ending the role ends their open chats at once (and closes their sockets)."""
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            actions.end_listener_chats(listener=obj)

    def delete_model(self, request, obj) -> None:
        actions.end_listener_chats(listener=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for listener in queryset:
            actions.end_listener_chats(listener=listener)
        super().delete_queryset(request, queryset)


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    """When and who (by pseudonym), for looking after the service: never what was said."""

    list_display = ["member_pseudonym", "listener", "status", "created_at", "ended_at"]
    list_filter = ["status"]
    fields = [
        "id",
        "member_pseudonym",
        "listener",
        "status",
        "created_at",
        "accepted_at",
        "ended_at",
        "ended_by",
        "last_seq",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ChatReport)
class ChatReportAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "reported_by",
        "reason",
        "member_pseudonym",
        "listener",
        "resolved",
    ]
    list_filter = ["resolved", "reason", "reported_by"]
    readonly_fields = [
        "conversation",
        "reported_by",
        "member",
        "member_pseudonym",
        "listener",
        "reason",
        "details",
        "excerpt",
        "created_at",
    ]
    fields = [*readonly_fields, "resolved", "moderator_notes"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ChatBlock)
class ChatBlockAdmin(admin.ModelAdmin):
    list_display = ["member", "listener", "blocked_by", "created_at"]
    raw_id_fields = ["member", "listener"]


@admin.register(ChatFeedback)
class ChatFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "rating", "listener_name", "words"]
    list_filter = ["rating"]
    readonly_fields = ["conversation", "rating", "words", "created_at"]

    @admin.display(description="listener")
    def listener_name(self, obj) -> str:
        listener = obj.conversation.listener
        return listener.pseudonym if listener else ""

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("conversation__listener")

    def has_add_permission(self, request) -> bool:
        return False
