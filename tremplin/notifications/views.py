"""The notifications page, marking read (a POST), and the e-mail preferences, under
/<language>/staff/<org>/notifications/. Every member may use them, for their own."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tremplin.accounts.permissions import StaffRequest, staff_view
from tremplin.core.pagination import page_of
from tremplin.notifications import selectors, services
from tremplin.notifications.forms import PreferencesForm
from tremplin.notifications.models import Notification


@staff_view
@never_cache
@require_safe
def notification_list(request: StaffRequest, org: str) -> HttpResponse:
    found = selectors.notifications_of(recipient=request.user, organization=request.organization)
    return render(request, "notifications/list.html", page_of(request, found))


@staff_view
@require_POST
def read(request: StaffRequest, org: str, notification: int) -> HttpResponse:
    """Mark one notification read, then open what it is about (``open`` in the form), or
    go back to the list."""
    try:
        found = services.notification_read(
            recipient=request.user, organization=request.organization, pk=notification
        )
    except Notification.DoesNotExist:
        raise Http404("no such notification") from None
    if request.POST.get("open") and url_has_allowed_host_and_scheme(found.path, allowed_hosts=None):
        return redirect(found.path)
    return redirect("staff_notifications:list", org=org)


@staff_view
@require_POST
def read_all(request: StaffRequest, org: str) -> HttpResponse:
    count = services.notifications_read_all(
        recipient=request.user, organization=request.organization
    )
    if count:
        messages.success(request, _("Every notification is marked read."))
    return redirect("staff_notifications:list", org=org)


@staff_view
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request: StaffRequest, org: str) -> HttpResponse:
    current = services.settings_of(request.user)
    form = PreferencesForm(request.POST or None, instance=current)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.notification_settings_save(
                user=request.user,
                email=form.cleaned_data["email"],
                digest_hour=form.cleaned_data["digest_hour"],
            )
            messages.success(request, _("Your notification preferences are saved."))
            return redirect("staff_notifications:preferences", org=org)
        status = 400
    return render(request, "notifications/preferences.html", {"form": form}, status=status)
