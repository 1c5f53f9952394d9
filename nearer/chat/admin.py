"""Operators grant the listener role here, and moderators read reports.

Transcripts are not shown in admin: a report carries the short excerpt moderators need, and
the rest stays between the member and the listener until it is deleted. A chat whose member's
words brought a safety finding is marked for review ("safety review: to review"): operators
see its kind and when, nothing more.
"""

from django.contrib import admin

from nearer.chat import actions
from nearer.chat.models import ChatBlock, ChatFeedback, ChatReport, Conversation, Listener
from nearer.safety.reader import KINDS


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


class ToReviewFilter(admin.SimpleListFilter):
    """Chats whose member's words brought a safety finding that no operator has looked at."""

    title = "safety review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("to_review", "To review"), ("any", "Any finding")]

    def queryset(self, request, queryset):
        if self.value() == "to_review":
            return queryset.to_review()
        if self.value() == "any":
            return queryset.exclude(concern="")
        return queryset


class FindingKindFilter(admin.SimpleListFilter):
    title = "safety finding"
    parameter_name = "finding"

    def lookups(self, request, model_admin):
        return [(kind, kind.replace("_", " ")) for kind in KINDS]

    def queryset(self, request, queryset):
        if self.value() in KINDS:
            return queryset.filter(concern=self.value())
        return queryset


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    """When and who (by pseudonym), for looking after the service: never what was said. A
    safety finding shows only as its kind and when, for the operators' review; an operator
    ticks "reviewed" once they have looked (the words stay between member and listener)."""

    list_display = [
        "member_pseudonym",
        "listener",
        "status",
        "created_at",
        "ended_at",
        "finding",
        "concern_reviewed",
    ]
    list_filter = [ToReviewFilter, FindingKindFilter, "status"]
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
        "concern",
        "concern_urgent",
        "concern_at",
        "concern_reviewed",
    ]
    readonly_fields = [f for f in fields if f != "concern_reviewed"]

    @admin.display(description="safety finding", ordering="concern_at")
    def finding(self, obj) -> str:
        if not obj.concern:
            return "not read" if obj.concern_at else ""  # the reader failed: have a look
        return obj.concern.replace("_", " ") + (" (danger now)" if obj.concern_urgent else "")

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
