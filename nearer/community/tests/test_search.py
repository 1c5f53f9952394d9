"""Search within a group: title and words, any case, visible posts only, bounded work."""

import pytest
from django.urls import reverse

from nearer.community import views
from nearer.community.models import State
from nearer.community.tests.conftest import join, write
from nearer.community.tests.test_performance import bulk_posts


@pytest.fixture
def found(alice_in, erin_in, group, client_for):
    def search(q, **more):
        browser = client_for(erin_in.profile.user)
        return browser.get(reverse("community_search", args=[group.slug]), {"q": q, **more})

    return search


def titles(response) -> list[str]:
    return [p.title for p in response.context["page"].rows]


def test_search_finds_titles_and_words_in_any_case(alice_in, found, settings):
    settings.NEARER_COMMUNITY_HOURLY = 100
    write(alice_in, "Bedtime Routines", "what works for you")
    write(alice_in, "Evenings", "We started a BEDTIME walk together")
    write(alice_in, "Mornings", "coffee first")
    assert sorted(titles(found("bedtime"))) == ["Bedtime Routines", "Evenings"]
    assert titles(found("  COFFEE  ")) == ["Mornings"]
    assert titles(found("100%")) == []


def test_search_words_with_wildcards_match_only_themselves(alice_in, found, settings):
    settings.NEARER_COMMUNITY_HOURLY = 100
    write(alice_in, "Half", "50% of the time")
    write(alice_in, "Other", "5000 times")
    assert titles(found("50%")) == ["Half"]
    assert titles(found("0_")) == []


def test_hidden_held_and_other_groups_posts_are_not_found(
    alice_in, found, other_group, erin, group, settings
):
    settings.NEARER_COMMUNITY_HOURLY = 100
    hidden = write(alice_in, "Secret one", "x")
    hidden.state = State.HIDDEN
    hidden.save()
    held = write(alice_in, "Secret two", "x")
    held.state = State.HELD
    held.save()
    elsewhere = join(alice_in.profile.user, other_group, "ignored")
    write(elsewhere, "Secret three", "x")
    write(alice_in, "Secret four", "x")
    assert titles(found("secret")) == ["Secret four"]


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", "Please type a word or two to look for."),
        ("   ", "Please type a word or two to look for."),
        ("a", "Please type at least two letters"),
        ("x" * 101, "Please search with up to 100 characters."),
        ("\u200b\u200b", "Please type at least two letters"),
    ],
)
def test_odd_search_words_get_a_clear_message(found, q, message):
    response = found(q)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_search_reads_a_bounded_window_and_offers_to_look_further_back(
    alice_in, found, monkeypatch
):
    monkeypatch.setattr(views, "SEARCH_WINDOW", 50)
    posts = bulk_posts(alice_in, 120)  # oldest first; every tenth is hidden
    needle = posts[5]
    needle.title = needle.search_text = "needle in the hay"
    needle.save()
    first = found("needle")
    assert titles(first) == []
    assert "Look further back" in first.content.decode()
    page = first.context["page"]
    second = found("needle", before=page.next)
    third = found("needle", before=second.context["page"].next)
    assert titles(third) == ["needle in the hay"]
    assert not third.context["page"].next  # the window reached the oldest post


def test_search_pages_through_many_matches(alice_in, found):
    bulk_posts(alice_in, 60)
    first = found("thread")
    assert len(titles(first)) == 20
    second = found("thread", before=first.context["page"].next)
    assert set(titles(first)).isdisjoint(titles(second)) and len(titles(second)) == 20
