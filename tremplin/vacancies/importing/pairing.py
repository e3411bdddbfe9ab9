"""Which stored vacancy a posting belongs to: the same one again, a translation, or none.

In this order, the first that applies decides:

1. an explicit key in the front matter (``translation_key:`` or ``translation_of:``) naming
   a vacancy of the organization by its translation key or slug;
2. the front matter ``slug:`` naming a vacancy (by slug or translation key);
3. a text imported from the same file name (a re-import);
4. a text in the same language with the same title (a re-import under another name);
5. evidence, weighed against each vacancy of the organization that has no text in the
   posting's language: the same apply address, the same pay figures, the same bullet
   counts section by section. It pairs when at least ``EVIDENCE_NEEDED`` of the three agree,
   none disagrees, and no other vacancy does as well. Otherwise the posting is a new vacancy.

Every decision carries its reason, for the importer to print.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from tremplin.accounts.models import Organization
from tremplin.core.language import language_name
from tremplin.vacancies.importing.errors import PostingError
from tremplin.vacancies.importing.posting import ParsedPosting
from tremplin.vacancies.importing.structure import parse_structure
from tremplin.vacancies.models import Vacancy, VacancyText
from tremplin.vacancies.selectors import vacancy_title_for_language

EVIDENCE_NEEDED = 2
MIN_BULLETS_AS_EVIDENCE = 3

NEW = "new"
SAME = "same"  # matched by key, slug, file or title
EVIDENCE = "evidence"


@dataclass(frozen=True)
class PairingDecision:
    vacancy: Vacancy | None
    how: str
    reason: str

    @property
    def paired(self) -> bool:
        return self.vacancy is not None


@dataclass
class Evidence:
    vacancy: Vacancy
    agreements: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def convincing(self) -> bool:
        return len(self.agreements) >= EVIDENCE_NEEDED and not self.conflicts

    def summary(self) -> str:
        parts = self.agreements + self.conflicts
        return "; ".join(parts) if parts else _("nothing in common to compare")


def _label(vacancy: Vacancy) -> str:
    title = vacancy_title_for_language(vacancy=vacancy, language=settings.LANGUAGE_CODE)
    return f"“{title}” ({vacancy.slug})"


def _figures(low: Decimal | None, high: Decimal | None, currency: str | None) -> str:
    def number(value: Decimal | None) -> str:
        if value is None:
            return "?"
        return str(int(value)) if value == value.to_integral_value() else str(value)

    return f"{number(low)}–{number(high)} {currency or ''}".strip()


def bullet_counts(vacancy: Vacancy) -> tuple[int, ...]:
    """Bullets per section of the vacancy's stored text, as the parser counts a posting's."""
    text = vacancy.texts.first()
    if text is None or not text.body.strip():
        return ()
    try:
        document = parse_structure(text.body, source_name=text.source_name or vacancy.slug)
    except PostingError:
        return ()
    return tuple(len(s.bullets) for s in document.headed_sections if s.bullets)


def weigh(posting: ParsedPosting, vacancy: Vacancy) -> Evidence:
    """What ``posting`` and ``vacancy`` share and where they disagree."""
    evidence = Evidence(vacancy)
    for mine, theirs in (
        (posting.apply_email, vacancy.apply_email),
        (posting.apply_url, vacancy.apply_url),
    ):
        if mine and theirs:
            if mine.lower() == theirs.lower():
                evidence.agreements.append(_("same apply address %(address)s") % {"address": mine})
            else:
                evidence.conflicts.append(
                    _("different apply addresses (%(mine)s, %(theirs)s)")
                    % {"mine": mine, "theirs": theirs}
                )
    salary = posting.salary
    mine_stated = salary is not None and (salary.min is not None or salary.max is not None)
    theirs_stated = vacancy.pay_min is not None or vacancy.pay_max is not None
    if salary is not None and mine_stated and theirs_stated:
        mine_pay = _figures(salary.min, salary.max, salary.currency)
        theirs_pay = _figures(vacancy.pay_min, vacancy.pay_max, vacancy.pay_currency)
        if mine_pay == theirs_pay:
            evidence.agreements.append(_("same pay figures %(pay)s") % {"pay": mine_pay})
        else:
            evidence.conflicts.append(
                _("different pay figures (%(mine)s, %(theirs)s)")
                % {"mine": mine_pay, "theirs": theirs_pay}
            )
    theirs_counts = bullet_counts(vacancy)
    if sum(posting.bullet_counts) >= MIN_BULLETS_AS_EVIDENCE or theirs_counts:
        mine_counts = ", ".join(map(str, posting.bullet_counts)) or "0"
        if posting.bullet_counts == theirs_counts:
            evidence.agreements.append(
                _("same bullet counts, section by section (%(counts)s)") % {"counts": mine_counts}
            )
        else:
            evidence.conflicts.append(
                _("different bullet counts (%(mine)s against %(theirs)s)")
                % {"mine": mine_counts, "theirs": ", ".join(map(str, theirs_counts)) or "0"}
            )
    return evidence


def _explicit(posting: ParsedPosting, organization: Organization) -> PairingDecision | None:
    vacancies = Vacancy.objects.filter(organization=organization)
    if posting.translation_key:
        key = posting.translation_key
        vacancy = (
            vacancies.filter(translation_key=key).first() or vacancies.filter(slug=key).first()
        )
        if vacancy is not None:
            return PairingDecision(
                vacancy,
                SAME,
                _("the front matter key “%(key)s” names vacancy %(vacancy)s.")
                % {"key": key, "vacancy": _label(vacancy)},
            )
    if posting.slug:
        vacancy = (
            vacancies.filter(slug=posting.slug).first()
            or vacancies.filter(translation_key=posting.slug).first()
        )
        if vacancy is not None:
            return PairingDecision(
                vacancy,
                SAME,
                _("the front matter slug “%(slug)s” names vacancy %(vacancy)s.")
                % {"slug": posting.slug, "vacancy": _label(vacancy)},
            )
    texts = VacancyText.objects.filter(vacancy__organization=organization).select_related("vacancy")
    text = texts.filter(source_name=posting.source_name).first()
    if text is not None:
        return PairingDecision(
            text.vacancy,
            SAME,
            _("vacancy %(vacancy)s was imported from the same file, %(file)s.")
            % {"vacancy": _label(text.vacancy), "file": posting.source_name},
        )
    if posting.title and posting.language:
        text = texts.filter(language=posting.language, title__iexact=posting.title).first()
        if text is not None:
            return PairingDecision(
                text.vacancy,
                SAME,
                _("vacancy %(vacancy)s has the same title in %(language)s.")
                % {"vacancy": _label(text.vacancy), "language": language_name(posting.language)},
            )
    return None


def pairing_decide(*, posting: ParsedPosting, organization: Organization | None) -> PairingDecision:
    """The vacancy ``posting`` belongs to, or a new one, with the reason."""
    if organization is None or organization.pk is None:
        return PairingDecision(None, NEW, _("new vacancy: the organization is new."))
    explicit = _explicit(posting, organization)
    if explicit is not None:
        return explicit
    language = language_name(posting.language)
    candidates = (
        Vacancy.objects.filter(organization=organization)
        .exclude(texts__language=posting.language)
        .prefetch_related("texts")
        .order_by("pk")
    )
    weighed = [weigh(posting, vacancy) for vacancy in candidates]
    if not weighed:
        return PairingDecision(
            None,
            NEW,
            _(
                "new vacancy: %(organization)s has no vacancy still missing a text in "
                "%(language)s to pair it with."
            )
            % {"organization": organization.slug, "language": language},
        )
    convincing = sorted(
        (evidence for evidence in weighed if evidence.convincing),
        key=lambda evidence: len(evidence.agreements),
        reverse=True,
    )
    if len(convincing) > 1 and len(convincing[0].agreements) == len(convincing[1].agreements):
        return PairingDecision(
            None,
            NEW,
            _(
                "new vacancy: the evidence fits %(first)s and %(second)s equally, so it pairs "
                "with neither; add “translation_of: <slug>” to the front matter to choose."
            )
            % {"first": _label(convincing[0].vacancy), "second": _label(convincing[1].vacancy)},
        )
    if convincing:
        best = convincing[0]
        return PairingDecision(
            best.vacancy,
            EVIDENCE,
            _("the text in %(language)s of vacancy %(vacancy)s: %(evidence)s.")
            % {"language": language, "vacancy": _label(best.vacancy), "evidence": best.summary()},
        )
    closest = max(weighed, key=lambda evidence: len(evidence.agreements) - len(evidence.conflicts))
    return PairingDecision(
        None,
        NEW,
        _(
            "new vacancy: no vacancy missing a text in %(language)s shares enough evidence "
            "(%(needed)d of: same apply address, same pay figures, same bullet counts; and "
            "nothing different). Closest, %(vacancy)s: %(evidence)s."
        )
        % {
            "language": language,
            "needed": EVIDENCE_NEEDED,
            "vacancy": _label(closest.vacancy),
            "evidence": closest.summary(),
        },
    )
