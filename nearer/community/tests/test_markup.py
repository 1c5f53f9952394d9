"""The Markdown subset: what it makes, what it refuses, and the sanitiser behind it."""

import re
import time
from html import unescape

import pytest

from nearer.community import markup
from nearer.community.tests.helpers import problems
from nearer.community.tests.xss_payloads import PAYLOADS


@pytest.mark.parametrize(
    ("typed", "made"),
    [
        ("Hello", "<p>Hello</p>\n"),
        ("one\ntwo", "<p>one<br>\ntwo</p>\n"),
        ("one  \ntwo", "<p>one<br>\ntwo</p>\n"),
        ("one\n\ntwo", "<p>one</p>\n<p>two</p>\n"),
        ("a *soft* word", "<p>a <em>soft</em> word</p>\n"),
        ("a _soft_ word", "<p>a <em>soft</em> word</p>\n"),
        ("a **strong** word", "<p>a <strong>strong</strong> word</p>\n"),
        ("some `code <b>`", "<p>some <code>code &lt;b&gt;</code></p>\n"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"),
        ("* one\n* two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"),
        ("+ one\n+ two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"),
        # CommonMark: a different marker starts a new list.
        ("* one\n+ two", "<ul>\n<li>one</li>\n</ul>\n<ul>\n<li>two</li>\n</ul>\n"),
        ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"),
        ("1) one\n2) two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"),
        ("1. one\n2) two", "<ol>\n<li>one</li>\n</ol>\n<ol>\n<li>two</li>\n</ol>\n"),
        ("- one\n  - inner", "<ul>\n<li>one\n<ul>\n<li>inner</li>\n</ul>\n</li>\n</ul>\n"),
        ("> held\n> close", "<blockquote>\n<p>held<br>\nclose</p>\n</blockquote>\n"),
        ("snake_case_name stays", "<p>snake_case_name stays</p>\n"),
        # CommonMark: a * between letters or digits may open emphasis (a _ may not);
        # spaces or backticks keep it as typed.
        ("2*3*4", "<p>2<em>3</em>4</p>\n"),
        ("2 * 3 * 4 stays", "<p>2 * 3 * 4 stays</p>\n"),
        ("`2*3*4` stays", "<p><code>2*3*4</code> stays</p>\n"),
        ("# not a heading", "<p># not a heading</p>\n"),
    ],
)
def test_the_subset_makes_only_its_own_few_tags(typed, made):
    assert markup.render(typed) == made


@pytest.mark.parametrize(
    "url", ["https://example.org/a_b?c=1&d=2", "http://example.org", "mailto:hi@example.org"]
)
def test_links_to_the_web_and_email_get_rel_nofollow_noopener_ugc(url):
    html = markup.render(f"[words]({url})")
    assert 'rel="nofollow noopener ugc"' in html
    assert ">words</a>" in html
    assert problems(f'<div class="community-body">{html}</div>') == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert`1`",
        "JAVASCRIPT:x",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:x",
        "//evil.example",
        "/relative",
        "ftp://example.org",
        "javascript&#58;x",
        "https://",
        "mailto:nobody",
        "",
        " ",
        "<>",
        "#top",
        "?q=1",
        "https:example.org",
        "tel:123",
    ],
)
def test_other_addresses_stay_as_plain_text(url):
    html = markup.render(f"[words]({url})")
    assert "<a" not in html
    shown = unescape(re.sub(r"<[^>]+>", "", html)).strip()  # backticks still make <code>
    assert shown == f"[words]({url.replace('`', '').strip()})"


def test_raw_html_is_shown_as_text_not_markup():
    html = markup.render('<b onclick="x()">bold</b>')
    assert html == '<p>&lt;b onclick="x()"&gt;bold&lt;/b&gt;</p>\n'


def test_images_are_not_part_of_the_subset():
    html = markup.render("![a cat](https://example.org/cat.png)")
    assert "<img" not in html and "<a" not in html
    assert html == "<p>![a cat](https://example.org/cat.png)</p>\n"


@pytest.mark.parametrize(
    "typed",
    [
        "wow![x](https://example.org)",
        "[![x](https://example.org/i.png)](javascript:alert(1))",
        "![x]()",
    ],
)
def test_an_image_never_becomes_a_link_either(typed):
    html = markup.render(typed)
    assert "<a" not in html and "<img" not in html
    assert "![x]" in html


def test_an_image_inside_a_link_leaves_the_link_working():
    html = markup.render("[see ![x]](https://example.org)")
    assert html == (
        '<p><a href="https://example.org" rel="nofollow noopener ugc">see ![x]</a></p>\n'
    )


@pytest.mark.parametrize(
    ("typed", "made"),
    [
        ("# a heading", "<p># a heading</p>\n"),
        ("### a heading", "<p>### a heading</p>\n"),
        ("Title\n=====", "<p>Title<br>\n=====</p>\n"),
        ("| a | b |\n|---|---|", "<p>| a | b |<br>\n|---|---|</p>\n"),
        ("---", "<p>---</p>\n"),
        ("    indented", "<p>indented</p>\n"),
        ("<https://example.org>", "<p>&lt;https://example.org&gt;</p>\n"),
        ("https://example.org", "<p>https://example.org</p>\n"),
        ("[a][b]", "<p>[a][b]</p>\n"),
        ("[a]\n\n[a]: https://example.org", "<p>[a]</p>\n<p>[a]: https://example.org</p>\n"),
        ("- [ ] a task", "<ul>\n<li>[ ] a task</li>\n</ul>\n"),
        ("&amp; &#60;", "<p>&amp;amp; &amp;#60;</p>\n"),
        ("~~struck~~", "<p>~~struck~~</p>\n"),
        ("<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>\n"),
        ('"quotes" -- and (c)', '<p>"quotes" -- and (c)</p>\n'),
    ],
)
def test_markdown_outside_the_subset_shows_as_typed(typed, made):
    """Headings, tables, rules, code blocks, autolinks, bare addresses, reference links,
    task lists, entities, strikethrough and typography are all left as the words typed."""
    assert markup.render(typed) == made


def test_a_fence_is_not_a_code_block_only_inline_code():
    html = markup.render("```\n<script>alert(1)</script>\n```")
    assert html == "<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>\n"


def test_a_link_title_is_not_kept():
    html = markup.render('[words](https://example.org "a title")')
    assert html == '<p><a href="https://example.org" rel="nofollow noopener ugc">words</a></p>\n'


def test_an_address_is_percent_encoded_so_it_cannot_leave_the_attribute():
    html = markup.render('[x](https://ok.example/"onclick="alert`1`)')
    assert html == (
        '<p><a href="https://ok.example/%22onclick=%22alert%601%60"'
        ' rel="nofollow noopener ugc">x</a></p>\n'
    )


def test_the_sanitiser_removes_anything_outside_the_allow_list():
    dirty = (
        '<p onclick="x">a</p><script>alert(1)</script><img src=x onerror=y>'
        '<a href="javascript:alert(1)">b</a><a href="https://ok.example" target="_blank">c</a>'
        "<!-- hidden --><style>p{}</style><iframe></iframe>"
    )
    clean = markup.sanitise(dirty)
    assert clean == (
        '<p>a</p><a rel="nofollow noopener ugc">b</a>'
        '<a href="https://ok.example" rel="nofollow noopener ugc">c</a>'
    )


def test_the_sanitiser_keeps_no_title_lang_or_address_without_a_scheme():
    dirty = (
        '<p title="t" lang="en">a</p><a href="https://ok.example" title="t">b</a>'
        '<a href="">c</a><a href="/local">d</a><a href="//evil.example/x">e</a>'
    )
    assert markup.sanitise(dirty) == (
        '<p>a</p><a href="https://ok.example" rel="nofollow noopener ugc">b</a>'
        '<a rel="nofollow noopener ugc">c</a><a rel="nofollow noopener ugc">d</a>'
        '<a rel="nofollow noopener ugc">e</a>'
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_parser_alone_makes_nothing_executable_before_the_sanitiser(payload):
    """nh3 is the second lock, not the only one: markdown-it's own output is already inert."""
    html = markup._MARKDOWN.render(markup.clean_text(payload))
    assert problems(f'<div class="community-body">{html}</div>') == []


def test_invisible_and_control_characters_are_dropped():
    assert markup.clean_text("a\u202eb\u200bc\x00d\r\ne") == "abcd\ne"
    assert markup.clean_text("👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"


def test_quotes_nest_only_a_few_levels_deep():
    html = markup.render(">>>>>> deep")
    assert html.count("<blockquote>") == markup.MAX_QUOTE_DEPTH == 3
    assert "<p>&gt;&gt;&gt; deep</p>" in html  # the deeper markers stay as text


def test_lists_nest_only_a_few_levels_deep():
    html = markup.render("- " * 10 + "deep")
    assert html.count("<ul>") == markup.MAX_LIST_DEPTH == 4
    assert "<li>- - - - - - deep</li>" in html


def test_quotes_and_lists_count_separately_when_mixed():
    html = markup.render("> - " * 6 + "deep")
    assert html.count("<blockquote>") == 3 and html.count("<ul>") == 3
    assert "&gt; - &gt; - &gt; - deep" in html


@pytest.mark.parametrize("typed", ["> " * 10_000 + "the end", "- " * 10_000 + "the end"])
def test_deep_nesting_keeps_every_word(typed):
    """markdown-it's own maxNesting guard would drop the rest of the post; ours keeps it."""
    html = markup.render(typed)
    assert "the end" in html
    assert html.count("<blockquote>") + html.count("<ul>") <= 4


@pytest.mark.parametrize(
    "typed",
    [
        "*" * 20_000,
        "_a" * 10_000,
        "[" * 10_000 + "](" * 5_000,
        "**a " * 5_000,
        "`" * 20_000,
        "> " * 10_000,
        "- " * 10_000,
        ("[x](https://e.example/" + "a" * 1990 + ") ") * 10,
    ],
)
def test_hostile_long_input_renders_inert(typed):
    """Speed is for benchmarks, not timed tests; here only that it renders, and safely."""
    html = markup.render(typed)
    assert html
    assert problems(f'<div class="community-body">{html}</div>') == []


def test_a_hundred_kilobytes_of_ordinary_markdown_renders_whole():
    """Posts are capped at 10,000 characters; ten times that still renders in one piece.
    The time is printed (see it with pytest -s), not asserted: test machines are shared."""
    chunk = (
        "Some *soft* words and **strong** ones, `code`, a [link](https://example.org/a?b=1).\n"
        "- one\n- two\n\n> a quote\n> more\n\n1. first\n2. second\n\n"
    )
    typed = (chunk * (100_000 // len(chunk) + 1))[:100_000] + "\n\nthe end"
    started = time.perf_counter()
    html = markup.render(typed)
    took = time.perf_counter() - started
    print(f"100 KB of markdown rendered in {took * 1000:.0f} ms")
    assert html.endswith("<p>the end</p>\n")
    assert html.count('rel="nofollow noopener ugc"') == typed.count("](https://")
    assert problems(f'<div class="community-body">{html}</div>') == []


def test_the_page_checker_notices_live_markup():
    """The XSS tests lean on ``problems``: it must catch what it is there to catch."""
    for bad in [
        "<script>alert(1)</script>",
        '<img src="x">',
        '<p onclick="x">a</p>',
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<div class="community-body"><b>bold</b></div>',
        '<div class="community-body"><a href="/local">x</a></div>',
        '<meta http-equiv="refresh" content="0">',
        '<form action="https://evil.example"></form>',
        '<p style="color:red">x</p>',
        "<svg></svg>",
    ]:
        assert problems(bad), bad
    assert problems('<p>a &lt;script&gt; in words</p><a href="/ok">x</a>') == []
