"""Community names: a pseudonym that is unique, readable and never the member's own name."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nearer.community import names
from nearer.community.models import CommunityProfile
from nearer.community.tests.conftest import join


@pytest.mark.parametrize(
    "name",
    ["Alice", "alice", "ALICE", " Alice ", "Alice B", "alice.example", "Alice-Wonder", "alice"],
)
def test_a_name_that_is_or_holds_my_own_name_is_refused(alice, name):
    with pytest.raises(ValidationError, match="isn't your own name or your email"):
        names.validate(name, user=alice)


def test_a_name_holding_my_email_before_the_at_is_refused(db):
    from conftest import make_member

    member = make_member("river.stone77@example.com", "Sam")
    for name in ["river.stone77", "River Stone77", "riverstone77 here", "RIVERSTONE77"]:
        with pytest.raises(ValidationError):
            names.validate(name, user=member)
    assert names.validate("River Quiet", user=member)[0] == "River Quiet"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Please choose a community name"),
        ("  ", "Please choose a community name"),
        ("ab", "Please use 3 to 30 characters"),
        ("x" * 31, "Please use 3 to 30 characters"),
        ("sam@example.com", "letters, numbers, spaces"),
        ("<b>Sam</b>", "letters, numbers, spaces"),
        ("-Sam", "start your name with a letter"),
        ("12345", "at least one letter"),
        ("Moderator", "kept for Nearer"),
        ("M.o.d.e.r.a.t.o.r", "kept for Nearer"),
        ("Sаm Lee", "one alphabet"),  # a Cyrillic а among Latin letters
        ("Sam\u202eeeL", "letters, numbers, spaces"),
        ("Sam\u200bLee", "letters, numbers, spaces"),
    ],
)
def test_odd_names_get_a_message_that_says_how_to_fix_them(erin, name, message):
    with pytest.raises(ValidationError, match=message):
        names.validate(name, user=erin)


@pytest.mark.parametrize(
    "name", ["Willow", "Harbour Light", "Mañana", "Ольга", "静かな川", "Jo's 2nd"]
)
def test_readable_names_in_any_one_alphabet_are_welcome(erin, name):
    assert names.validate(name, user=erin)[0] == name


def test_two_names_that_read_the_same_are_one_name(alice, erin, group, client_for):
    join(alice, group, "River Stone")
    response = client_for(erin).post(
        reverse("community_join", args=[group.slug]), {"name": "river-stone", "accept": "on"}
    )
    assert response.status_code == 400
    assert "Someone already uses that name" in response.content.decode()
    assert not CommunityProfile.objects.filter(user=erin).exists()


def test_a_member_can_change_their_name_and_it_changes_everywhere(alice_in, group, client_for):
    from nearer.community.tests.conftest import write

    post = write(alice_in, "Evenings", "Any ideas?")
    browser = client_for(alice_in.profile.user)
    response = browser.post(reverse("community_profile"), {"name": "Quiet Harbour"})
    assert response.status_code == 302
    page = browser.get(reverse("community_post", args=[group.slug, post.pk])).content.decode()
    assert "Quiet Harbour" in page and "Willow" not in page


def test_changing_to_my_own_name_is_refused_and_the_old_name_kept(alice_in, client_for):
    response = client_for(alice_in.profile.user).post(
        reverse("community_profile"), {"name": "Alice"}
    )
    assert response.status_code == 400
    assert "isn&#x27;t your own name" in response.content.decode()
    alice_in.profile.refresh_from_db()
    assert alice_in.profile.name == "Willow"


def test_the_name_page_without_a_name_points_to_the_groups(erin, client_for):
    response = client_for(erin).get(reverse("community_profile"))
    assert response.status_code == 200
    assert "when you first join a group" in response.content.decode()
