from django.contrib import admin

from nearer.program.models import JournalPrompt, Phase, Step, StepIdea, Struggle


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "slug"]
    list_display_links = ["number", "title"]
    ordering = ["number"]
    prepopulated_fields = {"slug": ["title"]}


class StepIdeaInline(admin.TabularInline):
    model = StepIdea
    extra = 1
    ordering = ["order", "pk"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["__str__", "phase", "shape", "cadence_label", "duration_label"]
    list_filter = ["phase", "shape"]
    list_select_related = ["phase"]
    ordering = ["phase__number", "number"]
    search_fields = ["title", "summary", "goal_text"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [StepIdeaInline]
    fieldsets = [
        (None, {"fields": ["phase", "number", "slug", "title", "summary"]}),
        (
            "Goal template",
            {
                "fields": [
                    "goal_text",
                    "action",
                    "shape",
                    "times_per_week",
                    "duration_seconds",
                    "trigger",
                    ("deadline_hours_min", "deadline_hours_max"),
                ]
            },
        ),
        (None, {"fields": ["why"]}),
    ]

    @admin.display(description="how often")
    def cadence_label(self, step: Step) -> str:
        return step.cadence_label()

    @admin.display(description="how long")
    def duration_label(self, step: Step) -> str:
        return step.duration_label() or "—"


@admin.register(JournalPrompt)
class JournalPromptAdmin(admin.ModelAdmin):
    list_display = ["order", "text", "is_active"]
    list_display_links = ["text"]
    list_editable = ["is_active"]
    list_filter = ["is_active"]
    ordering = ["order"]


@admin.register(Struggle)
class StruggleAdmin(admin.ModelAdmin):
    list_display = ["order", "text", "step"]
    list_display_links = ["text"]
    list_select_related = ["step__phase"]
    ordering = ["order"]
    prepopulated_fields = {"slug": ["text"]}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "step":
            kwargs["queryset"] = Step.objects.in_order()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
