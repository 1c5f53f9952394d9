"""The safety reader's rules: patterns kept as data in ``data/``, read one sentence at a time.

``data/rules/<kind>.txt`` holds the patterns (format in ``data/rules/README.md``), over word
lists in ``data/words/`` and figurative uses in ``data/figurative/``. ``first_rule_finding``
tries the most serious kind first; a rule is tried only on sentences that hold the words its
matches need (``triggers.py``); a negation just before a match, or a figurative use that
covers it, drops the match.
"""

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from nearer.safety import language, triggers
from nearer.safety.kinds import KINDS, SEVERITY, Finding

NEGATIONS = frozenset({"not", "never", "nobody", "nothing", "neither", "nor", "no"})
# After a negation, words that make it something other than a denial: "not only", "can't
# stop", "can't keep living like this", "not sure if he will…".
NOT_NEGATING = frozenset(
    str.split(
        "only just sure know certain even ok okay fine keep stop stand take handle cope bear"
        " breathe sleep eat escape leave"
    )
)
SUBJECTS = frozenset(str.split("he she they i we you it"))
COGNITION = frozenset(str.split("think believe say feel know mean remember reckon suppose seem"))
# Words before a negation that make it a purpose or an avoidance, not a denial.
PURPOSE = frozenset(str.split("so or otherwise lest case try tried sure want wish need learn how"))
# What a sentence-opening negation denies, rather than commands: "not suicidal", "never be hit".
DENIALS = frozenset(
    str.split(
        "be have suicidal violent abusive dangerous scared afraid unsafe once ever really scare"
        " terrify frighten because"
        " that like in go a any one him her he she they"
    )
)
NEGATION_REACH = 3  # words before a match in which a negation cancels it


@dataclass(frozen=True)
class Rule:
    kind: str
    urgent: bool
    pattern: re.Pattern
    context: re.Pattern | None
    source: str
    words: frozenset[str]  # a sentence with none of these can't match: the rule is skipped
    guards: tuple[re.Pattern, ...]  # figurative uses that drop a match they cover
    needs: tuple[frozenset[str], ...] = ()  # a match holds a word of each (triggers.py)
    lines: re.Pattern | None = None  # the pattern for a whole message, a sentence a line


# Words too common to tell rules apart: a rule is tried on a sentence that has one of its
# other words. (Only a shortcut: a rule made of these words alone is tried on every sentence.)
FUNCTION_WORDS = frozenset(
    str.split(
        """a an the and or but so to of in on at by for with from up out off over into onto about
    as if when than then that this these those there here it its be do have will would can
    could might may must shall should not never no i me my myself we us our you your he him his
    himself she her herself they them their themselves one all any some just again still ever
    what who where how which while until till because after before s t d ll m re ve ,"""
    )
)
# Words in nearly every sentence: a rule needing one of them alone is tried everywhere.
EVERYWHERE = frozenset(
    str.split(
        "a an the and or but so to of in on at for with i me my be do have it you , that he she"
        " they him her his not this we will would just"
    )
)
COMMON = FUNCTION_WORDS | frozenset(
    str.split(
        """get go make take say tell other time want come every see feel back thing down good work
    home keep stop talk leave sleep really much like know think way off away"""
    )
)


def first_rule_finding(reading: language.Reading, *, shortcut: bool = True) -> Finding | None:
    """The rules' finding: the most serious kind any rule raised, and urgent when any urgent
    rule also holds. Rules are tried most serious first, and reading stops at the first that
    holds. With ``shortcut`` (off only in tests) a rule is tried only on the sentences that
    hold the words it needs (``triggers.py``), and a rule that needs no particular word reads
    the whole message at once, a sentence a line, rather than each sentence in turn."""
    table = rules()
    index, others = rule_index()
    everywhere = index["*"] if shortcut else ()
    candidates: dict[int, list[int] | None] = dict.fromkeys(everywhere)
    for number, sentence in enumerate(reading.sentences):
        present = set(sentence.lemmas)
        if shortcut:
            ids: set[int] | range = set()
            for word in present:
                ids.update(index.get(word, ()))
        else:
            ids = range(len(table))
        for rule_id in ids:
            if shortcut and any(group.isdisjoint(present) for group in others[rule_id]):
                continue
            candidates.setdefault(rule_id, []).append(number)  # type: ignore[union-attr]
    lines = _lines(reading)
    best = None
    for rule_id in sorted(candidates):
        rule = table[rule_id]
        if best is not None and not rule.urgent:
            continue  # found: only whether it is urgent is still open
        numbers = candidates[rule_id]
        words = (
            _match_anywhere(rule, reading, lines)
            if numbers is None
            else next(filter(None, (_match(rule, n, reading) for n in numbers)), None)
        )
        if words is None:
            continue
        if best is None:
            best = Finding(rule.kind, words, rule.urgent)
        elif rule.urgent and not best.urgent:
            best = Finding(best.kind, best.words, True)
        if best.urgent:
            break
    return best


def _lines(reading: language.Reading) -> tuple[str, tuple[int, ...]]:
    """The message a sentence a line, and where each line starts."""
    starts, at = [], 0
    for sentence in reading.sentences:
        starts.append(at)
        at += len(sentence.line) + 1
    return "\n".join(s.line for s in reading.sentences), tuple(starts)


def _match_anywhere(
    rule: Rule, reading: language.Reading, lines: tuple[str, tuple[int, ...]]
) -> str | None:
    """``_match`` on every sentence, as one search of the whole message."""
    text, starts = lines
    for match in rule.lines.finditer(text):
        if "\n" in match.group():
            continue  # a pattern that reached across sentences (a "[^.]" class, say)
        number = bisect.bisect_right(starts, match.start()) - 1
        start = starts[number]
        found = _accept(rule, number, reading, match.start() - start, match.end() - start)
        if found is not None:
            return found
    return None


def _around(reading: language.Reading, number: int) -> str:
    """The sentences just before and after sentence ``number``: "feeling scared. he's back"."""
    near = (
        reading.sentences[max(0, number - 1) : number] + reading.sentences[number + 1 : number + 2]
    )
    return " | ".join(s.line for s in near)


def _match(rule: Rule, number: int, reading: language.Reading) -> str | None:
    for match in rule.pattern.finditer(reading.sentences[number].line):
        found = _accept(rule, number, reading, *match.span())
        if found is not None:
            return found
    return None


def _accept(rule: Rule, number: int, reading: language.Reading, start: int, end: int) -> str | None:
    """The writer's words for a match, unless it is negated, figurative or out of context."""
    sentence = reading.sentences[number]
    line = sentence.line
    if _negated(sentence, start) or _figurative(rule, line, start, end):
        return None
    if rule.context is not None and not (
        rule.context.search(line) or rule.context.search(_around(reading, number))
    ):
        return None  # the context may stand in the sentence before or after
    first = sentence.token_at(start)
    last = sentence.token_at(max(end - 1, start))
    return reading.quote(sentence, first, last)


def _negated(sentence: language.Sentence, start: int) -> bool:
    """A negation just before the match denies it ("I don't think he'd hurt me"), unless it
    is a goal or a purpose: avoiding danger is not denying it ("so he won't slap me", "try not
    to cut", "not kms after the next fight")."""
    index = sentence.token_at(start)
    first = max(0, index - NEGATION_REACH)
    lemmas = sentence.lemmas
    for at in range(first, index):
        word = lemmas[at]
        if word == ",":
            first = at + 1
    for at in range(first, index):
        if lemmas[at] not in NEGATIONS:
            continue
        following = lemmas[at + 1] if at + 1 < len(lemmas) else ""
        if following in NOT_NEGATING:
            continue
        if PURPOSE.intersection(lemmas[max(0, at - 4) : at]):
            continue  # "so he do not hit me", "i try not to", "want to not wake up"
        if (
            at == 0
            and (lemmas[at] in {"not", "never"} or following == "more")
            and (following not in DENIALS)
        ):
            continue  # a goal's imperative: "not kms after…", "never let him…"
        if lemmas[index] in SUBJECTS and not COGNITION.intersection(lemmas[at:index]):
            continue  # a new clause: "if i can not pay it he freeze the card"
        return True
    return False


def _figurative(rule: Rule, line: str, start: int, end: int) -> bool:
    return any(g_start < end and start < g_end for g_start, g_end in _guard_spans(rule.kind, line))


@lru_cache(maxsize=1024)
def _guard_spans(kind: str, line: str) -> tuple[tuple[int, int], ...]:
    return tuple(g.span() for guard in guards(kind) for g in guard.finditer(line))


@cache
def word_lists() -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for path in sorted((language.DATA / "words").glob("*.txt")):
        current = None
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                lists.setdefault(current, [])
            elif current is not None:
                lists[current].extend(" ".join(e.split()) for e in line.split(",") if e.strip())
    return lists


def _expand(pattern: str) -> str:
    lists = word_lists()
    gap = r"(?:(?!(?:not|never|no) )\S+ ){0,%d}"
    pattern = pattern.replace("{gap}", gap % 3).replace("{gap6}", gap % 6)
    pattern = pattern.replace("{me}", r"(?:me|my (?:\S+ )?{body})")

    def words(match: re.Match) -> str:
        entries = sorted(lists[match.group(1)], key=len, reverse=True)
        return "(?:" + "|".join(re.escape(e).replace(r"\ ", " ") for e in entries) + ")"

    return re.sub(r"\{([a-z_]\w*)\}", words, pattern)  # "{2,3}" stays a regex repeat


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule in ``data/rules/*.txt``, the most serious kind first."""
    compiled = []
    for path in sorted((language.DATA / "rules").glob("*.txt")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            kind, pattern, *rest = raw.split("\t")
            urgent = kind.endswith("!")
            kind = kind.rstrip("!")
            if kind not in KINDS:
                raise ValueError(f"{path.name}, line {number}: unknown kind {kind!r}")
            context = re.compile(_expand(rest[0])) if rest and rest[0].strip() else None
            compiled.append(
                Rule(
                    kind,
                    urgent,
                    re.compile(_expand(pattern)),
                    context,
                    pattern,
                    _words(pattern),
                    guards(kind),
                    triggers.required_groups(pattern, word_lists(), EVERYWHERE | PEOPLE),
                    re.compile(_expand(pattern), re.MULTILINE),
                )
            )
    return tuple(sorted(compiled, key=lambda r: SEVERITY.index(r.kind)))


# Lists of people and body parts: a match always holds a deed or a thing too, so these words
# never decide whether a rule is tried (they are in most rules, and would make all of them).
PEOPLE_LISTS = frozenset({"other", "partner", "family", "child", "body"})
PEOPLE = frozenset(
    str.split(
        "ex partner boyfriend girlfriend wife husband man woman guy girl boy brother sister mum"
        " mom dad mother father son daughter kid child baby fiance spouse missus lover half"
        " family friend parent people someone somebody"
    )
)


def _words(pattern: str) -> frozenset[str]:
    """The words a match needs one of, less the common ones: its own and its word lists'.
    A sentence without any of them is not tried; a rule with none is tried on every sentence.
    Words in a negative look-around ("(?! for a weekend)") are what a match must not have."""
    pattern = _without_negative_lookarounds(pattern)
    lists = word_lists()
    listed = [
        word
        for name in re.findall(r"\{(\w+)\}", pattern)
        if name not in PEOPLE_LISTS
        for entry in lists.get(name, ())
        for word in entry.split()
    ]
    own = re.sub(r"\{\w+\}|\\[a-zA-Z]|\(\?[:!=<]+", " ", pattern)
    return frozenset(re.findall(r"[a-z]+", own) + listed) - COMMON - PEOPLE


def _without_negative_lookarounds(pattern: str) -> str:
    out, depth, skipping = [], 0, 0
    i = 0
    while i < len(pattern):
        if pattern.startswith(("(?!", "(?<!"), i) and not skipping:
            skipping, depth = 1, 1
            i += 3 if pattern.startswith("(?!", i) else 4
            continue
        char = pattern[i]
        if skipping:
            if char == "\\":
                i += 2
                continue
            depth += char == "("
            depth -= char == ")"
            if depth == 0:
                skipping = 0
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _commonness(group: frozenset[str]) -> tuple[int, int]:
    """Filing a rule under its least common group keeps it off most sentences."""
    return (len(group & COMMON), len(group))


@cache
def rule_index() -> tuple[dict[str, tuple[int, ...]], tuple[tuple[frozenset[str], ...], ...]]:
    """Which rules each word can start ("*": the rules tried everywhere), and for each rule the
    groups of words still to check once it is started. A rule is filed under its least common
    group of needed words."""
    index: dict[str, list[int]] = {"*": []}
    others = []
    for rule_id, rule in enumerate(rules()):
        if not rule.needs:
            index["*"].append(rule_id)
            others.append(())
            continue
        filed = min(rule.needs, key=_commonness)
        for word in filed:
            index.setdefault(word, []).append(rule_id)
        others.append(tuple(group for group in rule.needs if group is not filed))
    return {word: tuple(ids) for word, ids in index.items()}, tuple(others)


@cache
def guards(kind: str) -> tuple[re.Pattern, ...]:
    """Figurative uses for a kind: ``figurative/common.txt`` and ``figurative/<kind>.txt``."""
    patterns = []
    for name in ("common", kind):
        path = language.DATA / "figurative" / f"{name}.txt"
        if not path.exists():
            continue
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith("#"):
                patterns.append(re.compile(_expand(line)))
    return tuple(patterns)
