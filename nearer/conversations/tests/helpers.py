"""Small helpers for reading pages in tests."""

import html


def page(response) -> str:
    """The page as a person reads it: HTML entities turned back into characters."""
    return html.unescape(response.content.decode())
