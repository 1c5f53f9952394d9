"""The optional language model: used only when its proposals pass the offline checks, and
any failure (garbage, timeout, refused connection) falls back to the offline engine."""

import json
import time

from nearer.coach.engine.advice import advise
from nearer.coach.tests.conftest import chat_reply

GOOD = {
    "rewrite": "I will hug my wife every morning for the next 4 weeks.",
    "steps": [
        {
            "text": "I will give my wife a 20-second hug every day.",
            "step": "daily-moment-of-connection",
        },
        {
            "text": "I will tell my wife one thing I appreciate about her twice a week.",
            "step": "appreciation",
        },
        {"text": "I will ask my wife how her day was every evening.", "step": "weekly-check-in"},
    ],
}
OFFLINE_REWRITE = "I will hug my wife every day for the next 4 weeks."


def test_off_by_default_and_the_offline_engine_answers(settings):
    settings.NEARER_COACH_LLM_URL = ""
    advice = advise("Hug my wife more")
    assert advice.source == "offline"
    assert advice.rewrite.text == OFFLINE_REWRITE


def test_a_good_answer_is_used_after_the_offline_checks(model_server):
    model_server.reply = chat_reply("Here you go:\n" + json.dumps(GOOD))
    advice = advise("Hug my wife more")
    assert advice.source == "model"
    assert advice.rewrite.text == GOOD["rewrite"]
    assert advice.rewrite.analysis.all_met
    sent = model_server.requests[0]
    assert sent["path"] == "/v1/chat/completions"
    assert sent["body"]["model"] == "tiny-test-model"
    assert sent["body"]["messages"][-1]["content"] == "Hug my wife more"


def test_the_models_steps_are_used_for_a_challenge_when_enough_of_them_pass(model_server):
    model_server.reply = chat_reply(json.dumps(GOOD))
    advice = advise("I feel far from my wife")
    assert advice.source == "model"
    assert [s.step for s in advice.steps] == [
        "daily-moment-of-connection",
        "appreciation",
        "weekly-check-in",
    ]


def test_a_proposal_that_fails_the_checks_is_dropped(model_server):
    bad = {
        "rewrite": "Always be nicer to my wife.",
        "steps": [{"text": "Check her phone every night.", "step": "weekly-check-in"}],
    }
    model_server.reply = chat_reply(json.dumps(bad))
    advice = advise("Hug my wife more")
    assert advice.source == "offline"
    assert advice.rewrite.text == OFFLINE_REWRITE


def test_a_rewrite_that_loses_the_members_intent_is_dropped(model_server):
    off_topic = {"rewrite": "I will book a massage for my partner by Friday.", "steps": []}
    model_server.reply = chat_reply(json.dumps(off_topic))
    assert advise("Hug my wife more").rewrite.text == OFFLINE_REWRITE


def test_a_garbage_answer_falls_back_to_the_offline_engine(model_server):
    model_server.reply = b"\x00\xffthis is not json at all"
    advice = advise("Hug my wife more")
    assert advice.source == "offline"
    assert advice.rewrite.text == OFFLINE_REWRITE
    model_server.reply = chat_reply("Sure! Hug her more often :)")
    assert advise("Hug my wife more").source == "offline"


def test_a_slow_model_times_out_and_the_offline_engine_answers(model_server, settings):
    settings.NEARER_COACH_LLM_TIMEOUT = 0.3
    model_server.delay = 1.2
    model_server.reply = chat_reply(json.dumps(GOOD))
    started = time.monotonic()
    advice = advise("Hug my wife more")
    assert time.monotonic() - started < 1.5
    assert advice.source == "offline"
    assert advice.rewrite.text == OFFLINE_REWRITE


def test_a_refused_connection_falls_back_to_the_offline_engine(settings, closed_port):
    settings.NEARER_COACH_LLM_URL = f"http://127.0.0.1:{closed_port}/v1"
    advice = advise("Hug my wife more")
    assert advice.source == "offline"
    assert advice.rewrite.text == OFFLINE_REWRITE


def test_the_model_is_never_asked_about_safety_text(model_server):
    model_server.reply = chat_reply(json.dumps(GOOD))
    advice = advise("I want to read his texts more, he's hiding something")
    assert not all(v.met for v in advice.analysis.verdicts)
    assert advice.is_safety
    assert advice.rewrite is None and advice.steps == []
    assert model_server.requests == []
