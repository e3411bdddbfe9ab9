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
from tremplin.notifications import following, selectors, services
from tremplin.notifications.forms import PreferencesForm
from tremplin.notifications.models import PREFERENCE_FIELDS, Notification
from tremplin.vacancies.models import Vacancy
from tremplin.vacancies.selectors import vacancy_title_for_language


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
                emails={name: form.cleaned_data[name] for name in PREFERENCE_FIELDS},
                digest_hour=form.cleaned_data["digest_hour"],
            )
            messages.success(request, _("Your notification preferences are saved."))
            return redirect("staff_notifications:preferences", org=org)
        status = 400
    context = {
        "form": form,
        "kinds": [form[name] for name in PREFERENCE_FIELDS],
        "may_follow": request.membership.role in following.FOLLOWERS,
    }
    return render(request, "notifications/preferences.html", context, status=status)


@staff_view
@never_cache
@require_safe
def followed(request: StaffRequest, org: str) -> HttpResponse:
    """The organization's vacancies, a page at a time, each with Follow or Stop following."""
    context = page_of(request, following.followable_vacancies(membership=request.membership))
    page = context["page"]
    context["rows"] = following.with_following(user=request.user, vacancies=list(page.object_list))
    return render(request, "notifications/following.html", context)


@staff_view
@require_POST
def follow(request: StaffRequest, org: str, vacancy: str) -> HttpResponse:
    """Follow (``follow`` = 1) or stop following (0) a vacancy of the organization."""
    found = Vacancy.objects.filter(slug=vacancy, organization=request.organization).first()
    wanted = request.POST.get("follow")
    if found is None:
        raise Http404("no such vacancy")
    if wanted not in ("0", "1"):
        messages.error(request, _("Choose to follow the vacancy or to stop following it."))
        return redirect("staff_notifications:followed", org=org)
    title = vacancy_title_for_language(vacancy=found)
    if following.vacancy_follow(membership=request.membership, vacancy=found, follow=wanted == "1"):
        messages.success(request, _("You follow “%(title)s”.") % {"title": title})
    else:
        messages.success(request, _("You no longer follow “%(title)s”.") % {"title": title})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("staff_notifications:followed", org=org)
