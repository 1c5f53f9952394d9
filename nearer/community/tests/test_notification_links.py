"""A notification may lead somewhere on this site (a reply, a note), and nowhere else."""

import pytest

from nearer.reminders.models import Notification


@pytest.mark.parametrize(
    ("link", "shown"),
    [
        ("/updates/12/", True),
        ("", False),
        ("https://evil.example/", False),
        ("//evil.example/", False),
        ("/\\evil.example", False),
        ("javascript:alert(1)", False),
    ],
)
def test_only_links_to_this_site_are_rendered(alice, alice_client, link, shown):
    Notification.objects.create(user=alice, text="Something new", link=link)
    for url in ["/notifications/", "/today/"]:
        html = alice_client.get(url).content.decode()
        assert "Something new" in html
        assert (f'<a href="{link}">Something new</a>' in html) is shown, url
        if not shown and link:
            assert link not in html
