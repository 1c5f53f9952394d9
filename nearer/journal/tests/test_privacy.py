"""Nothing in the journal reaches anyone but its author, except an entry shared by choice."""

import pytest

from nearer.accounts.actions import unlink
from nearer.accounts.models import Couple
from nearer.journal.models import MemberPrompt
from nearer.journal.tests.helpers import SECRET_WORDS, autosave, text, write

OWN_PROMPT_TEXT = "What am I afraid to say out loud?"


def entry_urls(pk: int) -> list[str]:
    return [f"/journal/{pk}/", f"/journal/{pk}/delete/"]


def post_urls(pk: int) -> list[str]:
    return [
        f"/journal/{pk}/",
        f"/journal/{pk}/share/",
        f"/journal/{pk}/unshare/",
        f"/journal/{pk}/delete/",
    ]


def test_partner_cannot_read_a_private_entry(bob, private_entry, client_for):
    bob_client = client_for(bob)
    for url in entry_urls(private_entry.pk):
        assert bob_client.get(url).status_code == 404, url
    for url in post_urls(private_entry.pk):
        assert bob_client.post(url, {"body": "x", "version": "1"}).status_code == 404, url
    assert SECRET_WORDS not in text(bob_client.get("/journal/shared/"))
    assert SECRET_WORDS not in text(bob_client.get("/journal/"))


@pytest.mark.parametrize("person", ["carol", "dave", "erin"])
def test_another_couple_or_someone_alone_gets_404_for_everything(
    request, person, private_entry, shared_entry, client_for
):
    outsider = client_for(request.getfixturevalue(person))
    for entry in (private_entry, shared_entry):
        for url in entry_urls(entry.pk):
            assert outsider.get(url).status_code == 404, url
        for url in post_urls(entry.pk):
            assert outsider.post(url, {"body": "x", "version": "1"}).status_code == 404, url
    for url in ("/journal/", "/journal/shared/", "/journal/export.json", "/journal/export.md"):
        assert "What I noticed" not in text(outsider.get(url))
        assert SECRET_WORDS not in text(outsider.get(url))
    private_entry.refresh_from_db()
    shared_entry.refresh_from_db()
    assert private_entry.body == SECRET_WORDS and private_entry.version == 1


def test_unlinking_cuts_the_partner_off_on_the_very_next_request(
    alice, bob, shared_entry, client_for
):
    bob_client = client_for(bob)
    assert bob_client.get(f"/journal/{shared_entry.pk}/").status_code == 200
    unlink(user=alice)
    assert bob_client.get(f"/journal/{shared_entry.pk}/").status_code == 404
    assert "What I noticed" not in text(bob_client.get("/journal/shared/"))


def test_a_share_is_with_the_partner_of_that_time_only(alice, bob, erin, shared_entry, client_for):
    unlink(user=bob)
    couple = Couple.objects.create()
    type(alice).objects.filter(pk__in=[alice.pk, erin.pk]).update(couple=couple)
    erin.refresh_from_db()
    assert client_for(erin).get(f"/journal/{shared_entry.pk}/").status_code == 404
    assert "What I noticed" not in text(client_for(erin).get("/journal/shared/"))


def test_a_members_own_prompts_are_theirs_alone(alice, bob, carol, client_for):
    prompt = MemberPrompt.objects.create(owner=alice, text=OWN_PROMPT_TEXT)
    for person in (bob, carol):
        browser = client_for(person)
        assert OWN_PROMPT_TEXT not in text(browser.get("/journal/prompts/"))
        assert OWN_PROMPT_TEXT not in text(browser.get("/journal/"))
        new_page = text(browser.get(f"/journal/new/?own={prompt.pk}"))
        assert OWN_PROMPT_TEXT not in new_page
        response = browser.post(f"/journal/prompts/{prompt.pk}/delete/")
        assert response.status_code == 404
        created = autosave(
            browser, "/journal/new/", body="x", own_prompt=str(prompt.pk), writer="c" * 16, seq=1
        )
        assert created.status_code == 400
    assert MemberPrompt.objects.filter(pk=prompt.pk).exists()


def test_the_partner_never_learns_that_a_journal_exists(alice, bob, private_entry, client_for):
    page = text(client_for(bob).get("/journal/"))
    assert "Shared with you by your partner" not in page
    assert "After the long week" not in page


def test_list_pages_use_a_bounded_number_of_queries(
    alice, alice_client, django_assert_max_num_queries
):
    for n in range(40):
        write(alice, title=f"Entry {n}", body="words " * 50)
    with django_assert_max_num_queries(12):
        response = alice_client.get("/journal/")
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        alice_client.get("/journal/?q=words")
