from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "nearer.practices"
    label = "practices"
