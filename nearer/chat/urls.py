from django.urls import path

from nearer.chat import views

urlpatterns = [
    path("chat/", views.request_page, name="chat"),
    path("chat/history/", views.history, name="chat_history"),
    path("chat/history/delete/", views.delete_history, name="chat_delete_history"),
    path("chat/guidelines/", views.guidelines, name="chat_guidelines"),
    path("chat/<uuid:pk>/", views.conversation, name="chat_conversation"),
    path("chat/<uuid:pk>/send/", views.send, name="chat_send"),
    path("chat/<uuid:pk>/messages/", views.messages_after, name="chat_messages"),
    path("chat/<uuid:pk>/place/", views.place, name="chat_place"),
    path("chat/<uuid:pk>/end/", views.end, name="chat_end"),
    path("chat/<uuid:pk>/report/", views.report, name="chat_report"),
    path("chat/<uuid:pk>/feedback/", views.feedback, name="chat_feedback"),
    path("chat/<uuid:pk>/delete/", views.delete, name="chat_delete"),
    path("listen/", views.listen, name="listen"),
    path("listen/availability/", views.availability, name="listen_availability"),
    path("listen/queue/", views.queue, name="listen_queue"),
    path("listen/accept/<uuid:pk>/", views.accept, name="listen_accept"),
]
