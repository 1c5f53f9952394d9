"""Search and mood filter: in the member's own entries only, decrypted in Python."""

from nearer.journal.tests.helpers import text, write


def titles(response) -> str:
    return text(response)


def test_search_finds_words_in_the_members_own_entries(alice, alice_client):
    write(alice, title="The lake", body="We walked slowly and said little.")
    write(alice, title="Work", body="A long day at the office.")
    page = titles(alice_client.get("/journal/?q=WALKED"))
    assert "The lake" in page
    assert "Work" not in page
    assert "1 entry found" in page


def test_search_never_finds_anyone_elses_entries(alice, bob, carol, alice_client):
    write(alice, title="Mine about tea", body="tea")
    shared = write(bob, title="Bob about tea", body="tea")
    shared.share()
    write(carol, title="Carol about tea", body="tea")
    page = titles(alice_client.get("/journal/?q=tea"))
    assert "Mine about tea" in page
    assert "Bob about tea" not in page
    assert "Carol about tea" not in page


def test_search_looks_in_titles_and_in_the_prompt(alice, alice_client):
    from nearer.program.models import JournalPrompt

    prompt = JournalPrompt.objects.active().first()
    write(alice, title="Gratitude", body="...", prompt=prompt)
    assert "Gratitude" in titles(alice_client.get("/journal/?q=gratit"))
    word = prompt.text.split()[-1].strip("?")
    assert "Gratitude" in titles(alice_client.get(f"/journal/?q={word}"))


def test_a_search_with_no_match_says_so_gently(alice, alice_client):
    write(alice, title="Something", body="else")
    page = titles(alice_client.get("/journal/?q=nowhere"))
    assert "No entries match that." in page


def test_the_mood_filter_shows_only_that_mood(alice, alice_client):
    write(alice, title="Calm one", mood="calm")
    write(alice, title="Tired one", mood="tired")
    page = titles(alice_client.get("/journal/?mood=calm"))
    assert "Calm one" in page and "Tired one" not in page
    both = titles(alice_client.get("/journal/?mood=tired&q=one"))
    assert "Tired one" in both and "Calm one" not in both


def test_an_unknown_mood_or_a_huge_query_is_handled_calmly(alice, alice_client):
    write(alice, title="Calm one", mood="calm")
    page = alice_client.get("/journal/?mood=furious")
    assert page.status_code == 200
    assert "We don't know that mood" in text(page)
    assert alice_client.get("/journal/?q=" + "x" * 10_000).status_code == 200
    assert alice_client.get("/journal/?page=9999").status_code == 200
    assert alice_client.get("/journal/?page=abc").status_code == 200


def test_long_journals_are_paged(alice, alice_client):
    for n in range(35):
        write(alice, title=f"Entry number {n:02d}")
    first = titles(alice_client.get("/journal/"))
    assert "Entry number 34" in first and "Entry number 00" not in first
    assert "Older entries" in first
    second = titles(alice_client.get("/journal/?page=2"))
    assert "Entry number 00" in second
