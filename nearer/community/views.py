"""Community pages for members: groups, joining, threads, replies, reactions, reports, search.

Reading a group needs an active membership (or the group's moderator role). Every post and
reply is fetched inside its group and through ``Post.objects.readable_by``: visible ones, the
reader's own in any state, everything for the group's moderators. Anything else is a 404.

Each page costs a fixed handful of indexed queries, whatever the group's size: the group
(with the reader's moderator role), the reader's membership, one keyset page of rows with
their authors, and at most one or two small lookups (the reader's own waiting posts, their
reactions on the page, crisis lines when they are shown).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from nearer.community import actions, paging, wording
from nearer.community.actions import CommunityError
from nearer.community.forms import (
    JoinForm,
    PostForm,
    ProfileForm,
    ReactionForm,
    ReplyForm,
    ReportForm,
    SearchForm,
)
from nearer.community.models import (
    CommunityProfile,
    Group,
    Membership,
    ModerationAction,
    Moderator,
    Post,
    Reaction,
    ReactionKind,
    Reply,
    State,
)
from nearer.safety.models import country_name
from nearer.safety.resources import country_for, emergency_number, helpers_for

POSTS_PER_PAGE = 20
# Search reads at most this many posts per page, newest first (see paging.search_by_activity).
SEARCH_WINDOW = 2000
# A list of posts shows titles and counts: the words themselves stay in the database.
LIST_DEFERRED = ("body", "body_html", "search_text")
# Each reply carries its reactions and a report link; 20 fit a phone and keep a page cheap
# (50 cost 40 ms of server time a page in make bench).
REPLIES_PER_PAGE = 20
OWN_WAITING_SHOWN = 5


@dataclass
class Place:
    """A group as one reader meets it."""

    group: Group
    membership: Membership | None
    moderating: bool

    @property
    def profile(self) -> CommunityProfile | None:
        return self.membership.profile if self.membership else None

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.is_active

    @property
    def can_read(self) -> bool:
        return self.moderating or (self.is_member and self.group.is_open)


def _place(request: HttpRequest, slug: str) -> Place:
    """The group (open ones, or any the reader moderates) and the reader's membership."""
    user = request.user
    groups = Group.objects.annotate(
        is_moderated=Exists(Moderator.objects.filter(group=OuterRef("pk"), user=user))
    )
    group = get_object_or_404(groups, slug=slug)
    moderating = group.is_moderated or (user.is_staff and user.is_active)
    if not group.is_open and not moderating:
        raise Http404("No such group.")
    membership = (
        Membership.objects.filter(group=group, profile__user=user).select_related("profile").first()
    )
    return Place(group=group, membership=membership, moderating=moderating)


def _readable_place(request: HttpRequest, slug: str) -> Place:
    place = _place(request, slug)
    if not place.can_read:
        raise Http404("Not a member of this group.")
    return place


def _post_or_404(place: Place, pk: int) -> Post:
    posts = Post.objects.filter(group=place.group).select_related("author").defer("search_text")
    if not place.moderating:
        mine = Q(author=place.profile) if place.profile else Q(pk__in=[])
        posts = posts.filter(Q(state=State.VISIBLE) | mine)
    return get_object_or_404(posts, pk=pk)


def _give_care(items: list, user) -> dict:
    """Help for the author beside each of their own held words with a safety finding: the
    crisis resources of their own country, ordered for the finding's kind (one query per
    kind on the page, usually one)."""
    country = country_for(user)
    by_kind: dict[str, list] = {}
    for item in items:
        kind = item.crisis_kind
        if kind not in by_kind:
            by_kind[kind] = helpers_for(country, kind)
        item.care_resources = by_kind[kind]
        item.about_self_harm = kind == "self_harm"
    return {
        "crisis_country": country_name(country),
        "emergency_number": emergency_number(country),
    }


# Groups --------------------------------------------------------------------------------------


@login_required
@require_safe
def groups(request: HttpRequest) -> HttpResponse:
    user = request.user
    joined = set(
        Membership.objects.filter(
            profile__user=user, left_at__isnull=True, banned_at__isnull=True
        ).values_list("group_id", flat=True)
    )
    moderated = set(Group.objects.moderated_by(user).values_list("pk", flat=True))
    rows = [
        {"group": g, "joined": g.pk in joined, "moderating": g.pk in moderated}
        for g in Group.objects.open()
    ]
    profile = CommunityProfile.objects.filter(user=user).first()
    return render(request, "community/groups.html", {"rows": rows, "profile": profile})


@login_required
@require_safe
def group(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(request, slug)
    if not place.can_read:
        return render(request, "community/about.html", {"place": place, **_about(place)})
    posts = (
        Post.objects.filter(group=place.group, state=State.VISIBLE)
        .select_related("author")
        .defer(*LIST_DEFERRED)
    )
    page = paging.by_activity(
        posts,
        before=request.GET.get("before"),
        after=request.GET.get("after"),
        size=POSTS_PER_PAGE,
    )
    if page.odd:
        messages.info(request, wording.ODD_PAGE)
    waiting = []
    if place.profile is not None:
        waiting = list(
            Post.objects.filter(group=place.group, author=place.profile)
            .exclude(state=State.VISIBLE)
            .defer(*LIST_DEFERRED)
            .order_by("-created_at")[:OWN_WAITING_SHOWN]
        )
    ctx = {"place": place, "group": place.group, "page": page, "waiting": waiting}
    return render(request, "community/group.html", ctx)


def _about(place: Place) -> dict:
    membership = place.membership
    if membership is not None and membership.banned_at is not None:
        return {"blocked": wording.BANNED.format(group=place.group.name)}
    return {"blocked": ""}


@login_required
def join(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(request, slug)
    group = place.group
    if place.is_member:
        return redirect(group)
    profile = CommunityProfile.objects.filter(user=request.user).first()
    needs_name = profile is None
    first_time = profile is None or profile.conduct_accepted_at is None
    form = JoinForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        needs_name=needs_name,
    )
    if not first_time and "name" not in form.fields:
        form.fields["accept"].required = False
    if request.method == "POST" and form.is_valid():
        returning = place.membership is not None
        try:
            actions.join_group(
                user=request.user,
                group=group,
                now=timezone.now(),
                name=form.cleaned_data.get("name"),
            )
        except CommunityError as e:
            form.add_error(None, str(e))
        else:
            words = wording.WELCOME_BACK if returning else wording.WELCOME
            messages.success(request, words.format(group=group.name))
            return redirect(group)
    ctx = {
        "group": group,
        "form": form,
        "profile": profile,
        "first_time": first_time,
        "conduct": wording.CONDUCT,
        "moderation_note": wording.MODERATION_NOTE,
        **_about(place),
    }
    return render(request, "community/join.html", ctx, status=400 if form.errors else 200)


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    place = _place(request, slug)
    if place.is_member:
        actions.leave_group(membership=place.membership, now=timezone.now())
        messages.success(request, wording.LEFT.format(group=place.group.name))
    return redirect("community")


# Threads -------------------------------------------------------------------------------------


@login_required
def new_post(request: HttpRequest, slug: str) -> HttpResponse:
    place = _readable_place(request, slug)
    form = PostForm(request.POST if request.method == "POST" else None)
    blocked = ""
    try:
        actions.check_can_write(membership=place.membership, group=place.group, now=timezone.now())
    except CommunityError as e:
        blocked = str(e)
    status = 200
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            post = actions.write_post(
                membership=place.membership,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                now=timezone.now(),
            )
        except CommunityError as e:
            form.add_error(None, str(e))
            status = 429
        else:
            _thank(request, post)
            return redirect(_post_url(place.group, post))
    elif request.method == "POST":
        status = 403 if blocked else 400
    ctx = {"place": place, "group": place.group, "form": form, "blocked": blocked}
    return render(request, "community/post_form.html", ctx, status=status)


def _thank(request: HttpRequest, item: Post | Reply) -> None:
    if item.state == State.VISIBLE:
        messages.success(request, wording.POSTED if isinstance(item, Post) else wording.REPLIED)
    elif item.crisis:
        messages.info(request, wording.HELD_CARE)
    else:
        messages.info(request, wording.HELD_NEW)


def _thread(request: HttpRequest, place: Place, post: Post, *, form=None, status=200, error=""):
    replies = Reply.objects.filter(post=post).select_related("author").defer("body")
    if not place.moderating:
        mine = Q(author=place.profile) if place.profile else Q(pk__in=[])
        replies = replies.filter(Q(state=State.VISIBLE) | mine)
    page = paging.by_id(
        replies,
        before=request.GET.get("before"),
        after=request.GET.get("after"),
        size=REPLIES_PER_PAGE,
    )
    profile = place.profile
    given: dict[tuple[str, int], set[str]] = {}
    if profile is not None:
        ids = [r.pk for r in page.rows]
        # Each branch names profile, kind and target, so SQLite reads the unique partial
        # indexes rather than every reaction the reader ever gave (5.5 ms at 30,000).
        mine = {"profile": profile, "kind__in": ReactionKind.values}
        for kind, post_id, reply_id in Reaction.objects.filter(
            Q(post=post, **mine) | Q(reply_id__in=ids, **mine)
        ).values_list("kind", "post_id", "reply_id"):
            key = ("post", post_id) if post_id else ("reply", reply_id)
            given.setdefault(key, set()).add(kind)
    for target, item in [("post", post)] + [("reply", r) for r in page.rows]:
        item.is_mine = profile is not None and item.author_id == profile.pk
        item.my_kinds = given.get((target, item.pk), set())
    needs_care = [
        item
        for item in [post, *page.rows]
        if item.is_mine and item.crisis and item.state == State.HELD
    ]
    blocked = ""
    try:
        actions.check_can_write(membership=place.membership, group=place.group, now=timezone.now())
    except CommunityError as e:
        blocked = str(e)
    ctx = {
        "place": place,
        "group": place.group,
        "post": post,
        "page": page,
        "next": request.get_full_path()
        if request.method == "GET"
        else _post_url(place.group, post),
        "form": form or ReplyForm(),
        "blocked": blocked,
        "error": error,
        **(_give_care(needs_care, request.user) if needs_care else {}),
    }
    if page.odd:
        messages.info(request, "That page link looked unusual, so here is the start.")
    return render(request, "community/thread.html", ctx, status=status)


@login_required
@require_safe
def post_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = _readable_place(request, slug)
    return _thread(request, place, _post_or_404(place, pk))


@login_required
@require_POST
def reply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = _readable_place(request, slug)
    post = _post_or_404(place, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _thread(request, place, post, form=form, status=400)
    try:
        created = actions.write_reply(
            membership=place.membership,
            post=post,
            body=form.cleaned_data["body"],
            now=timezone.now(),
        )
    except CommunityError as e:
        return _thread(request, place, post, form=form, status=403, error=str(e))
    _thank(request, created)
    return redirect(_reply_url(place.group, created))


def _post_url(group: Group, post: Post) -> str:
    return reverse("community_post", args=[group.slug, post.pk])


def _reply_url(group: Group, item: Reply) -> str:
    """The thread page that starts at this reply, scrolled to it."""
    base = reverse("community_post", args=[group.slug, item.post_id])
    return f"{base}?after={item.pk - 1}#reply-{item.pk}"


@login_required
@require_POST
def react(request: HttpRequest, slug: str, pk: int, target: str) -> HttpResponse:
    place = _readable_place(request, slug)
    if target == "post":
        item = _post_or_404(place, pk)
        post, reply_item, back = item, None, _post_url(place.group, item) + "#post"
    else:
        item = get_object_or_404(
            Reply.objects.filter(group=place.group, state=State.VISIBLE, post__state=State.VISIBLE),
            pk=pk,
        )
        post, reply_item, back = None, item, _reply_url(place.group, item)
    form = ReactionForm(request.POST)
    problem = ""
    if not form.is_valid():
        problem = "Please choose “This helped” or “Me too”."
    else:
        try:
            actions.check_can_write(
                membership=place.membership, group=place.group, now=timezone.now()
            )
            actions.toggle_reaction(
                membership=place.membership,
                kind=form.cleaned_data["kind"],
                post=post,
                reply=reply_item,
            )
        except CommunityError as e:
            problem = str(e)
    if request.htmx:
        item.refresh_from_db(fields=["helped_count", "me_too_count"])
        kinds = (
            set(
                Reaction.objects.filter(
                    profile=place.profile,
                    kind__in=ReactionKind.values,  # lets SQLite use the unique partial index
                    **({"post": post} if post else {"reply": reply_item}),
                ).values_list("kind", flat=True)
            )
            if place.profile
            else set()
        )
        ctx = {
            "item": item,
            "target": target,
            "group": place.group,
            "mine": kinds,
            "problem": problem,
        }
        return render(request, "community/_reactions.html", ctx)
    if problem:
        messages.error(request, problem)
    return redirect(back)


# Search --------------------------------------------------------------------------------------


@login_required
@require_safe
def search(request: HttpRequest, slug: str) -> HttpResponse:
    place = _readable_place(request, slug)
    form = SearchForm(request.GET if "q" in request.GET else None)
    page = None
    if form.is_bound and form.is_valid():
        posts = (
            Post.objects.filter(group=place.group, state=State.VISIBLE)
            .select_related("author")
            .defer(*LIST_DEFERRED)
        )
        page = paging.search_by_activity(
            posts,
            matches=Q(search_text__contains=form.cleaned_data["q"].lower()),
            before=request.GET.get("before"),
            size=POSTS_PER_PAGE,
            window=SEARCH_WINDOW,
        )
    ctx = {"place": place, "group": place.group, "form": form, "page": page}
    return render(request, "community/search.html", ctx, status=400 if form.errors else 200)


# Reports -------------------------------------------------------------------------------------


@login_required
def report(request: HttpRequest, slug: str, target: str, pk: int) -> HttpResponse:
    place = _readable_place(request, slug)
    if not place.is_member:
        raise Http404("Only members report here; moderators act directly.")
    group = place.group
    fields: dict = {}
    if target == "post":
        post = get_object_or_404(
            Post.objects.filter(group=group, state=State.VISIBLE).select_related("author"),
            pk=pk,
        )
        fields, about, back = {"post": post}, f"the post “{post.title}”", _post_url(group, post)
    elif target == "reply":
        item = get_object_or_404(
            Reply.objects.filter(
                group=group, state=State.VISIBLE, post__state=State.VISIBLE
            ).select_related("author"),
            pk=pk,
        )
        fields, about = {"reply": item}, f"a reply by {item.author.name}"
        back = _reply_url(group, item)
    else:
        member = get_object_or_404(
            CommunityProfile.objects.filter(memberships__group=group).exclude(pk=place.profile.pk),
            pk=pk,
        )
        fields, about, back = {"member": member}, member.name, group.get_absolute_url()
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        actions.report(
            reporter=place.profile,
            group=group,
            reason=form.cleaned_data["reason"],
            words=form.cleaned_data["words"],
            now=timezone.now(),
            **fields,
        )
        messages.success(request, wording.REPORTED)
        return redirect(back)
    ctx = {
        "group": group,
        "form": form,
        "about": about,
        "back": back,
        "target": target,
        "member_pk": _author_pk(fields),
    }
    return render(request, "community/report.html", ctx, status=400 if form.errors else 200)


def _author_pk(fields: dict) -> int | None:
    item = fields.get("post") or fields.get("reply")
    return item.author_id if item is not None else None


# The member's own things ---------------------------------------------------------------------


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    mine = CommunityProfile.objects.filter(user=request.user).first()
    if mine is None:
        return render(request, "community/profile.html", {"profile": None})
    initial = {"name": mine.name, "digest_by_email": mine.digest_by_email}
    form = ProfileForm(
        request.POST if request.method == "POST" else None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            name = form.cleaned_data["name"]
            if name[1] != mine.name_key or name[0] != mine.name:
                actions.rename(profile=mine, name=name)
                messages.success(request, wording.NAME_CHANGED.format(name=name[0]))
            if form.cleaned_data["digest_by_email"] != mine.digest_by_email:
                mine.digest_by_email = form.cleaned_data["digest_by_email"]
                mine.save(update_fields=["digest_by_email"])
                messages.success(request, wording.SETTINGS_SAVED)
        except CommunityError as e:
            form.add_error("name", str(e))
        else:
            return redirect("community_profile")
    ctx = {"profile": mine, "form": form}
    return render(request, "community/profile.html", ctx, status=400 if form.errors else 200)


@login_required
@require_safe
def notes(request: HttpRequest) -> HttpResponse:
    """Notes the moderators sent this member: what and when, never who."""
    shown = (
        ModerationAction.objects.filter(
            member__user=request.user,
            kind__in=[
                ModerationAction.Kind.WARN,
                ModerationAction.Kind.SUSPEND,
                ModerationAction.Kind.BAN,
                ModerationAction.Kind.LIFT,
            ],
        )
        .select_related("group")
        .order_by("-created_at", "-pk")[:50]
    )
    return render(request, "community/notes.html", {"notes": shown})


@login_required
@require_safe
def update(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a reply notification leads: the reply in its thread, for the post's author."""
    item = get_object_or_404(
        Reply.objects.filter(post__author__user=request.user).select_related("group"), pk=pk
    )
    return redirect(_reply_url(item.group, item))
