"""Encrypt every journal entry and own prompt again with the first configured key.

Key rotation: put a new key first in NEARER_JOURNAL_KEY (or the key file), keep the old one
after it, restart, run this command, then remove the old key. Safe while Nearer runs: each
batch is re-encrypted under row locks, inside one transaction, and saves nothing else.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from nearer.journal.models import Entry, MemberPrompt
from nearer.lib.crypto import configured_keys

BATCH = 200


def _rotate(model, fields: list[str]) -> int:
    done = 0
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        with transaction.atomic():
            rows = model.objects.select_for_update().filter(pk__in=pks[start : start + BATCH])
            for row in rows:
                # Reading decrypts with any configured key; writing encrypts with the first.
                model.objects.filter(pk=row.pk).update(**{f: getattr(row, f) for f in fields})
                done += 1
    return done


class Command(BaseCommand):
    help = "Re-encrypt all journal entries and own prompts with the first journal key."

    def handle(self, *args, **options) -> None:
        keys = configured_keys()
        entries = _rotate(Entry, ["title", "body"])
        prompts = _rotate(MemberPrompt, ["text"])
        self.stdout.write(
            f"Re-encrypted {entries} journal entr{'y' if entries == 1 else 'ies'} and "
            f"{prompts} own prompt{'' if prompts == 1 else 's'} with the first of "
            f"{len(keys)} key{'' if len(keys) == 1 else 's'}. Once this has finished, older "
            "keys can be removed."
        )
