"""Curiosity instead of criticism: an offline, deterministic look at what a member wants to say.

``analyze(text)`` flags five patterns that tend to close a conversation, each with the words
that matched, and offers one to three curious rewrites:

- **absolute**: "always", "never", "every time"… aimed at the partner. Praise is left alone
  ("I always love your cooking", "You never fail to cheer me up").
- **why**: questions that can land as an accusation ("Why do you…", "Why don't you…",
  "How could you…"), but not curious ones ("Why do you think…", "Why do you love…").
- **blame**: you-statements that put the feeling on the partner ("You make me so angry",
  "You're so…", "You don't care", "It's your fault").
- **contempt**: names (a small lexicon: lazy, selfish, pathetic…) said about the partner,
  and sarcasm or eye-roll markers ("Oh great", "Yeah right", "*eye roll*", "Ugh").
- **generalisation**: words about who the partner is rather than what happened ("What's
  wrong with you?", "You're just like your father", "You'll never change").

Rewrites splice in the member's own topic only where it can be lifted cleanly (a short run of
plain words after "you always…", "why don't you…"); otherwise they come from templates that
splice nothing. Nothing here touches the database or the network, and the same text always
gives the same answer.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

MAX_LENGTH = 1000
GENTLE_ALREADY = "This sounds gentle already."


class Category(StrEnum):
    ABSOLUTE = "absolute"
    WHY = "why"
    BLAME = "blame"
    CONTEMPT = "contempt"
    GENERALISATION = "generalisation"


LABELS = {
    Category.ABSOLUTE: "Always or never",
    Category.WHY: "A “why do you…” question",
    Category.BLAME: "Blame that starts with “you”",
    Category.CONTEMPT: "Names or sarcasm",
    Category.GENERALISATION: "About who they are, not what happened",
}

EXPLANATIONS = {
    Category.ABSOLUTE: (
        "“Always” and “never” make one moment sound like the whole story, so the talk can "
        "turn into an argument about the word instead of what you need."
    ),
    Category.WHY: (
        "A “why do you…” question can sound like an accusation, even when you truly want to know."
    ),
    Category.BLAME: (
        "Starting from what they did to you tends to make anyone defend themselves. Your own "
        "feeling, said plainly, is easier to hear."
    ),
    Category.CONTEMPT: (
        "Names and sarcasm tend to hurt more than they explain, and they make listening hard."
    ),
    Category.GENERALISATION: (
        "Words about who someone is, rather than what happened, can feel like a verdict on "
        "the whole person."
    ),
}

ORDER = list(Category)


@dataclass(frozen=True)
class Flag:
    category: Category
    words: tuple[str, ...]

    @property
    def label(self) -> str:
        return LABELS[self.category]

    @property
    def explanation(self) -> str:
        return EXPLANATIONS[self.category]


@dataclass(frozen=True)
class Analysis:
    text: str
    flags: tuple[Flag, ...]
    rewrites: tuple[str, ...]

    @property
    def is_gentle(self) -> bool:
        return not self.flags

    @property
    def categories(self) -> set[Category]:
        return {flag.category for flag in self.flags}


# --- Word lists ------------------------------------------------------------------------------


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


PARTNER = {"you", "your", "you're", "yours", "yourself", "you've", "you'd", "you'll", "u"}
PRONOUNS = PARTNER | {
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "me",
    "my",
    "myself",
    "we",
    "we're",
    "we've",
    "us",
    "our",
}
NEGATORS = _lexicon(
    """
    not never no don't doesn't didn't can't cannot won't wouldn't isn't aren't wasn't
    weren't haven't hasn't couldn't shouldn't hardly barely
    """
)
POSITIVE = _lexicon(
    """
    love loved loves loving adore appreciate appreciated grateful thankful thank enjoy
    enjoyed laugh smile happy happier glad proud safe kind kinder kindness sweet thoughtful
    generous caring care cares help helps helped helpful support supportive cheer amazing
    wonderful great beautiful gorgeous funny fun lovely delicious warm patient gentle calm
    brave strong smart clever wise best good better favourite favorite cherish treasure
    admire inspire inspiring comfort comforting hug hugs loyal honest fair remember
    remembers listener
    """
)
POSITIVE_PHRASES = (
    "make me laugh",
    "make me smile",
    "made me laugh",
    "made me smile",
    "look forward",
    "there for me",
    "have my back",
    "know how to",
    "know what to say",
    "mean the world",
    "cheer me up",
    "light up",
)
# Hard moments told in other words: "you roll your eyes", "you walk away".
NEGATIVE_PHRASES = (
    "roll your eyes",
    "rolled your eyes",
    "rolling your eyes",
    "walk away",
    "walk off",
    "shut me out",
    "shut down",
    "ignore me",
)
NEGATIVE = _lexicon(
    """
    angry mad furious upset sad hurt lonely alone ignored ignore ignores small stupid crazy
    miserable awful terrible horrible sick fed annoyed annoying frustrated frustrating late
    mess messy rude yell yelling shout shouting criticise criticize forget forgot nag
    nagging blame lie lied lying interrupt worst bad wrong fault ruin ruined cold distant
    disappointed disappointing embarrassing exhausting hate scream unfair dramatic loud
    useless lose
    """
)
# Names: flagged when said about the partner (or as a bare remark), never as self-talk.
INSULTS = _lexicon(
    """
    lazy selfish pathetic idiot idiotic useless stupid dumb hopeless worthless ridiculous
    childish immature incompetent disgusting loser jerk moron clueless spoiled spoilt whiny
    heartless inconsiderate thoughtless irresponsible slob liar lame sloppy dramatic
    """
)
# Moods that "you're so…" can describe with care ("You're so tired lately").
NEUTRAL_STATES = {"tired", "busy", "stressed", "quiet", "far", "young", "tall", "sure", "right"}
# "Never" followed by these praises: "You never fail to…", "You never let me down".
NEVER_PRAISE = re.compile(
    r"^(?:ever |even )?(?:fail|fails|failed|stop|stops|cease|ceases|forget|forgets|"
    r"let me down|give up|gave up|complain|complains|disappoint|judge|judges|"
    r"want to lose|stop loving|get tired of|doubt|regret)\b"
)
FEELINGS = _lexicon(
    """
    angry small alone lonely hurt ignored invisible unheard sad frustrated upset worried
    anxious unimportant overwhelmed tired stupid embarrassed unwanted rejected scared
    exhausted
    """
)

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
CLAUSE_BREAK = re.compile(r"[.!?;:\n]+|\bbut\b|\bthough\b|\byet\b", re.I)


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _negated(words: list[str], index: int) -> bool:
    before = words[max(0, index - 3) : index]
    return any(w in NEGATORS or w.endswith("n't") for w in before)


def _is_positive(text: str) -> bool:
    """Warm words, not negated, and no hard words beside them."""
    words = _words(text)
    lowered = " ".join(words)
    if any(w in NEGATIVE or w in INSULTS for w in words):
        return False
    if any(phrase in lowered for phrase in NEGATIVE_PHRASES):
        return False
    if any(phrase in lowered for phrase in POSITIVE_PHRASES):
        return True
    return any(
        w in POSITIVE and not _negated(words, i) and not _kind_of(words, i)
        for i, w in enumerate(words)
    )


def _kind_of(words: list[str], index: int) -> bool:
    """ "the kind of person" is not kindness."""
    return words[index] == "kind" and words[index + 1 : index + 2] == ["of"]


@dataclass(frozen=True)
class _Clause:
    start: int
    text: str

    @property
    def words(self) -> list[str]:
        return _words(self.text)

    @property
    def mentions_partner(self) -> bool:
        return any(w in PARTNER for w in self.words)


def _clauses(text: str) -> list[_Clause]:
    clauses, start = [], 0
    for brk in CLAUSE_BREAK.finditer(text):
        clauses.append(_Clause(start, text[start : brk.start()]))
        start = brk.end()
    clauses.append(_Clause(start, text[start:]))
    return [c for c in clauses if c.text.strip()]


def _clause_at(clauses: list[_Clause], pos: int) -> _Clause:
    for clause in reversed(clauses):
        if clause.start <= pos:
            return clause
    return clauses[0]


# --- Rules ----------------------------------------------------------------------------------

ABSOLUTE = re.compile(
    r"\b(?:always|never|every\s+(?:single\s+)?time|each\s+time|constantly|all\s+the\s+time|"
    r"not\s+once|forever|(?<=you\s)keep\s+[a-z]+ing)\b",
    re.I,
)
WHY = re.compile(
    r"(?P<q>\bwhy\s+(?:on\s+earth\s+)?(?:do|does|did|don't|doesn't|didn't|do\s+not|did\s+not|can't|"
    r"cannot|can|could|couldn't|won't|wouldn't|would|are|aren't|were|weren't|must|have|"
    r"haven't|will|is\s+it\s+that)\s+you\b(?:\s+(?:always|ever|even|just|still)\b)*)"
    r"(?P<next>\s+[a-z']+)?",
    re.I,
)
CURIOUS_NEXT = {"think", "feel", "reckon", "suppose", "wonder", "say", "mean"}
ACCUSING_QUESTIONS = [
    re.compile(p, re.I)
    for p in (
        r"\bhow\s+could\s+you\b",
        r"\bwhat\s+were\s+you\s+thinking\b",
        r"\bhow\s+many\s+times\s+(?:do|have|must)\s+i\b",
        r"\bwhat(?:'s|\s+is)\s+your\s+problem\b",
    )
]
BLAME_CHECKED = [  # flagged unless what follows is warm ("You make me laugh")
    re.compile(p, re.I)
    for p in (
        r"\byou\s+(?:always\s+|really\s+|just\s+)?(?:make|made|making)\s+me\b(?:\s+feel)?"
        r"(?:\s+(?:so|really|very|completely|totally|such))?(?P<rest>(?:\s+[a-z']+){1,3})",
        r"\b(?:it's|it\s+is|it\s+was|this\s+is|that's|that\s+is|this\s+was)\s+(?:all\s+|totally\s+|"
        r"completely\s+)?your\s+fault\b",
        r"\byour\s+fault\b",
        r"\bbecause\s+of\s+you\b",
        r"\byou(?:'ve|\s+have)?\s+(?:ruin|ruined|ruins|wrecked|spoiled|spoilt)\b",
        r"\byou\s+started\s+it\b",
        r"\byou\s+should(?:'ve|\s+have)\b",
        r"\byou(?:'re|\s+are)\s+the\s+(?:reason|one\s+who)\b",
        r"\ball\s+you\s+(?:ever\s+)?(?:do|care\s+about|think\s+about)\b",
        r"\byou\s+only\s+(?:care|think)\s+about\b",
    )
]
YOU_ARE_SO = re.compile(  # flagged unless warm or a passing mood ("so tired")
    r"\byou(?:'re|\s+are)\s+(?:being\s+|acting\s+)?(?:so|such\s+an?|always\s+so)\s+"
    r"(?P<word>[a-z']+)",
    re.I,
)
YOU_ARE_BEING = re.compile(  # flagged only with a hard word ("You're being ridiculous")
    r"\byou(?:'re|\s+are)\s+(?:being|acting|really|just|completely|totally)\s+"
    r"(?:so\s+|really\s+)?(?P<word>[a-z']+)",
    re.I,
)
YOU_DONT_CARE = re.compile(
    r"\byou\s+(?:don't|do\s+not|didn't|did\s+not|never|won't|can't)\s+(?:even\s+|ever\s+|"
    r"really\s+|actually\s+)?(?:care|listen|love|respect|appreciate|understand|help|try|notice|"
    r"think\s+about|think\s+of|ask|support|pay\s+attention|make\s+time|value)\w*",
    re.I,
)
SARCASM = [
    re.compile(p, re.I)
    for p in (
        r"\boh,?\s+(?:great|wonderful|perfect|brilliant|fantastic|lovely|terrific|marvell?ous)\b",
        r"\byeah,?\s+right\b",
        r"\b(?:big|what\s+a)\s+surprise\b",
        r"\bsurprise,?\s+surprise\b",
        r"\bthanks\s+for\s+nothing\b",
        r"\bthanks\s+a\s+lot\b(?!\s+for\b)",
        r"\bnice\s+going\b",
        r"\breal\s+mature\b",
        r"\*\s*(?:eye\s*-?\s*rolls?|eye\s*-?\s*rolling|rolls?\s+(?:my\s+|his\s+|her\s+)?eyes)\s*\*",
        r"\beye-?rolls?\b",
        r"🙄",
        r"\b(?:ugh+|pfft+|duh)\b",
        r"\bas\s+if\b(?=\s*[.!?]|\s*$)",
        r"(?:^|[.!?]\s*|\*\s*)whatever\b(?=\s*[.!?,]|\s*$)",
        r"\bgrow\s+up\b",
        r"\bget\s+a\s+grip\b",
        r"\bget\s+over\s+it\b",
        r"\bdrama\s+queen\b",
        r"\b(?:you're|you\s+are|what)\s+a\s+joke\b",
    )
]
INSULT_WORD = re.compile(r"\b(?:" + "|".join(sorted(INSULTS)) + r")\b", re.I)
GENERALISATIONS_ALWAYS = [
    re.compile(p, re.I)
    for p in (
        r"\bwhat(?:'s|\s+is)\s+wrong\s+with\s+you\b",
        r"\bsomething(?:'s|\s+is)\s+wrong\s+with\s+you\b",
        r"\btypical(?:\s+of)?\s+you\b",
        r"\b(?:so|how)\s+typical\b",
        r"^\s*typical\b",
        r"\bclassic\s+you\b",
        r"\bjust\s+like\s+your\s+(?:mother|father|mum|mom|dad|brother|sister|family|parents|ex)\b",
        r"\bthat(?:'s|\s+is)\s+(?:just\s+|exactly\s+)?(?:who|how|what)\s+you\s+are\b",
        r"\bthat(?:'s|\s+is)\s+(?:just\s+)?the\s+way\s+you\s+are\b",
        r"\byou(?:'ll|\s+will)\s+never\s+change\b",
        r"\byou\s+never\s+(?:change|learn|grow\s+up)\b",
        r"\byou(?:'re|\s+are)\s+(?:always\s+)?like\s+this\b",
        r"\byou(?:'ve|\s+have)\s+always\s+been\s+(?:like\s+this|this\s+way|like\s+that)\b",
        r"\b(?:people\s+like\s+you|you\s+people)\b",
        r"\byou(?:'re|\s+are)\s+(?:completely\s+|totally\s+|just\s+)?(?:incapable|impossible)\b",
        r"\byou\s+can(?:'t|not)\s+(?:ever\s+)?do\s+anything\s+right\b",
        r"\byou(?:'re|\s+are)\s+the\s+(?:problem|worst)\b",
    )
]
GENERALISATIONS_CHECKED = [  # flagged unless warm ("You're the kind of person who helps")
    re.compile(p, re.I)
    for p in (
        r"\byou(?:'re|\s+are)\s+(?:just\s+|always\s+|such\s+|so\s+|really\s+|basically\s+)*"
        r"(?:the\s+(?:kind|type|sort)\s+of|that\s+(?:kind|type|sort)\s+of|a|an)\s+(?:[a-z']+\s+){0,2}?"
        r"(?:person|people|partner|husband|wife|boyfriend|girlfriend|man|woman|listener|parent|"
        r"father|mother|dad|mum|mom|failure|disappointment|mess|liar|slob|child|kid)\b",
        r"\byou(?:'ve|\s+have)\s+always\s+been\s+(?:so\s+|such\s+an?\s+)?[a-z']+",
    )
]


def _rest_of_clause(clause: _Clause, end: int) -> str:
    return clause.text[end - clause.start :]


def _absolute_hits(text: str, clauses: list[_Clause]) -> list[str]:
    hits = []
    for match in ABSOLUTE.finditer(text):
        clause = _clause_at(clauses, match.start())
        if not clause.mentions_partner:
            continue  # "It always rains on Sundays", "We always laugh at that film"
        marker = match.group(0).lower()
        after = " ".join(_words(_rest_of_clause(clause, match.end())))
        if marker in ("never", "not once"):
            if NEVER_PRAISE.match(after):
                continue  # "You never fail to cheer me up", "I never want to lose you"
        elif _is_positive(clause.text):
            continue  # "I always love your cooking", "You always make me laugh"
        hits.append(match.group(0))
    return hits


def _why_hits(text: str, clauses: list[_Clause]) -> list[str]:
    hits = []
    for match in WHY.finditer(text):
        following = (match.group("next") or "").strip().lower()
        clause = _clause_at(clauses, match.start())
        if following in CURIOUS_NEXT or _is_positive(clause.text):
            continue  # "Why do you think…", "Why do you love hiking so much?"
        hits.append(match.group("q"))
    for pattern in ACCUSING_QUESTIONS:
        hits += [m.group(0) for m in pattern.finditer(text)]
    return hits


def _blame_hits(text: str, clauses: list[_Clause]) -> list[str]:
    hits = []
    for pattern in BLAME_CHECKED:
        for match in pattern.finditer(text):
            clause = _clause_at(clauses, match.start())
            if _is_positive(clause.text):
                continue  # "I'm happier because of you", "You make me feel safe"
            hits.append(match.group(0).strip())
    for match in YOU_ARE_SO.finditer(text):
        word = match.group("word").lower()
        if word in POSITIVE or word in NEUTRAL_STATES or _is_positive(match.group(0)):
            continue
        hits.append(match.group(0))
    for match in YOU_ARE_BEING.finditer(text):
        if match.group("word").lower() in NEGATIVE | INSULTS:
            hits.append(match.group(0))
    hits += [m.group(0) for m in YOU_DONT_CARE.finditer(text)]
    return hits


def _insult_is_about_partner(clause: _Clause, word_start: int) -> bool:
    """An insult counts when the nearest person before it is "you" ("You're so lazy", "your
    lazy excuses"), or when no one is named ("What an idiot."); never when it is "I"."""
    before = _words(clause.text[: word_start - clause.start])
    people = [w for w in before if w in PRONOUNS]
    if people:
        return people[-1] in PARTNER
    after = _words(clause.text[word_start - clause.start :])
    people_after = [w for w in after if w in PRONOUNS]
    return not people_after or people_after[0] in PARTNER


def _contempt_hits(text: str, clauses: list[_Clause]) -> list[str]:
    hits = []
    for pattern in SARCASM:
        hits += [m.group(0).strip(" .!?,*").strip() or m.group(0) for m in pattern.finditer(text)]
    for match in INSULT_WORD.finditer(text):
        clause = _clause_at(clauses, match.start())
        if _insult_is_about_partner(clause, match.start()):
            hits.append(match.group(0))
    return hits


def _generalisation_hits(text: str, clauses: list[_Clause]) -> list[str]:
    hits = []
    for pattern in GENERALISATIONS_ALWAYS:
        hits += [m.group(0).strip() for m in pattern.finditer(text)]
    for pattern in GENERALISATIONS_CHECKED:
        for match in pattern.finditer(text):
            if not _is_positive(_clause_at(clauses, match.start()).text):
                hits.append(match.group(0))
    return hits


RULES = {
    Category.ABSOLUTE: _absolute_hits,
    Category.WHY: _why_hits,
    Category.BLAME: _blame_hits,
    Category.CONTEMPT: _contempt_hits,
    Category.GENERALISATION: _generalisation_hits,
}


# --- Rewrites -------------------------------------------------------------------------------

FALLBACKS = (
    "Help me understand how you were feeling when that happened.",
    "Something has been on my mind, and I'd like to understand it better. "
    "Can you tell me what was going on for you?",
    "Can we find a calm moment to talk about this? I'd really like to hear your side.",
)
# "You always leave X in Y" → "the X in Y": things left around make a clean topic.
OBJECT_VERBS = {"leave", "put", "drop", "throw", "pile", "dump"}
DETERMINERS = {"the", "your", "my", "our", "his", "her", "their", "this", "that", "these", "those"}
PARTICLES = {"on", "off", "out", "up", "around", "about", "behind", "open", "everywhere"}
# Words a spliced phrase may not start with, or contain.
NOT_A_START = _lexicon(
    """
    so such a an the that this very really just not to too more less it there here being
    like i me we and or
    """
)
NOT_SPLICED = INSULTS | {"always", "never", "ever", "every", "constantly", "fault", "hell", "damn"}
FEELING_VERBS = {"care", "love", "respect", "appreciate", "like", "trust", "want", "think", "know"}
IRREGULAR_PAST = _lexicon(
    """
    went said came did told made took gave got thought knew saw forgot left put was were had
    ate bought brought sent spent
    """
)
DOUBLE_FINAL = _lexicon(
    """
    stop get put run sit set shop plan drop forget let cut hit nag chat skip begin admit
    commit regret swim dig hug jog rub grab tap wrap
    """
)
TRAILING = re.compile(
    r"(?:\s+(?:anymore|any\s+more|again|ever|even|already|too|either|lately|now|today|"
    r"tonight|all\s+the\s+time|every\s+time|every\s+day|at\s+all|for\s+once|once))+\s*$",
    re.I,
)
PHRASE_END = re.compile(
    r"[.?!,;:\n\"()]|\s(?:and|but|because|so|when|while|if|or|then|like|since|until|"
    r"whenever|which|who|even\s+though)\s",
    re.I,
)

HABIT = [
    re.compile(p, re.I)
    for p in (
        r"\bwhy\s+(?:do|does)\s+you\s+(?:always\s+|constantly\s+|still\s+)+(?P<vp>[^.?!\n]+)",
        r"\bwhy\s+(?:do|does)\s+you\s+keep\s+(?P<be>)(?P<vp>[a-z]+ing\b[^.?!\n]*)",
        r"\bwhy\s+are\s+you\s+(?:always\s+|constantly\s+|forever\s+)(?P<be>)(?P<vp>[^.?!\n]+)",
        r"\byou(?:'re|\s+are)\s+(?:always|constantly|forever)\s+(?P<be>)(?P<vp>[^.?!\n]+)",
        r"\byou\s+(?:always|constantly)\s+(?P<vp>[^.?!\n]+)",
        r"\byou\s+keep\s+(?P<be>)(?P<vp>[a-z]+ing\b[^.?!\n]*)",
        r"\bevery\s+(?:single\s+)?time\s+you\s+(?P<vp>[^.?!\n]+)",
    )
]
MISSING = [
    re.compile(p, re.I)
    for p in (
        r"\bwhy\s+(?:don't|do\s+not|can't|cannot|won't|doesn't)\s+you\s+"
        r"(?:ever\s+|even\s+|just\s+)*(?P<vp>[^.?!\n]+)",
        r"\bwhy\s+(?:didn't|did\s+not|couldn't|wouldn't)\s+you\s+"
        r"(?:ever\s+|even\s+|just\s+)*(?P<past>)(?P<vp>[^.?!\n]+)",
        r"\byou\s+(?:never|don't\s+ever|do\s+not\s+ever|don't\s+even|can't\s+ever|never\s+ever)\s+"
        r"(?P<vp>[^.?!\n]+)",
        r"\byou\s+(?:didn't|did\s+not)\s+(?:even\s+)?(?P<past>)(?P<vp>[^.?!\n]+)",
    )
]


def _phrase(raw: str) -> str | None:
    """A short, plain phrase fit to splice into a sentence, or None."""
    end = PHRASE_END.search(" " + raw + " ")
    phrase = (" " + raw + " ")[: end.start()] if end else raw
    phrase = TRAILING.sub("", " ".join(phrase.split()))
    words = phrase.split(" ")
    if not phrase or len(words) > 8 or len(phrase) > 60:
        return None
    lowered = [w.lower() for w in words]
    if not all(re.fullmatch(r"[a-z]+(?:'[a-z]+)?", w) for w in lowered):
        return None
    if lowered[0] in NOT_A_START or any(w in NOT_SPLICED for w in lowered):
        return None
    return phrase.lower() if phrase.isupper() and len(phrase) > 1 else phrase


def gerund(verb: str) -> str:
    """ "help" → "helping", "leave" → "leaving", "stop" → "stopping", "lie" → "lying"."""
    if verb in DOUBLE_FINAL:
        return verb + verb[-1] + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    return verb + "ing"


def _noun_topic(phrase: str) -> str | None:
    """ "leave dishes in the sink" → "the dishes in the sink"."""
    words = phrase.split(" ")
    if words[0].lower() not in OBJECT_VERBS or len(words) < 2:
        return None
    rest = words[1:]
    while rest and rest[-1].lower() in PARTICLES:
        rest = rest[:-1]
    if not rest or rest[0].lower() in NOT_A_START - DETERMINERS or rest[0].lower() in PARTICLES:
        return None
    if rest[0].lower() in PRONOUNS | {"it", "them", "him", "her"}:
        return None
    topic = " ".join(rest)
    return topic if rest[0].lower() in DETERMINERS else f"the {topic}"


def _critical_match(pattern: re.Pattern, text: str, clauses: list[_Clause]) -> re.Match | None:
    """The first match of ``pattern`` in a clause that is not praise."""
    for match in pattern.finditer(text):
        if not _is_positive(_clause_at(clauses, match.start()).text):
            return match
    return None


def _topic_rewrites(text: str, clauses: list[_Clause]) -> list[str]:
    for pattern in HABIT:
        match = _critical_match(pattern, text, clauses)
        if match is None:
            continue
        phrase = _phrase(match.group("vp"))
        if phrase is None:
            return []
        be = "'re" if match.groupdict().get("be") is not None else ""
        found = []
        topic = None if be else _noun_topic(phrase)
        if topic:
            found.append(f"Help me understand what's going on with {topic} for you.")
        found.append(f"Help me understand what's going on for you when you{be} {phrase}.")
        found.append(
            f"I'd like to understand, not argue. When you{be} {phrase}, how is it for you?"
        )
        return found
    for pattern in MISSING:
        match = _critical_match(pattern, text, clauses)
        if match is None:
            continue
        phrase = _phrase(match.group("vp"))
        if phrase is None:
            return []
        verb, _, rest = phrase.partition(" ")
        verb_l = verb.lower()
        if verb_l in FEELING_VERBS or verb_l in IRREGULAR_PAST or verb_l.endswith("ed"):
            return []
        doing = " ".join(filter(None, [gerund(verb_l), rest]))
        if match.groupdict().get("past") is not None:
            return [
                f"Help me understand what got in the way of {doing}.",
                "I felt let down, and I'd like to understand. What was going on for you then?",
            ]
        return [
            f"Help me understand what gets in the way of {doing}.",
            f"I'd love it if we could talk about {doing}. What makes it hard right now?",
        ]
    return []


FEELING_SAID = re.compile(
    r"\byou\s+(?:always\s+|really\s+)?(?:make|made)\s+me\s+(?:feel\s+)?(?:so\s+|really\s+|very\s+)?"
    r"(?P<feeling>[a-z]+)",
    re.I,
)


def _feeling_rewrite(text: str) -> list[str]:
    """ "You make me feel so small" → "I felt small when that happened. …"."""
    match = FEELING_SAID.search(text)
    if match and match.group("feeling").lower() in FEELINGS:
        feeling = match.group("feeling").lower()
        return [f"I felt {feeling} when that happened. Can you tell me what was going on for you?"]
    return []


def _rewrites(text: str, clauses: list[_Clause]) -> tuple[str, ...]:
    found: list[str] = []
    for rewrite in [*_topic_rewrites(text, clauses), *_feeling_rewrite(text), *FALLBACKS]:
        if rewrite not in found:
            found.append(rewrite)
    return tuple(found[:3])


# --- The one entry point --------------------------------------------------------------------


def _distinct(hits) -> tuple[str, ...]:
    """Each quoted phrase once, dropping any that sits inside a longer one."""
    unique: list[str] = []
    for hit in hits:
        if hit and hit.lower() not in (u.lower() for u in unique):
            unique.append(hit)
    return tuple(
        hit
        for hit in unique
        if not any(hit.lower() in other.lower() and hit != other for other in unique)
    )


def analyze(text: str) -> Analysis:
    """Flag criticism patterns in ``text`` and suggest curious rewrites."""
    norm = text.translate(QUOTES)[:MAX_LENGTH]
    clauses = _clauses(norm)
    if not clauses:
        return Analysis(text=text, flags=(), rewrites=())
    flags = []
    for category in ORDER:
        words = _distinct(" ".join(hit.split()) for hit in RULES[category](norm, clauses))
        if words:
            flags.append(Flag(category=category, words=words))
    rewrites = _rewrites(norm, clauses) if flags else ()
    return Analysis(text=text, flags=tuple(flags), rewrites=rewrites)
