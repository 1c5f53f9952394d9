"""Community names: pseudonyms that are readable, unique and never the member's own name.

A name is folded to a key (Unicode NFKC, case-folded, spaces and punctuation dropped), and
the key is unique, so "River Stone", "river-stone" and "RIVER STONE" are one name. A name
may not be, or contain, the member's display name or the part of their email before the @:
it is there to keep them private, even from their partner.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

from nearer.community.models import NAME_MAX, NAME_MIN

PUNCTUATION = " -_.'"
RESERVED = {
    "admin",
    "administrator",
    "moderator",
    "moderators",
    "mod",
    "mods",
    "nearer",
    "operator",
    "staff",
    "support",
    "system",
    "anonymous",
    "deleted",
    "someone",
}
# Alphabets with letters that look the same: a name may use only one of them (so "Sаm" with a
# Cyrillic а can't pass for "Sam"). Others mix freely (Japanese uses kanji and kana).
LOOKALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"}
_WORDS = re.compile(r"[^\W_]+")


def fold(name: str) -> str:
    """The comparison key: what a name reads as, whatever its case, spaces or punctuation."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return "".join(ch for ch in text if ch.isalnum())


def tidy(raw: str) -> str:
    """The name as shown: normalised, with runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFKC", raw or "").split())


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"


def validate(raw: str, *, user) -> tuple[str, str]:
    """(name, key) for a name ``user`` may take, or ValidationError saying how to fix it.
    Uniqueness against other members is checked by the caller (and the database)."""
    name = tidy(raw)
    if not name:
        raise ValidationError("Please choose a community name. Any name you like is fine.")
    if len(name) < NAME_MIN or len(name) > NAME_MAX:
        raise ValidationError(
            f"Please use {NAME_MIN} to {NAME_MAX} characters (this has {len(name)})."
        )
    for ch in name:
        if not (ch.isalnum() or ch in PUNCTUATION):
            raise ValidationError(
                "Please use letters, numbers, spaces, hyphens, dots or apostrophes only."
            )
    if not name[0].isalnum():
        raise ValidationError("Please start your name with a letter or a number.")
    scripts = {_script(ch) for ch in name if ch.isalpha()}
    if not scripts:
        raise ValidationError("Please include at least one letter.")
    if len(scripts & LOOKALIKE_SCRIPTS) > 1:
        raise ValidationError("Please use letters from one alphabet, so your name reads clearly.")
    key = fold(name)
    if key in RESERVED:
        raise ValidationError("That name is kept for Nearer itself. Please choose another.")
    if _is_own_name(name, key, user=user):
        raise ValidationError(
            "Please choose a name that isn't your own name or your email address: "
            "it keeps you private here, even from people who know you."
        )
    return name, key


def _is_own_name(name: str, key: str, *, user) -> bool:
    local = fold((user.email or "").split("@", 1)[0])
    display = fold(user.display_name or "")
    if key in {local, display}:
        return True
    if len(local) >= 4 and local in key:
        return True
    own_words = {fold(w) for w in _WORDS.findall(user.display_name or "") if len(fold(w)) >= 2}
    return any(fold(w) in own_words for w in _WORDS.findall(name))
