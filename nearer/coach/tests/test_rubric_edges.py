"""Each edge case the rubric names, and each piece of the coach's grammar, with its own test."""

import pytest

from nearer.coach.engine import analyze


def verdict(text: str, letter: str):
    analysis = analyze(text)
    assert analysis.safety is None, analysis.safety
    return analysis.verdict(letter)


def met(text: str, letter: str) -> bool:
    return verdict(text, letter).met


# S — Specific -----------------------------------------------------------------------------------


def test_a_concrete_action_is_specific_and_the_explanation_quotes_it():
    v = verdict("Hug my wife every morning", "S")
    assert v.met
    assert "“Hug my wife”" in v.explanation


def test_a_bare_general_verb_is_not_specific():
    v = verdict("Talk more with my wife", "S")
    assert not v.met
    assert "“Talk more with my wife”" in v.explanation


def test_a_general_verb_made_concrete_by_topic_or_manner_is_specific():
    assert met("Talk with my wife about the week ahead every Sunday", "S")
    assert met("Listen to my husband without interrupting", "S")
    assert met("Spend 10 minutes with him with both our phones in another room", "S")
    assert not met("Spend time together twice this week", "S")


def test_a_trait_or_feeling_is_not_specific():
    v = verdict("Be more patient", "S")
    assert not v.met
    assert "“Be more patient” is a feeling or a trait" in v.explanation
    assert not met("Feel closer to my boyfriend", "S")
    assert not met("Be a better husband", "S")


def test_a_purely_mental_act_is_not_specific_but_can_be_measurable():
    assert not met("Remind myself every morning that she is trying too", "S")
    assert met("Remind myself every morning that she is trying too", "M")


def test_an_undefined_deed_is_not_specific():
    assert not met("Do something nice for my wife every Friday", "S")
    assert not met("Do one caring gesture for my partner once a week", "S")


def test_an_outcome_whose_counted_thing_is_undefined_is_not_specific():
    v = verdict("Argue 50% less", "S")
    assert not v.met
    assert "“Argue 50% less”" in v.explanation


def test_the_absence_of_a_concrete_act_is_specific():
    assert met("Not raise my voice at my husband for the next two weeks", "S")
    assert met("Never argue with my wife again", "S")


def test_a_problem_statement_is_not_a_goal_yet():
    analysis = analyze("We keep having the same fight about money")
    assert analysis.scores == {"S": 0, "M": 0, "A": 1, "R": 1, "T": 0}
    assert analysis.is_challenge


# M — Measurable ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hug my wife a few times a week",
        "Text my husband more often",
        "Give my girlfriend some compliments this week",
        "Hug my wife several times a day",
        "Call my boyfriend often",
        "Hug my wife a couple of times a week",
    ],
)
def test_vague_quantities_are_not_measurable(text):
    v = verdict(text, "M")
    assert not v.met
    assert "hard to count" in v.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Hug my wife twice a week",
        "Hug my wife 2x/week",
        "Hug my wife three times a week",
        "Hug my wife daily",
        "Hug my wife every day",
        "Kiss my husband weekly",
        "Hug my wife on Sundays",
        "Go on a date with my wife every other Friday",
        "Cook with my husband on weeknights",
        "Call my wife once",
        "Walk with my wife for half an hour",
        "Hug my wife for 30 secs",
        "Save $50 for our trip",
    ],
)
def test_numbers_frequencies_and_durations_are_measurable(text):
    assert met(text, "M")


def test_a_zero_count_in_a_bounded_window_is_measurable():
    v = verdict("Not raise my voice at my wife for the next two weeks", "M")
    assert v.met
    assert "count of zero" in v.explanation


def test_an_unbounded_stop_is_not_measurable():
    v = verdict("Stop yelling at my husband", "M")
    assert not v.met
    assert "no count and no end" in v.explanation


@pytest.mark.parametrize("word", ["never", "always"])
def test_never_and_always_are_not_measurable(word):
    text = "Never interrupt my wife" if word == "never" else "Always kiss my wife goodbye"
    v = verdict(text, "M")
    assert not v.met
    assert f"“{text.split()[0]}”" in v.explanation


def test_a_one_off_deliverable_is_measurable():
    assert met("Book a couples counseling session", "M")
    assert met("Write my husband a letter", "M")


def test_an_if_then_plan_with_one_act_is_measurable_and_a_vague_one_is_not():
    assert met("Whenever I get home, I will hug my wife", "M")
    assert not met("When we disagree, I will try to be calmer with my wife", "M")


# A — Achievable ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Never yell at my wife again",
        "Always put my phone away when my husband talks",
        "Kiss my wife goodbye every single morning",
        "Hug my wife every morning without fail",
        "Plan the perfect anniversary for my husband",
        "Be completely honest with my girlfriend",
        "Listen to my wife 100% of the time",
    ],
)
def test_absolute_words_are_not_achievable(text):
    v = verdict(text, "A")
    assert not v.met
    assert "asks for perfection" in v.explanation


def test_an_absolute_that_is_not_the_goal_itself_is_fine():
    assert met("Use “I feel” sentences instead of “you always” with my wife once a week", "A")


@pytest.mark.parametrize(
    "text",
    [
        "My partner will text me when he is late",
        "Make her stop leaving dishes in the sink",
        "Get my husband to plan a date night",
        "I want my wife to hug me more",
        "Make my girlfriend happy",
    ],
)
def test_depending_on_another_person_is_not_achievable(text):
    v = verdict(text, "A")
    assert not v.met
    assert "depends on someone else" in v.explanation


def test_asking_joint_plans_and_cooking_for_them_do_not_depend_on_another():
    assert met("Ask my wife if she'd like to walk with me on Sunday", "A")
    assert met("We will walk the dog together every evening", "A")
    assert met("Make him breakfast on Saturday", "A")


@pytest.mark.parametrize(
    "text",
    [
        "Talk with my wife for two hours a day",
        "Go on a date with my husband every night",
        "Text my girlfriend 40 times a day",
    ],
)
def test_intensity_far_beyond_ordinary_capacity_is_not_achievable(text):
    v = verdict(text, "A")
    assert not v.met
    assert "a lot to keep up" in v.explanation


def test_a_large_outcome_on_a_tiny_timeline_is_not_achievable():
    v = verdict("Fix our marriage by Friday", "A")
    assert not v.met
    assert "big change for a short time" in v.explanation
    assert met("Fix our marriage", "A")  # vague, but vagueness belongs to S and M


def test_three_or_more_changes_are_not_achievable_but_two_are_fine():
    v = verdict("Cook dinner, clean the kitchen and rub her feet every evening", "A")
    assert not v.met
    assert "3 changes at once" in v.explanation
    assert met("Hug and kiss my wife every morning", "A")


# R — Relevant -----------------------------------------------------------------------------------


def test_naming_the_partner_or_us_is_relevant():
    assert "“my husband”" in verdict("Hug my husband every day", "R").explanation
    assert met("We will cook together on Sundays", "R")


def test_the_relationship_domain_is_relevant_without_a_partner_word():
    assert met("Take out the bins every Thursday", "R")
    assert met("Plan a date night this month", "R")


def test_a_stated_personal_link_is_relevant_and_no_link_is_not():
    linked = "Go to the gym 3 times a week so I have energy for our evenings"
    assert met(linked, "R")
    v = verdict("Go to the gym 3 times a week", "R")
    assert not v.met
    assert "connects to your relationship" in v.explanation


def test_own_relatives_are_not_the_partner_but_in_laws_are():
    assert not met("Call my mum every Sunday and ask how her week was", "R")
    assert met("Visit his parents once a month", "R")


# T — Time-bound ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Book a counselor by Friday", "by Friday"),
        ("Book a counselor before the 15th", "before the 15th"),
        ("Raise one small issue with my wife within 48 hours", "within 48 hours"),
        ("Plan a date with my husband this weekend", "this weekend"),
        ("Walk with my wife every evening for the next 3 weeks", "every evening"),
        ("Cook with my husband on Sundays until June", "on Sundays"),
        ("Call my wife tomorrow", "tomorrow"),
        ("Kiss my husband goodbye every day", "every day"),
    ],
)
def test_deadlines_windows_and_rhythms_are_time_bound_and_quoted(text, words):
    v = verdict(text, "T")
    assert v.met
    assert f"“{words}”" in v.explanation


def test_a_part_of_the_day_counts_only_with_a_recurrence():
    v = verdict("Ask my wife about her day at dinner", "T")
    assert not v.met
    assert "“at dinner”" in v.explanation
    assert met("On weeknights at dinner, ask my wife about her day", "T")


def test_from_now_on_alone_is_not_time_bound_but_with_a_rhythm_it_is():
    v = verdict("From now on I will hug my wife", "T")
    assert not v.met
    assert "“From now on”" in v.explanation
    assert met("From now on I will hug my wife every morning", "T")


def test_refusing_a_deadline_is_not_time_bound():
    v = verdict("Call a counselor with my husband, no deadline", "T")
    assert not v.met
    assert "no pressure" in v.explanation


def test_someday_is_not_time_bound():
    v = verdict("Someday I will take my wife to Rome", "T")
    assert not v.met
    assert "“Someday”" in v.explanation


@pytest.mark.parametrize(
    "text",
    [
        "When a talk gets heated, I will pause for five seconds",
        "Whenever I get home, I will hug my wife",
        "If she looks tired, then I will make her tea",
        "Each time he comes home, I will hug him",
    ],
)
def test_an_if_then_trigger_is_time_bound(text):
    v = verdict(text, "T")
    assert v.met
    assert "says when to act" in v.explanation


def test_a_vague_trigger_is_not_time_bound():
    assert not met("When I can, I will hug my wife", "T")


def test_a_past_date_is_not_a_deadline():
    assert not met("Apologize to my wife for what I said at her sister's on Saturday", "T")


# Reading the words ------------------------------------------------------------------------------


def test_informal_spelling_and_typos_are_read_and_quoted_as_written():
    v = verdict("Evry sunday I will ask my wife how she is", "T")
    assert v.met
    assert "“Evry sunday”" in v.explanation
    assert analyze("cuddle w my gf for 10 mins evry night b4 bed").all_met


def test_number_words_and_twice_are_counts():
    assert met("Tell my wife three things I love about her", "M")
    assert met("Hug my husband twice", "M")


def test_a_50_kb_text_is_read_up_to_2000_characters_and_says_so():
    analysis = analyze("I will hug my wife every morning. " * 1500)
    assert analysis.truncated
    assert len(analysis.text) == 2000
    assert analysis.all_met


def test_empty_and_wordless_text_is_empty():
    assert analyze("").empty
    assert analyze("   ").empty
    assert analyze("🙂 ❤️ !!!").empty
