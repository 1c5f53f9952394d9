import pytest
from django.apps import apps
from django.urls import reverse

from nearer.safety.tests.helpers import by_id, tags

pytestmark = pytest.mark.django_db

URL = "/too-hard/"


def text_of(response) -> str:
    return " ".join(by_id(response, "main").text.split())


def test_too_hard_page_lives_at_a_stable_address():
    assert reverse("too_hard") == URL


def test_page_is_open_to_someone_not_logged_in(client):
    response = client.get(URL)
    assert response.status_code == 200


def test_page_is_open_to_a_logged_in_member(alice_client):
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert "A calm place" in text_of(response)


def test_page_title_is_discreet(client):
    title = tags(client.get(URL), "title")[0].text
    assert title.startswith("A calm place")
    for word in ("relationship", "partner", "crisis", "abuse", "help"):
        assert word not in title.lower()


@pytest.mark.parametrize(
    ("section", "heading"),
    [
        ("breathe", "One breath together"),
        ("talk", "One gentle conversation"),
        ("kind", "One kind action"),
        ("rest", "Rest"),
        ("ask", "Ask for help"),
    ],
)
def test_page_offers_each_gentle_option_as_its_own_section(client, section, heading):
    element = by_id(client.get(URL), section)
    assert element.name == "section"
    assert heading in element.text


def test_asking_for_help_is_framed_as_strength_not_failure(client):
    ask = " ".join(by_id(client.get(URL), "ask").text.split())
    assert "not a sign" in ask
    assert "failed" in ask


def test_page_says_small_connection_still_counts(client):
    assert "A small moment of closeness still matters." in text_of(client.get(URL))


def test_page_says_nearer_is_not_a_crisis_service(client):
    help_section = " ".join(by_id(client.get(URL), "help").text.split())
    assert "Nearer is not a crisis service." in help_section
    assert "call your local emergency number" in help_section


def test_emergency_number_matches_the_country_shown(client):
    assert "(United Kingdom: 999)" in text_of(client.get(URL, {"country": "GB"}))
    assert "(Australia: 000)" in text_of(client.get(URL, {"country": "AU"}))


def test_page_puts_help_for_oneself_before_couples_exercises_when_afraid(client):
    note = " ".join(by_id(client.get(URL), "afraid").text.split())
    assert "If you're afraid of your partner" in note
    assert "help for you comes first" in note
    assert "Couples exercises, including the ones in Nearer, aren't advised" in note


def test_breathing_guide_is_plain_markup_with_no_script(client):
    response = client.get(URL)
    breathe = by_id(response, "breathe")
    assert "Breathe in" in breathe.text
    assert "Breathe out" in breathe.text
    classes = {cls for tag in tags(response) for cls in tag.classes}
    assert {"breath", "breath-circle", "breath-words", "in", "out", "breath-steps"} <= classes
    for script in tags(response, "script"):
        assert script.attrs.get("src"), "every script is a file; nothing inline drives the page"
        assert not script.text.strip()


def test_breathing_guide_has_plain_steps_for_reduced_motion(client):
    steps = [tag for tag in tags(client.get(URL)) if "breath-steps" in tag.classes]
    assert len(steps) == 1
    assert "count to four" in steps[0].text


def test_page_is_not_kept_in_caches(client):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]


def test_visiting_the_page_leaves_no_trace_in_the_database(alice_client, bob):
    def row_counts():
        return {model: model.objects.count() for model in apps.get_models()}

    alice_client.get("/")  # settle anything a first request may create
    before = row_counts()
    alice_client.get(URL)
    alice_client.get(URL, {"country": "GB"})
    assert row_counts() == before
