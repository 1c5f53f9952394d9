"""One safety reader for everything a member writes: goals, chat, posts, journal, practice notes.

``read(text)`` returns None, or a ``Finding``: the *kind* of danger the words suggest and the
writer's own words that raised it. It is a signpost, never a diagnosis: a finding only decides
which gentle help the writer is offered, and it is never shown or told to anyone else (a
listener or a moderator sees only that help may be needed, never to a partner).

Kinds:
- ``violence``: someone hurting the writer physically or sexually (hitting, choking or
  strangling, pushing, kicking, throwing things, restraining, burning, sexual violence);
- ``threat``: threats to kill or hurt, weapons, threats about leaving or the children;
- ``fear``: afraid of a partner, of going home, hiding, preparing to flee;
- ``control``: money, documents, phone, keys or medication taken; locked in; tracked; cut off
  from family; punished for contact;
- ``stalking``: followed, watched, turned up on, broken in on, especially after separating;
- ``self_harm``: wishing not to be alive, suicide plans or means, cutting, overdose, and the
  slang people use for them online;
- ``child_harm``: a child being hurt or threatened.

``urgent`` marks danger that is happening now ("he's outside", "I've taken the pills"): the
emergency number comes first.
"""

from dataclasses import dataclass

KINDS = ("violence", "threat", "fear", "control", "stalking", "self_harm", "child_harm")
# Kinds that are about a partner or someone else at home: domestic-abuse lines come first.
ABUSE_KINDS = frozenset({"violence", "threat", "fear", "control", "stalking", "child_harm"})


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    words: str  # the writer's own words that raised it
    urgent: bool = False  # danger now: the emergency number first

    @property
    def about_self_harm(self) -> bool:
        return self.kind == "self_harm"


def read(text: str) -> Finding | None:
    """The strongest sign of danger in ``text`` (any length), or None."""
    # Until the new reader lands, the old phrase list answers (kinds mapped).
    from nearer.safety.risk import concern

    hit = concern(text)
    if hit is None:
        return None
    kind = (
        "self_harm"
        if _self_harm_words(hit.words)
        else ("control" if hit.kind == "coercion" else "fear")
    )
    return Finding(kind=kind, words=hit.words)


def _self_harm_words(words: str) -> bool:
    lowered = words.lower()
    return any(w in lowered for w in ("myself", "my life", "die", "suicid", "alive", "live"))
