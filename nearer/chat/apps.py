from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "nearer.chat"
    label = "chat"
