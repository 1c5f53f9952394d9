from django.contrib import admin
from django.db import models

from nearer.safety.models import CrisisResource


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin):
    list_display = ["country", "name", "phone", "last_verified", "is_active"]
    list_filter = ["country", "is_active", "for_fear_at_home"]
    search_fields = ["name", "purpose", "phone", "text_contact", "country"]
    ordering = ["country", "order", "name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["country", "name", "purpose", "for_fear_at_home"]}),
        ("How to reach them", {"fields": ["phone", "text_contact", "url", "available_hours"]}),
        ("Upkeep", {"fields": ["last_verified", "order", "is_active"]}),
    ]
