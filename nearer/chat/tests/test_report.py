"""Report and block in one step from inside a chat, for moderators to read in admin; a
blocked pair is never matched again. And the member's feedback after a chat."""

import html as markup
import uuid

import pytest

from nearer.chat import actions
from nearer.chat.models import ChatBlock, ChatFeedback, ChatReport, Conversation

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return markup.unescape(response.content.decode())


def test_the_member_reports_and_blocks_the_listener_in_one_step(chat, alice, listener, client_for):
    actions.post_message(
        conversation=chat,
        user=listener.user,
        client_id=uuid.uuid4(),
        body="You should just leave him.",
    )
    browser = client_for(alice)
    page = text(browser.get(f"/chat/{chat.pk}/report/"))
    assert "never matched again" in page
    assert "Neighbor Chat is not a crisis service" in page
    response = browser.post(
        f"/chat/{chat.pk}/report/", {"reason": "advice", "details": "Pushy, and it hurt."}
    )
    assert response.url == "/chat/"
    report = ChatReport.objects.get()
    assert (report.reported_by, report.reason, report.details) == (
        "member",
        "advice",
        "Pushy, and it hurt.",
    )
    assert (report.member, report.listener, report.conversation) == (alice, listener, chat)
    assert "You should just leave him." in report.excerpt
    assert ChatBlock.objects.filter(member=alice, listener=listener, blocked_by="member").exists()
    chat.refresh_from_db()
    assert (chat.status, chat.ended_by) == ("ended", "member")
    followed = text(browser.get(response.url))
    assert "won't be matched with this listener again" in followed


def test_the_listener_reports_and_blocks_the_member_in_one_step(chat, alice, listener, client_for):
    response = client_for(listener.user).post(f"/chat/{chat.pk}/report/", {"reason": "harassment"})
    assert response.url == "/listen/"
    report = ChatReport.objects.get()
    assert report.reported_by == "listener"
    assert report.member_pseudonym == chat.member_pseudonym
    assert ChatBlock.objects.filter(member=alice, listener=listener, blocked_by="listener").exists()
    chat.refresh_from_db()
    assert chat.status == "ended"


def test_a_report_needs_a_reason_said_clearly(chat, alice, client_for):
    response = client_for(alice).post(f"/chat/{chat.pk}/report/", {"reason": ""})
    assert response.status_code == 400
    assert "Please choose what happened." in text(response)
    response = client_for(alice).post(f"/chat/{chat.pk}/report/", {"reason": "made-up"})
    assert response.status_code == 400
    assert not ChatReport.objects.exists()
    chat.refresh_from_db()
    assert chat.status == "active"


def test_a_chat_that_already_ended_can_still_be_reported(chat, alice, listener, client_for):
    actions.end_chat(conversation=chat, user=listener.user)
    client_for(alice).post(f"/chat/{chat.pk}/report/", {"reason": "unsafe"})
    assert ChatReport.objects.filter(reported_by="member").exists()
    assert ChatBlock.objects.exists()


def test_a_blocked_pair_is_never_matched_again(chat, alice, listener, other_listener, client_for):
    actions.report_and_block(conversation=chat, user=listener.user, reason="spam")
    again = actions.request_chat(member=alice, topic="Trying again")
    assert not Conversation.objects.queue_for(listener).filter(pk=again.pk).exists()
    assert "Trying again" not in text(client_for(listener.user).get("/listen/"))
    client_for(listener.user).post(f"/listen/accept/{again.pk}/")
    again.refresh_from_db()
    assert again.status == "waiting"
    # Anyone else may still listen.
    assert Conversation.objects.queue_for(other_listener).filter(pk=again.pk).exists()
    actions.accept_chat(listener=other_listener, conversation=again)


def test_reports_reach_moderators_in_admin_and_nobody_else(
    chat, alice, listener, moderator, client_for
):
    actions.report_and_block(
        conversation=chat, user=alice, reason="inappropriate", details="Said odd things"
    )
    report = ChatReport.objects.get()
    admin = client_for(moderator)
    listing = text(admin.get("/admin/chat/chatreport/"))
    assert "Sexual or inappropriate messages" in listing
    detail = text(admin.get(f"/admin/chat/chatreport/{report.pk}/change/"))
    assert "Said odd things" in detail
    assert "Sam has joined" in detail  # the excerpt
    for person in (alice, listener.user):
        response = client_for(person).get("/admin/chat/chatreport/")
        assert response.status_code == 302  # to the admin login: not staff


def test_a_report_is_kept_for_moderators_when_the_member_deletes_the_chat(chat, alice):
    actions.report_and_block(conversation=chat, user=alice, reason="unsafe")
    actions.delete_history(member=alice)
    report = ChatReport.objects.get()
    assert report.conversation is None
    assert "Sam has joined" in report.excerpt
    assert ChatBlock.objects.exists()


def test_outsiders_cannot_report_or_block(chat, carol):
    with pytest.raises(actions.NotAllowed):
        actions.report_and_block(conversation=chat, user=carol, reason="spam")
    assert not ChatReport.objects.exists()
    assert not ChatBlock.objects.exists()


def test_the_member_may_leave_feedback_once_the_chat_ends(
    chat, alice, listener, moderator, client_for
):
    browser = client_for(alice)
    assert "Did you feel heard?" not in text(browser.get(f"/chat/{chat.pk}/"))
    response = browser.post(f"/chat/{chat.pk}/feedback/", {"rating": "4"}, follow=True)
    assert "Feedback opens once a chat with a listener has ended." in text(response)
    assert not ChatFeedback.objects.exists()

    actions.end_chat(conversation=chat, user=listener.user)
    page = text(browser.get(f"/chat/{chat.pk}/"))
    assert "Did you feel heard?" in page
    assert "Your listener doesn't" in page
    browser.post(f"/chat/{chat.pk}/feedback/", {"rating": "4", "words": "Felt lighter after."})
    feedback = ChatFeedback.objects.get()
    assert (feedback.rating, feedback.words) == (4, "Felt lighter after.")
    assert "Thank you for your feedback." in text(browser.get(f"/chat/{chat.pk}/"))

    # Operators see it in admin; the listener never does.
    assert "Felt lighter after." in text(client_for(moderator).get("/admin/chat/chatfeedback/"))
    listener_pages = [f"/chat/{chat.pk}/", "/listen/", f"/chat/{chat.pk}/messages/"]
    for url in listener_pages:
        assert "Felt lighter" not in text(client_for(listener.user).get(url)), url


def test_feedback_is_optional_and_its_words_are_checked(chat, alice, listener, client_for):
    actions.end_chat(conversation=chat, user=alice)
    browser = client_for(alice)
    browser.post(f"/chat/{chat.pk}/feedback/", {})
    assert ChatFeedback.objects.get().rating is None
    response = browser.post(f"/chat/{chat.pk}/feedback/", {"rating": "9"})
    assert response.status_code == 400
    response = browser.post(f"/chat/{chat.pk}/feedback/", {"words": "x" * 1001})
    assert response.status_code == 400
    assert "1,000 characters or fewer" in text(response)
