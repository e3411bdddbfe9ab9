"""The members page of the staff workspace, for owners: who works here, in what role."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.accounts import selectors, services
from tremplin.accounts.models import Membership, Organization
from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.accounts.staff_forms import (
    MemberAddForm,
    ReviewersTwoFactorForm,
    ReviewRemindersForm,
    RoleForm,
)
from tremplin.core.confirm import Confirmation, confirmation_page, confirmed


def _members_page(
    request: StaffRequest,
    form: MemberAddForm | None = None,
    status: int = 200,
    reminders_form: ReviewRemindersForm | None = None,
) -> HttpResponse:
    members = selectors.member_list(organization=request.organization)
    context = {
        "rows": [
            (
                member,
                RoleForm(initial={"role": member.role}, auto_id=f"member-{member.pk}-%s"),
                services.member_needs_password(membership=member),
            )
            for member in members
        ],
        "form": form or MemberAddForm(),
        "roles": Membership.Role.choices,
        "two_factor_form": ReviewersTwoFactorForm(
            initial={"reviewers_need_two_factor": request.organization.reviewers_need_two_factor}
        ),
        "reminders_form": reminders_form or ReviewRemindersForm(instance=request.organization),
    }
    return render(request, "accounts/staff/members.html", context, status=status)


def _after_own_change(request: StaffRequest) -> HttpResponse:
    """Where an owner goes after a change of their own membership."""
    if (
        request.membership.pk
        and Membership.objects.filter(pk=request.membership.pk, role=Membership.Role.OWNER).exists()
    ):
        return redirect("staff_accounts:list", org=request.organization.slug)
    return redirect("accounts:home")


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def members(request: StaffRequest, org: str) -> HttpResponse:
    """The members and their roles; the form at the bottom adds one."""
    if request.method != "POST":
        return _members_page(request)
    form = MemberAddForm(request.POST)
    if form.is_valid() and not confirmed(request):
        try:
            email = services.member_add_check(
                organization=request.organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            return confirmation_page(request, _member_add_confirmation(request, email, form))
    elif form.is_valid():
        try:
            member = services.member_add(
                organization=request.organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("%(email)s is now a member. They were sent an e-mail.")
                % {"email": member.user.email},
            )
            return redirect("staff_accounts:list", org=request.organization.slug)
    return _members_page(request, form, status=400)


def _member_add_confirmation(
    request: StaffRequest, email: str, form: MemberAddForm
) -> Confirmation:
    role = str(dict(Membership.Role.choices)[form.cleaned_data["role"]]).lower()
    values = {"email": email, "organization": request.organization.name, "role": role}
    return Confirmation(
        question=_("Add %(email)s to %(organization)s as %(role)s?") % values,
        consequences=[
            _(
                "An e-mail goes to %(email)s at once: a link to choose a password if they "
                "have no account yet, or to log in if they have one."
            )
            % values,
            _("They can use the workspace of %(organization)s as %(role)s from then on.") % values,
        ],
        button=_("Yes, add them"),
        cancel_url=reverse("staff_accounts:list", kwargs={"org": request.organization.slug}),
    )


@staff_view
@require_POST
def member_role(request: StaffRequest, org: str, member: int) -> HttpResponse:
    found = selectors.member_get_for_user(membership=request.membership, pk=member)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role."))
        return redirect("staff_accounts:list", org=request.organization.slug)
    try:
        services.member_role_change(
            membership=found, role=form.cleaned_data["role"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("staff_accounts:list", org=request.organization.slug)
    messages.success(
        request,
        _("%(email)s now has the role: %(role)s.")
        % {"email": found.user.email, "role": found.get_role_display()},
    )
    return _after_own_change(request)


@staff_view
@require_POST
def member_invite(request: StaffRequest, org: str, member: int) -> HttpResponse:
    found = selectors.member_get_for_user(membership=request.membership, pk=member)
    if not confirmed(request):
        return confirmation_page(
            request,
            Confirmation(
                question=_("Send the invitation again to %(email)s?") % {"email": found.user.email},
                consequences=[
                    _(
                        "An e-mail goes to %(email)s at once, with a link to choose a "
                        "password and join the organization."
                    )
                    % {"email": found.user.email},
                ],
                button=_("Yes, send it again"),
                cancel_url=reverse(
                    "staff_accounts:list", kwargs={"org": request.organization.slug}
                ),
            ),
        )
    services.member_invitation_resend(membership=found, by=request.user)
    messages.success(
        request, _("The e-mail was sent again to %(email)s.") % {"email": found.user.email}
    )
    return redirect("staff_accounts:list", org=request.organization.slug)


@staff_view
@require_http_methods(["GET", "HEAD", "POST"])
def member_remove(request: StaffRequest, org: str, member: int) -> HttpResponse:
    """Ask, then remove a member (never the last owner)."""
    found = selectors.member_get_for_user(membership=request.membership, pk=member)
    last_owner = (
        found.role == Membership.Role.OWNER
        and selectors.owner_count(organization=request.organization) == 1
    )
    error = ""
    if request.method == "POST":
        try:
            services.member_remove(membership=found, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("%(email)s is no longer a member.") % {"email": found.user.email}
            )
            return _after_own_change(request)
    context = {"member": found, "last_owner": last_owner, "error": error}
    return render(
        request, "accounts/staff/member_remove.html", context, status=400 if error else 200
    )


@staff_view
@require_POST
def reviewers_two_factor(request: StaffRequest, org: str) -> HttpResponse:
    """Whether reviewers must use a second factor, set on the members page."""
    form = ReviewersTwoFactorForm(request.POST)
    form.is_valid()  # an unchecked (or missing) box is False, the safe side being the default
    required = bool(form.cleaned_data.get("reviewers_need_two_factor"))
    services.organization_reviewers_two_factor_set(
        organization=request.organization, required=required, by=request.user
    )
    messages.success(
        request,
        _("Reviewers must now use a second factor.")
        if required
        else _("Reviewers may now log in with their password alone."),
    )
    return redirect("staff_accounts:list", org=request.organization.slug)


@staff_view
@require_POST
def review_reminders(request: StaffRequest, org: str) -> HttpResponse:
    """After how many days reviewers are reminded, set on the members page."""
    # A copy of the organization: an invalid form must leave the request's one untouched.
    organization = Organization.objects.get(pk=request.organization.pk)
    form = ReviewRemindersForm(request.POST, instance=organization)
    if not form.is_valid():
        return _members_page(request, status=400, reminders_form=form)
    days = form.cleaned_data["review_reminder_days"]
    services.organization_review_reminders_set(
        organization=request.organization, days=days, by=request.user
    )
    messages.success(
        request,
        ngettext(
            "Reviewers are now reminded after %(days)d day of waiting.",
            "Reviewers are now reminded after %(days)d days of waiting.",
            days,
        )
        % {"days": days}
        if days
        else _("Reviewers are no longer reminded automatically."),
    )
    return redirect("staff_accounts:list", org=request.organization.slug)
