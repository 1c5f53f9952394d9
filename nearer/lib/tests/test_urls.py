"""The remembering {% url %} gives exactly what Django's gives, in every form of the tag."""

import uuid

import pytest
from django.template import Context, Engine, RequestContext, Template, engines
from django.test import RequestFactory, override_settings
from django.urls import NoReverseMatch, clear_script_prefix, set_script_prefix
from django.urls import reverse as django_reverse

from nearer.lib import urls


@pytest.fixture(autouse=True)
def nothing_remembered():
    urls._kept.cache_clear()
    yield
    urls._kept.cache_clear()


def ours(source: str, context: dict | None = None, autoescape: bool = True) -> str:
    template = engines["django"].from_string(source)
    assert any(isinstance(n, urls.KeptURLNode) for n in template.template.nodelist), source
    return Template(source, engine=template.template.engine).render(
        Context(context or {}, autoescape=autoescape)
    )


def djangos(source: str, context: dict | None = None, autoescape: bool = True) -> str:
    """The same template through an engine without our builtin: Django's own tag."""
    engine = Engine(libraries={}, builtins=[])
    return Template(source, engine=engine).render(Context(context or {}, autoescape=autoescape))


CASES = [
    ("{% url 'today' %}", {}),
    ("{% url 'community_post' 'new-parents' 12 %}", {}),
    ("{% url 'community_post' slug pk %}", {"slug": "long-distance", "pk": 7}),
    ("{% url 'community_group' slug=slug %}", {"slug": "after-a-hurt"}),
    ("{% url name %}", {"name": "support"}),
    ("{% url 'today' as here %}[{{ here }}]", {}),
    ("{% url 'no-such-page' as here %}[{{ here }}]", {}),
    ("{% url 'chat_conversation' conversation %}", {"conversation": uuid.UUID(int=5)}),
    ("{% url 'partner_join' 'a&b c<é>' %}", {}),
    ("{% url 'partner_join' token %}", {"token": "a&b c<é>"}),
]


@pytest.mark.parametrize(("source", "context"), CASES)
def test_the_tag_renders_what_djangos_renders(source, context):
    try:
        expected = djangos(source, context)
    except NoReverseMatch:
        with pytest.raises(NoReverseMatch):
            ours(source, context)
        return
    assert ours(source, context) == expected  # first time, worked out
    assert ours(source, context) == expected  # second time, remembered


def test_a_name_that_does_not_exist_still_fails_loudly():
    with pytest.raises(NoReverseMatch):
        ours("{% url 'no-such-page' %}")


def test_the_second_reversal_is_remembered():
    ours("{% url 'today' %}{% url 'community_post' 'x' 1 %}")
    before = urls._kept.cache_info()
    ours("{% url 'today' %}{% url 'community_post' 'x' 1 %}")
    after = urls._kept.cache_info()
    assert after.hits == before.hits + 2 and after.misses == before.misses


def test_different_arguments_give_different_paths():
    assert ours("{% url 'community_post' 'x' 1 %}") == "/community/x/posts/1/"
    assert ours("{% url 'community_post' 'x' 2 %}") == "/community/x/posts/2/"
    assert ours("{% url 'community_post' 'y' 1 %}") == "/community/y/posts/1/"


def test_an_argument_that_is_not_plain_is_reversed_afresh_each_time():
    class Slug:
        def __init__(self, text):
            self.text = text

        def __str__(self):
            return self.text

    slug = Slug("first")
    assert ours("{% url 'community_group' slug %}", {"slug": slug}) == "/community/first/"
    slug.text = "second"  # equal to itself, but it prints differently now
    assert ours("{% url 'community_group' slug %}", {"slug": slug}) == "/community/second/"
    assert urls._kept.cache_info().currsize == 0


def test_the_script_prefix_is_part_of_what_is_remembered():
    assert ours("{% url 'today' %}") == "/today/"
    set_script_prefix("/nearer/")
    try:
        assert ours("{% url 'today' %}") == "/nearer/today/"
        assert urls.reverse("today") == django_reverse("today") == "/nearer/today/"
    finally:
        clear_script_prefix()
    assert ours("{% url 'today' %}") == "/today/"


def test_a_changed_urlconf_forgets_what_was_remembered():
    ours("{% url 'today' %}")
    with override_settings(ROOT_URLCONF="bench.urls"):
        assert urls._kept.cache_info().currsize == 0
        assert ours("{% url 'bench_bare' %}") == "/bench/bare/"
    with pytest.raises(NoReverseMatch):
        ours("{% url 'bench_bare' %}")


def test_autoescape_off_leaves_the_path_as_it_is():
    source = "{% url 'partner_join' 'a&b' %}"
    assert ours(source) == "/partner/join/a&amp;b/"
    assert (
        ours(source, autoescape=False) == djangos(source, autoescape=False) == "/partner/join/a&b/"
    )


def test_a_namespaced_name_uses_the_requests_current_app(admin_user):
    request = RequestFactory().get("/admin/")
    request.current_app = "admin"
    template = engines["django"].from_string("{% url 'admin:index' %}")
    assert template.render({}, request) == django_reverse("admin:index") == "/admin/"
    assert Template("{% url 'admin:index' %}").render(RequestContext(request)) == "/admin/"
