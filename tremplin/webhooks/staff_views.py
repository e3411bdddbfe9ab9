"""The webhooks pages of the workspace, for owners: the endpoints, each one's delivery log
with a "send again" button, a test message on request."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.core.pagination import page_of
from tremplin.webhooks import selectors, services
from tremplin.webhooks.staff_forms import EndpointForm


def _page(
    request: StaffRequest, form: EndpointForm, *, created: object = None, status: int = 200
) -> HttpResponse:
    context = {
        "form": form,
        "endpoints": selectors.endpoint_list(organization=request.organization),
        "created": created,
    }
    return render(request, "webhooks/staff/endpoints.html", context, status=status)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def endpoints(request: StaffRequest, org: str) -> HttpResponse:
    """The organization's endpoints; the form adds one and shows its secret this once."""
    if request.method != "POST":
        return _page(request, EndpointForm())
    form = EndpointForm(request.POST)
    if form.is_valid():
        try:
            endpoint = services.endpoint_create(
                organization=request.organization,
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
                format=form.cleaned_data["format"],
                by=request.user,
                ping=form.cleaned_data["ping"],
            )
        except ValidationError as error:
            form.add_error("url" if error.code != "events" else "events", error)
        else:
            return _page(request, EndpointForm(), created=endpoint)
    return _page(request, form, status=400)


@staff_view
@require_safe
def endpoint_log(request: StaffRequest, org: str, endpoint: int) -> HttpResponse:
    """One endpoint's delivery log, newest first, each delivery with its attempts."""
    found = selectors.endpoint_get(organization=request.organization, pk=endpoint)
    context = {"endpoint": found, **page_of(request, selectors.delivery_list(endpoint=found))}
    page = list(context["page"])
    context["attempts"] = selectors.delivery_attempts(deliveries=page)
    context["rows"] = [(delivery, context["attempts"][delivery.pk]) for delivery in page]
    return render(request, "webhooks/staff/endpoint.html", context)


@staff_view
@require_POST
def endpoint_delete_view(request: StaffRequest, org: str, endpoint: int) -> HttpResponse:
    found = selectors.endpoint_get(organization=request.organization, pk=endpoint)
    services.endpoint_delete(endpoint=found, by=request.user)
    messages.success(request, _("The webhook to %(url)s is deleted.") % {"url": found.url})
    return redirect("staff_webhooks:list", org=request.organization.slug)


@staff_view
@require_POST
def endpoint_enable_view(request: StaffRequest, org: str, endpoint: int) -> HttpResponse:
    found = selectors.endpoint_get(organization=request.organization, pk=endpoint)
    services.endpoint_enable(endpoint=found, by=request.user)
    messages.success(request, _("The webhook is enabled again."))
    return redirect("staff_webhooks:endpoint", org=request.organization.slug, endpoint=found.pk)


@staff_view
@require_POST
def endpoint_ping_view(request: StaffRequest, org: str, endpoint: int) -> HttpResponse:
    found = selectors.endpoint_get(organization=request.organization, pk=endpoint)
    services.endpoint_ping(endpoint=found, by=request.user)
    messages.success(request, _("A test message is on its way."))
    return redirect("staff_webhooks:endpoint", org=request.organization.slug, endpoint=found.pk)


@staff_view
@require_POST
def delivery_resend_view(request: StaffRequest, org: str, delivery: int) -> HttpResponse:
    found = selectors.delivery_get(organization=request.organization, pk=delivery)
    try:
        services.delivery_resend(delivery=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The delivery is sent again."))
    return redirect(
        "staff_webhooks:endpoint", org=request.organization.slug, endpoint=found.endpoint_id
    )
