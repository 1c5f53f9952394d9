from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "nearer.support"
    label = "support"
