"""The coach's small grammar for numbers, how often, how long, by when, and "when X, I will…".

Everything here reads ``Text.norm`` (lower case, mended) and returns ``Hit``s: what kind of
thing was found, where, and its value (a count, seconds, times per week…). The patterns are
plain regular expressions built from a few pieces, so each can be read on its own.
"""

import re
from dataclasses import dataclass, field

# --- Numbers ---------------------------------------------------------------------------------

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "half": 0.5,
}  # fmt: skip
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
WORD_NUMBER = (
    rf"(?:(?:{TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    rf"|fifteen|sixteen|seventeen|eighteen|nineteen|{TENS}|a hundred|one hundred|a dozen)"
)
DIGITS = r"\d+(?:[.,]\d+)?"
NUM = rf"(?:{DIGITS}|{WORD_NUMBER})"
VAGUE_COUNT = (
    r"(?:a few|few|some|several|many|multiple|a couple(?: of)?|couple of|a number of|a bunch of"
    r"|lots of|a lot of|numerous|various|a handful of|more|extra|a bit of|a little)"
)


def number_value(words: str) -> float | None:
    """ "12" → 12, "twenty-five" → 25, "a" → 1, "a dozen" → 12; None if not a number."""
    words = words.strip().replace(",", "")
    try:
        return float(words)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", words):
        if part in {"a", "an", "one"} and total == 0 and "hundred" in words:
            continue
        if part not in UNITS:
            return None
        value = UNITS[part]
        total = total * value if part in {"hundred"} and total else total + value
    return total


# --- Periods, days, parts of the day ---------------------------------------------------------

DAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
DAY = rf"(?:{DAY_NAMES})"
DAYS = rf"(?:{DAY_NAMES})s"
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
PART = r"(?:morning|afternoon|evening|night|lunch|lunchtime|dinner|dinnertime|breakfast|bedtime)"
PARTS = r"(?:mornings|afternoons|evenings|nights|lunches|lunchtimes|dinners|breakfasts|bedtimes)"
PERIOD_SECONDS = {
    "day": 1,
    "night": 1,
    "evening": 1,
    "morning": 1,
    "afternoon": 1,
    "weekday": 1,
    "weeknight": 1,
    "week": 7,
    "weekend": 7,
    "fortnight": 14,
    "month": 30,
    "year": 365,
}  # in days, fmt: skip
HOLIDAY = (
    r"(?:christmas(?: eve)?|new year(?:'s)?(?: eve| day)?|valentine(?:'s)?(?: day)?|easter"
    r"|thanksgiving|halloween|the holidays|(?:our|my|her|his|their) (?:anniversary|wedding"
    r"|birthday|vacation|trip|holiday)|(?:her|his|their|my|our) (?:mom's|mum's|dad's|parents')"
    r" (?:visit|birthday)|the (?:wedding|trip|holiday|vacation|baby|move|party)|summer|spring"
    r"|autumn|fall|winter)"
)
ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|fifteenth|twentieth"
    r"|thirtieth)"
)
DATE = (
    rf"(?:{MONTH} (?:the )?(?:{ORDINAL}|\d{{1,2}})(?: \d{{4}})?|the {ORDINAL}(?: of {MONTH})?|\d{{"
    rf"1,2}}(?:st|nd|rd|th)(?: of {MONTH})?"
    rf"|{MONTH}(?! \d)|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{{2,4}})?|\d{{4}}-\d{{2}}-"
    rf"\d{{2}}|(?:in )?20\d\d)"
)
CLOCK = r"(?:\d{1,2}(?::\d{2})? ?(?:am|pm|a\.m\.|p\.m\.|o'clock)|noon|midnight)"
# "this/next/coming Friday", "the end of the month"…
WHEN_POINT = (
    rf"(?:tomorrow(?: {PART})?|tonight|today|this (?:{PART}|week|weekend|month|year|{DAY}|semester"
    rf"|term|quarter|season|spring|summer|autumn|fall|winter|half term)"
    rf"|(?:next|this coming|the coming|coming) (?:week|weekend|month|year|{DAY})"
    rf"|(?:the )?end of (?:the |this |next )?(?:day|week|weekend|month|year|{MONTH})"
    rf"|eod|(?:on )?{DAY}(?! ?s\b)(?: {PART})?|{DATE}|{HOLIDAY}|{CLOCK}(?: (?:today|tonight"
    rf"|tomorrow))?)"
)


@dataclass(frozen=True)
class Hit:
    kind: str  # e.g. "cadence", "deadline", "period", "trigger", "duration", "count"
    start: int
    end: int
    value: dict = field(default_factory=dict, compare=False)


def _hits(pattern: re.Pattern, norm: str, kind: str, value=None) -> list[Hit]:
    out = []
    for m in pattern.finditer(norm):
        out.append(Hit(kind, m.start(), m.end(), value(m) if value else {}))
    return out


# --- How often (cadence) ---------------------------------------------------------------------

CADENCE_COUNT = re.compile(
    rf"\b(?:(?:at least|about|around|roughly|up to|no more than|max(?:imum)?) )?"
    rf"(?P<n>{NUM}|once|twice|thrice)(?: |-)?(?:times?|x|days?|nights?|evenings?|mornings?"
    rf"|sessions?|dates?|walks?)?(?: (?:a|an|per|each|every|in a)|/| ?/ ?)"
    rf" ?(?P<p>day|week|month|year|weekend|fortnight|night|evening|morning|wk|mo)\b"
)
COUNT_PER = re.compile(
    rf"\b(?P<n>{NUM}|an?)(?: (?!in\b|within\b|by\b|for\b|after\b|before\b|over\b|during\b|at\b"
    rf"|on\b)[\w'-]+){{1,3}}?"
    rf" (?:a|an|per|each|every|/) ?(?P<p>day|week|month|year|weekend|fortnight|night|evening"
    rf"|morning)\b"
)
VAGUE_CADENCE = re.compile(
    rf"\b(?:{VAGUE_COUNT})(?: |-)?(?:times?|days?|nights?|evenings?|mornings?|x)?"
    rf"(?: (?:a|an|per|each|every|in a)|/| ?/ ?) ?(?:day|week|month|year|weekend|night)\b"
)
EVERY = re.compile(
    rf"\b(?:every|each)(?: single)? (?:(?P<other>other|second|alternate) )?(?P<p>day|night|evening"
    rf"|morning"
    rf"|afternoon|week|weekend|month|year|fortnight|weekday|weeknight|workday|{DAY}|{PART}"
    rf"|(?P<n>{NUM}) (?:days|weeks|months|nights))\b"
)
ADVERB_CADENCE = re.compile(
    r"\b(?P<w>daily|nightly|weekly|biweekly|bi-weekly|fortnightly|monthly|bimonthly|yearly|annually"
    r"|quarterly|weeknightly)\b"
)
ON_DAYS = re.compile(
    rf"\b(?:(?:on|most|all) )?(?:(?P<d>{DAYS})|(?P<wn>weeknights|weekdays|workdays|weekends))"
    rf"(?: and (?P<d2>{DAYS}))?(?: ?(?:{PART}s?))?\b"
)
DAY_PARTS = re.compile(rf"\b(?:on )?(?P<d>{DAY}) (?P<p>{PARTS})\b")
PLURAL_PARTS = re.compile(rf"\b(?:in the|on|during|most|all) (?P<p>{PARTS})\b")
EVENT_NOUNS = (
    r"payday|pay day|paycheck|pay cheque|paycheque|weekday|workday|holiday|anniversary|birthday"
    r"|bin day|school day|school run|visit|trip|meal|mealtime|shift|session|appointment|game|match"
    r"|date night|date|outing|meeting|call|flight|commute|practice|class|lesson|service|mass"
)
EVERY_NOUN = re.compile(
    rf"(?:\b(?:from|on|at|after|before|with|in|during|for|of) (?:every|each)|\b(?:every"
    rf"|each)(?= (?:{EVENT_NOUNS})\b))(?: single)? (?!one\b|thing\b|time\b|bit\b|other\b|few\b"
    rf"|couple\b|so\b|now\b|once\b|single\b|day\b|week\b|month\b|year\b"
    rf"|night\b)(?P<w>[a-z][\w'-]+)\b"
)
EVERY_FEW = re.compile(
    r"\bevery (?:few|couple(?: of)?|so often|now and (?:then|again)|once in a while)(?: days"
    r"| weeks)?\b"
)

WEEKDAY_COUNT = {"weeknights": 5, "weekdays": 5, "workdays": 5, "weekends": 2}


def _per_week(n: float, period: str) -> float:
    days = {"wk": 7, "mo": 30}.get(period) or PERIOD_SECONDS.get(period, 7)
    return n * 7 / days


def cadences(norm: str) -> list[Hit]:
    """Recurring rhythms, each with ``per_week`` (may be fractional) where it can be known."""
    hits: list[Hit] = []
    for m in CADENCE_COUNT.finditer(norm):
        n = _count_value(m.group("n"))
        if n is None:
            continue
        period = m.group("p")
        hits.append(
            Hit(
                "cadence",
                m.start(),
                m.end(),
                {"per_week": _per_week(n, period), "n": n, "period": period},
            )
        )
    for m in COUNT_PER.finditer(norm):
        if any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in hits):
            continue
        n = number_value(m.group("n")) or 1
        unit = m.group()
        # "20 minutes a day" is once a day; "3 compliments a day" is three times a day.
        if re.search(r"\b(?:seconds?|minutes?|hours?|hrs?|mins?)\b", unit):
            n = 1
        per = re.search(r" (?:a|an|per|each|every|/) ?\w+$", unit)
        start = m.start() + per.start() if per else m.start()
        hits.append(
            Hit(
                "cadence",
                start,
                m.end(),
                {"per_week": _per_week(n, m.group("p")), "n": n, "period": m.group("p")},
            )
        )
    for m in EVERY.finditer(norm):
        period = m.group("p")
        n = number_value(m.group("n")) if m.group("n") else None
        if n:
            per_week = 7 / (n * PERIOD_SECONDS.get(period.split()[-1].rstrip("s"), 1))
        elif re.fullmatch(DAY, period):
            per_week = 1.0
        elif period in {"weekday", "weeknight", "workday"}:
            per_week = 5.0
        else:
            per_week = 7 / PERIOD_SECONDS.get(period, 1)
        if m.group("other"):
            per_week /= 2
        hits.append(Hit("cadence", m.start(), m.end(), {"per_week": per_week, "period": period}))
    for m in ADVERB_CADENCE.finditer(norm):
        word = m.group("w").replace("-", "")
        per_week = {
            "daily": 7, "nightly": 7, "weeknightly": 5, "weekly": 1, "biweekly": 0.5,
            "fortnightly": 0.5, "monthly": 0.25, "bimonthly": 0.125, "yearly": 0.02,
            "annually": 0.02, "quarterly": 0.08,
        }[word]  # fmt: skip
        hits.append(Hit("cadence", m.start(), m.end(), {"per_week": per_week, "period": word}))
    for m in ON_DAYS.finditer(norm):
        per_week = WEEKDAY_COUNT[m.group("wn")] if m.group("wn") else (2 if m.group("d2") else 1)
        hits.append(Hit("cadence", m.start(), m.end(), {"per_week": per_week, "period": "days"}))
    for m in DAY_PARTS.finditer(norm):
        hits.append(Hit("cadence", m.start(), m.end(), {"per_week": 1, "period": "days"}))
    for m in PLURAL_PARTS.finditer(norm):
        hits.append(Hit("cadence", m.start(), m.end(), {"per_week": 7, "period": m.group("p")}))
    for m in EVERY_NOUN.finditer(norm):
        if any(h.start <= m.start() < h.end for h in hits):
            continue
        hits.append(Hit("cadence", m.start(), m.end(), {"per_week": None, "period": m.group("w")}))
    for m in EVERY_FEW.finditer(norm):
        hits.append(Hit("vague_cadence", m.start(), m.end()))
    for m in VAGUE_CADENCE.finditer(norm):
        hits.append(Hit("vague_cadence", m.start(), m.end()))
    return hits


def _count_value(word: str) -> float | None:
    return {"once": 1, "twice": 2, "thrice": 3}.get(word) or number_value(word)


# --- How long (duration) ---------------------------------------------------------------------

DURATION = re.compile(
    rf"\b(?:(?:at least|about|around|roughly|only|just|up to) )?(?:(?P<n>{NUM}|an?|a few|few"
    rf"|a couple(?: of)?|several|some)"
    rf"(?:(?: ?- ?| to | or )(?P<n2>{NUM}))?(?: ?- ?| ?)(?P<u>seconds?|minutes?|hours?|hrs?|mins?"
    rf"|secs?)"
    rf"(?: and a half)?|half an? hour|half-hour|half hour|a quarter of an hour"
    rf"|an hour and a half)\b"
)
UNIT_SECONDS = {"second": 1, "s": 1, "minute": 60, "m": 60, "hour": 3600, "h": 3600}


def durations(norm: str) -> list[Hit]:
    hits = []
    for m in DURATION.finditer(norm):
        words = m.group()
        if "half an hour" in words or "half hour" in words or "half-hour" in words:
            seconds: float | None = 1800
        elif "quarter of an hour" in words:
            seconds = 900
        elif "an hour and a half" in words:
            seconds = 5400
        else:
            unit = m.group("u").rstrip("s") or "s"
            if unit == "":
                unit = "s"
            number = m.group("n")
            if number in {"a few", "few", "a couple", "a couple of", "several", "some"}:
                hits.append(Hit("vague_duration", m.start(), m.end()))
                continue
            value = number_value(number)
            if value is None:
                continue
            seconds = value * UNIT_SECONDS.get(unit, 60)
            if words.endswith("and a half"):
                seconds *= 1.5
        hits.append(Hit("duration", m.start(), m.end(), {"seconds": int(seconds)}))
    return hits


# --- Bounded periods and deadlines -----------------------------------------------------------

SPAN_UNIT = r"(?:days?|weeks?|months?|years?|weekends?|fortnights?|nights?|hours?|minutes?)"
PERIOD_FOR = re.compile(
    rf"\b(?:for|over|during|in|within|throughout)(?: the)?(?: (?:next|coming|following|first))?"
    rf" (?:(?P<n>{NUM}|an?|a few|few|a couple(?: of)?"
    rf"|several)(?: ?- ?{NUM})? )?(?P<u>{SPAN_UNIT})\b"
)
DEADLINE = re.compile(
    rf"\b(?P<prep>by|before|until|till|no later than|on or before|on|this|next|at the latest by"
    rf"|ahead of|in time for|for(?= (?:our|my|her|his|their) (?:anniversary|birthday|wedding)))"
    rf" (?P<when>{WHEN_POINT}|the weekend|the end of (?:the )?\w+|(?:next|this) \w+|{PART}|{PARTS}"
    rf"|(?:we|i|she|he|they) (?:go|leave|travel|move|get married|see|visit|meet)\b[^,.;]*)"
)
BARE_POINT = re.compile(
    rf"\b(?:tomorrow(?: {PART})?|tonight|this (?:week|weekend|month|year|{PART}|{DAY}|semester"
    rf"|term|quarter|season|spring|summer|autumn|fall|winter)"
    rf"|(?:next|this coming) (?:week|weekend|month|year|{DAY})|{DATE}|{DAY}(?: {PART})?"
    rf"|today|right now)\b"
)
OPEN_START = re.compile(
    rf"\b(?:from now on|(?:starting|beginning|from) (?:on )?(?:today|now|tomorrow|this week"
    rf"|next week|next month|(?:next |this )?{DAY}|the \w+|\w+ \d+)|from today"
    r"|as of (?:today|now)|beginning (?:today|now|tomorrow)|going forward|moving forward"
    r"|from this day(?: forward)?|from here on(?: out)?|henceforth)\b"
)
SOMEDAY = re.compile(
    r"\b(?:someday|some day|one day|eventually|soon|sometime|some time soon|at some point"
    r"|in the future|later on|one of these days|in due course|in time|when the time is right"
    r"|down the road|sooner or later)\b"
)
REFUSAL = re.compile(
    r"\b(?:no (?:deadline|deadlines|end date|time ?limit|timeline|timeframe|time frame|rush|date)"
    r"|without (?:a |any )?(?:deadline|time ?limit|timeline|end date|date)"
    r"|(?:don't|do not|not going to|won't|will not|never|rather not|refuse to) (?:want to )?"
    r"(?:set|put|give|have|need|use) (?:a |any )?(?:deadline|date|timeline|time ?limit|end date"
    r"|timeframe)"
    r"|(?:do not|don't|never|not) (?:want|need|like) (?:a |any |to have a |to set a )?(?:deadline"
    r"|deadlines|date|timeline|time ?limit|end date)"
    r"|at my own pace|in my own time|whenever i feel like it|when i feel like it"
    r"|not (?:putting|setting) (?:a )?(?:date|deadline|timeline))\b"
)
FOREVER = re.compile(
    r"\b(?:forever|for good|for life|for the rest of (?:my|our) lives?|for ever|till death"
    r"|until death|for all time|permanently|for eternity)\b"
)


AWAY_PERIOD = re.compile(
    r"\bgo (?:\d+|a|an|one|two|three|four|five|six|seven|ten|fourteen|thirty) (?:days?|weeks?"
    r"|months?) without\b"
    r"|\b(?:while|whilst|as long as) (?:he|she|they|we|i|my \w+)(?: is| are| am|'s|'re"
    r"| will be)? (?:away|deployed|gone|travel+ing|abroad|overseas"
    r"|on (?:a |his |her |their |my )?(?:trip|tour|deployment|vacation|holiday|leave|placement"
    r"|business trip)|pregnant|in hospital"
    r"|recovering|working (?:away|abroad|nights)|staying with|living apart|apart|backpacking"
    r"|at (?:sea|university|college|uni))\b"
    r"|\bduring (?:his|her|their|my|our|the) (?:deployment|trip|leave|travels|pregnancy|vacation"
    r"|holiday|stay|visit|exams?|recovery|treatment|time apart|placement)\b"
    r"|\bover (?:half[- ]term|the (?:holidays|summer|winter|spring|break|school holidays"
    r"|long weekend|weekend)|christmas|easter|the next \w+)\b"
    r"|\buntil (?:the|our|his|her|my) (?:wedding|trip|holiday|vacation|baby|move|anniversary"
    r"|exams?|deployment|birthday)\b"
)
PAST_BEFORE = re.compile(
    r"\b(?:said|did|was|were|had|told|made|forgot|got|went|came|took|yelled|left|felt|happened"
    r"|drove|ate|saw|gave|broke|lost|ran|threw|wrote|spent|bought|brought|thought|found|kept|sent"
    r"|sat|spoke|missed|\w+ed)\b(?: [\w'-]+){0,5} $"
)


def periods(norm: str) -> list[Hit]:
    """Bounded windows ("for the next 3 weeks", "within 48 hours") and deadlines ("by Friday")."""
    hits = []
    for m in AWAY_PERIOD.finditer(norm):
        hits.append(Hit("period", m.start(), m.end(), {"unit": "while"}))
    for m in PERIOD_FOR.finditer(norm):
        unit = m.group("u").rstrip("s")
        if unit in {"minute", "hour"} and not m.group().startswith(("within", "in")):
            continue  # "for 10 minutes" is how long, not by when
        if unit == "night" and m.group().startswith(("during", "in", "over")) and not m.group("n"):
            continue  # "in the night"
        if (
            unit in {"day", "week", "month", "year", "weekend", "night"}
            and not m.group("n")
            and not re.search(r"\b(?:next|coming|following|first)\b", m.group())
        ):
            continue  # "during the day", "in the week" are parts of time, not windows
        hits.append(Hit("period", m.start(), m.end(), {"unit": unit}))
    for m in DEADLINE.finditer(norm):
        when = m.group("when")
        prep = m.group("prep")
        if prep in {"on", "this"} and PAST_BEFORE.search(norm[max(0, m.start() - 60) : m.start()]):
            continue
        if re.fullmatch(rf"{PART}|{PARTS}", when):
            if prep in {"this"}:
                hits.append(Hit("deadline", m.start(), m.end()))
            continue  # "before bed", "by dinner": a part of the day, not a date
        if prep == "on" and not re.match(rf"(?:{DAY}|{DATE}|{HOLIDAY}|(?:next|this) )", when):
            continue
        if prep in {"this", "next"} and not re.match(
            rf"(?:{PART}|week|weekend|month|year|{DAY}|\w+ {DAY})", when.split(" ", 0)[0]
        ):
            pass
        if prep == "on" and re.match(rf"{DAY}s\b", when):
            continue
        if prep == "until" and re.match(r"(?:we|i|she|he|they) ", when):
            pass
        hits.append(Hit("deadline", m.start(), m.end()))
    for m in BARE_POINT.finditer(norm):
        if re.match(DAY + "s", norm[m.start() : m.end() + 1]):
            continue
        if PAST_BEFORE.search(norm[max(0, m.start() - 60) : m.start()]) or norm[
            max(0, m.start() - 5) : m.start()
        ].endswith("last "):
            continue
        hits.append(Hit("deadline", m.start(), m.end()))
    return hits


# --- Triggers (if-then) ----------------------------------------------------------------------

VAGUE_TRIGGER = (
    r"(?:i (?:can|could|have (?:the |some )?time|get (?:a|the) chance|get around to it|remember"
    r"|feel like it"
    r"|am ready|am able|want to|think of it|think about it|have a (?:minute|moment|chance)|get time"
    r"|am free|have energy|find (?:the )?time)|possible|needed|necessary|appropriate|convenient"
    r"|it (?:feels|seems) right|it makes sense|the time is right|the moment is right|i can manage"
    r"|things (?:get|are) (?:better|easier|calmer)|i am not busy|it is possible|there is time"
    r"|we can|we have (?:the )?time|we get (?:a|the) chance)"
)
TRIGGER_WORD = (
    r"(?:whenever|when ever|every time|everytime|each time|any time|anytime|the next time|next time"
    r"|as soon as|the moment|the minute|when|if|once|after|before|right after|just after"
    r"|just before"
    r"|straight after|until|while)"
)
SUBJECT = (
    r"(?:i|we|you|he|she|they|it|things|a talk|a conversation|the conversation|talks|conversations"
    r"|an argument|a fight|a disagreement|arguments|fights|disagreements|tension|voices|our|my|his"
    r"|her|their|the|a|an|one of us|either of us|someone|somebody|anyone|people|dinner|work)"
)
TRIGGER = re.compile(
    rf"\b(?P<w>{TRIGGER_WORD}) (?P<clause>(?!{VAGUE_TRIGGER}\b){SUBJECT}\b[^,.;:!?]*)"
)
VAGUE_TRIGGER_RE = re.compile(rf"\b(?:when|whenever|if|once) {VAGUE_TRIGGER}\b")
EVENT_TRIGGER = re.compile(
    r"\b(?:(?:during|in the middle of|in) (?:our |an? |any |the )?(?:arguments|fights|disagreements"
    r"|conflicts|heated (?:moments|talks|conversations|discussions)|hard (?:talks|conversations))"
    r"|after (?:every|each|any|an?) (?:argument|fight|disagreement|conflict|hard talk|row)"
    r"|after (?:arguments|fights|disagreements|conflicts)"
    r"|(?:before|after|with|at|on|for) (?:any|every|each) (?!other\b|one\b)[a-z][\w'-]+"
    r"|(?:every|each) time)\b"
)
PAST_CLAUSE = re.compile(
    r"(?:i|we|you|he|she|they|it|my \w+|our \w+)(?: just| really)? (?:said|did|was|were|had|told"
    r"|made|forgot|got|went|came|took|yelled"
    r"|left|felt|happened|drove|ate|saw|gave|broke|lost|ran|threw|wrote|spent|bought|brought"
    r"|thought|found"
    r"|kept|sent|sat|spoke|missed|[a-z]+ed)\b(?!.*\b(?:i will|i'll|we will)\b)"
)


def triggers(norm: str) -> list[Hit]:
    """If-then moments: "when a talk gets heated", "whenever I get home", "if she seems tired"."""
    hits = []
    for m in TRIGGER.finditer(norm):
        word = m.group("w")
        clause = m.group("clause")
        if word in {"after", "before", "until", "while", "once"}:
            # "before bed", "after dinner" are parts of the day; "after we argue" is a moment.
            if not re.match(
                r"(?:i|we|you|he|she|they|it|things|one of us)\b \w+"
                r"|(?:my|our|his|her|their|the) [\w'-]+ (?:is|are|gets?|comes?|goes?|leaves?"
                r"|arrives?|starts?|ends?|finishes|wakes?|[a-z]+s)\b",
                clause,
            ):
                continue
            if word in {"until", "while"}:
                continue
        if word in {"if", "whether"} and re.search(
            r"\b(?:ask|asks|asked|asking|wonder|see|know|check|find out|decide|sure|unsure"
            r"|whether)\b(?: [\w'-]+){0,4} $",
            norm[max(0, m.start() - 40) : m.start()],
        ):
            continue  # "ask her if she'd like to…" is a question, not a trigger
        if PAST_CLAUSE.match(clause):
            continue  # "when he drove so fast last weekend" tells what happened, not when to act
        hits.append(Hit("trigger", m.start(), m.end(), {"word": word, "clause": clause.strip()}))
    for m in EVENT_TRIGGER.finditer(norm):
        hits.append(
            Hit("trigger", m.start(), m.end(), {"word": m.group().split()[0], "clause": ""})
        )
    return hits


def vague_triggers(norm: str) -> list[Hit]:
    return _hits(VAGUE_TRIGGER_RE, norm, "vague_trigger")


def parts_of_day(norm: str) -> list[Hit]:
    pattern = re.compile(
        rf"\b(?:at|during|over|before|after|in the|by) {PART}\b|\b(?:at night|in bed|after work"
        rf"|before work)\b"
    )
    return _hits(pattern, norm, "part_of_day")
