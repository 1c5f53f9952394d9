"""Encryption at rest for private writing (the journal), with key rotation.

Fernet (AES-128-CBC with an HMAC-SHA256 tag, from the `cryptography` library) through
MultiFernet: the first configured key encrypts, every configured key decrypts. Keys come from
``NEARER_JOURNAL_KEY`` (comma-separated) or else from the key file ``NEARER_JOURNAL_KEY_FILE``
(one key per line or comma-separated), which `make run` creates. Tests use a fixed key.

``EncryptedTextField`` stores a Fernet token instead of the text. Tokens differ every time
(a random IV), so these columns cannot be filtered or searched in SQL: search decrypts in
Python instead.
"""

import functools
import re
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

# Used only when the test suite runs and no key is configured; never for real data.
TEST_KEY = "O9oS9aoHIVfCGJ4MJq6LXqH8E9SxjB9sRuiSW9dgR8M="


class KeyUnavailable(ImproperlyConfigured):
    """No usable journal key is configured."""


class CannotDecrypt(Exception):
    """A stored value that none of the configured keys opens (a lost or removed key)."""


def new_key() -> str:
    return Fernet.generate_key().decode()


def _split(raw: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[\s,]+", raw) if part)


@functools.lru_cache(maxsize=8)
def _keys(env_keys: tuple[str, ...], key_file: str, testing: bool) -> tuple[str, ...]:
    if env_keys:
        return env_keys
    path = Path(key_file)
    if path.exists():
        keys = _split(path.read_text())
        if keys:
            return keys
    if testing:
        return (TEST_KEY,)
    raise KeyUnavailable(
        "Nearer needs a key to encrypt journal entries: set NEARER_JOURNAL_KEY, or run "
        f"`make run` once to create {path}. See 'Journal encryption' in the README."
    )


@functools.lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as e:
        raise KeyUnavailable(
            "A journal key is not a valid Fernet key (32 url-safe base64-encoded bytes). "
            "Make one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        ) from e


def configured_keys() -> tuple[str, ...]:
    """The keys in use, first (encrypting) key first. Read once per process and setting."""
    return _keys(
        tuple(settings.NEARER_JOURNAL_KEY),
        str(settings.NEARER_JOURNAL_KEY_FILE),
        bool(getattr(settings, "TESTING", False)),
    )


def fernet() -> MultiFernet:
    return _fernet(configured_keys())


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as e:
        raise CannotDecrypt(
            "Stored journal text could not be decrypted with any configured key. Was a key "
            "removed from NEARER_JOURNAL_KEY or the key file?"
        ) from e


def rotate(token: str) -> str:
    """The same text, encrypted again with the first key (any configured key may open it)."""
    try:
        return fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as e:
        raise CannotDecrypt("Stored journal text could not be decrypted for rotation.") from e


class EncryptedTextField(models.TextField):
    """Text that is encrypted on its way into the database and decrypted on its way out.

    Length limits apply to the text, so validate them in forms; the column holds the longer
    token. Filtering on the field compares tokens and finds nothing: don't.
    """

    description = "Text encrypted at rest with the journal key"

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return decrypt(value)
