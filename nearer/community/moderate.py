"""Moderator pages: a queue per group, steps on posts, replies and members, closing reports.

Every page starts from ``Group.objects.moderated_by(user)``: a moderator of one group gets a
404 for any other group, and every target is fetched inside the group, so a post from another
group is a 404 too. Operators (staff) moderate every group.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from nearer.community import actions
from nearer.community.actions import CommunityError
from nearer.community.forms import CloseReportForm, ItemActionForm, MemberActionForm
from nearer.community.models import (
    CommunityProfile,
    Group,
    Membership,
    ModerationAction,
    Post,
    Reply,
    Report,
    State,
)

QUEUE_SHOWN = 50
RECENT_SHOWN = 20
DONE = {
    ModerationAction.Kind.APPROVE: "Let through. Others can read it now.",
    ModerationAction.Kind.HIDE: "Hidden. Only its author and the moderators can see it now.",
    ModerationAction.Kind.RESTORE: "Restored. Others can read it again.",
    ModerationAction.Kind.WARN: "Your note is on its way to the member.",
    ModerationAction.Kind.SUSPEND: "The member is paused from writing here.",
    ModerationAction.Kind.BAN: "The member can no longer take part in this group.",
    ModerationAction.Kind.LIFT: "The member is welcome to take part again.",
    ModerationAction.Kind.CLOSE_REPORT: "Report closed.",
}


def _group_or_404(request: HttpRequest, slug: str) -> Group:
    return get_object_or_404(Group.objects.moderated_by(request.user), slug=slug)


def _back(request: HttpRequest, group: Group) -> HttpResponse:
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("community_queue", args=[group.slug])
    return redirect(next_url)


@login_required
@require_safe
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    """Held words (crisis first), open reports, then recently hidden things to restore."""
    group = _group_or_404(request, slug)
    held_posts = list(
        Post.objects.filter(group=group, state=State.HELD)
        .select_related("author")
        .order_by("-crisis", "created_at")[:QUEUE_SHOWN]
    )
    held_replies = list(
        Reply.objects.filter(group=group, state=State.HELD)
        .select_related("author", "post")
        .order_by("-crisis", "created_at")[:QUEUE_SHOWN]
    )
    held = sorted(
        [("post", p) for p in held_posts] + [("reply", r) for r in held_replies],
        key=lambda pair: (not pair[1].crisis, pair[1].created_at),
    )
    reports = list(
        Report.objects.filter(group=group, resolved_at__isnull=True)
        .select_related("post__author", "reply__author", "reply__post", "member")
        .order_by("created_at")[:QUEUE_SHOWN]
    )
    # Reports about someone in danger come first, like held words that suggest it.
    reports.sort(key=lambda r: (r.reason != Report.Reason.UNSAFE, r.created_at))
    hidden_posts = list(
        Post.objects.filter(group=group, state=State.HIDDEN)
        .select_related("author")
        .order_by("-last_activity_at", "-pk")[:RECENT_SHOWN]
    )
    hidden_replies = list(
        Reply.objects.filter(group=group, state=State.HIDDEN)
        .select_related("author", "post")
        .order_by("-created_at")[:RECENT_SHOWN]
    )
    ctx = {
        "group": group,
        "crisis": [pair for pair in held if pair[1].crisis],
        "held": [pair for pair in held if not pair[1].crisis],
        "reports": reports,
        "hidden": [("post", p) for p in hidden_posts] + [("reply", r) for r in hidden_replies],
        "next": request.get_full_path(),
    }
    return render(request, "community/queue.html", ctx)


def _act_on_item(request: HttpRequest, slug: str, pk: int, *, model) -> HttpResponse:
    group = _group_or_404(request, slug)
    item = get_object_or_404(model.objects.filter(group=group).select_related("author"), pk=pk)
    form = ItemActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(request, group)
    kind = form.cleaned_data["action"]
    target = {"post": item} if model is Post else {"reply": item}
    try:
        actions.moderate_item(
            moderator=request.user,
            group=group,
            kind=kind,
            reason=form.cleaned_data["reason"],
            now=timezone.now(),
            **target,
        )
    except CommunityError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, DONE[kind])
    return _back(request, group)


@login_required
@require_POST
def act_on_post(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _act_on_item(request, slug, pk, model=Post)


@login_required
@require_POST
def act_on_reply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _act_on_item(request, slug, pk, model=Reply)


@login_required
def member(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One member as this group knows them: status, recent words, reports, past steps."""
    group = _group_or_404(request, slug)
    in_group = Q(memberships__group=group) | Q(posts__group=group) | Q(replies__group=group)
    profile = get_object_or_404(
        CommunityProfile.objects.filter(in_group).distinct().select_related("user"), pk=pk
    )
    form = MemberActionForm(
        request.POST if request.method == "POST" else None, zone=request.user.zone
    )
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["action"]
        try:
            actions.moderate_member(
                moderator=request.user,
                group=group,
                profile=profile,
                kind=kind,
                reason=form.cleaned_data["reason"],
                until=form.cleaned_data.get("until_at"),
                now=timezone.now(),
            )
        except CommunityError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, DONE[kind])
            return redirect("community_moderate_member", slug=group.slug, pk=profile.pk)
    ctx = {
        "group": group,
        "profile": profile,
        "membership": Membership.objects.filter(group=group, profile=profile).first(),
        "now": timezone.now(),
        "form": form,
        "posts": list(
            Post.objects.filter(group=group, author=profile).order_by("-created_at")[:10]
        ),
        "replies": list(
            Reply.objects.filter(group=group, author=profile)
            .select_related("post")
            .order_by("-created_at")[:10]
        ),
        "reports": list(
            Report.objects.filter(group=group, member=profile, resolved_at__isnull=True)
        ),
        "log": list(
            ModerationAction.objects.filter(group=group, member=profile).order_by(
                "-created_at", "-pk"
            )[:20]
        ),
    }
    return render(request, "community/member.html", ctx, status=400 if form.errors else 200)


@login_required
@require_POST
def close_report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _group_or_404(request, slug)
    item = get_object_or_404(Report.objects.filter(group=group), pk=pk)
    form = CloseReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please keep what you found to 1,000 characters or fewer.")
        return _back(request, group)
    try:
        actions.close_report(
            moderator=request.user,
            report=item,
            reason=form.cleaned_data["reason"],
            now=timezone.now(),
        )
    except CommunityError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, DONE[ModerationAction.Kind.CLOSE_REPORT])
    return _back(request, group)
