"""What a member sees when their own words suggest danger: a private note, or a safety response.

``private_note(user, text)`` is for places where the words are kept as written (the journal, a
practice's note, a check-in answer): the save always happens first, and the note is shown only
to the writer, beside their words. It is worked out afresh from the text each time a page is
drawn, so nothing about it is ever stored, logged, sent or shown to anyone else.

``safety_response(user, kind)`` is for places that would turn the words into something (the
coach, a goal form): nothing is made, and the member gets calm words and help that fit the kind.

Both speak gently and plainly: they never diagnose, never name anyone as an abuser, and order
the crisis lines for what the words suggested (``resources.helpers_for``).
"""

import logging
import re
from dataclasses import dataclass

from django.urls import reverse

from nearer.safety import goals
from nearer.safety.models import country_name
from nearer.safety.reader import KINDS, Finding, read
from nearer.safety.resources import country_for, emergency_number, helpers_for

logger = logging.getLogger(__name__)

SHOWN = 3  # crisis lines in a note; the too-hard page has them all

# Pressure on the neck can injure without marks, and the harm can show hours later: a finding
# about it says so, gently, whatever else the note says.
NECK = re.compile(
    r"neck|throat|chok|strangl|throttl|smother|breath|pass(?:ed)? out|black(?:ed)? out", re.I
)
NECK_WORDS = (
    "If someone has squeezed your neck or throat, or stopped your breathing, even for a "
    "moment, it's worth being checked by a doctor or nurse, even if you feel fine now. "
    "Injuries there can be hidden and can show up later."
)

# The kinds an older rule set used, as reader kinds.
OLD_KINDS = {"coercion": "control", "isolation": "control"}

NOTE_WORDS = {
    "self_harm": (
        "It sounds like you might be having thoughts of not wanting to be here. "
        "You don't have to carry that alone. Talking with someone can help, even a little, "
        "and the people below are there for exactly this. It's free and confidential."
    ),
    "child_harm": (
        "It sounds like things are really heavy right now, and a child may be caught up in "
        "them. You don't have to carry this alone. The people below can listen and help you "
        "think about what would keep everyone safe. It's free and confidential."
    ),
}
NOTE_DEFAULT = (
    "It sounds like things are really heavy right now. You don't have to carry this alone. "
    "If you'd like to talk it through, the people below are there for exactly this. It's free "
    "and confidential, and you don't have to decide anything to call them."
)

RESPONSE_WORDS = {
    "self_harm": (
        "You don't have to carry this alone",
        "Thank you for telling me. What you wrote sounds like it may be about thoughts of not "
        "wanting to be here, and that isn't something to turn into a goal here. You matter. "
        "Talking with someone can help: the people below are there for exactly this, and it's "
        "free and confidential.",
    ),
    "child_harm": (
        "You deserve support with this",
        "Thank you for telling me. What you wrote sounds like it may be about a child being "
        "hurt or at risk, and that isn't something to turn into a goal here. Talking with "
        "someone trained can help: the people below are there for exactly this, and it's free "
        "and confidential.",
    ),
}
RESPONSE_DEFAULT = (
    "You deserve to feel safe",
    "Thank you for telling me. What you wrote sounds like it may be about feeling unsafe, or "
    "about control in your relationship, and that isn't something to turn into a goal here. "
    "You deserve to feel safe. Talking with someone trained can help: the people below are "
    "there for exactly this, and it's free and confidential.",
)
# Only for the goal rules' finding of the member's own controlling behaviour toward a partner:
# never for danger to the member, where it would read as blame.
RESPONSE_OWN_CONTROL = (
    "You deserve to feel safe",
    "Thank you for telling me. What you wrote sounds like it may be about feeling unsafe, or "
    "about control in your relationship, and that isn't something to turn into a goal here. "
    "You deserve to feel safe, and so does your partner. Talking with someone trained can help: "
    "the people below are there for exactly this, and it's free and confidential.",
)


def reader_kind(kind: str) -> str:
    """A reader kind for any kind a rule set gives (older ones mapped), or "" if unknown."""
    kind = OLD_KINDS.get(kind, kind)
    return kind if kind in KINDS else ""


def _help(user, kind: str, *, urgent: bool) -> dict:
    country = country_for(user)
    return {
        "resources": helpers_for(country, kind),
        "emergency_number": emergency_number(country),
        "country_name": country_name(country),
        "urgent": urgent,
        "help_url": reverse("too_hard") + "#help",
    }


@dataclass(frozen=True)
class Reading:
    """What the safety reader made of some words: its finding (or None), or that it failed."""

    finding: Finding | None = None
    failed: bool = False


def safe_read(text: str) -> Reading:
    """The reader's answer, never an exception: when the reader fails, one line in the log
    (never the words) and ``failed``, so the caller saves the words anyway and can ask a
    person to look (a moderator, an operator)."""
    try:
        return Reading(read(text or ""))
    except Exception:
        logger.error("The safety reader failed; the words were kept unread.")  # no words
        return Reading(failed=True)


def finding_in(text: str) -> Finding | None:
    """The reader's finding, or None; a reader that fails never stops the writer's save
    (the words are saved already: no note is better than a failed page)."""
    return safe_read(text).finding


def private_note(user, text: str) -> dict | None:
    """The note for the writer of ``text``, or None when the words suggest no danger."""
    finding = finding_in(text)
    if finding is None:
        return None
    context = _help(user, finding.kind, urgent=finding.urgent)
    context["resources"] = context["resources"][:SHOWN]
    context["message"] = NOTE_WORDS.get(finding.kind, NOTE_DEFAULT)
    if finding.kind == "violence" and NECK.search(finding.words):
        context["neck"] = NECK_WORDS
    return context


@dataclass(frozen=True)
class Concern:
    """Why a text can't become a goal: a reader kind ("" when unknown), urgency, and whether
    it is the member's own controlling behaviour toward a partner (the goal rules')."""

    kind: str
    urgent: bool = False
    own_control: bool = False


def goal_concern(*texts: str) -> Concern | None:
    """Danger in a goal's own words (its wording, its trigger, its "why"), or None.

    Both readers count: the safety reader, and the coach's rules for a member's own controlling
    behaviour toward a partner ("read her texts every night"), mostly about control."""
    for text in texts:
        if not text or not text.strip():
            continue
        # The reader, then the goal rules; own habits set aside.
        finding, own_control = goals.concern_and_source(text)
        if finding is not None:
            return Concern(finding.kind, finding.urgent, own_control)
    return None


def safety_response(user, kind: str, *, urgent: bool = False, own_control: bool = False) -> dict:
    """The calm answer when words can't become a goal: heading, message and fitting help.
    ``own_control``: the words are the member's own controlling behaviour toward a partner
    (the goal rules' finding), so the message adds that the partner deserves safety too."""
    kind = reader_kind(kind)
    default = RESPONSE_OWN_CONTROL if own_control else RESPONSE_DEFAULT
    heading, message = RESPONSE_WORDS.get(kind, default)
    return {
        "safety_heading": heading,
        "safety_message": message,
        **_help(user, kind, urgent=urgent),
    }
