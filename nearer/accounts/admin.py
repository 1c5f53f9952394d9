from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from nearer.accounts.models import Couple, Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_staff", "date_joined"]
    search_fields = ["email", "display_name"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    readonly_fields = ["date_joined", "last_login"]
    fieldsets = [
        (None, {"fields": ["email", "password", "display_name", "couple"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})
    ]
    raw_id_fields = ["couple"]


@admin.register(Couple)
class CoupleAdmin(admin.ModelAdmin):
    list_display = ["pk", "created_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["inviter", "status", "created_at", "expires_at"]
    list_filter = ["status"]
    raw_id_fields = ["inviter", "responder"]
    readonly_fields = ["token", "code"]
