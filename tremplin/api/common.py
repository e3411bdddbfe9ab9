"""What every endpoint shares: errors as JSON, cursor pages, the audit of reads."""

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from tremplin.accounts.models import Membership
from tremplin.api.auth import ApiError, ApiRequest
from tremplin.core.audit import log_action

PAGE_DEFAULT = 50
PAGE_MAX = 200


def cursor_make(pk: int) -> str:
    return base64.urlsafe_b64encode(f"after:{pk}".encode()).decode().rstrip("=")


def cursor_read(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _sep, value = text.partition(":")
        if kind != "after":
            raise ValueError(cursor)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise ApiError(400, "cursor", _("This cursor is not one the API gave.")) from exc


def page[M: Model](
    queryset: QuerySet[M], *, cursor: str | None, limit: int
) -> tuple[list[M], str | None]:
    """One page of ``queryset`` by ascending id after ``cursor``: its rows and the next
    page's cursor (None on the last page). Reads ``limit`` + 1 rows, however long the list."""
    if limit < 1 or limit > PAGE_MAX:
        raise ApiError(400, "limit", _("limit must be between 1 and %(max)s.") % {"max": PAGE_MAX})
    if cursor:
        queryset = queryset.filter(pk__gt=cursor_read(cursor))
    rows = list(queryset.order_by("pk")[: limit + 1])
    if len(rows) > limit:
        return rows[:limit], cursor_make(rows[limit - 1].pk)
    return rows, None


def refusal(error: ValidationError, *, status: int = 422) -> ApiError:
    """A ValidationError of a service as the API's answer: every rule it names, by code."""
    items: list[dict[str, str]] = []
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                items.append(
                    {"field": field, "code": item.code or "invalid", "message": _message(item)}
                )
    else:
        for item in error.error_list:
            items.append({"code": item.code or "invalid", "message": _message(item)})
    detail = " ".join(item["message"] for item in items) or _("The request was refused.")
    code = items[0]["code"] if len(items) == 1 else "invalid"
    return ApiError(status, code, detail, extra={"errors": items})


def _message(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def membership(request: Any) -> Membership:
    found: Membership = request.membership
    return found


def audit_read(
    request: ApiRequest, verb: str, target: Model | None, data: Mapping[str, Any] | None = None
) -> None:
    """Record a read of personal data through the API, with the token's name."""
    token = request.api_token
    log_action(
        token.user,
        verb,
        target,
        {**(data or {}), "via": "api", "client": token.name},
        organization=token.organization,
    )
