"""Labeled files, for the evaluation commands (``coach_eval``, ``risk_eval``).

One JSON object a line, each with a ``"text"`` string and labels of 0 or 1; blank lines are
skipped. Each command checks its own labels with ``is_label`` and reads its file with
``read_file``, so a bad file gets the same clear message from both.
"""

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from django.core.management.base import CommandError

Item = TypeVar("Item")


class LabelError(ValueError):
    """A line of a labeled file that isn't in the expected format."""


def row(line: str, number: int) -> dict:
    """Line ``number``'s JSON object, which must have a ``"text"`` string."""
    try:
        found = json.loads(line)
    except json.JSONDecodeError as error:
        raise LabelError(f"line {number}: not valid JSON ({error.msg}).") from None
    if not isinstance(found, dict) or not isinstance(found.get("text"), str):
        raise LabelError(f'line {number}: needs a "text" string.')
    return found


def is_label(value: object) -> bool:
    """0 or 1, and not JSON's true or false."""
    return value in (0, 1) and not isinstance(value, bool)


def read_items(lines: Iterable[str], parse: Callable[[str, int], Item]) -> list[Item]:
    """``parse(line, number)`` for every line that isn't blank, numbered from 1."""
    return [parse(line, number) for number, line in enumerate(lines, start=1) if line.strip()]


def read_file(path: Path, parse: Callable[[str, int], Item]) -> list[Item]:
    """Every item of the file at ``path``, or a CommandError that says what is wrong."""
    try:
        with path.open(encoding="utf-8") as lines:
            return read_items(lines, parse)
    except OSError as error:
        raise CommandError(f"Couldn't read {path}: {error.strerror or error}.") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} isn't UTF-8 text.") from None
    except LabelError as error:
        raise CommandError(f"{path}, {error}") from None
