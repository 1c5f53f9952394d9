"""Reading the member's words: a normalised copy to match against, mapped back to the original.

The coach matches its grammar against ``Text.norm``: lower case, straight quotes, informal
spellings and common typos mended ("2moro" → "tomorrow", "evry" → "every", "i'll" → "i will"),
tokens separated by single spaces where the member put any space. Every character of ``norm``
remembers which token it came from, so ``Text.quote`` can give back the member's own words
("Evry Sunday") for an explanation.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def _split(words: str) -> list[str]:
    return words.split()


MAX_CHARS = 2000  # the coach reads this much; the form allows the same

# Words, numbers (with decimals and thousands) and single other characters, each a token.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+(?![^\W_])|[^\W_]+(?:'[^\W\d_]+)*|\S", re.UNICODE)
UNIT_SUFFIX = re.compile(
    r"(\d+)(mins?|minutes?|secs?|seconds?|hrs?|hours?|x|k|am|pm|h|m|s|st|nd|rd|th|ish)"
)
SUFFIX_WORDS = {"min": "minutes", "mins": "minutes", "minute": "minute", "minutes": "minutes",
                "sec": "seconds", "secs": "seconds", "second": "second", "seconds": "seconds",
                "hr": "hour", "hrs": "hours", "hour": "hour", "hours": "hours", "h": "hours",
                "m": "minutes", "s": "seconds"}  # fmt: skip
TAG = re.compile(
    r"<(script|style)\b[^>]{0,300}>.{0,5000}?</\1\s*>|<[^<>]{0,300}>", re.IGNORECASE | re.DOTALL
)

# Informal spellings and contractions: one token becomes one or more words.
REPLACE = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "ya": "you",
    "luv": "love",
    "gf": "girlfriend",
    "bf": "boyfriend",
    "hubby": "husband",
    "hubs": "husband",
    "wifey": "wife",
    "bae": "partner",
    "b4": "before",
    "2day": "today",
    "2morrow": "tomorrow",
    "2moro": "tomorrow",
    "2mrw": "tomorrow",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "tomoro": "tomorrow",
    "tomorow": "tomorrow",
    "tommorow": "tomorrow",
    "tommorrow": "tomorrow",
    "2nite": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "nites": "nights",
    "wk": "week",
    "wks": "weeks",
    "wkly": "weekly",
    "wknd": "weekend",
    "wkend": "weekend",
    "wknds": "weekends",
    "mins": "minutes",
    "min": "minutes",
    "sec": "seconds",
    "secs": "seconds",
    "hr": "hour",
    "hrs": "hours",
    "mo": "month",
    "mos": "months",
    "thru": "through",
    "tho": "though",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "imma": "i am going to",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "wont": "will not",
    "cant": "cannot",
    "can't": "cannot",
    "won't": "will not",
    "didnt": "did not",
    "doesnt": "does not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "havent": "have not",
    "hasnt": "has not",
    "thats": "that is",
    "theyre": "they are",
    "youre": "you are",
    "shes": "she is",
    "hes": "he is",
    "convo": "conversation",
    "convos": "conversations",
    "txt": "text",
    "msg": "message",
    "msgs": "messages",
    "pic": "photo",
    "thx": "thanks",
    "thnx": "thanks",
    "ty": "thank you",
    "thankyou": "thank you",
    "alot": "a lot",
    "everyday": "every day",
    "everynight": "every night",
    "everyweek": "every week",
    "untill": "until",
    "til": "until",
    "till": "until",
    "tues": "tuesday",
    "weds": "wednesday",
    "thurs": "thursday",
    "thur": "thursday",
    "fri": "friday",
    "2x": "2x",
    "togther": "together",
    "2gether": "together",
    "complement": "compliment",
    "complements": "compliments",
    "complementing": "complimenting",
    "favourite": "favorite",
    "counselling": "counseling",
    "counsellor": "counselor",
    "counsellors": "counselors",
    "behaviour": "behavior",
    "honour": "honor",
    "colour": "color",
    "neighbour": "neighbor",
    "programme": "program",
    "ok": "okay",
    "abt": "about",
    "pls": "please",
    "plz": "please",
    "w": "with",
    "b": "be",
    "tryna": "trying to",
    "lern": "learn",
    "beter": "better",
    "morn": "morning",
    "gm": "good morning",
    "gn": "good night",
    "1ce": "once",
    "2ce": "twice",
    "sumthin": "something",
    "somethin": "something",
    "smth": "something",
    "sth": "something",
    "evry": "every",
    "wen": "when",
    "tlk": "talk",
    "ppl": "people",
    "prob": "probably",
    "rly": "really",
    "srsly": "seriously",
    "nxt": "next",
    "yr": "year",
    "yrs": "years",
    "bday": "birthday",
    "b-day": "birthday",
    "mum's": "mum's",
    "w/": "with",
    "xmas": "christmas",
    "vday": "valentine's day",
}

# British spellings and a few typo endings, mended by pattern.
SUFFIX_FIXES = (
    (
        re.compile(
            r"^(apolog|priorit|recogn|critic|organ|real|emphas|sympath|minim|summar)is(e|es|ed"
            r"|ing)$"
        ),
        r"\1iz\2",
    ),
)

# Words a typo is mended towards (Damerau distance 1), for tokens of five letters or more.
TYPO_TARGETS = _split("""
    every daily weekly monthly nightly minutes minute seconds second hours together partner
    partners husband girlfriend boyfriend fiance fiancee spouse tomorrow tonight weekend
    weekends morning mornings evening evenings weeknights weeknight monday tuesday wednesday
    thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays
    sundays twice three times until before within whenever listen listening interrupting
    interrupt appreciate appreciation apologize apology compliment compliments conversation
    counseling counselor therapist therapy always never forever without patient gently calmly
    thank message dinner breakfast relationship marriage affection affectionate schedule phone
    phones tell about because another minutes really question questions morning kiss hug
    """)

# Real words that sit one typo away from a target and must be left alone.
KNOWN = set(
    _split("""
    ever fever lever sever dairy dally tiles tides timed twine alter aster listed mourning untie
    befit weeks month hours hour times timer answer dinners phoned phoner quest minuet seconded
    tellers spouses patients partners husbands attitude rather whether evenly event events morn
    evens others mother brother thinner winner winter father threes thee there these three tree
    trees tease cheese weak week wake woke worse wolves never novel nerve nerves every
    everything evening heavy levels cover fiancé fiancée marriages inner wrinkle answers listens
    listened listing lessen lesson lessons listener hugs hugged hugging kisses kissed kissing
    thanks thanked thanking phones question sunny sundae fridge frida mondays fridays sundays
    sunday today tonight together
    """)
)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _typo_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for target in TYPO_TARGETS:
        for key in _deletes(target) | {target}:
            index.setdefault(key, set()).add(target)
    return index


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly one (a substitution, insertion, deletion or swap)."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=4096)
def mend(word: str) -> str:
    """One token, lower case, mended: informal spellings, British spellings, typos."""
    if word in REPLACE:
        return REPLACE[word]
    unit = UNIT_SUFFIX.fullmatch(word)
    if unit:
        number, suffix = unit.groups()
        if suffix in SUFFIX_WORDS:
            return f"{number} {SUFFIX_WORDS[suffix]}"
        if suffix == "ish":
            return number
        return word
    for pattern, repl in SUFFIX_FIXES:
        if pattern.match(word):
            return pattern.sub(repl, word)
    if word.endswith("'ll"):
        return word[:-3] + " will"
    if word.endswith("n't"):
        stem = word[:-3]
        return {"wo": "will not", "ca": "cannot", "sha": "shall not"}.get(stem, stem + " not")
    if word.endswith("'m"):
        return word[:-2] + " am"
    if word.endswith("'re"):
        return word[:-3] + " are"
    if word.endswith("'ve"):
        return word[:-3] + " have"
    if word.endswith("'d") and word[:-2] in {"i", "we", "you", "he", "she", "they"}:
        return word[:-2] + " would"
    if word.endswith("'s") and word[:-2] in {
        "he",
        "she",
        "it",
        "that",
        "there",
        "who",
        "what",
        "where",
        "here",
    }:
        return word[:-2] + " is"
    if word in {"let's", "lets"}:
        return "let us"
    if len(word) < 5 or word in KNOWN or not word.isalpha() or word in _typo_targets():
        return word
    index = _typo_index()
    candidates: set[str] = set(index.get(word, ()))
    for key in _deletes(word):
        candidates |= index.get(key, set())
    matches = sorted(
        c
        for c in candidates
        if _one_edit(word, c)
        and word not in {c + "s", c + "d", c + "r", c + "y"}
        and c != word + "s"
    )
    return matches[0] if len(matches) == 1 else word


@lru_cache(maxsize=1)
def _typo_targets() -> frozenset[str]:
    return frozenset(TYPO_TARGETS)


@dataclass(frozen=True)
class Text:
    """The member's words (``raw``), and the normalised copy the grammar reads (``norm``)."""

    raw: str
    norm: str
    token_of: tuple[int, ...]  # for each character of norm: its token's index, -1 for a space
    spans: tuple[tuple[int, int], ...]  # each token's start and end in raw

    def quote(self, start: int, end: int) -> str:
        """The member's own words behind norm[start:end]."""
        tokens = [t for t in self.token_of[start:end] if t >= 0]
        if not tokens:
            return ""
        return self.raw[self.spans[tokens[0]][0] : self.spans[tokens[-1]][1]].strip()

    def quote_match(self, match: re.Match, group: int | str = 0) -> str:
        return self.quote(match.start(group), match.end(group))


def clean(raw: str) -> tuple[str, bool]:
    """NFKC, entities decoded, tags blanked (HTML is read as plain words), cut to MAX_CHARS."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = html.unescape(text)
    text = TAG.sub(lambda m: " " * len(m.group()), text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", " - ")
    truncated = len(text) > MAX_CHARS
    if truncated:
        text = text[:MAX_CHARS]
    return text, truncated


_PRONOUNS_AFTER_FOR = {
    "our",
    "my",
    "her",
    "him",
    "his",
    "the",
    "you",
    "u",
    "ur",
    "us",
    "them",
    "me",
    "their",
}


def _next_word(raw: str, end: int) -> str:
    m = re.match(r"\s+([^\W\d_]+)", raw[end : end + 30])
    return m.group(1).lower() if m else ""


def read(raw: str) -> Text:
    """Tokenise and normalise text that ``clean`` has already prepared."""
    parts: list[str] = []
    owners: list[int] = []
    spans: list[tuple[int, int]] = []
    previous_end = None
    for index, match in enumerate(TOKEN.finditer(raw)):
        start, end = match.span()
        spans.append((start, end))
        word = mend(match.group().lower())
        last = next((p for p in reversed(parts) if p != " "), "")
        if word in {"4", "2"} and _next_word(raw, end) in _PRONOUNS_AFTER_FOR:
            word = "for" if word == "4" else "to"
        if word == "ill" and not last[-1:].isalnum():
            word = "i will"  # "ill call her" at the start of a sentence means "I'll"
        if previous_end is not None and start > previous_end:
            parts.append(" ")
            owners.append(-1)
        parts.append(word)
        owners.extend([index] * len(word))
        previous_end = end
    return Text(raw=raw, norm="".join(parts), token_of=tuple(owners), spans=tuple(spans))
