"""The kinds of danger the safety reader finds, and what a finding is (see ``reader.py``)."""

from dataclasses import dataclass

KINDS = ("violence", "threat", "fear", "control", "stalking", "self_harm", "child_harm")
# Kinds about a partner or someone else at home: domestic-abuse lines come first for them.
ABUSE_KINDS = frozenset({"violence", "threat", "fear", "control", "stalking", "child_harm"})
# When several kinds are found, the most serious answers: a risk to life first.
SEVERITY = ("self_harm", "violence", "threat", "child_harm", "stalking", "control", "fear")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    words: str  # the writer's own words that raised it
    urgent: bool = False  # danger now: the emergency number first

    @property
    def about_self_harm(self) -> bool:
        return self.kind == "self_harm"
