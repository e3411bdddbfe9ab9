"""The API tokens page of the workspace, for owners: make a token (shown once), revoke one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.api.models import ApiToken
from tremplin.api.staff_forms import TokenForm
from tremplin.api.tokens import token_create, token_list, token_revoke
from tremplin.core.pagination import page_of


def _page(
    request: StaffRequest, form: TokenForm, *, new_token: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "form": form,
        "new_token": new_token,
        **page_of(request, token_list(organization=request.organization)),
    }
    return render(request, "api/staff/tokens.html", context, status=status)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def tokens(request: StaffRequest, org: str) -> HttpResponse:
    """The organization's tokens; the form makes one and shows it this once."""
    organization = request.organization
    if request.method != "POST":
        return _page(request, TokenForm(organization=organization))
    form = TokenForm(request.POST, organization=organization)
    if form.is_valid():
        try:
            _token, raw = token_create(
                organization=organization,
                user=form.cleaned_data["user"],
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                expires_at=form.expires_at(),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _page(request, TokenForm(organization=organization), new_token=raw)
    return _page(request, form, status=400)


@staff_view
@require_POST
def token_revoke_view(request: StaffRequest, org: str, token: int) -> HttpResponse:
    found = ApiToken.objects.filter(organization=request.organization, pk=token).first()
    if found is not None:
        token_revoke(token=found, by=request.user)
        messages.success(request, _("The token %(name)s is revoked.") % {"name": found.name})
    return redirect("staff_api:tokens", org=request.organization.slug)
