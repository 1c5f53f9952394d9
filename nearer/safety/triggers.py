"""Which words a rule's match cannot do without: so a rule is tried only where it can match.

A rule such as ``{other} {gap}(?:hit|slap|punch) (?:\\S+ )?{me}`` can only match a sentence
that holds one of "hit", "slap", "punch". Reading a rule's pattern at its top level, each part
that must be there (not optional, not a look-around) and is a plain choice of words gives a
*group*: a sentence must hold at least one word of every group. Words too common to tell
sentences apart ("be", "my", "he") make a group useless, so such groups are left out, and so
is any part that is not plain words (nested patterns, word pieces such as ``strangl\\w*``).

This is only ever a shortcut: a rule with no usable group is tried on every sentence, and
``tests/test_reader.py`` checks that the shortcut finds exactly what trying every rule on every
sentence finds, over all the labeled messages.
"""

import re
from functools import lru_cache

PLAIN = re.compile(r"[a-z0-9' ]+")
# Word endings written as a choice after a word or a group: "wait(?:s|ing)?", "(?:photo|pic)s?".
SUFFIXES = frozenset({"", "s", "es", "ed", "d", "ing", "er", "ers", "ly", "n", "en"})
ENDINGS = re.compile(r"\(\?:([a-z|]*)\)(\?)?|(s|es|ed|d|ing)(\?)")


def required_groups(
    pattern: str, lists: dict[str, list[str]], common: frozenset[str]
) -> tuple[frozenset[str], ...]:
    """The groups of words a match of ``pattern`` needs one of each of."""
    groups = []
    for alternatives in _required_parts(pattern, lists):
        words = _any_of(alternatives, lists, common)
        if words:
            groups.append(frozenset(words))
    return tuple(groups)


def _any_of(alternatives: list[str], lists, common) -> set[str] | None:
    """Words of which any match of one of ``alternatives`` holds at least one, or None."""
    found: set[str] = set()
    for alternative in alternatives:
        if PLAIN.fullmatch(alternative):
            words = [w for w in alternative.split() if w not in common]
            if not words:
                return None  # this way through needs only common words: no shortcut here
            found.add(max(words, key=len))  # any one of its words will do; the longest is rarest
            continue
        inner = [_any_of(part, lists, common) for part in _required_parts(alternative, lists)]
        usable = [words for words in inner if words]
        if not usable:
            return None
        found |= min(usable, key=len)
    return found


def _required_parts(pattern: str, lists: dict[str, list[str]]) -> list[list[str]]:
    """Plain-word choices at the top level of ``pattern`` that every match must contain."""
    parts = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        start = i
        if char == "\\":
            i += 2
            if pattern[start + 1 : start + 2] in {"S", "w", "d", "W", "s"}:
                i = _skip_quantifier(pattern, i)
            continue
        if char == "{":
            end = pattern.index("}", i)
            name = pattern[i + 1 : end]
            i = end + 1
            after = _skip_quantifier(pattern, i)
            if after == i and name in lists and _bounded(pattern, start, i):
                parts.append(list(lists[name]))
            i = after
            continue
        if char == "(":
            end = _closing(pattern, i)
            body = pattern[i + 1 : end]
            i = end + 1
            after = _skip_quantifier(pattern, i)
            required = after == i or pattern[i] == "+"
            if required and body.startswith("?:"):
                alternatives = [
                    a.strip() if PLAIN.fullmatch(a) else a for a in _split_top(body[2:])
                ]
                endings, past = _endings(pattern, i)
                if endings and all(PLAIN.fullmatch(a) for a in alternatives):
                    if _bounded(pattern, start, past):
                        parts.append([a + e for a in alternatives for e in endings])
                    i = past
                    continue
                if _bounded(pattern, start, i):
                    parts.append(alternatives)
            i = after
            continue
        if char == "[":
            i = pattern.index("]", i + 1) + 1
            i = _skip_quantifier(pattern, i)
            continue
        if char.isalpha():
            while i < n and (pattern[i].isalpha() or pattern[i] == "'"):
                i += 1
            endings, past = _endings(pattern, i)
            if endings:
                if _bounded(pattern, start, past):
                    parts.append([pattern[start:i] + e for e in endings])
                i = past
                continue
            if pattern[i : i + 1] in {"?", "*"} or pattern[i : i + 1] == "{":
                i = _skip_quantifier(pattern, i)
                continue  # a repeat on the last letter: read no word here
            if _bounded(pattern, start, i):
                parts.append([pattern[start:i]])
            continue
        if char == "|":
            return []  # a choice at the top level: no part is required of every match
        i += 1
    return parts


def _endings(pattern: str, at: int) -> tuple[list[str], int]:
    """Endings written at ``at`` ("(?:s|ing)?", "s?"), with "" when they may be left out, and
    where they stop; ([], at) when there are none."""
    match = ENDINGS.match(pattern, at)
    if not match:
        return [], at
    if match.group(1) is not None:
        endings = match.group(1).split("|")
        if not SUFFIXES.issuperset(endings) or pattern[at - 1 : at] == " ":
            return [], at  # a choice of words, not of endings
        if match.group(2):
            endings.append("")
    else:
        endings = [match.group(3), ""]
    return sorted(set(endings)), match.end()


def _bounded(pattern: str, start: int, end: int) -> bool:
    """The part stands as whole words: what may come just before and after it is an edge."""
    return _left_edge(pattern[:start]) and _right_edge(pattern[end:])


QUANTIFIER_AT_END = re.compile(r"(?:\{\d*,?\d*\}|[?*+])\??$")
EDGE_ENDS = (" ", "\\b", "^", "{gap}", "{gap6}", "(?:")


def _left_edge(before: str) -> bool:
    """Whatever ``before`` matches ends where a word may start."""
    if not before or before.endswith(EDGE_ENDS):
        return True
    quantifier = QUANTIFIER_AT_END.search(before)
    core = before[: quantifier.start()] if quantifier else before
    if not core.endswith(")"):
        return False
    opening = _opening(core, len(core) - 1)
    body = core[opening + 1 : -1]
    if body.startswith(("?<!", "?<=", "?!", "?=")):
        return _left_edge(core[:opening])  # a look-around takes no room
    if body.startswith("?:"):
        body = body[2:]
    elif body.startswith("?"):
        return False
    ends = all(
        a.endswith(EDGE_ENDS) or (a == "" and _left_edge(core[:opening])) for a in _split_top(body)
    )
    may_skip = quantifier is not None and quantifier.group()[0] in "?*{"
    return ends and (not may_skip or _left_edge(core[:opening]))


def _right_edge(after: str) -> bool:
    """Whatever ``after`` matches starts where a word may end."""
    if not after or after.startswith((" ", "\\b", "$", ")", "|")):
        return True
    if not after.startswith("("):
        return False
    close = _closing(after, 0)
    body = after[1:close]
    rest_at = _skip_quantifier(after, close + 1)
    rest = after[rest_at:]
    if body.startswith(("?!", "?=", "?<!", "?<=")):
        return _right_edge(rest)  # a look-around takes no room
    if body.startswith("?:"):
        body = body[2:]
    elif body.startswith("?"):
        return False
    starts = all(
        a.startswith((" ", "$", "\\b")) or (a == "" and _right_edge(rest)) for a in _split_top(body)
    )
    may_skip = rest_at > close + 1 and after[close + 1] in "?*{"
    return starts and (not may_skip or _right_edge(rest))


def _opening(pattern: str, close: int) -> int:
    """Where the group that ``close`` shuts was opened."""
    return next(opened for opened, shut in _groups(pattern).items() if shut == close)


def _closing(pattern: str, i: int) -> int:
    """Where the group opened at ``i`` shuts."""
    return _groups(pattern)[i]


@lru_cache(maxsize=4096)
def _groups(pattern: str) -> dict[int, int]:
    """Each group's opening and closing parenthesis (escapes and character classes skipped;
    a closing one with no opening, in a piece cut from a pattern, is left alone)."""
    stack: list[int] = []
    groups: dict[int, int] = {}
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        if char == "(":
            stack.append(i)
        elif char == ")" and stack:
            groups[stack.pop()] = i
        i += 1
    return groups


def _skip_quantifier(pattern: str, i: int) -> int:
    if i < len(pattern) and pattern[i] in "?*+":
        i += 1
        if i < len(pattern) and pattern[i] in "?+":
            i += 1
        return i
    if i < len(pattern) and pattern[i] == "{":
        match = re.match(r"\{\d*,?\d*\}", pattern[i:])
        if match:  # counted repeats are read as optional: fewer shortcuts, never a wrong one
            return i + match.end()
    return i


def _split_top(body: str) -> list[str]:
    parts, depth, current = [], 0, []
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            current.append(body[i : i + 2])
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts
