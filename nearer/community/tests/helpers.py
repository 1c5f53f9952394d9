"""Checks for rendered pages: no markup a browser would run, read with html.parser."""

import re
from html.parser import HTMLParser

# The only scripts a page may load: our own, from our static files, never inline.
OUR_SCRIPTS = {"/static/nearer/quick-exit.js", "/static/vendor/htmx-2.0.11.min.js"}
NEVER = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "style",
    "base",
    "img",
    "video",
    "audio",
    "source",
    "portal",
    "template",
    "keygen",
    "marquee",
    "isindex",
    "noscript",
    "image",
    "animate",
    "set",
    "foreignobject",
    "xmp",
    "plaintext",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "ping",
}
BAD_SCHEME = re.compile(r"^(javascript|data|vbscript|livescript|file):", re.IGNORECASE)
# Inside a post or reply body, only what the Markdown subset makes.
BODY_TAGS = {"p", "br", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote"}


def _squash(value: str) -> str:
    """A URL as a browser reads it: control characters and spaces dropped."""
    return "".join(ch for ch in value if ch > " " and ch != "\x7f")


class Inspector(HTMLParser):
    def __init__(self, marks: dict[tuple[str, str, str], str] | None = None):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False
        self.body_depth = 0  # inside <div class="community-body">
        # A page showing many items: {(tag, attribute, value): label} for the start tag that
        # begins each item. A problem is filed under the label of the last mark passed.
        self.marks = marks or {}
        self.label: str | None = None
        self.by_label: dict[str | None, list[str]] = {}
        self.seen: list[tuple[tuple[int, int], str]] = []  # (line, column) and label

    def _problem(self, text: str) -> None:
        self.problems.append(text)
        self.by_label.setdefault(self.label, []).append(text)

    def _mark(self, tag, attrs) -> None:
        for name, value in attrs:
            label = self.marks.get((tag, name, value))
            if label is not None:
                self.label = label
                self.seen.append((self.getpos(), label))

    def handle_starttag(self, tag, attrs):
        self._mark(tag, attrs)
        self._check(tag, attrs)
        if tag == "div" and ("class", "community-body") in attrs:
            self.body_depth = 1
        elif self.body_depth and tag == "div":
            self.body_depth += 1

    def handle_startendtag(self, tag, attrs):
        self._mark(tag, attrs)
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if self.body_depth and tag == "div":
            self.body_depth -= 1

    def handle_data(self, data):
        if self.in_script and data.strip():
            self._problem(f"inline script: {data[:60]!r}")

    def _check(self, tag, attrs):
        values = dict(attrs)
        if tag in NEVER:
            self._problem(f"<{tag}>")
        if self.body_depth and tag not in BODY_TAGS:
            self._problem(f"<{tag}> inside a post")
        if tag == "script":
            self.in_script = True
            if values.get("src") not in OUR_SCRIPTS:
                self._problem(f"script src={values.get('src')!r}")
        if tag == "meta" and "http-equiv" in values:
            self._problem("meta http-equiv")
        if tag == "link" and not (values.get("href") or "").startswith("/static/"):
            self._problem(f"link {values.get('href')!r}")
        if tag == "form" and values.get("action") and not values["action"].startswith("/"):
            self._problem(f"form action {values['action']!r}")
        for name, value in attrs:
            if name.startswith("on"):
                self._problem(f"<{tag} {name}>")
            if name in {"style", "srcdoc"}:
                self._problem(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEME.match(_squash(value)):
                self._problem(f"<{tag} {name}={value[:40]!r}>")
            in_post_link = self.body_depth and tag == "a" and name == "href"
            if in_post_link and not re.match(r"^(https?://|mailto:)", value or ""):
                self._problem(f"link in a post to {value[:40]!r}")


# Belt and braces: escaped text never holds a "<", so these can only be live markup.
RAW_MARKERS = ("<script>", "<img", "<svg", "<iframe", "<math", "<style", "<meta http")


def problems(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    lowered = html.lower()
    for marker in RAW_MARKERS:
        if marker in lowered:
            inspector.problems.append(f"raw {marker!r}")
    return inspector.problems


def problems_by_item(
    html: str, marks: dict[tuple[str, str, str], str]
) -> tuple[dict[str | None, list[str]], list[str]]:
    """problems() for a page showing many items, each begun by a marked start tag.

    Returns the problems filed under the label of the mark before them (None: before the
    first mark), and the labels of the marks the parser met as live tags, in order."""
    inspector = Inspector(marks)
    inspector.feed(html)
    inspector.close()
    line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
    # Where each mark starts in the lowered page (lower() can change a text's length).
    starts = [
        (len(html[: line_starts[line - 1] + column].lower()), label)
        for (line, column), label in inspector.seen
    ]
    lowered = html.lower()
    for marker in RAW_MARKERS:
        for at in (m.start() for m in re.finditer(re.escape(marker), lowered)):
            label = None
            for start, mark_label in starts:
                if start < at:
                    label = mark_label
            inspector.by_label.setdefault(label, []).append(f"raw {marker!r}")
    return inspector.by_label, [label for _, label in inspector.seen]


def assert_inert(response, where: str = "") -> None:
    assert response.status_code < 500, where
    found = problems(response.content.decode())
    assert not found, f"{where}: {found}" if where else found


def assert_inert_items(
    response, marks: dict[tuple[str, str, str], str], *, where: str, outside: str, every: bool
) -> None:
    """assert_inert for a page showing many payloads at once, naming the payload at fault.

    Each mark (the start tag that begins one payload's item) must be read as a live tag:
    every mark when ``every``, else each one whose attribute is in the page. So no payload
    can hide the next from the parser (an open comment or quote), and the page is as
    strict as one page per payload. ``outside`` names problems before the first mark."""
    assert response.status_code < 500, where
    html = response.content.decode()
    found, seen = problems_by_item(html, marks)
    expected = [
        label
        for (_tag, attribute, value), label in marks.items()
        if every or f'{attribute}="{value}"' in html
    ]
    named = {label or outside: items for label, items in found.items()}
    hidden = [label for label in expected if label not in seen]
    if hidden:
        named["not read as live markup"] = hidden
    assert not named, f"{where}: {named}"


def visible_text(response) -> str:
    """A page's HTML without the per-request CSRF tokens, for before/after comparisons."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
