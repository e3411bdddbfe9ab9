"""Writes on vacancies: publishing, closing and reopening."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tremplin.vacancies.models import Vacancy


def vacancy_publish_problems(*, vacancy: Vacancy) -> list[str]:
    """What stands in the way of publishing ``vacancy``, as sentences; empty when nothing does."""
    problems: list[str] = []
    if not vacancy.texts.exists():
        problems.append(_("The vacancy has no text in any language."))
    if vacancy.kind == Vacancy.Kind.JOB and not vacancy.has_pay_range:
        problems.append(
            _(
                "A paid job cannot be published without a pay range (minimum, maximum, "
                "currency and period): the EU Pay Transparency Directive, Art. 5, requires it."
            )
        )
    if vacancy.deadline is not None and vacancy.deadline < timezone.localdate():
        problems.append(
            _("The deadline (%(deadline)s) is in the past.") % {"deadline": vacancy.deadline}
        )
    return problems


@transaction.atomic
def vacancy_publish(*, vacancy: Vacancy) -> Vacancy:
    """Publish ``vacancy``; raise ValidationError naming everything that is missing."""
    problems = vacancy_publish_problems(vacancy=vacancy)
    if problems:
        raise ValidationError(problems)
    vacancy.status = Vacancy.Status.PUBLISHED
    if vacancy.date_posted is None:
        vacancy.date_posted = timezone.localdate()
    vacancy.save(update_fields=["status", "date_posted", "updated_at"])
    return vacancy


@transaction.atomic
def vacancy_close(*, vacancy: Vacancy) -> Vacancy:
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save(update_fields=["status", "updated_at"])
    return vacancy


def vacancy_reopen(*, vacancy: Vacancy) -> Vacancy:
    """Reopen a closed vacancy: the same rules as publishing apply."""
    return vacancy_publish(vacancy=vacancy)
