import secrets

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from nearer.accounts.models import Couple, User

DEMO = [("alex@demo.nearer.invalid", "Alex"), ("sam@demo.nearer.invalid", "Sam")]


class Command(BaseCommand):
    help = "Create a linked demo couple once, printing their logins only that first time."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if User.objects.filter(email=DEMO[0][0]).exists():
            self.stdout.write("The demo couple exists already (logins were shown on first run).")
            return
        couple = Couple.objects.create()
        lines = []
        for email, name in DEMO:
            password = "-".join(secrets.token_hex(3) for _ in range(3))
            user = User.objects.create_user(email, password, display_name=name, couple=couple)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            lines.append(f"  {name}: {email}  password: {password}")
        self.stdout.write("\nA demo couple was created. These logins are shown only once:")
        self.stdout.write("\n".join(lines) + "\n")
