"""The safety reader's statistical half: a small classifier trained from our own messages.

The rules (``data/rules/``) read what they list; people also write danger in words no list
holds. This model learns from ``data/labeled/*.jsonl`` (written and labeled by the team, see
``data/LABELING.md``) which words and word pieces go with danger, and raises a finding when it
is confident on its own.

- Features: the lemmatised words and word pairs of the text (TF-IDF), with the people in it
  made general (any partner word reads "partner", so "my bf" teaches the same as "my husband")
  and words after a negation marked ("never hit" is not "hit"); and character pieces of three
  to five letters, which survive typos ("strnagled" still shares "str" and "gled").
- Two linear support-vector classifiers: danger or not, and which kind.
- Trained at first use in each process (a few seconds; servers start it in the background),
  with fixed settings and a fixed seed: the same files give the same model. Nothing is
  downloaded or unpickled.
- ``MARGIN`` (how sure the model must be before it speaks alone) and ``C`` were chosen with
  ``manage.py risk_eval nearer/safety/data/labeled/*.jsonl --cross-validate``, which reads each
  labeled file with a model trained on the other files only, never with the holdout.
"""

import json
import threading
from functools import cache

from nearer.safety import language
from nearer.safety.kinds import KINDS, Finding
from nearer.safety.rules import guards, rules

MARGIN = 0.5
MIN_WORDS = 5  # shorter text is left to the rules
C = 2.0  # the classifiers' regularisation, chosen with MARGIN
SURE = 1.0  # a margin past which the model speaks even where a figurative guard stands
_lock = threading.Lock()

PEOPLE = {
    "he": "person",
    "she": "person",
    "they": "person",
    "him": "person",
    "her": "person",
    "them": "person",
    "his": "their",
    "their": "their",
}
PARTNERS = frozenset(
    str.split("partner husband wife boyfriend girlfriend ex fiance spouse lover missus")
)
STOPS_NEGATION = frozenset({",", "but", "and", "so", "because", "though", "although"})


def labeled_items() -> list[dict]:
    items = []
    for path in sorted((language.DATA / "labeled").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def features(reading: language.Reading) -> str:
    """The words the model sees: lemmas, people made general, negated words marked."""
    words = []
    for sentence in reading.sentences:
        negated = 0
        for lemma in sentence.lemmas:
            if lemma in STOPS_NEGATION:
                negated = 0
                continue
            if lemma in {"not", "never", "no"}:
                negated = 3
                words.append(lemma)
                continue
            word = "partner" if lemma in PARTNERS else PEOPLE.get(lemma, lemma)
            if negated:
                word = "not_" + word
                negated -= 1
            words.append(word)
        words.append("|")
    return " ".join(words)


class Model:
    def __init__(self, items: list[dict]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion
        from sklearn.svm import LinearSVC

        texts = [features(language.read(i["text"])) for i in items]
        labels = [int(i["risk"]) for i in items]
        self.vectorizer = FeatureUnion(
            [
                (
                    "words",
                    TfidfVectorizer(
                        ngram_range=(1, 2),
                        sublinear_tf=True,
                        token_pattern=r"[^ |]+",  # noqa: S106 (a word pattern, not a secret)
                    ),
                ),
                (
                    "pieces",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
                    ),
                ),
            ]
        )
        matrix = self.vectorizer.fit_transform(texts)
        self.risk = LinearSVC(C=C, class_weight="balanced", random_state=0)
        self.risk.fit(matrix, labels)
        risky = [n for n, label in enumerate(labels) if label]
        self.kind = LinearSVC(C=C, random_state=0)
        self.kind.fit(matrix[risky], [items[n].get("kind") or "fear" for n in risky])

    def margins(self, texts: list[str]) -> list[float]:
        return [float(m) for m in self.risk.decision_function(self.vectorizer.transform(texts))]

    def kind_of(self, text: str) -> str:
        kind = str(self.kind.predict(self.vectorizer.transform([text]))[0])
        return kind if kind in KINDS else "fear"


_trained: list[Model] = []  # the one model of this process, once trained
_warming = threading.Event()  # set when a server started training in the background
READY_WAIT = 0.5  # seconds a reading waits for that training before the rules read alone


def trained() -> Model:
    """This process's model, trained on first use (once, whichever thread asks first)."""
    if not _trained:
        with _lock:
            if not _trained:
                _trained.append(Model(labeled_items()))
                cues()  # read the labeled lines for the telling words now, not mid-message
    return _trained[0]


@cache
def cues() -> frozenset[str]:
    """The telling words: those the rules read, less any found in more than one ordinary
    labeled line in a hundred ("here", "number"). The model speaks only about a text that
    holds one; on short or unusual text ("Post number 40") its guess is no better than chance.
    """
    words = frozenset().union(*(rule.words for rule in rules()))
    ordinary = [set(language.read(i["text"]).lemmas) for i in labeled_items() if not i["risk"]]
    common = {w for w in words if sum(w in line for line in ordinary) > len(ordinary) / 100}
    return words - common


def warm_up() -> None:
    """Train now (in a server's first seconds) rather than on a member's first message."""
    _warming.set()
    threading.Thread(target=trained, name="safety-model", daemon=True).start()


def ready() -> Model | None:
    """The trained model. While a server's background training is still under way (its first
    seconds), None after a short wait: the rules read alone then, and a chat message is not
    held up for the training. Elsewhere (tests, commands) the model is trained on first use."""
    if _trained:
        return _trained[0]
    if not _warming.is_set():
        return trained()
    if _lock.acquire(timeout=READY_WAIT):
        _lock.release()
    return _trained[0] if _trained else None


def finding(reading: language.Reading, model: Model | None = None) -> Finding | None:
    """A finding when the model is sure enough that the text shows danger, quoting the
    sentence it is surest of; None otherwise."""
    lemmas = reading.lemmas
    if len(lemmas) < MIN_WORDS:
        return None  # too little: the model's guess would be noise
    model = model or ready()
    if model is None:
        return None
    if cues().isdisjoint(lemmas):
        return None  # not one telling word: the model's guess would be noise
    whole = features(reading)
    margin = model.margins([whole])[0]
    if margin < MARGIN:
        return None
    sentences = reading.sentences
    best = 0
    if len(sentences) > 1:
        margins = model.margins([features(language.Reading(reading.raw, (s,))) for s in sentences])
        best = max(range(len(sentences)), key=margins.__getitem__)
    if margin < SURE and _figurative_throughout(reading):
        return None
    sentence = sentences[best]
    return Finding(model.kind_of(whole), reading.quote(sentence, 0, len(sentence.lemmas) - 1))


def _figurative_throughout(reading: language.Reading) -> bool:
    """Every sentence with a telling word also holds a use the rules know to be ordinary
    ("terrified she'll leave me", "this heat is killing me"): the model is not to overrule
    what the guards in ``data/figurative/`` say about the same words."""
    telling = [s for s in reading.sentences if not cues().isdisjoint(s.lemmas)]
    guards = all_guards()
    return bool(telling) and all(any(guard.search(s.line) for guard in guards) for s in telling)


@cache
def all_guards() -> tuple:
    return tuple({g.pattern: g for kind in KINDS for g in guards(kind)}.values())
