"""A small, safe Markdown subset for posts and replies, turned into HTML once, when written.

What it understands:
    blank line          a new paragraph (a single line break stays a line break)
    *soft* or _soft_    emphasis
    **strong**          strong
    `code`              inline code
    [words](https://…)  a link: http, https and mailto only; others stay as plain text
    - item / * item     a list (1. item for a numbered one), at most MAX_LIST_DEPTH deep
    > words             a quotation, at most MAX_QUOTE_DEPTH deep

Everything else shows as the text typed: raw HTML (escaped, never passed through), images,
headings, tables, indented code, autolinks and bare addresses, reference links, rules. A
``` fence is not a code block: like any run of backticks it can only make inline code.

Why a library: Markdown is a long tail of edge cases (nesting, when * opens emphasis, brackets
inside links, input built to make regexes slow), and hand-written regexes get them wrong.
markdown-it-py is a maintained port of markdown-it that follows CommonMark and parses in
linear time, so we start from its empty "zero" preset with raw HTML off and switch on only
the rules above. Three small hooks keep the subset ours: links are checked against our own
schemes (``validateLink``, plus a last pass for "[words]()" which would link to ""); "![" never
starts a link, so an image stays text rather than becoming "!" and a link; and quotes and
lists decline past their depth, so deeper markers stay as text (markdown-it's own maxNesting
guard would drop the rest of the post instead).

Whatever comes out is sanitised again with nh3 against an allow-list, so a mistake here can't
become markup.
"""

import re
import unicodedata
from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock, blockquote, list_block
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, link

ALLOWED_TAGS = {"p", "br", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote"}
# "*" is the set allowed on every tag: empty, or nh3 would also keep "title" and "lang".
ALLOWED_ATTRIBUTES = {"a": {"href"}, "*": set()}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener ugc"
MAX_QUOTE_DEPTH = 3
MAX_LIST_DEPTH = 4

_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=LINK_REL,
    strip_comments=True,
    clean_content_tags={"script", "style"},
    url_relative="deny",  # no "", "/path" or "//host" addresses: only the schemes above
)

# markdown-it hands over the address already entity-decoded and percent-encoded, so
# "javascript&#58;x" arrives as "javascript:x" and an address never holds a space.
_ALLOWED_LINK = re.compile(
    r"\A(?:https?://[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s@]+)\Z", re.IGNORECASE
)
# Characters that change how text reads without being seen: bidi overrides and controls.
_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
_KEEP = {"\n", "\t", "\u200d"}  # the joiner inside emoji like 👨‍👩‍👧


def clean_text(raw: str) -> str:
    """The member's words with line endings made plain and invisible or control characters
    (bidi overrides, zero-width joiners, NULs) removed: what we store and search."""
    text = (raw or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in _KEEP or unicodedata.category(ch) not in _INVISIBLE
    ).strip()


def allowed_link(url: str) -> bool:
    """Whether a link may point here: an http(s) address with a host, or mailto a@b."""
    return bool(_ALLOWED_LINK.match(url))


BlockRule = Callable[[StateBlock, int, int, bool], bool]


def _nested_at_most(rule: BlockRule, name: str, limit: int) -> BlockRule:
    """A block rule that declines once ``limit`` of itself are open, leaving the line as text.

    (markdown-it's own maxNesting guard skips the rest of the input instead.)"""

    def bounded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        depth = state.env.get(name, 0)
        if depth >= limit:
            return False
        state.env[name] = depth + 1
        try:
            return rule(state, start_line, end_line, silent)
        finally:
            state.env[name] = depth

    return bounded


def _link_unless_image(state: StateInline, silent: bool) -> bool:
    """The link rule, except straight after "!": "![words](address)" is an image, which the
    subset leaves as text, so its "[" must not make a link either (it still counts as a
    bracket, so an image inside a link's words keeps the whole thing text)."""
    if state.pos and state.src[state.pos - 1] == "!":
        return False
    return link(state, silent)


def _refused_links_as_text(state: StateCore) -> None:
    """Belt and braces after validateLink: "[words]()" still makes a link to "", so any link
    whose address is not allowed goes back to being the brackets typed. (Links never nest.)"""
    for block in state.tokens:
        refused = False
        for token in block.children or ():
            if token.type == "link_open" and not allowed_link(str(token.attrGet("href"))):
                refused = True
                token.type, token.tag, token.nesting, token.attrs = "text", "", 0, {}
                token.content = "["
            elif token.type == "link_close" and refused:
                refused = False
                token.type, token.tag, token.nesting, token.content = "text", "", 0, "]()"


def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "breaks": True, "linkify": False, "typographer": False})
    md.enable(["paragraph", "blockquote", "list", "newline", "backticks", "emphasis", "link"])
    md.block.ruler.at(
        "blockquote",
        _nested_at_most(blockquote, "nearer_quote_depth", MAX_QUOTE_DEPTH),
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.block.ruler.at(
        "list",
        _nested_at_most(list_block, "nearer_list_depth", MAX_LIST_DEPTH),
        {"alt": ["paragraph", "reference", "blockquote"]},
    )
    md.inline.ruler.at("link", _link_unless_image)
    md.core.ruler.after("inline", "refused_links_as_text", _refused_links_as_text)
    md.validateLink = allowed_link
    return md


_MARKDOWN = _parser()


def render(raw: str) -> str:
    """Sanitised HTML for the member's words."""
    return sanitise(_MARKDOWN.render(clean_text(raw)))


def sanitise(markup: str) -> str:
    """The last word on any HTML we store: only the allowed tags, attributes and schemes."""
    return _CLEANER.clean(markup)


def search_text(*parts: str) -> str:
    """What search reads: the plain words, lower-cased, bounded."""
    from nearer.community.models import SEARCH_TEXT_MAX

    return "\n".join(clean_text(p) for p in parts).lower()[:SEARCH_TEXT_MAX]
