"""Test helpers: crisis resources (a new one, or two lines a country), the words the private
note tests write and look for, and a tiny HTML reader (tags, attributes, text)."""

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


# Each country's domestic-abuse line and crisis line; the operator orders the abuse line first.
LINES = {
    "GB": ("GB Abuse Line", "GB Crisis Line"),
    "US": ("US Abuse Line", "US Crisis Line"),
}


def seed_lines(lines: dict[str, tuple[str, str]] = LINES) -> None:
    """Replace each country's crisis resources with its abuse line (order 10, for fear at
    home) and its crisis line (order 20), so tests can tell which one help puts first."""
    CrisisResource.objects.filter(country__in=lines).delete()
    for country, (abuse, crisis) in lines.items():
        for name, for_fear_at_home, order in ((abuse, True, 10), (crisis, False, 20)):
            make_resource(
                country=country,
                name=name,
                purpose="Someone to talk to, any time.",
                for_fear_at_home=for_fear_at_home,
                order=order,
            ).save()


# The private note: words that clearly suggest danger, the note's summary, and the first US
# lines it lists (from the default resources) for danger from someone and for self-harm.
DANGER = "He choked me last night and said next time he'd kill me."
NOTE = "A note just for you"
ABUSE_LINE = "National Domestic Violence Hotline"
CRISIS_LINE = "988 Suicide & Crisis Lifeline"


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
