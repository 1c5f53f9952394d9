"""SMART proposals: a rewrite of the member's own goal, and small steps for a vague challenge.

A rewrite keeps the member's words and fills only what is missing: a count or a rhythm, a
window to look back on ("for the next 4 weeks"), a smaller size where the goal asks for too
much, a plain "not … for the next 2 weeks" where it says "never". Where the action itself is a
trait or a wish ("be more patient"), the rewrite offers the program's concrete version of that
wish. Every proposal is read again by ``analyze``; only one that comes back with all five letters
met, and no safety concern, is ever offered.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from nearer.coach.engine import grammar as g
from nearer.coach.engine import specific
from nearer.coach.engine.judge import Analysis, analyze

REVIEW = "for the next 4 weeks"
NEGATED_WINDOW = "for the next 2 weeks"

# Program steps a proposal can belong to (slugs from the program's content).
STEP_SLUGS = (
    "daily-moment-of-connection",
    "weekly-check-in",
    "pause-before-reacting",
    "appreciation",
    "curiosity-instead-of-criticism",
    "repair-early",
    "predictable-time-together",
    "small-act-of-care",
    "let-growth-be-slow",
)


@dataclass(frozen=True)
class Plan:
    """One concrete, small version of a wish; ``{p}`` is the partner, ``{their}`` their pronoun."""

    theme: str
    action: str
    shape: str  # daily, weekly, if_then, deadline
    times: int | None = None
    seconds: int | None = None
    trigger: str = ""
    step: str | None = None
    when: str = ""  # the rhythm in words, for the sentence


# Themes, each a pattern over the member's words and the small step that answers it.
THEMES: list[tuple[str, re.Pattern, Plan]] = [
    (
        "reactivity",
        re.compile(
            r"\b(?:patien\w*|temper|calm\w*|snap\w*|irritab\w*|react\w*|defensive|angry|anger|short"
            r" with|grumpy|yell\w*|shout\w*|raise my voice|heated|explode|lose it|blow up)\b"
        ),
        Plan(
            "reactivity",
            "pause for five seconds before I answer",
            "if_then",
            seconds=5,
            trigger="when a talk with {p} starts to feel heated",
            step="pause-before-reacting",
        ),
    ),
    (
        "conflict",
        re.compile(
            r"\b(?:argu\w*|fight\w*|conflict\w*|bicker\w*|disagree\w*|row|rows|same fight)\b"
        ),
        Plan(
            "conflict",
            "take one slow breath and pause for five seconds before I answer",
            "if_then",
            seconds=5,
            trigger="when a disagreement with {p} starts to get heated",
            step="pause-before-reacting",
        ),
    ),
    (
        "criticism",
        re.compile(
            r"\b(?:critic\w*|nag\w*|complain\w*|judg\w*|blam\w*|sarcas\w*|contempt|eye-?roll\w*)\b"
        ),
        Plan(
            "criticism",
            "ask {p} one curious question instead of a criticism",
            "weekly",
            times=1,
            step="curiosity-instead-of-criticism",
            when="once a week",
        ),
    ),
    (
        "appreciation",
        re.compile(
            r"\b(?:appreciat\w*|grateful|gratitude|thank\w*|valued?|for granted|unnoticed|unseen"
            r"|notice)\b"
        ),
        Plan(
            "appreciation",
            "tell {p} one thing I appreciate about {them}",
            "weekly",
            times=2,
            step="appreciation",
            when="2 times a week",
        ),
    ),
    (
        "listening",
        re.compile(
            r"\b(?:listen\w*|hear(?:d)?|attentive|present|distracted|phone|phones|screen|tv"
            r"|ignor\w*)\b"
        ),
        Plan(
            "listening",
            "ask {p} about {their} day and listen for 10 minutes without my phone",
            "weekly",
            times=3,
            seconds=600,
            step="weekly-check-in",
            when="3 times a week",
        ),
    ),
    (
        "communication",
        re.compile(
            r"\b(?:communicat\w*|talk\w*|open up|opening up|share|sharing|honest\w*|express\w*"
            r"|understand\w*|misunderstand\w*|check-?in|how (?:she|he|they)(?:'s| is| are) doing)\b"
        ),
        Plan(
            "communication",
            "ask {p} “How are you really doing?” and listen",
            "weekly",
            times=1,
            step="weekly-check-in",
            when="once a week",
        ),
    ),
    (
        "money",
        re.compile(
            r"\b(?:money|budget\w*|financ\w*|spending money|overspend\w*|bills?|debt|savings?"
            r"|paycheck|salary)\b"
        ),
        Plan(
            "money",
            "sit down with {p} for 20 minutes to go over our budget calmly",
            "weekly",
            times=1,
            seconds=1200,
            step="weekly-check-in",
            when="once a week",
        ),
    ),
    (
        "repair",
        re.compile(
            r"\b(?:hurt\w*|resent\w*|forgiv\w*|sorry|apolog\w*|repair|make up|grudge\w*|upset"
            r"|bottl\w* up|let it build|pile up|unresolved)\b"
        ),
        Plan(
            "repair",
            "raise one small thing that hurt me with {p}, calmly, within 48 hours",
            "deadline",
            step="repair-early",
        ),
    ),
    (
        "closeness",
        re.compile(
            r"\b(?:affection\w*|close|closer|closeness|connect\w*|disconnect\w*|distant|distance"
            r"|far"
            r"|warm\w*|love|loving|loved|romantic|romance|intima\w*|touch|cold|lonely|alone"
            r"|roommates|drift\w*|spark|sex|desire|cuddl\w*|hug\w*|kiss\w*)\b"
        ),
        Plan(
            "closeness",
            "give {p} a warm hug for 20 seconds",
            "daily",
            seconds=20,
            step="daily-moment-of-connection",
            when="every day",
        ),
    ),
    (
        "time",
        re.compile(
            r"\b(?:time together|quality time|spend time|busy|date\w*|fun|bored|boring|routine"
            r"|never see each other|ships in the night|no time)\b"
        ),
        Plan(
            "time",
            "spend 10 minutes with {p} with both our phones in another room",
            "weekly",
            times=1,
            seconds=600,
            step="predictable-time-together",
            when="once a week",
        ),
    ),
    (
        "chores",
        re.compile(
            r"\b(?:chores?|housework|house|dishes|laundry|clean\w*|tidy\w*|help out|helping out"
            r"|my share|fair|mental load|kids|children|bedtime)\b"
        ),
        Plan(
            "chores",
            "do the dishes after dinner without being asked",
            "weekly",
            times=3,
            step="small-act-of-care",
            when="3 times a week",
        ),
    ),
    (
        "care",
        re.compile(
            r"\b(?:kind\w*|nice|nicer|thoughtful|caring|care|sweet\w*|gesture|surprise|better"
            r" (?:husband|wife|partner|boyfriend|girlfriend|spouse)|support\w*|help\w*|selfish)\b"
        ),
        Plan(
            "care",
            "make {p} {their} favourite drink",
            "weekly",
            times=1,
            step="small-act-of-care",
            when="once a week",
        ),
    ),
    (
        "trust",
        re.compile(r"\b(?:trust\w*|jealous\w*|affair|cheat\w*|secret\w*|lie|lying|lied)\b"),
        Plan(
            "trust",
            "tell {p} one honest thing about my day",
            "daily",
            step="weekly-check-in",
            when="every evening",
        ),
    ),
    (
        "growth",
        re.compile(
            r"\b(?:progress|slow\w*|perfect\w*|give up|hopeless|stuck|change|improv\w*|better"
            r"|work on|fix|same old)\b"
        ),
        Plan(
            "growth",
            "write down one small thing that went a little better between us",
            "weekly",
            times=1,
            step="let-growth-be-slow",
            when="once a week",
        ),
    ),
]
# When a challenge names few themes, these fill the rest: gentle, and about connection first.
FILL_ORDER = ["closeness", "appreciation", "communication", "time", "care", "growth"]


@dataclass(frozen=True)
class Proposal:
    text: str  # the sentence shown: "I will hug my wife every morning for the next 4 weeks."
    action: str  # for the goal form's "I will…"
    shape: str
    times: int | None
    minutes: int | None
    trigger: str
    step: str | None
    analysis: Analysis

    def query(self) -> str:
        """The goal form's query string: action, shape, times, minutes, trigger, step."""
        params: dict[str, str] = {"action": self.action[:200], "shape": self.shape}
        if self.times:
            params["times"] = str(self.times)
        if self.minutes:
            params["minutes"] = str(self.minutes)
        if self.trigger:
            params["trigger"] = self.trigger[:200]
        if self.step:
            params["step"] = self.step
        return urlencode(params)


# --- Helpers -----------------------------------------------------------------------------------

PRONOUNS = {
    "him": ("him", "his", "him"),
    "he": ("him", "his", "him"),
    "his": ("him", "his", "him"),
    "her": ("her", "her", "her"),
    "she": ("her", "her", "her"),
    "hers": ("her", "her", "her"),
    "them": ("them", "their", "them"),
    "they": ("them", "their", "them"),
    "their": ("them", "their", "them"),
}
MASCULINE = re.compile(r"\b(?:husband|boyfriend|fiancé|fiance|hubby|man|guy|he|him|his)\b")
FEMININE = re.compile(r"\b(?:wife|girlfriend|fiancée|fiancee|wifey|woman|girl|lady|she|her|hers)\b")


def partner_of(analysis: Analysis) -> tuple[str, str, str]:
    """(name for them, their, them): "my wife", "her", "her"; "my partner", "their", "them"."""
    norm = analysis.norm
    m = re.search(
        r"\bmy (?:(?:[\w'-]+) )?(partner|wife|husband|spouse|girlfriend|boyfriend|fiancée|fiancee"
        r"|fiancé|fiance|other half|better half|significant other)\b",
        norm,
    )
    if MASCULINE.search(norm) and not FEMININE.search(norm):
        their, them = "his", "him"
    elif FEMININE.search(norm) and not MASCULINE.search(norm):
        their, them = "her", "her"
    else:
        their, them = "their", "them"
    if m:
        return f"my {m.group(1)}", their, them
    for word in re.findall(r"\b(?:him|her|them|he|she|they)\b", norm):
        name, their_, them_ = PRONOUNS[word]
        return name, their_, them_
    return "my partner", "their", "them"


def _fill(template: str, partner: tuple[str, str, str]) -> str:
    name, their, them = partner
    return template.format(p=name, their=their, them=them)


def _sentence(words: str) -> str:
    words = " ".join(words.split()).strip(" ,;")
    words = re.sub(r"\s+([,.])", r"\1", words)
    if not words:
        return ""
    return words[0].upper() + words[1:] + ("" if words.endswith((".", "?", "”")) else ".")


def _minutes(seconds: int | None) -> int | None:
    if seconds and seconds >= 60 and seconds % 60 == 0:
        return seconds // 60
    return None


def _checked(
    text: str, *, action: str, shape: str, times=None, seconds=None, trigger="", step=None
) -> Proposal | None:
    """The proposal, if the coach itself judges it SMART and safe; otherwise nothing."""
    analysis = analyze(text)
    if analysis.safety or not analysis.all_met or not analysis.english:
        return None
    return Proposal(
        text=text,
        action=action,
        shape=shape,
        times=times,
        minutes=_minutes(seconds),
        trigger=trigger,
        step=step,
        analysis=analysis,
    )


def from_plan(plan: Plan, partner: tuple[str, str, str]) -> Proposal | None:
    action = _fill(plan.action, partner)
    if plan.shape == "if_then":
        trigger = _fill(plan.trigger, partner)
        text = _sentence(f"{trigger}, I will {action}")
        return _checked(
            text,
            action=action,
            shape="if_then",
            seconds=plan.seconds,
            trigger=trigger,
            step=plan.step,
        )
    if plan.shape == "deadline":
        text = _sentence(f"I will {action}")
        return _checked(text, action=action, shape="deadline", step=plan.step)
    text = _sentence(f"I will {action} {plan.when}")
    return _checked(
        text,
        action=action,
        shape=plan.shape,
        times=plan.times,
        seconds=plan.seconds,
        step=plan.step,
    )


def themes_of(analysis: Analysis) -> list[str]:
    return [name for name, pattern, _ in THEMES if pattern.search(analysis.norm)]


def plan_for(theme: str) -> Plan:
    return next(plan for name, _, plan in THEMES if name == theme)


# --- Rewrite -----------------------------------------------------------------------------------

# How often a kind of act usually fits, when the member gave no rhythm.
RHYTHMS = [
    (
        re.compile(
            r"\b(?:hug|kiss|cuddle|hold|greet|good ?morning|good ?night|goodnight|say i love you"
            r"|text|message|call|smile)\w*"
        ),
        "every day",
        "daily",
        None,
    ),
    (re.compile(r"\b(?:thank|compliment|praise|appreciat|tell)\w*"), "2 times a week", "weekly", 2),
    (
        re.compile(r"\b(?:dishes|laundry|cook|clean|tidy|vacuum|bins|trash|chores?|bedtime)\w*"),
        "3 times a week",
        "weekly",
        3,
    ),
]
DEFAULT_RHYTHM = ("once a week", "weekly", 1)
ONE_OFF_VERB = re.compile(
    r"^(?:book|schedule|plan|organi[sz]e|arrange|buy|order|write|send|apologi[sz]e|say sorry"
    r"|sign up"
    r"|register|enrol+|call|phone|find|research|set up|create|make (?:a|an) (?:reservation"
    r"|appointment|plan|list|budget|chore chart)"
    r"|ask (?:him|her|them|my \w+) (?:if|whether|to)|tell (?:him|her|them|my \w+) (?:that|how"
    r"|about)|raise|bring up|have (?:one|a|the) (?:conversation|talk)|take (?:him|her|them"
    r"|my \w+) (?:to|out))\b"
)


def _action_words(analysis: Analysis, index: int = 0) -> tuple[str, bool] | None:
    """The member's first concrete action, without helpers, times and vague or absolute words.

    Returns (words, negated): "yell at my husband", True for "Never yell at my husband again".
    """
    text, facts = analysis.reading, analysis.facts
    if text is None or not facts.action_spans:
        return None
    start, end = facts.action_spans[min(index, len(facts.action_spans) - 1)]
    clause = text.norm[start:end]
    lead = specific.LEAD.match(clause)
    negated = bool(lead and specific.NEGATION.search(lead.group()))
    a = start + (lead.end() if lead else 0)
    stop = re.match(r"(?:not|never|no longer|stop|quit|avoid|give up|cut out)\s+", text.norm[a:end])
    if stop:
        negated = True
        a += stop.end()
    removable = sorted(facts.removable)
    pieces = []
    pos = a
    for r0, r1 in removable:
        if r1 <= pos or r0 >= end:
            continue
        if r0 > pos:
            pieces.append(text.quote(pos, r0))
        pos = max(pos, r1)
    if pos < end:
        pieces.append(text.quote(pos, end))
    words = " ".join(p for p in pieces if p)
    words = re.sub(r"[^\w\s'’,.-]", " ", words)  # emoji and symbols go; the words stay
    words = " ".join(words.split()).strip(" ,.;-")
    if negated:
        first, _, rest = words.partition(" ")
        words = (specific._gerund_to_base(first.lower()) + " " + rest).strip()
    words = re.sub(r"^(?:to|and|then)\s+", "", words, flags=re.IGNORECASE)
    if not words:
        return None
    return words[0].lower() + words[1:] if not words[:2].isupper() else words, negated


def rewrite(analysis: Analysis) -> Proposal | None:
    """A SMART version of the member's goal, filling only what is missing; None if none fits."""
    if analysis.safety or analysis.empty or not analysis.english or not analysis.verdicts:
        return None
    if analysis.all_met or analysis.facts.problem:
        return None
    met = {v.letter: v.met for v in analysis.verdicts}
    facts = analysis.facts
    if facts.depends_words or facts.large_words:
        return None  # someone else's part, or a big outcome: the small steps fit better
    partner = partner_of(analysis)
    if not met["S"]:
        themes = themes_of(analysis)
        for theme in themes[:2]:
            proposal = from_plan(plan_for(theme), partner)
            if proposal:
                return proposal
        return None
    found = _action_words(analysis)
    if not found:
        return None
    if facts.bundle:
        # Three changes at once: keep the one that names the partner, or else the first.
        for index in range(len(facts.action_spans)):
            option = _action_words(analysis, index)
            if option and re.search(r"\b(?:her|him|them|my \w+|us|our|we|together)\b", option[0]):
                found = option
                break
    action, negated = found
    candidates = _candidates(analysis, action, negated, met)
    for text, fields in candidates:
        proposal = _checked(text, **fields)
        if proposal:
            return proposal
    return None


def _candidates(
    analysis: Analysis, action: str, negated: bool, met: dict
) -> list[tuple[str, dict]]:
    facts = analysis.facts
    subject = "We" if re.match(r"\s*we\b", analysis.norm) else "I"
    out: list[tuple[str, dict]] = []
    seconds = facts.duration_seconds
    long_days = bool(facts.intense_words and seconds and seconds >= 7200)
    if long_days:
        seconds = 1200  # two hours a day becomes twenty minutes, at the same rhythm
    duration = _duration_words(seconds)
    action = re.sub(r"\s+(?:for|of)$", "", action)
    if negated:
        text = _sentence(f"{subject} will not {action} {NEGATED_WINDOW}")
        out.append((text, {"action": f"not {action} {NEGATED_WINDOW}", "shape": "daily"}))
        return out
    if facts.trigger_clause:
        trigger = facts.trigger_clause
        if not trigger.startswith(
            (
                "when",
                "whenever",
                "if",
                "each time",
                "every time",
                "after",
                "before",
                "as soon as",
                "the next time",
                "next time",
                "once",
            )
        ):
            trigger = ""
        if trigger:
            body = f"{action} {duration}".strip()
            text = _sentence(f"{trigger}, {subject.lower() if False else subject} will {body}")
            out.append(
                (text, {"action": body, "shape": "if_then", "trigger": trigger, "seconds": seconds})
            )
    keep_rhythm = (
        facts.per_week and (long_days or not facts.intense_words) and not facts.vague_words
    )
    few = re.search(
        r"\b(?:a few|few|several|some|a couple(?: of)?|couple of) times? (?:a|per|each) (week"
        r"|day)\b",
        analysis.norm,
    )
    if ONE_OFF_VERB.match(action) and not keep_rhythm:
        window = (
            "within the next 7 days" if not facts.deadline_words else _plain(facts.deadline_words)
        )
        text = _sentence(f"{subject} will {action} {window}")
        out.append((text, {"action": action, "shape": "deadline"}))
    rhythm_words, shape, times = _rhythm(action)
    if few:
        count = 2 if "couple" in few.group() else 3
        rhythm_words, shape, times = (
            f"{count} times a {few.group(1)}",
            "weekly",
            count if few.group(1) == "week" else min(14, count * 7),
        )
    if keep_rhythm:
        rhythm_words = _plain(facts.cadence_words)
        shape, times = _shape_of(facts.per_week)
    body = f"{action} {duration} {rhythm_words}".strip()
    review = "" if met["T"] and keep_rhythm else f" {REVIEW}"
    text = _sentence(f"{subject} will {body}{review}")
    out.append(
        (
            text,
            {
                "action": f"{action} {duration}".strip(),
                "shape": shape,
                "times": times,
                "seconds": seconds,
            },
        )
    )
    return out


def _plain(words: str) -> str:
    return " ".join(words.split()).lower()


def _duration_words(seconds: int | None) -> str:
    if not seconds:
        return ""
    if seconds % 60 == 0:
        minutes = seconds // 60
        return "for 1 minute" if minutes == 1 else f"for {minutes} minutes"
    return f"for {seconds} seconds"


def _rhythm(action: str) -> tuple[str, str, int | None]:
    for pattern, words, shape, times in RHYTHMS:
        if pattern.search(action.lower()):
            return words, shape, times
    return DEFAULT_RHYTHM


def _shape_of(per_week: float | None) -> tuple[str, int | None]:
    if not per_week:
        return "weekly", 1
    if per_week >= 7 and per_week < 8:
        return "daily", None
    times = max(1, min(14, round(per_week)))
    return "weekly", times


# --- Breakdown ---------------------------------------------------------------------------------


def breakdown(analysis: Analysis, *, most: int = 5) -> list[Proposal]:
    """Three to five small SMART steps for a challenge, each tied to a program step."""
    if analysis.safety or analysis.empty or not analysis.english or not analysis.verdicts:
        return []
    partner = partner_of(analysis)
    order = themes_of(analysis)
    order += [t for t in FILL_ORDER if t not in order]
    steps: list[Proposal] = []
    seen_steps: set[str] = set()
    for theme in order:
        plan = plan_for(theme)
        if plan.step in seen_steps and len(order) > most:
            continue
        proposal = from_plan(plan, partner)
        if proposal is None:
            continue
        steps.append(proposal)
        if plan.step:
            seen_steps.add(plan.step)
        if len(steps) >= min(most, 4 if len(themes_of(analysis)) < 3 else most):
            break
    return steps[: max(3, min(most, len(steps)))]


__all__ = ["STEP_SLUGS", "THEMES", "Proposal", "breakdown", "g", "rewrite"]


def from_text(text: str, *, step: str | None = None) -> Proposal | None:
    """A proposal from any sentence (the language model's, say), if it reads as SMART and safe."""
    text = " ".join(text.split())
    analysis = analyze(text)
    if analysis.safety or not analysis.all_met or not analysis.english:
        return None
    facts = analysis.facts
    found = _action_words(analysis)
    action = found[0] if found else text
    if found and found[1]:
        action = f"not {action}"
    if facts.trigger_clause:
        shape, times = "if_then", None
    elif facts.per_week:
        shape, times = _shape_of(facts.per_week)
    elif facts.deadline_words or facts.period_words:
        shape, times = "deadline", None
    else:
        shape, times = "weekly", 1
    return Proposal(
        text=text,
        action=action[:200],
        shape=shape,
        times=times,
        minutes=_minutes(facts.duration_seconds),
        trigger=facts.trigger_clause if shape == "if_then" else "",
        step=step if step in STEP_SLUGS else None,
        analysis=analysis,
    )
