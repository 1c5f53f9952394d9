"""How the safety reader reads: normalised words, their lemmas, one sentence at a time.

People write about danger in every form: "threatend", "choaked", "kms", "he'll", "ur",
"sooooo scared", "d1e". Before any rule or model looks at a message, each word is
- lower-cased and its quotes straightened, leetspeak digits inside words turned back into
  letters ("k1ll" → "kill"), and letters repeated three or more times shortened until the
  word is one the dictionary knows ("killlll" → "kill", "sooo" → "so");
- mended from the spellings and slang in ``data/normalise/`` (a reviewer's list: "sucide"
  → "suicide", "kms" → "kill myself", "hubby" → "husband"), and contractions opened
  ("won't" → "will not", "he'd" → "he would");
- reduced to its dictionary form by simplemma ("threw" → "throw", "strangled" → "strangle"),
  except for pronouns and a few small words whose form carries who did what to whom
  ("me" stays "me": simplemma would make it "I").

A ``Reading`` keeps, for every lemma, the span of the writer's own words it came from, so a
finding can quote them back.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import simplemma

DATA = Path(__file__).resolve().parent / "data"
MAX_SENTENCE_WORDS = 60  # a run-on message is read in overlapping windows of this many words

WORD = re.compile(r"(?:[^\W_]|[@$])+(?:['’][^\W_]+)*|,")
SENTENCE_END = re.compile(r"[.!?;:\n]+|\s[-–—]+\s|\.{2,}|…")
LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
REPEATS = re.compile(r"(.)\1{2,}")
# Emoji that mean a laugh read as "lol", so a joke marker is a word like the others.
LAUGHS = str.maketrans(dict.fromkeys("😂🤣😆😹😅💀", " lol "))
LEETSPEAK = re.compile(r"[a-z][0-9@$]+[a-z]|^[@$][a-z]{2,}", re.IGNORECASE)

CONTRACTIONS = {
    "won't": "will not",
    "wont": "will not",
    "can't": "can not",
    "cant": "can not",
    "cannot": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "i'm": "i am",
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "isnt": "is not",
    "wasnt": "was not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "havent": "have not",
    "hasnt": "has not",
    "arent": "are not",
    "werent": "were not",
    "theyre": "they are",
    "youre": "you are",
    "let's": "let us",
}
SUFFIXES = (
    ("n't", " not"),
    ("'re", " are"),
    ("'ve", " have"),
    ("'ll", " will"),
    ("'d", " would"),
    ("'m", " am"),
)
IS_WORDS = {"he", "she", "it", "that", "there", "what", "who", "where", "here", "everything"}

# Words whose form says who is who, kept as written (simplemma merges "me" into "I").
KEEP = frozenset(
    str.split(
        """i me my mine myself we us our ours ourselves you your yours yourself he him his himself
    she her hers herself they them their theirs themselves it its itself better worse best
    left saw bit lying lay found felt fell dead"""
    )
)
# Forms simplemma leaves or reads otherwise, fixed here.
LEMMA_FIXES = {
    "gone": "go",
    "left": "leave",
    "saw": "see",
    "felt": "feel",
    "fell": "fall",
    "lying": "lie",
    "found": "find",
    "hitting": "hit",
    "beaten": "beat",
    "beating": "beat",
    "following": "follow",
    "sitting": "sit",
    "hanging": "hang",
    "ending": "end",
    "living": "live",
    "rung": "ring",
    "swore": "swear",
    "sworn": "swear",
}


@dataclass(frozen=True)
class Sentence:
    lemmas: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # for each lemma, its (start, end) in the raw text
    line: str = ""  # the lemmas joined by spaces: what rules read

    def __post_init__(self):
        if not self.line:
            object.__setattr__(self, "line", " ".join(self.lemmas))

    def token_at(self, char: int) -> int:
        """Which lemma a character of ``line`` belongs to."""
        return self.line.count(" ", 0, char)


@dataclass(frozen=True)
class Reading:
    raw: str
    sentences: tuple[Sentence, ...]

    @property
    def lemmas(self) -> list[str]:
        return [lemma for s in self.sentences for lemma in s.lemmas]

    def quote(self, sentence: Sentence, first: int, last: int) -> str:
        """The writer's own words from lemma ``first`` to ``last`` (inclusive)."""
        start = sentence.spans[first][0]
        end = sentence.spans[last][1]
        return " ".join(self.raw[start:end].split())


@cache
def spellings() -> dict[str, str]:
    """Misspellings, slang and abbreviations (``data/normalise/*.tsv``): a word → plain words."""
    table = {}
    for path in sorted((DATA / "normalise").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            word, _, replacement = line.partition("\t")
            table[word.strip().lower()] = replacement.strip().lower()
    return table


@lru_cache(maxsize=20000)
def _known(word: str) -> bool:
    return simplemma.is_known(word, lang="en")


@lru_cache(maxsize=50000)
def mend(word: str) -> str:
    """One written word in plain form: no leetspeak, no stretched letters, slang opened."""
    word = word.lower().replace("’", "'")
    if LEETSPEAK.search(word):  # "k1ll", "d13", "$uicide"; never "3am" or "2nd"
        word = word.translate(LEET)
    table = spellings()
    if word in table:
        return table[word]
    if REPEATS.search(word):
        two = REPEATS.sub(r"\1\1", word)
        one = REPEATS.sub(r"\1", word)
        for candidate in (two, one):
            if candidate in table:
                return table[candidate]
        if _known(two) or two in KEEP:
            word = two
        elif _known(one) or one in KEEP:
            word = one
        else:
            word = two
    if word in table:
        return table[word]
    return _open_contraction(word)


def _open_contraction(word: str) -> str:
    if word in CONTRACTIONS:
        return CONTRACTIONS[word]
    if "'" not in word:
        return word
    if word.endswith("'s"):
        stem = word[:-2]
        return f"{stem} is" if stem in IS_WORDS else stem
    for suffix, opened in SUFFIXES:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if suffix == "n't":
                stem = {"ca": "can", "wo": "will", "sha": "shall"}.get(stem, stem)
            return stem + opened
    return word.replace("'", "")


@lru_cache(maxsize=50000)
def lemma(word: str) -> str:
    if word in KEEP:
        return LEMMA_FIXES.get(word, word)
    if word in LEMMA_FIXES:
        return LEMMA_FIXES[word]
    if not word.isalpha():
        return word
    found = simplemma.lemmatize(word, lang="en").lower()
    return found if found.isalpha() else word


@lru_cache(maxsize=100_000)
def lemmas_of(written: str) -> tuple[str, ...]:
    """The lemmas one written word stands for: "he'll" → ("he", "will")."""
    return tuple(lemma(word) for word in mend(written).split())


def read(raw: str) -> Reading:
    """The raw text as sentences of lemmas, each lemma knowing the words it came from."""
    raw = unicodedata.normalize("NFKC", raw or "").translate(LAUGHS)
    sentences = []
    start = 0
    for boundary in [*SENTENCE_END.finditer(raw), None]:
        end = boundary.start() if boundary else len(raw)
        sentences.extend(_sentences(raw, start, end))
        if boundary:
            start = boundary.end()
    return Reading(raw=raw, sentences=tuple(sentences))


def _sentences(raw: str, start: int, end: int) -> list[Sentence]:
    lemmas: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in WORD.finditer(raw, start, end):
        found = lemmas_of(match.group())
        lemmas.extend(found)
        spans.extend([match.span()] * len(found))
    if not lemmas:
        return []
    if len(lemmas) <= MAX_SENTENCE_WORDS:
        return [Sentence(tuple(lemmas), tuple(spans))]
    # A run-on message with no full stops: overlapping windows, so no phrase is cut in two.
    step = MAX_SENTENCE_WORDS // 2
    return [
        Sentence(
            tuple(lemmas[i : i + MAX_SENTENCE_WORDS]), tuple(spans[i : i + MAX_SENTENCE_WORDS])
        )
        for i in range(0, len(lemmas) - step, step)
    ]
