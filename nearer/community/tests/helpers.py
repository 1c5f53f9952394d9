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
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False
        self.body_depth = 0  # inside <div class="community-body">

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag == "div" and ("class", "community-body") in attrs:
            self.body_depth = 1
        elif self.body_depth and tag == "div":
            self.body_depth += 1

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if self.body_depth and tag == "div":
            self.body_depth -= 1

    def handle_data(self, data):
        if self.in_script and data.strip():
            self.problems.append(f"inline script: {data[:60]!r}")

    def _check(self, tag, attrs):
        values = dict(attrs)
        if tag in NEVER:
            self.problems.append(f"<{tag}>")
        if self.body_depth and tag not in BODY_TAGS:
            self.problems.append(f"<{tag}> inside a post")
        if tag == "script":
            self.in_script = True
            if values.get("src") not in OUR_SCRIPTS:
                self.problems.append(f"script src={values.get('src')!r}")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append("meta http-equiv")
        if tag == "link" and not (values.get("href") or "").startswith("/static/"):
            self.problems.append(f"link {values.get('href')!r}")
        if tag == "form" and values.get("action") and not values["action"].startswith("/"):
            self.problems.append(f"form action {values['action']!r}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in {"style", "srcdoc"}:
                self.problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEME.match(_squash(value)):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>")
            in_post_link = self.body_depth and tag == "a" and name == "href"
            if in_post_link and not re.match(r"^(https?://|mailto:)", value or ""):
                self.problems.append(f"link in a post to {value[:40]!r}")


def problems(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    # Belt and braces: escaped text never holds a "<", so these can only be live markup.
    lowered = html.lower()
    for marker in ("<script>", "<img", "<svg", "<iframe", "<math", "<style", "<meta http"):
        if marker in lowered:
            inspector.problems.append(f"raw {marker!r}")
    return inspector.problems


def assert_inert(response) -> None:
    assert response.status_code < 500
    found = problems(response.content.decode())
    assert not found, found


def visible_text(response) -> str:
    """A page's HTML without the per-request CSRF tokens, for before/after comparisons."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", html)
