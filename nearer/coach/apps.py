from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "nearer.coach"
    label = "coach"
