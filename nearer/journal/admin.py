"""Operators edit the journal's prompts. Entries and members' own prompts are private: not here."""

from django.contrib import admin

from nearer.journal.models import Prompt


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin):
    list_display = ["text", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["text"]
