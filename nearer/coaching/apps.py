from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "nearer.coaching"
    label = "coaching"
