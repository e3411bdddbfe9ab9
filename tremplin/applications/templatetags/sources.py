"""``{% share_links vacancy %}``: on a vacancy's staff page, the apply links a recruiter
copies for a job board (with the board's name) and for their own referrals."""

from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tremplin.applications.sources import (
    VIA_BOARD,
    VIA_REFERRAL,
    board_name_clean,
    referral_token,
)
from tremplin.vacancies.models import Vacancy

register = template.Library()

BOARD_NAME_FIELD = "board_name"


def _apply_url(vacancy: Vacancy, language: str, query: dict[str, str]) -> str:
    with translation.override(language):
        path = reverse(
            "applications:apply", kwargs={"org": vacancy.organization.slug, "vacancy": vacancy.slug}
        )
    return f"{settings.SITE_URL}{path}?{urlencode(query)}"


@register.inclusion_tag("applications/staff/_share_links.html", takes_context=True)
def share_links(context: template.Context, vacancy: Vacancy) -> dict[str, Any]:
    request = context["request"]
    typed = request.GET.get(BOARD_NAME_FIELD, "")
    name = board_name_clean(typed)
    via = f"{VIA_BOARD}:{name}" if name else VIA_BOARD
    token = referral_token(user_id=request.user.pk, organization_id=vacancy.organization_id)
    languages = [(code, str(label)) for code, label in settings.LANGUAGES]
    return {
        "vacancy": vacancy,
        "field": BOARD_NAME_FIELD,
        "typed": typed,
        "board_name": name,
        "bad_name": bool(typed.strip()) and not name,
        "links": [
            {
                "language": label,
                "board": _apply_url(vacancy, code, {"via": via}),
                "referral": _apply_url(vacancy, code, {"via": VIA_REFERRAL, "by": token}),
            }
            for code, label in languages
        ],
    }
