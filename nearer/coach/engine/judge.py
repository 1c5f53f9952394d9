"""Judge a goal letter by letter, as the rubric (docs/smart-rubric.md) says, quoting its words.

``analyze(text)`` reads the member's words once and returns an ``Analysis``: the safety
concern if there is one (``nearer.safety.goals.concern``: the safety reader, or the rules for a
member's own controlling behaviour toward a partner; a ``nearer.safety.reader.Finding``), and
for each of S, M, A, R, T a ``Verdict`` (met or not, a gentle sentence that quotes the words it
relied on). ``Facts`` keeps what the grammar found (how often, how long, by when, the trigger,
the action) for the rewrite and the goal form.
"""

import re
from dataclasses import dataclass, field

from nearer.coach.engine import grammar as g
from nearer.coach.engine import lexicon as lx
from nearer.coach.engine import specific
from nearer.coach.engine.language import looks_english
from nearer.lib.text import MAX_CHARS, Text, clean, read
from nearer.safety import goals as safety_rules
from nearer.safety.reader import Finding

LETTERS = ("S", "M", "A", "R", "T")
NAMES = {
    "S": "Specific",
    "M": "Measurable",
    "A": "Achievable",
    "R": "Relevant",
    "T": "Time-bound",
}


@dataclass(frozen=True)
class Verdict:
    letter: str
    met: bool
    explanation: str

    @property
    def name(self) -> str:
        return NAMES[self.letter]


@dataclass
class Facts:
    """What the grammar found, in norm coordinates where it matters."""

    per_week: float | None = None
    cadence_words: str = ""
    duration_seconds: int | None = None
    duration_words: str = ""
    deadline_words: str = ""
    period_words: str = ""
    trigger_words: str = ""
    trigger_clause: str = ""
    vague_words: list[str] = field(default_factory=list)
    absolute_words: list[str] = field(default_factory=list)
    depends_words: str = ""
    intense_words: str = ""
    large_words: str = ""
    bundle: list[str] = field(default_factory=list)
    concrete_words: str = ""
    general_words: str = ""
    trait_words: str = ""
    mental_words: str = ""
    problem: bool = False
    open_start: str = ""
    someday: str = ""
    refusal: str = ""
    part_of_day: str = ""
    partner_words: str = ""
    negated: bool = False
    action_spans: list[tuple[int, int]] = field(default_factory=list)
    removable: list[tuple[int, int]] = field(default_factory=list)
    trigger_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Analysis:
    text: str
    empty: bool = False
    truncated: bool = False
    english: bool = True
    safety: Finding | None = None  # kind and the member's words; never a goal when set
    verdicts: tuple[Verdict, ...] = ()
    facts: Facts = field(default_factory=Facts)
    norm: str = ""
    reading: Text | None = field(default=None, repr=False, compare=False)

    @property
    def all_met(self) -> bool:
        """All five letters met (never for text that gets the safety response)."""
        return not self.safety and bool(self.verdicts) and all(v.met for v in self.verdicts)

    @property
    def scores(self) -> dict[str, int]:
        """1/0 per letter; the safety response gives no "met" verdict at all."""
        if self.safety or not self.verdicts:
            return dict.fromkeys(LETTERS, 0)
        return {v.letter: int(v.met) for v in self.verdicts}

    def verdict(self, letter: str) -> Verdict:
        return next(v for v in self.verdicts if v.letter == letter)

    @property
    def is_challenge(self) -> bool:
        """A problem told, or a goal still too vague to act on: the small steps help here."""
        if self.safety or self.empty or not self.verdicts:
            return False
        return self.facts.problem or not self.verdict("S").met


def q(words: str) -> str:
    """Quote the member's words for an explanation: ‘every Sunday’."""
    words = " ".join(words.split())
    if len(words) > 60:
        words = words[:57].rstrip() + "…"
    return f"“{words}”"


def analyze(raw: str) -> Analysis:
    if not raw or not raw.strip():
        return Analysis(text="", empty=True)
    cleaned, truncated = clean(raw)
    if not cleaned.strip():
        return Analysis(text="", empty=True)
    text = read(cleaned)
    if not re.search(r"[^\W_]", text.norm):
        return Analysis(text=cleaned, empty=True)  # only emoji, symbols or punctuation
    concern = safety_rules.concern(cleaned, text)
    facts = Facts()
    verdicts = _judge(text, facts)
    return Analysis(
        text=cleaned,
        truncated=truncated,
        english=looks_english(text),
        safety=concern,
        verdicts=verdicts,
        facts=facts,
        norm=text.norm,
        reading=text,
    )


# --- Regions -----------------------------------------------------------------------------------

I_WILL = re.compile(
    r"(?:,\s*|\s+|^)(?:then\s+)?(?:i|we)(?: (?:really|just|also|will try and))? (?:will|shall"
    r"|am going to|are going to|would|can|should"
    r"|need to|want to|plan to|try to|must|promise to|going to)\b"
)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, min(end, len(chars))):
        chars[i] = " "


def _regions(text: Text) -> tuple[str, str, list[g.Hit]]:
    """(goal, without_purpose, trigger hits): the action part without reasons and triggers."""
    norm = text.norm
    no_purpose = list(norm)
    for m in lx.PURPOSE.finditer(norm):
        end = _sentence_end(norm, m.end())
        _blank(no_purpose, m.start(), end)
    without_purpose = "".join(no_purpose)
    goal = list(without_purpose)
    trig = list(g.triggers(without_purpose))
    cut = []
    for h in trig:
        clause_end = h.end
        inner = I_WILL.search(norm, h.start, h.end)
        if inner:
            clause_end = inner.start()
        cut.append(g.Hit("trigger", h.start, clause_end, h.value))
        _blank(goal, h.start, clause_end)
    for h in g.vague_triggers(without_purpose):
        clause_end = h.end
        _blank(goal, h.start, clause_end)
    return "".join(goal), without_purpose, cut


def _sentence_end(norm: str, start: int) -> int:
    ends = [
        i
        for i in (
            norm.find(".", start),
            norm.find("!", start),
            norm.find("?", start),
            norm.find(";", start),
        )
        if i >= 0
    ]
    return min(ends) if ends else len(norm)


QUOTED = re.compile(r"\"[^\"]{1,120}\"|(?<![\w])'[^']{2,120}'(?![\w])")


def _unquoted(s: str) -> str:
    return QUOTED.sub(lambda m: " " * len(m.group()), s)


def _inside(hits: list[g.Hit], start: int, end: int) -> bool:
    return any(h.start <= start and end <= h.end for h in hits)


# --- The judgement ----------------------------------------------------------------------------


def _judge(text: Text, facts: Facts) -> tuple[Verdict, ...]:
    norm = text.norm
    goal, no_purpose, trigger_hits = _regions(text)
    cadence_hits = list(g.cadences(no_purpose))
    durations = g.durations(no_purpose)
    period_hits = [h for h in g.periods(no_purpose) if not _inside(trigger_hits, h.start, h.end)]
    open_start = g.OPEN_START.search(no_purpose)
    # "starting today" is an open start, not a deadline.
    if open_start:
        period_hits = [
            h for h in period_hits if not (open_start.start() <= h.start < open_start.end())
        ]
    someday_hits = list(g.SOMEDAY.finditer(no_purpose))
    period_hits = [
        h for h in period_hits if not any(m.start() <= h.start < m.end() for m in someday_hits)
    ]
    _facts_from_time(text, facts, cadence_hits, durations, period_hits, trigger_hits, open_start)
    facts.problem = _is_problem(norm)
    timeless = list(goal)
    for h in [*cadence_hits, *period_hits]:
        _blank(timeless, h.start, h.end)
    for m in [open_start, *someday_hits, g.REFUSAL.search(goal), g.FOREVER.search(goal)]:
        if m:
            _blank(timeless, m.start(), m.end())
    timeless_goal = "".join(timeless)
    removable = [(h.start, h.end) for h in [*cadence_hits, *period_hits, *durations]]
    for m in [open_start, *someday_hits, g.REFUSAL.search(goal), g.FOREVER.search(goal)]:
        if m:
            removable.append(m.span())
    for pattern in (lx.VAGUE, lx.ABSOLUTE, REMOVABLE_EXTRA):
        removable.extend(
            m.span() for m in pattern.finditer(goal) if m.group() not in {"better half"}
        )
    facts.removable = removable
    if trigger_hits:
        facts.trigger_span = (trigger_hits[0].start, trigger_hits[0].end)
    s = _specific(text, timeless_goal, facts)
    m = _measurable(
        text,
        goal,
        no_purpose,
        facts,
        cadence_hits,
        durations,
        period_hits,
        trigger_hits,
        timeless_goal,
    )
    a = _achievable(
        text, goal, no_purpose, facts, cadence_hits, durations, period_hits, timeless_goal
    )
    r = _relevant(text, facts)
    t = _time_bound(text, no_purpose, facts, cadence_hits, period_hits, trigger_hits, someday_hits)
    return (s, m, a, r, t)


REMOVABLE_EXTRA = re.compile(
    r"\b(?:again|anymore|any more|ever|at least|at most|no less than|up to|roughly"
    r"|or so|ish|please|really|truly|definitely|honestly|just|also|still|try to|trying to|some"
    r"|no rush|though)\b"
)


def _facts_from_time(text, facts, cadence_hits, durations, period_hits, trigger_hits, open_start):
    real = [h for h in cadence_hits if h.kind == "cadence"]
    if real:
        best = max(real, key=lambda h: h.end - h.start)
        facts.per_week = best.value.get("per_week")
        facts.cadence_words = text.quote(best.start, best.end)
    real_d = [h for h in durations if h.kind == "duration"]
    if real_d:
        facts.duration_seconds = real_d[0].value["seconds"]
        facts.duration_words = text.quote(real_d[0].start, real_d[0].end)
    deadlines = [h for h in period_hits if h.kind == "deadline"]
    windows = [h for h in period_hits if h.kind == "period"]
    if deadlines:
        facts.deadline_words = text.quote(deadlines[0].start, deadlines[0].end)
    if windows:
        facts.period_words = text.quote(windows[0].start, windows[0].end)
    if trigger_hits:
        h = trigger_hits[0]
        facts.trigger_words = text.quote(h.start, h.end)
        facts.trigger_clause = text.norm[h.start : h.end].strip(" ,")
    if open_start:
        facts.open_start = text.quote_match(open_start)


def _is_problem(norm: str) -> bool:
    """A problem told rather than a goal set: "we keep fighting about money", "I feel far"."""
    first = re.split(r"[.!?;]", norm.strip(), maxsplit=1)[0]
    if lx.INTENT.search(norm):
        return False
    if lx.QUESTION_CHALLENGE.search(first) or lx.HARD_STATE.search(norm):
        return True
    return bool(lx.FEELING_STATEMENT.match(first) or lx.PROBLEM_START.match(first))


# S ---------------------------------------------------------------------------------------------


REASON_WORDS = {
    "trait": "is a feeling or a trait. What would someone see you do?",
    "mental": "happens inside you. What would it look like from outside?",
    "outcome": "is a hope for how things turn out. What's one thing you'd do toward it?",
    "general": "could mean many things. What exactly will you do, and about what?",
    "undefined": "could be many things. Which one thing, exactly?",
    "argue": (
        "counts something hard to pin down. What's one thing you'd do, that someone could see?"
    ),
}


def _specific(text: Text, goal: str, facts: Facts) -> Verdict:
    findings = specific.find(goal)
    if facts.problem:
        return Verdict(
            "S",
            False,
            f"{q(_first_clause(text))} tells me what feels hard, not yet one thing you'll do. "
            "The small steps below might help you start.",
        )
    met = [f for f in findings if f.met]
    facts.action_spans = [(f.start, f.end) for f in met]
    if met:
        f = met[0]
        words = text.quote(f.start, f.end)
        facts.concrete_words = words
        return Verdict("S", True, f"{q(_trim_lead(words))} is something anyone could see happen.")
    if findings:
        f = findings[0]
        words = _trim_lead(text.quote(f.start, f.end))
        facts.trait_words = words if f.reason == "trait" else ""
        facts.general_words = words
        return Verdict(
            "S", False, f"{q(words)} {REASON_WORDS.get(f.reason, REASON_WORDS['general'])}"
        )
    return Verdict(
        "S",
        False,
        "I couldn't find one concrete action here yet. What's one thing someone could see you do?",
    )


LEAD_WORDS = re.compile(
    r"^(?:i|we)(?:'ll|'m going to|'d like to| (?:really |just |also )?(?:will|am going to"
    r"|are going to"
    r"|want to|would like to|need to|plan to|should|must|can))\s+",
    re.IGNORECASE,
)


def _trim_lead(words: str) -> str:
    return LEAD_WORDS.sub("", words.replace("’", "'")).strip() or words


def _first_clause(text: Text) -> str:
    m = re.match(r"[^.!?;,]+", text.norm.strip())
    if not m:
        return text.raw[:60]
    start = len(text.norm) - len(text.norm.lstrip())
    return text.quote(start, start + m.end())


def _phrase(text: Text, goal: str, m: re.Match, extra_words: int = 3) -> str:
    """The verb and a few words after it, cut at punctuation or a time phrase."""
    tail = goal[m.end() : m.end() + 60]
    more = re.match(
        r"(?: (?!every\b|each\b|daily\b|weekly\b|once\b|twice\b|for\b|by\b|when\b|on\b|at\b|this\b"
        r"|in\b|before\b|after\b|until\b|within\b|and\b|so\b)[\w'-]+){0," + str(extra_words) + "}",
        tail,
    )
    end = m.end() + (more.end() if more else 0)
    return text.quote(m.start(), end)


# M ---------------------------------------------------------------------------------------------

NUMBER_TOKEN = re.compile(rf"\b(?:{g.NUM}|once|twice|thrice|half)\b|[$£€] ?\d|\d+ ?%|\b\d+/\d+\b")
NOT_A_COUNT = re.compile(
    r"\b100 ?%|\b100 percent|\bat once\b|\ball at once\b|\bonce and for all\b|\bonce again\b"
    r"|\b(?:one day|one of these days|no one|one another|one of (?:us|them|you)|at one point"
    r"|one way or another|one or two|one-on-one|one on one|the one|someone|anyone|everyone"
    r"|on one hand)\b"
)
NUMBERED_VAGUE = re.compile(
    rf"\b(?:{g.NUM}|one|a single) (?:more|extra|less|fewer)\b|\b(?:more|less|fewer) than {g.NUM}\b"
    r"|\b(?:once|one) more\b|\bno (?:more|less|fewer) than\b|\bno more\b|\bany ?more\b"
    r"|\d+ ?% ?(?:more|less|fewer)"
    r"|\b(?:at least|at most)\b|\bbetter half\b|\bmore about\b|\bfor more\b|\bno less\b"
    r"|\b(?:could|should|would|might) have (?:done|gone|handled \w+|said \w+|acted|reacted"
    r"|responded) better\b"
)
STOP_UNBOUNDED = re.compile(
    r"\b(?:stop|quit|no more|no longer|give up|cut out|not \w+ anymore|not \w+ any more|never)\b"
)


DELIVERABLE_VERBS = lx.split_words(
    """
    book schedule reschedule reserve organize arrange buy order apologize sign_up register
    enroll set_up create draft finish complete fill_out submit host throw propose print
    frame update file donate renew cancel return install replace fix repair paint clean_out
    clear_out declutter sell delete block unfollow write send mail deliver bake cook plan
    make find call phone email text ring invite raise bring_up ask tell agree decide pick
    choose take visit go attend have sit_down say_sorry say thank confess admit explain show
    give get pay pay_off save quit win run lose learn surprise celebrate start open close
    research look_up read watch apply move rent list
"""
)
DELIVERABLE = re.compile(rf"\b(?:{lx.verbs(*DELIVERABLE_VERBS)})\b")
ONGOING = re.compile(
    r"\b(?:check(?:ing)? in|go(?:ing)? to (?:marriage |couples |)(?:counseling|therapy|church"
    r"|the gym)|read(?:ing)? up|look(?:ing)? into"
    r"|talk(?:ing)? (?:to|with) (?:her|him|them|my \w+)$|spend(?:ing)? (?:time|more time)|be|being"
    r"|keep|stay"
    r"|work(?:ing)? on|quit(?:ting)? (?!(?:my|the|this) (?:job|position|role|team|club|gym))\w+"
    r"|stop|no longer|cut (?:back|down))\b"
)
ONE_OFF_OBJECT = re.compile(
    r"^(?:\w+ ){0,4}?(?:a|an|one|the|our|my|her|him|them|his|their|what|how|that|if|whether|to"
    r"|about|for|on|with|up|out|it|this|back|off|down|together|sorry|\d)\b"
)
ZERO = re.compile(r"\b(?:zero|no|not|never|without|stop|quit|avoid)\b")
GO_WITHOUT = re.compile(rf"\bgo (?:{g.NUM}|a|an) (?:days?|weeks?|months?) without\b")
WINDOW_DEADLINE = re.compile(
    r"\bthis (?:week|weekend|month|year|term|semester|spring|summer|autumn|fall|winter)\b"
)


def _measurable(
    text,
    goal,
    no_purpose,
    facts,
    cadence_hits,
    durations,
    period_hits,
    trigger_hits,
    timeless_goal="",
) -> Verdict:
    if facts.problem:
        return Verdict(
            "M",
            False,
            "Any numbers here describe what's hard, not a goal yet. A small step below can have on"
            "e.",
        )
    time_spans = [(h.start, h.end) for h in period_hits]
    vague = [m for m in lx.VAGUE.finditer(goal) if not _near_number(goal, m)]
    if [h for h in cadence_hits if h.kind == "cadence"]:
        vague = [m for m in vague if COMPARATIVE.fullmatch(m.group())]
    vague_cadence = [h for h in cadence_hits if h.kind == "vague_cadence"]
    vague_dur = [h for h in durations if h.kind == "vague_duration"]
    absolutes = [
        m
        for m in re.finditer(
            r"\b(?:never|always|forever|all the time|at all times|constantly|for good|24/7"
            r"|non-?stop)\b",
            _unquoted(no_purpose),
        )
        if not _idle_never(no_purpose, m)
    ]
    nevers = [m for m in absolutes if m.group() == "never"]
    facts.vague_words = [text.quote_match(m) for m in vague] + [
        text.quote(h.start, h.end) for h in vague_cadence + vague_dur
    ]
    real_cadence = [h for h in cadence_hits if h.kind == "cadence"]
    real_duration = [h for h in durations if h.kind == "duration"]
    counts = [
        m
        for m in NUMBER_TOKEN.finditer(goal)
        if not any(a <= m.start() < b for a, b in time_spans)
        and not _in_pattern(NOT_A_COUNT, goal, m)
        and not any(h.start <= m.start() < h.end for h in cadence_hits)
    ]
    clauses = specific.find(timeless_goal or goal)
    concrete = [c for c in clauses if c.met]
    acts = [c for c in clauses if c.met or c.reason == "mental"]
    windows = [h for h in period_hits if h.kind == "period"] + [
        h
        for h in period_hits
        if h.kind == "deadline" and WINDOW_DEADLINE.search(text.norm[h.start : h.end])
    ]
    negated = lx.NEGATED_CONCRETE.search(goal) or ZERO.search(goal) or GO_WITHOUT.search(goal)
    facts.negated = bool(negated)

    def measure() -> Verdict | None:
        if real_cadence:
            h = max(real_cadence, key=lambda h: h.end - h.start)
            return Verdict(
                "M", True, f"{q(text.quote(h.start, h.end))} gives a number you can count."
            )
        if real_duration:
            h = real_duration[0]
            return Verdict("M", True, f"{q(text.quote(h.start, h.end))} is a length you can time.")
        if counts:
            m = counts[0]
            return Verdict(
                "M", True, f"{q(_count_phrase(text, goal, m))} is a number you can count."
            )
        return None

    if vague_cadence or vague or vague_dur:
        first = (vague_cadence + vague_dur)[0] if (vague_cadence or vague_dur) else None
        word = text.quote(first.start, first.end) if first else text.quote_match(vague[0])
        return Verdict("M", False, f"{q(word)} is hard to count. How many, or how long?")
    found = measure()
    if nevers and not windows:
        found = None
    if found and not (absolutes and not real_cadence and not counts and not real_duration):
        return found
    if SIT_DOWN.search(goal):
        m = SIT_DOWN.search(goal)
        return Verdict(
            "M", True, f"{q(text.quote_match(m))} is a one-off with a clear done moment."
        )
    if absolutes:
        word = text.quote_match(absolutes[0])
        return Verdict(
            "M",
            False,
            f"{q(word)} can't be counted toward. How about a set number, for a set time?",
        )
    if negated and windows and concrete:
        return Verdict(
            "M",
            True,
            f"{q(_trim_lead(text.quote(concrete[0].start, concrete[0].end)))} within "
            f"{q(text.quote(windows[0].start, windows[0].end))} is a count of zero in a set window"
            f": "
            "clear to check.",
        )
    if trigger_hits:
        if acts:
            concrete = concrete or acts
            return Verdict(
                "M",
                True,
                f"{q(_trim_lead(text.quote(concrete[0].start, concrete[0].end)))} once each time "
                "it happens: easy to count.",
            )
        return Verdict(
            "M",
            False,
            "The moment is clear, but what you'd do then is hard to count. What one thing would yo"
            "u do?",
        )
    stop = STOP_UNBOUNDED.search(goal)
    if stop and not QUIT_JOB.search(goal):
        return Verdict(
            "M",
            False,
            f"{q(_phrase(text, goal, stop))} has no count and no end. "
            "A set window helps, like “for the next two weeks”.",
        )
    for c in concrete if not facts.open_start else []:
        clause = goal[c.start : c.end]
        core = specific.LEAD.sub("", clause, count=1)
        d = DELIVERABLE.match(core) or DELIVERABLE.search(core)
        if d and not ONGOING.match(core) and ONE_OFF_OBJECT.match(core[d.end() :].strip() + " "):
            return Verdict(
                "M",
                True,
                f"{q(_trim_lead(text.quote(c.start, c.end)))} is a one-off with a clear done momen"
                f"t.",
            )
    deadlines = [h for h in period_hits if h.kind == "deadline"]
    if concrete and deadlines:
        c = concrete[0]
        core = specific.LEAD.sub("", goal[c.start : c.end], count=1)
        if not ONGOING.match(core):
            return Verdict(
                "M",
                True,
                f"{q(_trim_lead(text.quote(c.start, c.end)))} once, "
                f"{q(text.quote(deadlines[0].start, deadlines[0].end))}: done or not, clear to che"
                f"ck.",
            )
    return Verdict("M", False, "There's no number yet. How many times, or for how long?")


COMPARATIVE = re.compile(
    r"more|less|fewer|better|so much|too much|extra|more often|a little more|a little less"
)
SIT_DOWN = re.compile(
    r"\bsit down (?:together |with (?:\w+ ){1,2})?(?:and|to) (?:talk|discuss|go over|agree|plan"
    r"|look at|make|decide|work out|figure out|write|have)\b"
)
QUIT_JOB = re.compile(
    r"\bquit (?:my|the|this) (?:job|position|role|team|club|gym membership|band)\b"
)


def _idle_never(s: str, m: re.Match) -> bool:
    """ "…even though I've never run before", "the honeymoon we never had": not the goal's own."""
    if m.group() != "never":
        return False
    before = s[max(0, m.start() - 12) : m.start()]
    after = s[m.end() : m.end() + 30]
    return bool(
        re.search(r"\b(?:have|'ve|has|had)\s+$", before)
        or re.match(r"(?: \w+){0,3} before\b", after)
        or re.match(
            r" (?:had|did|got|went|was|were|made|took|saw|said|knew|been|done|seen|gone|tried)\b",
            after,
        )
    )


def _near_number(goal: str, m: re.Match) -> bool:
    for n in NUMBERED_VAGUE.finditer(goal, max(0, m.start() - 20), min(len(goal), m.end() + 20)):
        if n.start() <= m.start() < n.end() or m.start() <= n.start() < m.end():
            return True
    return False


def _in_pattern(pattern: re.Pattern, s: str, m: re.Match) -> bool:
    return any(
        p.start() <= m.start() < p.end()
        for p in pattern.finditer(s, max(0, m.start() - 20), min(len(s), m.end() + 20))
    )


def _count_phrase(text: Text, goal: str, m: re.Match) -> str:
    tail = re.match(r"(?: [\w'-]+){0,2}", goal[m.end() : m.end() + 40])
    return text.quote(m.start(), m.end() + (tail.end() if tail else 0))


# A ---------------------------------------------------------------------------------------------


WORRY_BEFORE = re.compile(
    r"\b(?:scared|afraid|worried|worry|fear|terrified|hope|think|feel|know|because|since|what|that"
    r"|if|when|whether|how)\s+$"
)
REPORTED = re.compile(
    r"\b(?:tell|told|telling|ask|asking|say|saying|explain|explaining|let (?:her|him|them"
    r"|my \w+) know|remind|reminding|suggest|suggesting)\b[^,.;]*$"
)


def _achievable(
    text, goal, no_purpose, facts, cadence_hits, durations, period_hits, timeless_goal=""
) -> Verdict:
    unq = _unquoted(text.norm)
    absolute = next((m for m in lx.ABSOLUTE.finditer(unq) if not _idle_never(unq, m)), None)
    if absolute:
        facts.absolute_words = [text.quote_match(absolute)]
        return Verdict(
            "A",
            False,
            f"{q(text.quote_match(absolute))} asks for perfection. Small and steady goes further, "
            "and leaves room for a hard day.",
        )
    if facts.problem:
        return Verdict(
            "A",
            True,
            "Nothing here asks for perfection. When you pick a step, small is just right.",
        )
    goal_unq = _unquoted(goal)
    depends = next(
        (
            m
            for m in lx.DEPENDS.finditer(goal_unq)
            if not REPORTED.search(goal_unq[max(0, m.start() - 60) : m.start()])
            and not WORRY_BEFORE.search(goal_unq[max(0, m.start() - 30) : m.start()])
        ),
        None,
    )
    if depends:
        facts.depends_words = text.quote_match(depends)
        return Verdict(
            "A",
            False,
            f"{q(facts.depends_words)} depends on someone else. What's the part that's yours to do"
            f"?",
        )
    intense = _intensity(text, no_purpose, cadence_hits, durations)
    if intense:
        facts.intense_words = intense
        return Verdict(
            "A",
            False,
            f"{q(intense)} is a lot to keep up. A smaller amount you can keep is worth more.",
        )
    large = lx.LARGE_OUTCOME.search(no_purpose)
    if large:
        tiny = _tiny_timeline(no_purpose, period_hits)
        if tiny:
            facts.large_words = text.quote_match(large)
            return Verdict(
                "A",
                False,
                f"{q(facts.large_words)} {q(text.quote(*tiny))} is a big change for a short time. "
                "What small first step fits that time?",
            )
    bundle = _bundle(text, timeless_goal or goal)
    if len(bundle) >= 3:
        facts.bundle = bundle
        listed = ", ".join(q(b) for b in bundle[:3])
        return Verdict(
            "A",
            False,
            f"{listed}: that's {len(bundle)} changes at once. Want to start with one?",
        )
    return Verdict(
        "A",
        True,
        "Nothing here asks for perfection or for someone else to change, and it's one thing at a "
        "time: small enough for a hard day.",
    )


LIGHT_UNITS = re.compile(
    r"\b(?:steps|calories|ml|glasses of water|sips|breaths?|seconds?|minutes?|hugs?|kiss(?:es)?)\b"
)
HEAVY = re.compile(
    r"\b(?:gym|workouts?|runs?|dates?|date nights?|sessions?|classes|lessons?|sex|trips?"
    r"|getaways?|parties|dinners? out)\b"
)


def _intensity(text: Text, s: str, cadence_hits, durations) -> str:
    m = lx.INTENSE_PHRASES.search(s)
    if m:
        return text.quote_match(m)
    daily = [h for h in cadence_hits if h.kind == "cadence" and (h.value.get("per_week") or 0) >= 5]
    for d in durations:
        if d.kind != "duration" or re.search(r"\b(?:sleep|slept|sleeping|nap|rest)\b", s):
            continue
        after = s[d.end : d.end + 30]
        per_day = re.match(
            r" ?(?:a|per|each|every|/) ?(?:day|night|evening)"
            r"|(?: \w+){0,3} (?:daily|nightly|every (?:single )?(?:day|night|evening))",
            after,
        )
        if d.value["seconds"] >= lx.INTENSE_DAILY_MINUTES * 60 and (per_day or daily):
            end = d.end + (per_day.end() if per_day else 0)
            return text.quote(d.start, end)
    for h in cadence_hits:
        if h.kind != "cadence":
            continue
        per_week = h.value.get("per_week") or 0
        words = s[max(0, h.start - 30) : h.end]
        if LIGHT_UNITS.search(words):
            continue
        if per_week >= 70 or (per_week >= 10 and HEAVY.search(words)):
            return text.quote(h.start, h.end)
    return ""


def _tiny_timeline(s: str, period_hits) -> tuple[int, int] | None:
    for h in period_hits:
        words = s[h.start : h.end]
        if re.search(
            r"\b(?:this|next|in|within|over) (?:the )?(?:next )?(?:year|years|\d+ months"
            r"|(?:six|eight|nine|ten|twelve) months)\b|\b20\d\d\b",
            words,
        ):
            continue
        return (h.start, h.end)
    m = re.search(r"\b(?:overnight|right away|immediately|in a day|in one day|starting now)\b", s)
    return m.span() if m else None


def _bundle(text: Text, goal: str) -> list[str]:
    """Distinct changes in one goal: verbs in a list, or a list of three things to do."""
    parts: list[str] = []
    nouns: list[str] = []
    pos = 0
    first_has_topic = False
    for index, piece in enumerate(lx.BUNDLE_SPLIT.split(goal)):
        start = goal.find(piece, pos)
        pos = start + len(piece)
        words = " ".join(piece.split())
        if not words or specific.TIME_ONLY.match(words):
            continue
        lead = specific.LEAD.match(words)
        rest = words[lead.end() :] if lead else words
        head = rest.split(" ", 1)[0] if rest else ""
        lead_at = start + (len(piece) - len(piece.lstrip()))
        quote = text.quote(lead_at, start + len(piece.rstrip()))
        if index == 0 and re.search(
            r"\b(?:about|over|on|with|like|such as|including|between)\b", words
        ):
            first_has_topic = True
        if not head:
            continue
        if head in specific.DETERMINER or re.fullmatch(r"\d[\d,.%/]*", head):
            nouns.append(quote)
            continue
        if re.fullmatch(
            r"her|him|them|me|us|my|myself|it|that|this|more|less|too|so|then|also|again", head
        ):
            continue
        parts.append(quote)
    if len(parts) >= 3:
        return parts
    if not first_has_topic and len(nouns) >= 2 and len(parts) + len(nouns) >= 3:
        return parts + nouns
    return parts


# R ---------------------------------------------------------------------------------------------

NAME_OBJECT = re.compile(
    r"\b(?:with|for|and|ask|tell|hug|kiss|call|text|thank|give|surprise|invite|help|show|talk to"
    r"|listen to|write to"
    r"|remind|compliment|praise|message|email|meet|visit|cook for|listen to|talk to|date|hold)"
    r" ([A-Z][a-z]+)\b"
)
OWN_PEOPLE = re.compile(
    r"\bmy (?:\w+ )?(?:mom|mum|mother|dad|father|sisters?|brothers?|sons?|daughters?|kids?|child"
    r"|children|friends?|boss|coworkers?|co-workers?|colleagues?|neighbou?rs?|teacher|doctor|coach"
    r"|trainer|clients?|customers?|team|manager|parents|grandma|grandmother|grandpa|grandfather"
    r"|cousins?|aunt|uncle|niece|nephew|roommate|flatmate|landlord|baby|dog|cat|siblings?"
    r"|students?|patients?|employees?|staff|classmates?|pastor|priest|therapist|counselor|mates?"
    r"|bestie|bff|family)\b|\b(?:mom|mum|dad)\b(?!'s)"
)
CO_PARENT = re.compile(
    r"\b(?:kids'|children's|kid's|baby's|son's|daughter's) (?:dad|mom|mum|father|mother)\b"
    r"|\bbaby (?:daddy|mama|momma)\b|\bco-?parent\w*"
    r"|\bmy ex\b(?=.*\b(?:kids?|children|son|daughter|custody|school|pick-?ups?|drop-?offs?)\b)"
)
IN_LAWS = re.compile(
    r"\b(?:his|her|their|my (?:partner|wife|husband|girlfriend|boyfriend|fiancee?)'s) (?:mom|mum"
    r"|mother|dad|father|parents|sisters?|brothers?|family|folks|kids|children|son|daughter)\b"
    r"|\bin-laws?\b|\b(?:mother|father|sister|brother|son|daughter)s?-in-law\b|\bstep-?(?:mom|mum"
    r"|dad|kids?|children|son|daughter|mother|father|parent)\w*"
)
NOT_TOGETHER = re.compile(
    r"\b(?:my|your|his|her) (?:\w+ ){0,2}together\b|\b(?:pull|get|put) (?:my ?self|it|things|stuff"
    r"|this|that) together\b"
)


def _relevant(text: Text, facts: Facts) -> Verdict:
    norm = text.norm
    partner = lx.PARTNER.search(norm)
    if partner:
        facts.partner_words = text.quote_match(partner)
        return Verdict("R", True, f"{q(facts.partner_words)} ties this to your relationship.")
    for pattern, words in (
        (CO_PARENT, "is about raising the kids together."),
        (IN_LAWS, "is part of your partner's family, so of life together."),
    ):
        m = pattern.search(norm)
        if m:
            return Verdict("R", True, f"{q(text.quote_match(m))} {words}")
    not_together = [m.span() for m in NOT_TOGETHER.finditer(norm)]
    for we in lx.WE.finditer(norm):
        if not any(a <= we.start() < b for a, b in not_together):
            return Verdict("R", True, f"{q(text.quote_match(we))} makes this about the two of you.")
    own = OWN_PEOPLE.search(norm)
    domain = _domain(norm, strict=bool(own))
    if domain:
        return Verdict("R", True, f"{q(text.quote_match(domain))} is part of life as a couple.")
    pronoun = lx.PRONOUN.search(norm)
    if pronoun and not own:
        facts.partner_words = text.quote_match(pronoun)
        return Verdict(
            "R",
            True,
            f"{q(text.quote_match(pronoun))}: I take it that's your partner, so this is about you "
            f"two.",
        )
    for m in NAME_OBJECT.finditer(text.raw):
        name = m.group(1)
        if name not in lx.NAME_STOP and not text.raw.isupper():
            return Verdict(
                "R", True, f"{q(name)}: I take it that's your partner, so this is about you two."
            )
    return Verdict(
        "R",
        False,
        "I can't see how this connects to your relationship yet. Who is it with, or why does it "
        "matter for you two?",
    )


# Relationship words that stay relevant even when the goal is about someone else too.
CORE_DOMAIN = re.compile(
    r"\b(?:relationship|marriage|married|marital|romance|romantic|intimacy|intimate|sex|sexual"
    r"|make love|date night|date nights|anniversary|wedding|honeymoon|vows|love languages?"
    r"|i love you|love notes?|love letters?|affair|cheated|cheating|infidelity|unfaithful"
    r"|long[- ]distance|attachment styles?|couples?|couples therapy|marriage counseling"
    r"|marriage counselor|couples counseling|heart-to-heart|jealous|jealousy|flirt\w*)\b"
)
DOMAIN_EXTRA = re.compile(
    r"\bdates?\b|\bfamily (?:meeting|dinner|budget|time|night|calendar)\b"
    r"|\b(?:our|joint|shared|household|family|the) (?:money|finances|budget|bills|savings|account"
    r"|spending|expenses|accounts)\b|\b(?:grocery|household|utility|electric|gas|water) bills?\b"
    r"|\b50/50\b|\bsplit (?:the|our) \w+|\baround the house\b|\bmy share\b|\b(?:the )?(?:bins|trash"
    r"|garbage|recycling|rubbish)\b|\btrust\w*|\bi feel\b(?=[\"' ]+statements)|\bi-statements\b"
    r"|\b(?:i feel|i) statements\b|\bsafe ?word\b|\btime-?outs?\b"
)
NOT_DOMAIN = re.compile(
    r"\b(?:set|pick|choose|end|due|the|a start|start|quit|target|deadline|expiry|release|save the"
    r"|that|this|any|another|which|what|(?:set|pick|choose|fix|agree on) a) date\b(?! night)"
    r"|\bdate of birth\b|\bup to date\b|\bto date\b"
    r"|\bi love (?!you)\w+|\blove (?:to|running|cooking|my job|my work)\b"
    r"|\bfight (?:for|against) (?:my|the)\b|\b(?:my|personal|own) (?:budget|finances|money"
    r"|savings)\b"
)
LOOSE_DOMAIN_WORDS = {
    "date",
    "dates",
    "love",
    "loving",
    "loved",
    "family",
    "budget",
    "finances",
    "connect",
    "connection",
    "connected",
    "feelings",
    "emotional",
    "understanding",
    "bond",
    "bonding",
}


def _domain(norm: str, *, strict: bool = False) -> re.Match | None:
    """A relationship domain word; with someone else named (``strict``), only the core ones."""
    blocked = [m.span() for m in NOT_DOMAIN.finditer(norm)]
    patterns = (CORE_DOMAIN,) if strict else (CORE_DOMAIN, DOMAIN_EXTRA, lx.DOMAIN)
    for pattern in patterns:
        for m in pattern.finditer(norm):
            word = m.group()
            if any(a <= m.start() < b for a, b in blocked):
                continue
            if word in LOOSE_DOMAIN_WORDS and pattern is lx.DOMAIN:
                continue
            return m
    return None


# T ---------------------------------------------------------------------------------------------


def _time_bound(
    text, no_purpose, facts, cadence_hits, period_hits, trigger_hits, someday_hits
) -> Verdict:
    if facts.problem:
        return Verdict(
            "T",
            False,
            "Any times here tell when it's hard, not when you'll act. A small step below has its o"
            "wn when.",
        )
    real_cadence = [h for h in cadence_hits if h.kind in {"cadence", "vague_cadence"}]
    refusal = g.REFUSAL.search(no_purpose)
    if real_cadence:
        h = max(real_cadence, key=lambda h: h.end - h.start)
        return Verdict("T", True, f"{q(text.quote(h.start, h.end))} tells when.")
    if trigger_hits:
        h = trigger_hits[0]
        return Verdict("T", True, f"{q(text.quote(h.start, h.end))} says when to act.")
    if refusal:
        facts.refusal = text.quote_match(refusal)
        return Verdict(
            "T",
            False,
            f"{q(facts.refusal)}: that's okay, there's no pressure here. "
            "A day to look back on can still help, whenever you're ready.",
        )
    forever = g.FOREVER.search(no_purpose)
    windows = [h for h in period_hits if h.kind == "period"]
    deadlines = [h for h in period_hits if h.kind == "deadline"]
    if windows:
        h = windows[0]
        return Verdict("T", True, f"{q(text.quote(h.start, h.end))} sets a window to look back on.")
    if deadlines:
        h = deadlines[0]
        return Verdict("T", True, f"{q(text.quote(h.start, h.end))} sets a time.")
    if facts.open_start:
        return Verdict(
            "T",
            False,
            f"{q(facts.open_start)} has no end and no rhythm. How about “every evening, for the "
            "next four weeks”?",
        )
    if forever:
        return Verdict(
            "T",
            False,
            f"{q(text.quote_match(forever))} has no end to look back from. How about the next four"
            f" weeks?",
        )
    if someday_hits:
        facts.someday = text.quote_match(someday_hits[0])
        return Verdict(
            "T", False, f"{q(facts.someday)} has no date yet. When would you like to look back?"
        )
    part = g.parts_of_day(no_purpose)
    if part:
        facts.part_of_day = text.quote(part[0].start, part[0].end)
        return Verdict(
            "T",
            False,
            f"{q(facts.part_of_day)} says when in the day, but not which days. Every day? On weeke"
            f"nds?",
        )
    return Verdict(
        "T",
        False,
        "There's no when yet: a day, a rhythm like “every Sunday”, or a moment that sets it off.",
    )


__all__ = ["LETTERS", "MAX_CHARS", "Analysis", "Verdict", "analyze"]
