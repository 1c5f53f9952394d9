import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_feed_token() -> str:
    """192 random bits, URL-safe: the whole secret of a calendar address."""
    return secrets.token_urlsafe(24)


class CalendarFeedQuerySet(models.QuerySet["CalendarFeed"]):
    def visible_to(self, user) -> "CalendarFeedQuerySet":
        """Only its owner can see a calendar address (or make a new one, or turn it off)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def by_token(self, token: str) -> "CalendarFeedQuerySet":
        """The feed a calendar app asks for. Calendar apps can't log in: the token is the key."""
        return self.select_related("owner").filter(token=token, owner__is_active=True)

    def issue(self, *, owner) -> "CalendarFeed":
        """Turn on the owner's calendar address, or replace it: the old one stops working now."""
        feed, _ = self.update_or_create(
            owner=owner, defaults={"token": new_feed_token(), "created_at": timezone.now()}
        )
        return feed


class CalendarFeed(models.Model):
    """A member's private, revocable address for subscribing to their goals in a calendar app.

    No row means the feed is off. Making a new address replaces the token in place.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CalendarFeedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Calendar feed for {self.owner}"
