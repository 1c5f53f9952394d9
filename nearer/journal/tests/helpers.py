"""Small helpers for the journal tests."""

import html

from nearer.journal.actions import save_entry
from nearer.journal.models import Entry

SECRET_WORDS = "I felt lonely at the lake on Sunday"


def write(author, *, title: str = "", body: str = SECRET_WORDS, mood: str = "", **extra) -> Entry:
    data = {"title": title, "body": body, "mood": mood, "writer": "", "seq": None, **extra}
    return save_entry(author=author, entry=None, data=data).entry


def autosave(client, url: str, **fields):
    """Post the editor as the autosave script does: the same form plus ``autosave=1``."""
    data = {"title": "", "body": "", "mood": "", "autosave": "1", **fields}
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def text(response) -> str:
    """The page as a reader sees its words (entities such as &#x27; turned back)."""
    return html.unescape(response.content.decode())
