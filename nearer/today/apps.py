from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "nearer.today"
    label = "today"
