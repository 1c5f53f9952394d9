"""One safety reader for everything a member writes: goals, chat, posts, journal, practice notes.

``read(text)`` returns None, or a ``Finding``: the *kind* of danger the words suggest and the
writer's own words that raised it. It is a signpost, never a diagnosis: a finding only decides
which gentle help the writer is offered. It is never shown or told to a partner; a listener or
a moderator learns only that help may be needed.

Kinds (LABELING.md in ``data/`` defines each with examples):
- ``violence``: someone hurting the writer physically or sexually (hitting, choking or
  strangling, pushing, kicking, throwing things, restraining, burning, sexual violence), or the
  writer hurting a partner;
- ``threat``: threats to kill or hurt, weapons, threats about leaving or the children;
- ``fear``: afraid of a partner, of going home, hiding, preparing to flee;
- ``control``: money, documents, phone, keys or medication taken; locked in; tracked; cut off
  from family; punished for contact;
- ``stalking``: followed, watched, turned up on, broken in on, especially after separating;
- ``self_harm``: wishing not to be alive, suicide plans or means, cutting, overdose, and the
  slang people use for them online;
- ``child_harm``: a child being hurt or threatened.

How it reads (``language.py``): words mended (spelling, slang, contractions, stretched letters)
and lemmatised, one sentence at a time. Then two readers, either of which can raise a finding:
1. **Rules** (``data/rules.txt`` over the word lists in ``data/words.txt``): who does what to
   whom ("he choked me", not "I choked on a bone"), dropped when negated just before ("I don't
   think he'd hurt me") or covered by a figurative use (``data/figurative.txt``: "this heat is
   killing me"). Reviewers read and change these files; no code changes needed.
2. **A statistical model** (``model.py``), trained from our own labeled messages, for wording
   no rule lists. Measured by ``manage.py risk_eval`` on data it was not trained on.
``urgent`` marks danger that is happening now ("he's outside", "I've taken the pills"): the
emergency number comes first.
"""

from nearer.safety import language
from nearer.safety import model as statistical
from nearer.safety.kinds import ABUSE_KINDS, KINDS, SEVERITY, Finding
from nearer.safety.rules import first_rule_finding, rules

__all__ = ["ABUSE_KINDS", "KINDS", "SEVERITY", "Finding", "first_rule_finding", "read", "rules"]

MAX_TEXT = 100_000  # longer text is read to this length: a message, post or entry never is


def read(text: str, *, model=None) -> Finding | None:
    """The most serious sign of danger in ``text`` (any length), or None.

    ``model`` is for measuring: a model trained without the text being read.
    """
    reading = language.read((text or "")[:MAX_TEXT])
    if not reading.sentences:
        return None
    found = first_rule_finding(reading)
    if found:
        return found
    return statistical.finding(reading, model)
