"""Words that suggest crisis or danger, for the support spaces (Neighbor Chat, the community).

The coach's safety rules (``nearer.safety.goals``) read for control, isolation,
coercion and fear. Here only the last two count: thoughts of self-harm, threats and violence,
fear of a partner, someone being kept from leaving. Someone who writes about checking their
partner's phone is asking for help with a habit, and meets the coach's response elsewhere; in a
chat or a post that is not a crisis, and showing them crisis lines would feel like an accusation.
"""

from nearer.lib.text import MAX_CHARS, read
from nearer.safety import goals as safety

KINDS = ("fear", "coercion")
_OVERLAP = 200  # a phrase cut at a chunk's edge is still read whole by the next chunk


def concern(raw: str) -> safety.SafetyHit | None:
    """The first sign of crisis or danger in ``raw`` (any length), or None."""
    raw = raw or ""
    step = MAX_CHARS - _OVERLAP
    for start in range(0, max(len(raw), 1), step):
        text = read(raw[start : start + MAX_CHARS])
        for kind in KINDS:
            for pattern in safety._GROUPS[kind]:
                match = pattern.search(text.norm)
                if match:
                    return safety.SafetyHit(kind, text.quote_match(match))
    return None
