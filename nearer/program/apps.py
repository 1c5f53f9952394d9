from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "nearer.program"
    label = "program"
