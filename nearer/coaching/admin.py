"""Operators grant the coach role here: add a coach profile for a member's account."""

from django.contrib import admin
from django.utils import timezone

from nearer.coaching.models import Availability, Booking, CoachProfile
from nearer.coaching.slots import sync_slots


class AvailabilityInline(admin.TabularInline):
    model = Availability
    extra = 0


@admin.register(CoachProfile)
class CoachProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "time_zone", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["display_name", "user__email"]
    raw_id_fields = ["user"]
    inlines = [AvailabilityInline]

    def save_related(self, request, form, formsets, change) -> None:
        """Availability changed here opens (or withdraws) its times at once."""
        super().save_related(request, form, formsets, change)
        if form.instance.is_active:
            sync_slots(form.instance, now=timezone.now())


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Bookings for support work: who, when and status. What a member shares stays out."""

    list_display = ["slot", "member", "status", "created_at"]
    list_filter = ["status"]
    fields = ["slot", "member", "status", "created_at", "cancelled_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False
