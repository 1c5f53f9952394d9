import secrets

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from nearer.accounts.models import Couple, User
from nearer.chat.models import Listener
from nearer.community.models import Group, Moderator

DEMO = [("alex@demo.nearer.invalid", "Alex"), ("sam@demo.nearer.invalid", "Sam")]
# A volunteer, so the support spaces can be tried: a listener in Neighbor Chat and a
# moderator of every community group.
VOLUNTEER = ("jo@demo.nearer.invalid", "Jo")


def _member(email: str, name: str, couple: Couple | None = None) -> tuple[User, str]:
    password = "-".join(secrets.token_hex(3) for _ in range(3))
    user = User.objects.create_user(email, password, display_name=name, couple=couple)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user, f"  {name}: {email}  password: {password}"


class Command(BaseCommand):
    help = (
        "Create a linked demo couple and a volunteer (listener and moderator) once, printing "
        "their logins only that first time."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if User.objects.filter(email=DEMO[0][0]).exists():
            self.stdout.write("The demo couple exists already (logins were shown on first run).")
            return
        couple = Couple.objects.create()
        lines = [_member(email, name, couple)[1] for email, name in DEMO]
        volunteer, line = _member(*VOLUNTEER)
        Listener.objects.create(user=volunteer, pseudonym=VOLUNTEER[1])
        Moderator.objects.bulk_create(
            Moderator(group=g, user=volunteer) for g in Group.objects.all()
        )
        self.stdout.write("\nA demo couple was created. These logins are shown only once:")
        self.stdout.write("\n".join(lines) + "\n")
        self.stdout.write(
            "And a volunteer: a Neighbor Chat listener (at /listen/) and a moderator of every "
            "community group:"
        )
        self.stdout.write(line + "\n")
