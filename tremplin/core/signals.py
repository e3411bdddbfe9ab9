"""Account events in the audit log: logins, failed logins, logouts.

They are logged without an organization (an account may belong to several); each owner's
log shows those of the organization's members
(``accounts.audit_selectors.audit_events_for_organization``).
"""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from tremplin.core.audit import AUTH_LOGIN, AUTH_LOGIN_FAILED, AUTH_LOGOUT, Actor, log_action
from tremplin.core.models import AuditEvent

EMAIL_MAX_CHARS = 254


@receiver(user_logged_in, dispatch_uid="audit_login")
def audit_login(
    sender: Any, request: HttpRequest | None, user: AbstractBaseUser, **kwargs: Any
) -> None:
    log_action(user, AUTH_LOGIN, None, organization=None)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def audit_logout(sender: Any, request: HttpRequest | None, user: Actor, **kwargs: Any) -> None:
    if user is not None:
        log_action(user, AUTH_LOGOUT, None, organization=None)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """Only the e-mail typed is kept. Django has already replaced the password in
    ``credentials``, and ``log_action`` masks any secret key, but the rest of the credentials
    is not even handed over."""
    typed = credentials.get("username") or credentials.get("email") or ""
    email = str(typed).strip()[:EMAIL_MAX_CHARS]
    event = log_action(None, AUTH_LOGIN_FAILED, None, {"email": email.lower()}, organization=None)
    # The one who failed is whoever typed that e-mail, not "the system".
    AuditEvent.objects.filter(pk=event.pk).update(actor_label=email)
