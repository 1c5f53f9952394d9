from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/support/"


class Sections(HTMLParser):
    """Each <section>'s heading, links and words, so a test can read one offer at a time."""

    def __init__(self):
        super().__init__()
        self.sections: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self._current = {"text": "", "links": []}
            self.sections.append(self._current)
        elif tag == "a" and self._current is not None:
            self._current["links"].append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == "section":
            self._current = None

    def handle_data(self, data):
        if self._current is not None:
            self._current["text"] += " " + " ".join(data.split())


def offers(response) -> dict[str, dict]:
    parser = Sections()
    parser.feed(response.content.decode())
    return {s["text"].split()[0] + " " + s["text"].split()[1]: s for s in parser.sections}


def test_support_hub_lives_at_a_stable_address():
    assert reverse("support") == URL


def test_someone_not_logged_in_can_read_the_hub(client):
    assert client.get(URL).status_code == 200


def test_the_three_offers_stand_side_by_side_with_what_each_is_for_and_not_for(client):
    found = offers(client.get(URL))
    assert set(found) == {"Neighbor Chat", "Next Step", "Community Group"}
    for offer in found.values():
        assert "Good for" in offer["text"]
        assert "Not for" in offer["text"]


def test_each_offer_links_to_its_own_place(client):
    found = offers(client.get(URL))
    assert reverse("chat") in found["Neighbor Chat"]["links"]
    assert reverse("coaching") in found["Next Step"]["links"]
    assert reverse("community") in found["Community Group"]["links"]


def test_the_hub_says_plainly_it_is_not_a_crisis_service_and_where_help_is(client):
    body = client.get(URL).content.decode()
    assert "None of these is a crisis service" in body
    assert reverse("too_hard") + "#help" in body


def test_the_too_hard_page_links_to_the_hub(client):
    assert f'href="{URL}"' in client.get(reverse("too_hard")).content.decode()


def test_a_member_finds_the_hub_in_the_main_menu(alice, client):
    client.force_login(alice)
    body = client.get(reverse("program")).content.decode()
    assert f'<a href="{URL}">Support</a>' in body


def test_today_links_to_the_hub(alice, client):
    client.force_login(alice)
    body = client.get(reverse("today")).content.decode()
    main = body[body.index('id="main"') :]
    assert f'href="{URL}"' in main
