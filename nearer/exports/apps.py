from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "nearer.exports"
    label = "exports"
