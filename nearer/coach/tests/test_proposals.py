"""Rewrites and small steps: the member's intent kept, only what's missing filled, re-checked."""

from urllib.parse import parse_qs

import pytest

from nearer.coach.engine import analyze
from nearer.coach.engine import proposals as p
from nearer.coach.engine.proposals import STEP_SLUGS, breakdown, from_text, rewrite


def test_every_rewrite_is_checked_again_and_comes_back_all_met():
    for text in [
        "Hug my wife more",
        "Never yell at my husband again",
        "From now on, I'll say thank you to my wife",
        "Be a more patient husband",
        "Call a marriage counselor at some point",
        "Talk on the phone with my girlfriend for 3 hours every night",
        "Hug my wife a few times a week",
    ]:
        proposal = rewrite(analyze(text))
        assert proposal is not None, text
        again = analyze(proposal.text)
        assert again.all_met and again.safety is None, (text, proposal.text)


def test_a_rewrite_that_would_not_pass_is_never_shown(monkeypatch):
    # Break the rhythm the rewrite would add: the proposal no longer passes, so none is offered.
    monkeypatch.setattr(p, "RHYTHMS", [])
    monkeypatch.setattr(p, "DEFAULT_RHYTHM", ("more often", "weekly", 1))
    monkeypatch.setattr(p, "REVIEW", "")
    assert rewrite(analyze("Hug my wife more")) is None


def test_a_recurring_rewrite_keeps_the_words_and_adds_a_rhythm_and_a_review_window():
    proposal = rewrite(analyze("Hug my wife more"))
    assert proposal.text == "I will hug my wife every day for the next 4 weeks."
    assert (proposal.shape, proposal.action) == ("daily", "hug my wife")


def test_a_vague_count_becomes_a_number():
    proposal = rewrite(analyze("Hug my wife a few times a week"))
    assert proposal.text == "I will hug my wife 3 times a week for the next 4 weeks."
    assert (proposal.shape, proposal.times) == ("weekly", 3)


def test_a_one_off_gets_a_deadline():
    proposal = rewrite(analyze("Call a marriage counselor at some point"))
    assert proposal.text == "I will call a marriage counselor within the next 7 days."
    assert proposal.shape == "deadline"


def test_never_becomes_a_zero_count_in_a_window():
    proposal = rewrite(analyze("Never yell at my husband again"))
    assert proposal.text == "I will not yell at my husband for the next 2 weeks."


def test_an_if_then_goal_stays_if_then():
    proposal = rewrite(analyze("When my wife gets home, I will hug her more"))
    assert proposal.text == "When my wife gets home, I will hug her."
    assert proposal.shape == "if_then"
    assert proposal.trigger == "when my wife gets home"


def test_too_much_becomes_a_smaller_amount_at_the_same_rhythm():
    proposal = rewrite(analyze("Talk on the phone with my girlfriend for 3 hours every night"))
    assert (
        proposal.text == "I will talk on the phone with my girlfriend for 20 minutes every night."
    )
    assert proposal.minutes == 20


def test_a_trait_becomes_the_programs_concrete_version_of_it():
    proposal = rewrite(analyze("Be a more patient husband"))
    assert proposal.shape == "if_then"
    assert proposal.step == "pause-before-reacting"
    assert "pause for five seconds" in proposal.text


def test_nothing_is_rewritten_when_it_is_smart_already_or_depends_on_someone_else():
    assert rewrite(analyze("I will hug my wife every morning for 20 seconds")) is None
    assert rewrite(analyze("My husband will take out the trash more often")) is None


def test_the_goal_form_link_carries_only_the_known_fields():
    proposal = rewrite(analyze("Hug my wife a few times a week"))
    query = parse_qs(proposal.query())
    assert query == {"action": ["hug my wife"], "shape": ["weekly"], "times": ["3"]}


@pytest.mark.parametrize(
    "text",
    [
        "we keep having the same fight about money",
        "I feel far from him",
        "my wife and I never have time for each other",
        "he doesn't listen to me",
        "Be a better husband",
    ],
)
def test_a_challenge_gets_three_to_five_smart_steps_tied_to_program_steps(text):
    steps = breakdown(analyze(text))
    assert 3 <= len(steps) <= 5
    for step in steps:
        assert step.step in STEP_SLUGS
        again = analyze(step.text)
        assert again.all_met and again.safety is None, step.text


def test_the_steps_follow_what_the_challenge_is_about():
    money = breakdown(analyze("we keep having the same fight about money"))
    assert money[0].step == "pause-before-reacting"
    assert "budget" in money[1].text
    far = breakdown(analyze("I feel far from him"))
    assert far[0].step == "daily-moment-of-connection"
    assert "him" in far[0].text


def test_safety_text_gets_no_rewrite_and_no_steps():
    analysis = analyze("Check her phone every night")
    assert analysis.safety is not None
    assert rewrite(analysis) is None
    assert breakdown(analysis) == []


def test_any_sentence_becomes_a_proposal_only_if_it_is_smart():
    assert from_text("I will hug my wife every morning").shape == "daily"
    assert from_text("Be nicer") is None
    assert from_text("Check his messages every night") is None
