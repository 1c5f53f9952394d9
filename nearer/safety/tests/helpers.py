"""Test helpers: a new crisis resource, and a tiny HTML reader (tags, attributes, text)."""

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

from nearer.safety.models import CrisisResource


def make_resource(**fields) -> CrisisResource:
    values = {
        "country": "NZ",
        "name": "A listening line",
        "phone": "0800 000 000",
        "purpose": "Someone to talk to.",
        "last_verified": date(2026, 1, 1),
    }
    values.update(fields)
    return CrisisResource(**values)


@dataclass
class Tag:
    name: str
    attrs: dict[str, str | None]
    text: str = ""
    classes: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self.open: list[Tag] = []

    def handle_starttag(self, tag, attrs):
        found = Tag(tag, dict(attrs), classes=(dict(attrs).get("class") or "").split())
        self.tags.append(found)
        if tag not in {"meta", "link", "input", "br", "img", "hr"}:
            self.open.append(found)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].name == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for tag in self.open:
            tag.text += data


def tags(response, name: str | None = None) -> list[Tag]:
    reader = _Reader()
    reader.feed(response.content.decode())
    return [tag for tag in reader.tags if name is None or tag.name == name]


def by_id(response, element_id: str) -> Tag:
    matches = [tag for tag in tags(response) if tag.attrs.get("id") == element_id]
    assert len(matches) == 1, f"expected one element with id={element_id!r}"
    return matches[0]
