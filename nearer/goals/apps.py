from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "nearer.goals"
    label = "goals"
