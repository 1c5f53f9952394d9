from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "nearer.conversations"
    label = "conversations"
