from django.conf import settings
from django.db import models
from django.db.models import Q

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
