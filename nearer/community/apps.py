from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "nearer.community"
    label = "community"
