from django.urls import path

from nearer.journal import views

urlpatterns = [
    path("journal/", views.journal_list, name="journal"),
    path("journal/new/", views.journal_new, name="journal_new"),
    path("journal/shared/", views.journal_shared, name="journal_shared"),
    path("journal/prompts/", views.journal_prompts, name="journal_prompts"),
    path(
        "journal/prompts/<int:pk>/delete/",
        views.journal_prompt_delete,
        name="journal_prompt_delete",
    ),
    path("journal/export.json", views.journal_export_json, name="journal_export_json"),
    path("journal/export.md", views.journal_export_markdown, name="journal_export_markdown"),
    path("journal/<int:pk>/", views.journal_entry, name="journal_entry"),
    path("journal/<int:pk>/share/", views.journal_share, name="journal_share"),
    path("journal/<int:pk>/unshare/", views.journal_unshare, name="journal_unshare"),
    path("journal/<int:pk>/delete/", views.journal_delete, name="journal_delete"),
]
