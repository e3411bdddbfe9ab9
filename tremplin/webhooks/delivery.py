"""Sending one delivery: a signed POST from the task worker, every attempt recorded.

A failure is tried again with exponential backoff (TREMPLIN_WEBHOOK_RETRY_BASE_SECONDS,
doubling, at most TREMPLIN_WEBHOOK_RETRY_MAX_SECONDS apart) for TREMPLIN_WEBHOOK_RETRY_HOURS
(24) after the event; then the delivery has failed. An endpoint whose deliveries have all
failed for TREMPLIN_WEBHOOK_DISABLE_AFTER_DAYS (3) is disabled and its organization's
owners are told by e-mail, through the outbox. Redirects are not followed: a redirect could
lead to an address the endpoint's check refused."""

import json
import logging
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tremplin.accounts.models import Membership
from tremplin.core.audit import log_action
from tremplin.messaging.outbox import AUTOMATIC_HEADERS, outbox_compose
from tremplin.webhooks.events import delivery_enqueue
from tremplin.webhooks.models import Delivery, DeliveryAttempt, Endpoint
from tremplin.webhooks.signing import signature
from tremplin.webhooks.targets import target_check

logger = logging.getLogger(__name__)

USER_AGENT = "Tremplin-Webhooks/1"
# A delivery left "sending" this long belongs to a worker that died mid-send.
STALE_CLAIM = timedelta(minutes=15)
TIMEOUT_SECONDS = 10


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def retry_delay(*, attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt: doubling, capped."""
    base = _setting("TREMPLIN_WEBHOOK_RETRY_BASE_SECONDS", 60)
    cap = _setting("TREMPLIN_WEBHOOK_RETRY_MAX_SECONDS", 2 * 3600)
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def body_bytes(delivery: Delivery) -> bytes:
    return json.dumps(delivery.body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _post(endpoint: Endpoint, delivery: Delivery) -> tuple[int | None, str]:
    """POST the delivery: its answer's status and, on a failure, why."""
    body = body_bytes(delivery)
    request = urllib.request.Request(  # noqa: S310 (http(s) only: targets.target_check)
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Tremplin-Event": delivery.event,
            "Tremplin-Delivery": str(delivery.uuid),
            "Tremplin-Signature": signature(
                secret=endpoint.secret, timestamp=int(time.time()), body=body
            ),
        },
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        target_check(endpoint.url)
        with opener.open(request, timeout=TIMEOUT_SECONDS) as answer:
            answer.read(65536)
            return answer.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except ValidationError as exc:
        return None, " ".join(exc.messages)
    except (OSError, ValueError) as exc:
        return None, f"{type(exc).__name__}: {exc}"[:2000]


def delivery_send(*, delivery_pk: int) -> str:
    """Send one delivery if it is due and nobody else holds it; return its status after."""
    now = timezone.now()
    claimed = (
        Delivery.objects.filter(pk=delivery_pk, status=Delivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    delivery = Delivery.objects.select_related("endpoint").filter(pk=delivery_pk).first()
    if delivery is None:
        return "missing"
    if not claimed:
        return str(delivery.status)
    endpoint = delivery.endpoint
    if not endpoint.active:
        _finish(delivery, Delivery.Status.FAILED, None, gettext("The webhook is disabled."))
        return str(Delivery.Status.FAILED)
    started = time.monotonic()
    status, error = _post(endpoint, delivery)
    duration = int((time.monotonic() - started) * 1000)
    succeeded = status is not None and 200 <= status < 300
    if status is not None and not succeeded and not error:
        error = f"HTTP {status}"
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            delivery=delivery, status=status, error=error, duration_ms=duration
        )
        if succeeded:
            Endpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
            _finish(delivery, Delivery.Status.DELIVERED, status, "")
            return str(Delivery.Status.DELIVERED)
        return _failed(delivery, endpoint, status, error)


def _finish(delivery: Delivery, status: str, answer: int | None, error: str) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status,
        last_status=answer,
        last_error=error,
        claimed_at=None,
        next_attempt_at=None,
        delivered_at=timezone.now() if status == Delivery.Status.DELIVERED else None,
    )


def _failed(delivery: Delivery, endpoint: Endpoint, answer: int | None, error: str) -> str:
    now = timezone.now()
    Endpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(failing_since=now)
    endpoint.refresh_from_db(fields=["failing_since", "active"])
    disable_after = timedelta(days=_setting("TREMPLIN_WEBHOOK_DISABLE_AFTER_DAYS", 3))
    if endpoint.failing_since is not None and now - endpoint.failing_since >= disable_after:
        endpoint_disable(endpoint=endpoint, now=now)
        _finish(delivery, Delivery.Status.FAILED, answer, error)
        return str(Delivery.Status.FAILED)
    next_at = now + retry_delay(attempts=delivery.attempts)
    give_up_at = delivery.created_at + timedelta(hours=_setting("TREMPLIN_WEBHOOK_RETRY_HOURS", 24))
    if next_at > give_up_at:
        _finish(delivery, Delivery.Status.FAILED, answer, error)
        return str(Delivery.Status.FAILED)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.PENDING,
        next_attempt_at=next_at,
        last_status=answer,
        last_error=error,
        claimed_at=None,
    )
    delivery.next_attempt_at = next_at
    delivery_enqueue(delivery=delivery)
    return str(Delivery.Status.PENDING)


def endpoint_disable(*, endpoint: Endpoint, now: datetime) -> None:
    """Stop sending to ``endpoint`` (it has failed for days) and tell its owners by e-mail."""
    updated = Endpoint.objects.filter(pk=endpoint.pk, active=True).update(
        active=False, disabled_at=now
    )
    if not updated:
        return
    Delivery.objects.filter(endpoint=endpoint, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED, last_error="endpoint disabled", next_attempt_at=None
    )
    organization = endpoint.organization
    log_action(None, "webhook.disabled", endpoint, {"url": endpoint.url}, organization=organization)
    owners = Membership.objects.filter(
        organization=organization, role=Membership.Role.OWNER, user__is_active=True
    ).select_related("user")
    codes = {code for code, _name in settings.LANGUAGES}
    for membership in owners:
        user = membership.user
        language = user.language if user.language in codes else settings.LANGUAGE_CODE

        def compose() -> tuple[str, str]:
            context = {
                "endpoint": endpoint,
                "organization": organization,
                "days": _setting("TREMPLIN_WEBHOOK_DISABLE_AFTER_DAYS", 3),
                "page_url": settings.SITE_URL
                + reverse("staff_webhooks:list", kwargs={"org": organization.slug}),
            }
            subject = gettext("A webhook of %(organization)s was disabled") % {
                "organization": organization.name
            }
            return subject, render_to_string("webhooks/email/endpoint_disabled.txt", context)

        outbox_compose(
            to=user.email,
            language=language,
            compose=compose,
            headers=AUTOMATIC_HEADERS,
            kind="webhook_disabled",
        )


def delivery_sweep() -> int:
    """Give every due delivery a send task again (for tasks that were lost), a delivery
    left "sending" by a worker that died first; return how many."""
    now = timezone.now()
    Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=Delivery.Status.PENDING, claimed_at=None, next_attempt_at=now)
    due = Delivery.objects.filter(status=Delivery.Status.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    count = 0
    for delivery in due.order_by("pk").iterator():
        with transaction.atomic():
            delivery_enqueue(delivery=delivery)
        count += 1
    return count
