"""The Django admin, behind the same verified second factor as the workspace.

The admin has no login form of its own: a visitor who is not logged in is sent to the
workspace's login page (with its rate limits), one who gave a password but has not
proved a TOTP code in this session is sent to the two-factor page, and only a staff
account with a verified device sees an admin page. Candidates' personal data is not
registered here at all (``core/tests/test_admin_site.py`` walks the registry): it is read in
the workspace, where reads are audited.
"""

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


def request_is_verified(request: HttpRequest) -> bool:
    """Whether this session proved a second factor (django-otp's OTPMiddleware)."""
    is_verified = getattr(request.user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


class TremplinAdminSite(AdminSite):
    """An AdminSite that, like django-otp's OTPAdminSite, lets in verified sessions only."""

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and request_is_verified(request)

    @method_decorator(never_cache)
    def login(self, request: HttpRequest, extra_context: object = None) -> HttpResponse:
        """No admin login form: the workspace's login, then its two-factor page."""
        target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(target, reverse("accounts:login"))
        if not request_is_verified(request):
            return redirect_to_login(target, reverse("accounts:two_factor"))
        if not self.has_permission(request):
            raise PermissionDenied("this account may not use the admin")
        return super().login(request, extra_context)  # type: ignore[arg-type]
