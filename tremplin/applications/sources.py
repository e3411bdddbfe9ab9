"""Where an application came from, told by a marker on the apply link.

Recruiters share a vacancy's apply link with a marker in its query string:

- ``?via=board`` or ``?via=board:<board name>`` (``?utm_source=<board name>`` is read the
  same way, as job boards and campaign tools add it): a job board, its name kept as
  ``source_detail``;
- ``?via=referral&by=<token>``: a referral by the staff member whose token it is. The token
  is signed (``django.core.signing``) and names the member and the organization, so nobody
  can make one up for somebody else, or use one on another organization's vacancy.

A board name is a short slug (lower-case letters, digits and dashes). The form keeps the
marker through its POST in two hidden fields; a marker that is not one of the above (a bad
name, a forged or foreign token) is ignored: the application counts as the web form's, and
the candidate sees no error.
"""

import re
from dataclasses import dataclass

from django.core import signing
from django.http import QueryDict

from tremplin.accounts.models import Membership
from tremplin.applications.models import Application
from tremplin.vacancies.models import Vacancy

BOARD_NAME_MAX = 50
_BOARD_NAME = re.compile(rf"[a-z0-9](?:[a-z0-9-]{{0,{BOARD_NAME_MAX - 1}}})")
_TOKEN = re.compile(r"[A-Za-z0-9_:\-]{1,200}")
_REFERRAL_SALT = "tremplin.applications.referral"
VIA_BOARD = "board"
VIA_REFERRAL = "referral"


@dataclass(frozen=True)
class Origin:
    source: str
    detail: str = ""
    referrer_id: int | None = None


WEB = Origin(source=Application.Source.WEB)


def board_name_clean(value: str) -> str:
    """The board name if it is a short slug, else ""."""
    value = value.strip().lower()
    return value if _BOARD_NAME.fullmatch(value) else ""


def via_clean(value: str) -> str:
    """The ``via`` marker as the form keeps it ("board", "board:<name>", "referral"), or ""."""
    value = value.strip().lower()
    if value in (VIA_BOARD, VIA_REFERRAL):
        return value
    kind, colon, name = value.partition(":")
    if kind == VIA_BOARD and colon and board_name_clean(name):
        return f"{VIA_BOARD}:{name}"
    return ""


def referral_token_clean(value: str) -> str:
    value = value.strip()
    return value if _TOKEN.fullmatch(value) else ""


def marker_from_query(query: QueryDict) -> dict[str, str]:
    """The hidden fields' initial values from an apply link's query string."""
    via = via_clean(query.get("via", ""))
    if not via:
        name = board_name_clean(query.get("utm_source", ""))
        via = f"{VIA_BOARD}:{name}" if name else ""
    by = referral_token_clean(query.get("by", "")) if via == VIA_REFERRAL else ""
    return {"via": via, "by": by}


def referral_token(*, user_id: int, organization_id: int) -> str:
    """The token of a member's referral links for their organization's vacancies."""
    return signing.dumps([user_id, organization_id], salt=_REFERRAL_SALT, compress=False)


def _referrer(token: str, vacancy: Vacancy) -> int | None:
    try:
        user_id, organization_id = signing.loads(token, salt=_REFERRAL_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if organization_id != vacancy.organization_id or not isinstance(user_id, int):
        return None
    member = Membership.objects.filter(
        user_id=user_id,
        organization_id=organization_id,
        user__is_active=True,
    ).exists()
    return user_id if member else None


def application_origin(*, via: str, by: str, vacancy: Vacancy) -> Origin:
    """Where the application came from, by the form's hidden fields; the web form unless the
    marker is a valid one."""
    via = via_clean(via)
    if via == VIA_REFERRAL:
        referrer = _referrer(referral_token_clean(by), vacancy) if by else None
        if referrer is None:
            return WEB
        return Origin(source=Application.Source.REFERRAL, referrer_id=referrer)
    if via.startswith(VIA_BOARD):
        return Origin(source=Application.Source.BOARD, detail=via.partition(":")[2])
    return WEB
