from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from nearer.accounts import actions
from nearer.accounts.forms import AccountForm, DeleteAccountForm, InvitationCodeForm
from nearer.accounts.models import Invitation
from nearer.safety import screen

PENDING_TOKEN_KEY = "nearer_pending_invitation"  # noqa: S105 (a session key name)
CODE_ATTEMPTS = 10  # wrong codes a member may type in CODE_WINDOW seconds
CODE_WINDOW = 10 * 60


def _code_attempts_left(request: HttpRequest) -> bool:
    key = f"invite-code-attempts:{request.user.pk}"
    cache.add(key, 0, CODE_WINDOW)
    try:
        return cache.incr(key) <= CODE_ATTEMPTS
    except ValueError:  # expired between add and incr
        cache.set(key, 1, CODE_WINDOW)
        return True


@login_required
def partner(request: HttpRequest) -> HttpResponse:
    user = request.user
    ctx = {
        "partner": user.partner,
        "invitation": Invitation.objects.visible_to(user).pending().first(),
        "code_form": InvitationCodeForm(),
    }
    return render(request, "accounts/partner.html", ctx)


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    linked = request.user.couple_id is not None  # then there's only "already linked" to say
    if not linked and (check := screen.meet(request, back=reverse("partner"))) is not None:
        return check  # the private safety check first, or support when it suggests danger
    try:
        actions.create_invitation(inviter=request.user)
    except actions.LinkError as e:
        messages.info(request, str(e))
    return redirect("partner")


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.visible_to(request.user), pk=pk)
    actions.withdraw_invitation(invitation=invitation)
    messages.info(request, "Your invitation was withdrawn. The link and code no longer work.")
    return redirect("partner")


def join(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("inviter"), token=token)
    if not request.user.is_authenticated:
        # Keep the invitation in mind through signup and email verification.
        request.session[PENDING_TOKEN_KEY] = token
        return render(request, "accounts/join_anonymous.html", {"invitation": invitation})
    request.session.pop(PENDING_TOKEN_KEY, None)
    problem = None
    try:
        actions.check_can_respond(invitation=invitation, user=request.user)
        if request.user.couple_id is not None:
            raise actions.LinkError(actions.ALREADY_LINKED)
    except actions.LinkError as e:
        problem = str(e)
    if request.method == "POST" and problem is None:
        choice = request.POST.get("choice")
        try:
            if choice == "accept":
                if (check := screen.meet(request, back=request.path)) is not None:
                    return check
                actions.accept_invitation(invitation=invitation, user=request.user)
                messages.success(
                    request, f"You and {invitation.inviter.display_name} are now linked."
                )
                return redirect("partner")
            if choice == "decline":
                actions.decline_invitation(invitation=invitation, user=request.user)
                messages.info(request, "You declined the invitation. Nothing was shared.")
                return redirect("partner")
            problem = "Please choose to accept or decline the invitation."
        except actions.LinkError as e:
            problem = str(e)
    status = 400 if problem and request.method == "POST" else 200
    return render(
        request,
        "accounts/join.html",
        {"invitation": invitation, "problem": problem},
        status=status,
    )


@login_required
@require_POST
def join_by_code(request: HttpRequest) -> HttpResponse:
    form = InvitationCodeForm(request.POST)
    if form.is_valid():
        if not _code_attempts_left(request):
            form.add_error(
                "code",
                "That's a lot of tries in a short time. Please wait a few minutes and try again.",
            )
        else:
            invitation = Invitation.objects.filter(code=form.cleaned_data["code"]).first()
            if invitation is not None:
                return redirect("partner_join", token=invitation.token)
            form.add_error(
                "code", "We couldn't find an invitation with that code. Please check it."
            )
    ctx = {
        "partner": request.user.partner,
        "invitation": Invitation.objects.visible_to(request.user).pending().first(),
        "code_form": form,
    }
    return render(request, "accounts/partner.html", ctx, status=400)


@login_required
def unlink(request: HttpRequest) -> HttpResponse:
    partner = request.user.partner
    if partner is None:
        return redirect("partner")
    if request.method == "POST":
        actions.unlink(user=request.user)
        messages.info(request, "You're unlinked. Nothing is shared any more.")
        return redirect("partner")
    return render(request, "accounts/unlink.html", {"partner": partner})


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("account_settings")
    status = 400 if form.errors else 200
    return render(request, "accounts/settings.html", {"form": form}, status=status)


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        actions.delete_account(user=user)
        messages.info(request, "Your account and everything in it have been deleted. Take care.")
        return redirect("home")
    status = 400 if form.errors else 200
    return render(request, "accounts/delete.html", {"form": form}, status=status)
