from django.urls import path, register_converter

from nearer.community import moderate, views


class IdConverter:
    """A database id: digits that fit a 64-bit integer (longer ones are a 404, not a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class TargetConverter:
    regex = "post|reply|member"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(IdConverter, "community_id")
register_converter(TargetConverter, "community_target")

G = "community/<slug:slug>/"

urlpatterns = [
    path("community/", views.groups, name="community"),
    path("community/me/", views.profile, name="community_profile"),
    # Where notifications lead: no telling words in the address.
    path("updates/notes/", views.notes, name="community_notes"),
    path("updates/email/", views.profile, name="community_email_settings"),
    path("updates/<community_id:pk>/", views.update, name="community_update"),
    path(G, views.group, name="community_group"),
    path(G + "join/", views.join, name="community_join"),
    path(G + "leave/", views.leave, name="community_leave"),
    path(G + "search/", views.search, name="community_search"),
    path(G + "new/", views.new_post, name="community_new_post"),
    path(G + "posts/<community_id:pk>/", views.post_detail, name="community_post"),
    path(G + "posts/<community_id:pk>/reply/", views.reply, name="community_reply"),
    path(
        G + "posts/<community_id:pk>/react/",
        views.react,
        {"target": "post"},
        name="community_react_post",
    ),
    path(
        G + "replies/<community_id:pk>/react/",
        views.react,
        {"target": "reply"},
        name="community_react_reply",
    ),
    path(
        G + "report/<community_target:target>/<community_id:pk>/",
        views.report,
        name="community_report",
    ),
    path(G + "moderate/", moderate.queue, name="community_queue"),
    path(
        G + "moderate/posts/<community_id:pk>/",
        moderate.act_on_post,
        name="community_moderate_post",
    ),
    path(
        G + "moderate/replies/<community_id:pk>/",
        moderate.act_on_reply,
        name="community_moderate_reply",
    ),
    path(
        G + "moderate/members/<community_id:pk>/",
        moderate.member,
        name="community_moderate_member",
    ),
    path(
        G + "moderate/reports/<community_id:pk>/close/",
        moderate.close_report,
        name="community_close_report",
    ),
]
