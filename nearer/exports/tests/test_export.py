import csv
import io
import json
from datetime import date, time

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient
from django.urls import reverse

from nearer.exports.formats import CHECKIN_FIELDS, GOAL_FIELDS, safe_cell
from nearer.goals.models import CheckIn, Shape
from nearer.program.models import Step

DOWNLOADS = ["export_goals_json", "export_goals_csv", "export_checkins_csv"]


@pytest.fixture
def history(alice, bob, carol, make_goal, check_in):
    """Alice: two goals with 3 + 1 check-ins. Bob (her partner) and Carol have their own."""
    daily = make_goal(
        alice,
        action="Share one warm moment",
        why="I want us to feel close",
        reminder_time=time(8, 30),
        step=Step.objects.order_by("pk").first(),
    )
    weekly = make_goal(alice, action="Say one appreciation", shape=Shape.WEEKLY)
    check_in(daily, date(2026, 3, 2), note="Felt good")
    check_in(daily, date(2026, 3, 3), kind=CheckIn.Kind.SKIP)
    check_in(daily, date(2026, 3, 4), duration_seconds=40)
    check_in(weekly, date(2026, 3, 5))
    bobs = make_goal(bob, action="Bob's shared goal", is_shared=True)
    check_in(bobs, date(2026, 3, 2), note="Bob's note")
    carols = make_goal(carol, action="Carol's goal")
    check_in(carols, date(2026, 3, 2), note="Carol's note")
    return {"daily": daily, "weekly": weekly}


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode())))


@pytest.mark.parametrize("name", ["export", *DOWNLOADS])
def test_export_asks_to_log_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_export_page_offers_each_download(alice_client):
    response = alice_client.get(reverse("export"))

    assert response.status_code == 200
    for name in DOWNLOADS:
        assert reverse(name).encode() in response.content
    assert reverse("calendar_settings").encode() in response.content


def test_json_export_round_trips_with_every_goal_and_check_in(alice_client, history):
    response = alice_client.get(reverse("export_goals_json"))

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="nearer-goals-')
    data = json.loads(response.getvalue())
    assert data["version"] == 1
    assert [g["action"] for g in data["goals"]] == ["Share one warm moment", "Say one appreciation"]
    daily, weekly = data["goals"]
    assert list(daily) == [*GOAL_FIELDS, "checkins"]
    assert [c["day"] for c in daily["checkins"]] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert [c["kind"] for c in daily["checkins"]] == ["done", "skip", "done"]
    assert daily["checkins"][0]["note"] == "Felt good"
    assert daily["checkins"][2]["duration_seconds"] == 40
    assert daily["start_date"] == "2026-03-02"
    assert daily["reminder_time"] == "08:30:00"
    assert daily["why"] == "I want us to feel close"
    assert daily["step"] == history["daily"].step.slug
    assert weekly["times_per_week"] == 2
    assert weekly["step"] is None
    assert len(weekly["checkins"]) == 1
    assert date.fromisoformat(data["exported_at"][:10])


def test_json_export_with_no_goals_is_still_valid(alice_client):
    data = json.loads(alice_client.get(reverse("export_goals_json")).getvalue())

    assert data["goals"] == []


def test_goals_csv_has_a_header_and_one_row_per_goal(alice_client, history):
    response = alice_client.get(reverse("export_goals_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="nearer-goals-')
    header, *rows = read_csv(response)
    assert header == GOAL_FIELDS
    assert len(rows) == 2
    first = dict(zip(header, rows[0], strict=True))
    assert first["action"] == "Share one warm moment"
    assert first["start_date"] == "2026-03-02"
    assert first["is_shared"] == "false"
    assert first["deadline"] == ""


def test_checkins_csv_has_a_header_and_one_row_per_check_in(alice_client, history):
    response = alice_client.get(reverse("export_checkins_csv"))

    assert response["Content-Disposition"].startswith('attachment; filename="nearer-checkins-')
    header, *rows = read_csv(response)
    assert header == ["goal_id", "goal_action", *CHECKIN_FIELDS[1:]]
    assert len(rows) == 4
    assert [row[2] for row in rows] == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]
    assert rows[0][:2] == [str(history["daily"].pk), "Share one warm moment"]


@pytest.mark.parametrize("name", DOWNLOADS)
def test_exports_never_include_a_partners_or_another_couples_things(alice_client, history, name):
    body = alice_client.get(reverse(name)).getvalue()

    assert b"Bob's" not in body
    assert b"Carol's" not in body


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+1 call", "-2 tries", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_like_text_is_made_harmless(text):
    assert safe_cell(text) == "'" + text


def test_ordinary_values_stay_as_they_are():
    assert safe_cell("Say thanks") == "Say thanks"
    assert safe_cell(None) == ""
    assert safe_cell(True) == "true"
    assert safe_cell(3) == "3"
    assert safe_cell(date(2026, 3, 2)) == "2026-03-02"


def test_formula_injection_is_neutralised_in_both_csv_files(
    alice_client, alice, make_goal, check_in
):
    goal = make_goal(alice, action='=HYPERLINK("http://evil.example","hi")', why="@SUM(1+1)")
    check_in(goal, date(2026, 3, 2), note="+cmd|' /C calc'!A0")

    goals = read_csv(alice_client.get(reverse("export_goals_csv")))
    checkins = read_csv(alice_client.get(reverse("export_checkins_csv")))

    row = dict(zip(goals[0], goals[1], strict=True))
    assert row["action"] == '\'=HYPERLINK("http://evil.example","hi")'
    assert row["why"] == "'@SUM(1+1)"
    note = dict(zip(checkins[0], checkins[1], strict=True))
    assert note["note"] == "'+cmd|' /C calc'!A0"
    assert note["goal_action"].startswith("'=")
    # JSON is not a spreadsheet: the member's text comes back exactly as written.
    data = json.loads(alice_client.get(reverse("export_goals_json")).getvalue())
    assert data["goals"][0]["action"] == '=HYPERLINK("http://evil.example","hi")'


def test_export_queries_do_not_grow_with_history(
    alice_client, alice, make_goal, check_in, django_assert_max_num_queries
):
    for n in range(8):
        goal = make_goal(alice, action=f"Goal {n}")
        for day in range(1, 15):
            check_in(goal, date(2026, 3, day))

    for name in DOWNLOADS:
        with django_assert_max_num_queries(4):
            response = alice_client.get(reverse(name))
            response.getvalue()


def test_json_export_streams_under_asgi_without_buffering(alice, history, recwarn):
    client = AsyncClient()
    client.force_login(alice)

    async def download():
        response = await client.get(reverse("export_goals_json"))
        chunks = [chunk async for chunk in response.streaming_content]
        return response, chunks

    response, chunks = async_to_sync(download)()

    assert response.status_code == 200
    assert response.is_async
    assert len(chunks) == 4  # the opening, one per goal, the closing
    data = json.loads(b"".join(chunks))
    assert sum(len(goal["checkins"]) for goal in data["goals"]) == 4
    assert not [w for w in recwarn if "StreamingHttpResponse" in str(w.message)]
