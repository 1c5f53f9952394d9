from django.urls import path

from nearer.conversations import views

urlpatterns = [
    path("talk/", views.talk, name="talk"),
    path("talk/email/", views.talk_email, name="talk_email"),
    path("talk/check-in/", views.check_in, name="talk_check_in"),
    path("talk/check-in/<int:pk>/", views.question, name="talk_question"),
    path("talk/check-in/<int:pk>/answer/", views.question_answer, name="talk_question_answer"),
    path("talk/check-in/<int:pk>/not-now/", views.question_not_now, name="talk_question_not_now"),
    path("talk/check-in/<int:pk>/thank/", views.question_thank, name="talk_question_thank"),
    path("talk/rephrase/", views.rephrase, name="talk_rephrase"),
    path("talk/rephrase/use/", views.rephrase_use, name="talk_rephrase_use"),
    path("talk/rephrase/notes/<int:pk>/delete/", views.note_delete, name="talk_note_delete"),
    path("talk/repair/", views.repair, name="talk_repair"),
    path("talk/repair/<int:pk>/", views.repair_item, name="talk_repair_item"),
    path("talk/repair/<int:pk>/done/", views.repair_done, name="talk_repair_done"),
    path("talk/repair/<int:pk>/time/", views.repair_time, name="talk_repair_time"),
    path("talk/repair/<int:pk>/delete/", views.repair_delete, name="talk_repair_delete"),
]
