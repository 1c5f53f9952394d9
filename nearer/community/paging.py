"""Keyset pages: "older" and "newer" links that carry the last row's position, not a page
number, so page 5,000 costs what page 1 costs (one indexed range read, no OFFSET, no COUNT).

A thread list is ordered by (last activity, id), newest first; its cursor is the pair written
as "<microseconds since 1970>.<id>". Replies are ordered by id; their cursor is the id.
Anything else in a cursor is treated as no cursor, and the page says so.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q, QuerySet

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_ID = 2**63 - 1
_PAIR = re.compile(r"\A(\d{1,17})\.(\d{1,19})\Z")
_ID = re.compile(r"\A\d{1,19}\Z")


@dataclass
class Page:
    rows: list
    next: str = ""  # the cursor for the page after this one (older posts, later replies)
    prev: str = ""  # the cursor for the page before it (newer posts, earlier replies)
    odd: bool = False  # a cursor was given but couldn't be read
    first: bool = True


def time_cursor(moment: datetime, pk: int) -> str:
    micros = (moment - EPOCH) // timedelta(microseconds=1)
    return f"{micros}.{pk}"


def read_time_cursor(raw: str | None) -> tuple[datetime, int] | None:
    if not raw:
        return None
    match = _PAIR.match(raw)
    if not match:
        raise ValueError(raw)
    micros, pk = int(match.group(1)), int(match.group(2))
    if pk > MAX_ID:
        raise ValueError(raw)
    try:
        return EPOCH + timedelta(microseconds=micros), pk
    except OverflowError as e:
        raise ValueError(raw) from e


def read_id_cursor(raw: str | None) -> int | None:
    if not raw:
        return None
    if not _ID.match(raw) or int(raw) > MAX_ID:
        raise ValueError(raw)
    return int(raw)


def by_activity(queryset: QuerySet, *, before: str | None, after: str | None, size: int) -> Page:
    """A page of posts, newest activity first: those older than ``before``, or, going back
    up, the ones just newer than ``after``."""
    try:
        older_than = read_time_cursor(before)
        newer_than = None if older_than else read_time_cursor(after)
    except ValueError:
        older_than = newer_than = None
        odd = True
    else:
        odd = False
    if newer_than is not None:
        at, pk = newer_than
        rows = list(
            queryset.filter(last_activity_at__gte=at)
            .filter(Q(last_activity_at__gt=at) | Q(pk__gt=pk))
            .order_by("last_activity_at", "pk")[: size + 1]
        )
        if not rows:  # nothing newer: the newest page is the one to show
            return by_activity(queryset, before=None, after=None, size=size)
        more_newer = len(rows) > size
        rows = rows[:size][::-1]
        page = Page(rows=rows, first=not more_newer)
        if rows:
            page.next = time_cursor(rows[-1].last_activity_at, rows[-1].pk)
            if more_newer:
                page.prev = time_cursor(rows[0].last_activity_at, rows[0].pk)
        return page
    if older_than is not None:
        at, pk = older_than
        # The first condition lets the database seek straight to the cursor in the index.
        queryset = queryset.filter(last_activity_at__lte=at).filter(
            Q(last_activity_at__lt=at) | Q(pk__lt=pk)
        )
    rows = list(queryset.order_by("-last_activity_at", "-pk")[: size + 1])
    more_older = len(rows) > size
    rows = rows[:size]
    page = Page(rows=rows, odd=odd, first=older_than is None)
    if rows and more_older:
        page.next = time_cursor(rows[-1].last_activity_at, rows[-1].pk)
    if rows and older_than is not None:
        page.prev = time_cursor(rows[0].last_activity_at, rows[0].pk)
    return page


def by_id(queryset: QuerySet, *, before: str | None, after: str | None, size: int) -> Page:
    """A page of replies, oldest first: those after ``after``, or, going back up, the ones
    just before ``before``."""
    try:
        after_id = read_id_cursor(after)
        before_id = None if after_id is not None else read_id_cursor(before)
    except ValueError:
        after_id = before_id = None
        odd = True
    else:
        odd = False
    if before_id is not None:
        rows = list(queryset.filter(pk__lt=before_id).order_by("-pk")[: size + 1])
        if not rows:  # nothing earlier: the start is the page to show
            return by_id(queryset, before=None, after=None, size=size)
        more_earlier = len(rows) > size
        rows = rows[:size][::-1]
        page = Page(rows=rows, first=not more_earlier)
        if rows:
            page.next = str(rows[-1].pk)
            if more_earlier:
                page.prev = str(rows[0].pk)
        return page
    if after_id is not None:
        queryset = queryset.filter(pk__gt=after_id)
    rows = list(queryset.order_by("pk")[: size + 1])
    more_later = len(rows) > size
    rows = rows[:size]
    page = Page(rows=rows, odd=odd, first=after_id is None)
    if rows and more_later:
        page.next = str(rows[-1].pk)
    if rows and after_id is not None:
        page.prev = str(rows[0].pk)
    return page


def search_by_activity(
    queryset: QuerySet, *, matches: Q, before: str | None, size: int, window: int
) -> Page:
    """A page of search results, newest activity first, reading at most ``window`` posts.

    Words are matched with a plain substring test, which can't use an index. So each page
    looks through the next ``window`` posts only (found by the feed index) and shows what
    matched there; when fewer than a page matched, "further back" continues from the edge
    of what was read. Every request costs two bounded reads, whatever the group's size.
    """
    try:
        older_than = read_time_cursor(before)
    except ValueError:
        older_than, odd = None, True
    else:
        odd = False
    if older_than is not None:
        at, pk = older_than
        queryset = queryset.filter(last_activity_at__lte=at).filter(
            Q(last_activity_at__lt=at) | Q(pk__lt=pk)
        )
    ordered = queryset.order_by("-last_activity_at", "-pk")
    edge = ordered.values_list("last_activity_at", "pk")[window - 1 : window].first()
    found = ordered.filter(matches)
    if edge is not None:
        edge_at, edge_pk = edge
        found = found.filter(last_activity_at__gte=edge_at).filter(
            Q(last_activity_at__gt=edge_at) | Q(pk__gte=edge_pk)
        )
    rows = list(found[: size + 1])
    page = Page(rows=rows[:size], odd=odd, first=older_than is None)
    if len(rows) > size:
        last = rows[size - 1]
        page.next = time_cursor(last.last_activity_at, last.pk)
    elif edge is not None:
        page.next = time_cursor(*edge)
    return page
