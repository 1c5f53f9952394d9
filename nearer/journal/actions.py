"""Saving an entry so that nothing is lost and two windows never overwrite each other.

Every save says which version of the entry it started from. A save based on the current
version is accepted and makes the next version. A save based on an older version is refused
(a conflict), with one exception that keeps autosave safe on a flaky connection: a window's
own later save (same ``writer`` id, higher ``seq``) may follow its earlier saves even if the
reply to those never arrived, as long as no other window has saved in between. A repeat of an
older save from the same window changes nothing ("unchanged"), so a late packet can never put
older text back.
"""

from dataclasses import dataclass
from typing import Literal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from nearer.journal.models import Entry

Outcome = Literal["created", "saved", "unchanged", "conflict"]


@dataclass(frozen=True)
class SaveResult:
    entry: Entry
    outcome: Outcome


def _apply(entry: Entry, data: dict) -> None:
    entry.title = data["title"]
    entry.body = data["body"]
    entry.mood = data["mood"]


@transaction.atomic
def save_entry(*, author, entry: Entry | None, data: dict) -> SaveResult:
    """Create (``entry`` None) or update an entry from an ``EntryForm``'s cleaned data."""
    writer: str = data.get("writer") or ""
    seq: int | None = data.get("seq")
    now = timezone.now()
    if entry is None:
        # One create at a time per author, so a repeated create from one window (a lost
        # reply, then the save on leaving the page) finds the entry the first one made.
        get_user_model().objects.select_for_update().filter(pk=author.pk).exists()
        existing = None
        if writer:
            existing = (
                Entry.objects.select_for_update().filter(author=author, draft_key=writer).first()
            )
        if existing is None:
            entry = Entry(
                author=author,
                prompt=data.get("prompt"),
                extra_prompt=data.get("extra_prompt"),
                own_prompt=data.get("own_prompt"),
                draft_key=writer,
                writer=writer,
                writer_seq=seq or 0,
                created_at=now,
                updated_at=now,
            )
            _apply(entry, data)
            entry.save()
            return SaveResult(entry, "created")
        current, base = existing, None
    else:
        current = Entry.objects.select_for_update().get(pk=entry.pk)
        base = data.get("version")

    if base is None or base != current.version:
        if not writer or current.writer != writer or seq is None:
            return SaveResult(current, "conflict")
        if seq <= current.writer_seq:
            return SaveResult(current, "unchanged")
    _apply(current, data)
    current.version += 1
    current.writer = writer
    current.writer_seq = seq or 0
    current.updated_at = now
    current.save(
        update_fields=["title", "body", "mood", "version", "writer", "writer_seq", "updated_at"]
    )
    return SaveResult(current, "saved")
