"""Browsing, joining (code of conduct and community name on the first join), and leaving."""

from django.urls import reverse

from nearer.community.models import CommunityProfile, Group, Membership
from nearer.community.tests.conftest import write
from nearer.community.wording import CONDUCT


def test_the_default_groups_are_there_in_our_own_words(db):
    names = list(Group.objects.open().values_list("name", flat=True))
    assert names == [
        "New parents",
        "After a hurt",
        "Long distance",
        "Blended families",
        "Busy seasons",
    ]


def test_members_browse_the_open_groups_only(erin, client_for):
    Group.objects.filter(slug="busy-seasons").update(is_open=False)
    page = client_for(erin).get(reverse("community")).content.decode()
    assert "New parents" in page and "Busy seasons" not in page
    assert client_for(erin).get("/community/busy-seasons/").status_code == 404


def test_visitors_are_asked_to_log_in(client, group):
    for url in ["/community/", f"/community/{group.slug}/", f"/community/{group.slug}/join/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_first_join_asks_for_the_code_and_a_name(erin, group, client_for):
    browser = client_for(erin)
    page = browser.get(reverse("community_join", args=[group.slug])).content.decode()
    assert CONDUCT[0][0] in page
    assert 'name="name"' in page and 'name="accept"' in page
    assert "Join New parents" in page

    response = browser.post(reverse("community_join", args=[group.slug]), {"name": "Harbour"})
    assert response.status_code == 400
    assert "Please tick the box" in response.content.decode()
    assert not Membership.objects.exists()

    response = browser.post(
        reverse("community_join", args=[group.slug]), {"name": "Harbour", "accept": "on"}
    )
    assert response.status_code == 302 and response.url == f"/community/{group.slug}/"
    profile = CommunityProfile.objects.get(user=erin)
    assert profile.name == "Harbour" and profile.conduct_accepted_at is not None
    assert Membership.objects.get(profile=profile, group=group).is_active
    page = browser.get(response.url).content.decode()
    assert "Welcome to New parents" in page


def test_a_second_group_needs_no_second_name_or_code(erin_in, other_group, client_for):
    browser = client_for(erin_in.profile.user)
    page = browser.get(reverse("community_join", args=[other_group.slug])).content.decode()
    assert 'name="name"' not in page and 'name="accept"' not in page
    assert "Harbour Light" in page
    response = browser.post(reverse("community_join", args=[other_group.slug]), {})
    assert response.status_code == 302
    assert Membership.objects.filter(group=other_group, profile=erin_in.profile).exists()
    assert CommunityProfile.objects.count() == 1


def test_only_members_read_a_groups_posts(alice_in, erin, group, client_for):
    write(alice_in, "A private worry", "Words for the group only")
    page = client_for(erin).get(f"/community/{group.slug}/").content.decode()
    assert "A private worry" not in page
    assert "Join New parents" in page


def test_leaving_keeps_my_words_and_lets_me_come_back(alice_in, erin_in, group, client_for):
    post = write(alice_in, "Still here", "Words")
    browser = client_for(alice_in.profile.user)
    response = browser.post(reverse("community_leave", args=[group.slug]))
    assert response.status_code == 302
    alice_in.refresh_from_db()
    assert alice_in.left_at is not None
    assert browser.get(f"/community/{group.slug}/posts/{post.pk}/").status_code == 404
    erin_page = client_for(erin_in.profile.user).get(f"/community/{group.slug}/posts/{post.pk}/")
    assert "Still here" in erin_page.content.decode() and "Willow" in erin_page.content.decode()

    response = browser.post(reverse("community_join", args=[group.slug]), {})
    assert response.status_code == 302
    assert "Good to see you again" in browser.get(response.url).content.decode()


def test_leave_needs_a_post(alice_in, group, client_for):
    browser = client_for(alice_in.profile.user)
    assert browser.get(reverse("community_leave", args=[group.slug])).status_code == 405


def test_a_closed_group_cannot_be_joined(erin, group, client_for):
    group.is_open = False
    group.save()
    response = client_for(erin).post(
        reverse("community_join", args=[group.slug]), {"name": "Harbour", "accept": "on"}
    )
    assert response.status_code == 404
    assert not Membership.objects.exists()


def test_a_member_joining_twice_changes_nothing(alice_in, group, client_for):
    response = client_for(alice_in.profile.user).post(reverse("community_join", args=[group.slug]))
    assert response.status_code == 302
    assert Membership.objects.count() == 1
