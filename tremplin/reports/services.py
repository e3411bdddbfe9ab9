"""The diversity questionnaire's writes: turning it on or off (owners, audited), and
keeping one person's answers, once per link.

The link a person gets after applying signs the vacancy and a random value, nothing of
the application: the answer it brings cannot be traced back to anyone. One answer per
link: the random value's hash is kept with the answer (it names no one either).
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from tremplin.accounts.models import Organization
from tremplin.core.audit import Actor, log_action
from tremplin.reports.models import DiversityAnswer, DiversitySurvey
from tremplin.reports.selectors import week_start
from tremplin.vacancies.models import Vacancy

SALT = "tremplin.reports.diversity"
LINK_MAX_AGE = timedelta(days=7)


def diversity_survey_set(*, organization: Organization, enabled: bool, by: Actor) -> bool:
    """Offer the questionnaire (or stop); recorded in the audit log. True if it changed."""
    with transaction.atomic():
        survey, _created = DiversitySurvey.objects.select_for_update().get_or_create(
            organization=organization
        )
        if survey.enabled == enabled:
            return False
        survey.enabled = enabled
        survey.save(update_fields=["enabled", "changed_at"])
        verb = "reports.diversity_on" if enabled else "reports.diversity_off"
        log_action(by, verb, organization, organization=organization)
    return True


def diversity_link_make(*, vacancy: Vacancy) -> str:
    """A new link token for ``vacancy``: its id and a random value, signed and dated."""
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"vacancy": vacancy.pk, "nonce": secrets.token_urlsafe(16)}
    )


@dataclass(frozen=True)
class Link:
    vacancy_id: int
    key: str  # the hash kept with the answer


def diversity_link_read(*, token: str) -> Link | None:
    """The link's vacancy and key; None when it is not ours, or too old."""
    try:
        value: Any = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=LINK_MAX_AGE)
        vacancy_id, nonce = int(value["vacancy"]), str(value["nonce"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return Link(vacancy_id=vacancy_id, key=hashlib.sha256(nonce.encode()).hexdigest())


def diversity_answer_save(*, vacancy: Vacancy, link: Link, answers: dict[str, str]) -> bool:
    """Keep the answers (blank ones stay blank); False if this link was answered already."""
    try:
        with transaction.atomic():
            DiversityAnswer.objects.create(
                organization_id=vacancy.organization_id,
                vacancy=vacancy,
                week=week_start(timezone.now()),
                link=link.key,
                **{name: answers.get(name, "") for name in DiversityAnswer.QUESTIONS},
            )
    except IntegrityError:
        return False
    return True
