import secrets

from django.conf import settings
from django.db import connections, models
from django.db.models import Q

from nearer.accounts.models import User

SUNDAY = 6


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class ReflectionDayQuerySet(models.QuerySet["ReflectionDay"]):
    def visible_to(self, user) -> "ReflectionDayQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def weekday_for(self, user) -> int:
        """The member's chosen day for the weekly reflection; Sunday until they choose."""
        chosen = self.visible_to(user).values_list("weekday", flat=True).first()
        return SUNDAY if chosen is None else chosen


class ReflectionDay(models.Model):
    """The day of the week a member likes to look back on their week. Only stored once they
    choose one; without a row, Sunday."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_day"
    )
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, default=SUNDAY)

    objects = ReflectionDayQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="reflection_weekday_0_to_6"
            )
        ]

    def __str__(self) -> str:
        return f"{self.owner}: {self.get_weekday_display()}"


def new_version() -> int:
    """A fresh version: 62 random bits, so two are never the same."""
    return secrets.randbits(62)


class BoardVersionQuerySet(models.QuerySet["BoardVersion"]):
    def bump(self, *, member_id: int) -> None:
        """Something Today draws for this member has changed: give their board, and their
        partner's (who sees their shared goals), a new version.

        Call it inside the transaction that makes the change, from the action that makes it,
        so that the change and the new version commit together. It writes the rows whether
        or not they exist yet (an upsert), so a first visit to Today that creates a row at
        the same moment waits for this transaction instead of slipping past it.

        One statement, in SQL both SQLite and PostgreSQL accept: the ORM has no INSERT ...
        SELECT ... ON CONFLICT, and its two queries (the couple, then a bulk upsert) held
        SQLite's write lock about 0.35 ms longer on every check-in.
        """
        q = connections[self.db].ops.quote_name
        users, meta = User._meta, self.model._meta
        user_id, couple_id = q(users.pk.column), q(users.get_field("couple").column)
        member, version = q(meta.get_field("member").column), q(meta.get_field("version").column)
        # Names from the models, values as parameters:
        sql = (
            f"INSERT INTO {q(meta.db_table)} ({member}, {version}) "  # noqa: S608
            f"SELECT u.{user_id}, %s FROM {q(users.db_table)} u "
            f"WHERE u.{user_id} = %s OR u.{couple_id} IN "
            f"(SELECT c.{couple_id} FROM {q(users.db_table)} c WHERE c.{user_id} = %s) "
            f"ORDER BY u.{user_id} "  # the same order every time: no deadlock between two
            f"ON CONFLICT ({member}) DO UPDATE SET {version} = excluded.{version}"
        )
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, [new_version(), member_id, member_id])


class BoardVersion(models.Model):
    """The version of what Today draws for one member: their goals, check-ins and pauses, and
    their partner's shared goals. Every write that changes any of them gives it a new value in
    the same transaction (``BoardVersion.objects.bump``), so a board drawn for one version is
    never shown once another has committed. The first visit to Today creates the row.

    The value is random rather than counted up: no read before the write, and never the same
    value twice, even after the database is restored from a backup."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="board_version",
    )
    version = models.BigIntegerField(default=new_version)

    objects = BoardVersionQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.member_id}: {self.version}"
