"""Tremplin's own demo data: fictional organizations and vacancies, in French and English.

Everything here was written for the demo; the organizations do not exist (their addresses
use the reserved ``.example`` domain). ``demo_load`` creates what is missing and never
touches what is already there, so loading twice changes nothing.
"""

import datetime
import os
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import Membership, Organization
from tremplin.vacancies import services
from tremplin.vacancies.models import Criterion, CriterionText, Vacancy, VacancyText

ADMIN_EMAIL = "admin@tremplin.example"


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    name: str
    website: str
    email: str
    about: str
    # The data controller, for the privacy notice and the record of processing.
    legal_name: str = ""
    postal_address: str = ""
    privacy_email: str = ""
    dpo_name: str = ""
    dpo_email: str = ""


@dataclass(frozen=True)
class DemoText:
    title: str
    summary: str
    intro: str
    duties: tuple[str, ...]
    offer: tuple[str, ...]


@dataclass(frozen=True)
class DemoCriterion:
    kind: str
    texts: dict[str, str]


@dataclass(frozen=True)
class DemoVacancy:
    organization: str
    slug: str
    texts: dict[str, DemoText]
    criteria: tuple[DemoCriterion, ...]
    kind: str = Vacancy.Kind.JOB
    employment_type: str = ""
    contract_duration_months: int | None = None
    location: str = ""
    remote: bool | None = None
    pay: tuple[str, str, str, str] | None = None  # min, max, currency, period
    apply_email: str = ""
    apply_url: str = ""
    required_languages: tuple[str, ...] = ()
    application_language: str = ""
    min_years_experience: int | None = None
    posted_days_ago: int = 0
    deadline_in_days: int | None = None


ORGANIZATIONS = (
    DemoOrganization(
        slug="observatoire-citoyen",
        name="Observatoire citoyen des algorithmes",
        website="https://observatoire-citoyen.example",
        email="recrutement@observatoire-citoyen.example",
        legal_name="Association Observatoire citoyen des algorithmes",
        postal_address="12 rue de la Charité\n69002 Lyon\nFrance",
        privacy_email="donnees@observatoire-citoyen.example",
        dpo_name="Camille Roux",
        dpo_email="dpo@observatoire-citoyen.example",
        about=(
            "L’Observatoire citoyen des algorithmes est une association indépendante, basée à "
            "Lyon, qui documente les algorithmes utilisés par les administrations françaises "
            "et aide les citoyennes et citoyens à en comprendre les effets.\n\n"
            "*Fictional organization created for Tremplin’s demo.*"
        ),
    ),
    DemoOrganization(
        slug="entraide-velo",
        name="Réseau Entraide Vélo",
        website="https://entraide-velo.example",
        email="contact@entraide-velo.example",
        legal_name="Association Réseau Entraide Vélo",
        postal_address="5 quai de la Fosse\n44000 Nantes\nFrance",
        about=(
            "Le Réseau Entraide Vélo fait vivre trois ateliers participatifs de réparation de "
            "vélos à Nantes : chacun·e y apprend à entretenir son vélo, avec des outils "
            "partagés et l’aide de bénévoles.\n\n"
            "*Fictional organization created for Tremplin’s demo.*"
        ),
    ),
    DemoOrganization(
        slug="civic-data-commons",
        name="Civic Data Commons",
        website="https://civicdatacommons.example",
        email="jobs@civicdatacommons.example",
        legal_name="Civic Data Commons (association loi 1901)",
        postal_address="40 rue des Archives\n75004 Paris\nFrance",
        privacy_email="privacy@civicdatacommons.example",
        about=(
            "Civic Data Commons is a small, remote-first non-profit that builds open-source "
            "tools for local councils to publish their data in formats anyone can reuse.\n\n"
            "*Fictional organization created for Tremplin’s demo.*"
        ),
    ),
)

# Section headings of the generated bodies: content in each language, not UI strings.
SECTIONS = {
    "en": {
        "duties": "What you will do",
        "must": "What we ask",
        "nice": "Nice to have",
        "quality": "Personal qualities",
        "offer": "What we offer",
    },
    "fr": {
        "duties": "Vos missions",
        "must": "Ce que nous demandons",
        "nice": "Atouts appréciés",
        "quality": "Qualités personnelles",
        "offer": "Ce que nous proposons",
    },
}

MUST, NICE, QUALITY = Criterion.Kind.MUST, Criterion.Kind.NICE, Criterion.Kind.QUALITY

VACANCIES = (
    DemoVacancy(
        organization="observatoire-citoyen",
        slug="analyste-politiques-numeriques",
        kind=Vacancy.Kind.JOB,
        employment_type=Vacancy.EmploymentType.FULL_TIME,
        contract_duration_months=18,
        location="Lyon",
        remote=True,
        pay=("38000", "44000", "EUR", Vacancy.PayPeriod.YEAR),
        apply_email="recrutement@observatoire-citoyen.example",
        required_languages=("fr", "en"),
        min_years_experience=2,
        posted_days_ago=4,
        deadline_in_days=40,
        texts={
            "fr": DemoText(
                title="Chargé·e d’analyse des politiques publiques numériques",
                summary=(
                    "Analyser les algorithmes des administrations et rendre vos conclusions "
                    "lisibles par toutes et tous. CDD de 18 mois, Lyon ou télétravail partiel."
                ),
                intro=(
                    "L’Observatoire recrute sa deuxième personne salariée pour suivre "
                    "l’usage des algorithmes dans l’action publique : attribution des "
                    "aides, contrôles, orientation scolaire. Vous travaillerez avec notre "
                    "déléguée générale et un réseau d’une trentaine de bénévoles."
                ),
                duties=(
                    "Recenser les algorithmes publics à partir des demandes d’accès aux "
                    "documents administratifs et des publications officielles",
                    "Rédiger des fiches d’analyse claires, en français, pour le grand public",
                    "Préparer nos contributions aux consultations nationales et européennes",
                    "Animer deux ateliers par trimestre avec les bénévoles de veille",
                ),
                offer=(
                    "CDD de 18 mois à temps plein, 35 heures par semaine",
                    "Salaire brut annuel de 38 000 à 44 000 € selon l’expérience",
                    "Jusqu’à trois jours de télétravail par semaine",
                    "Prise en charge à 75 % de l’abonnement de transport et forfait "
                    "mobilités durables",
                ),
            ),
            "en": DemoText(
                title="Digital public policy analyst",
                summary=(
                    "Analyse the algorithms French public bodies use and make your findings "
                    "readable by everyone. 18-month contract, Lyon or partly remote."
                ),
                intro=(
                    "The Observatoire is hiring its second employee to follow how public "
                    "bodies use algorithms: benefit allocation, fraud checks, school "
                    "placement. You will work with our executive director and a network "
                    "of about thirty volunteers."
                ),
                duties=(
                    "Map public algorithms from freedom-of-information requests and "
                    "official publications",
                    "Write clear analysis notes, in French, for a general audience",
                    "Prepare our contributions to national and European consultations",
                    "Run two workshops a quarter with our volunteer watchers",
                ),
                offer=(
                    "18-month full-time contract, 35 hours a week",
                    "Gross annual salary of €38,000 to €44,000 depending on experience",
                    "Up to three days of remote work a week",
                    "75% of your public transport pass paid, plus a cycling allowance",
                ),
            ),
        },
        criteria=(
            DemoCriterion(
                MUST,
                {
                    "fr": "Au moins deux ans d’expérience en analyse de politiques publiques, "
                    "en plaidoyer ou en journalisme",
                    "en": "At least two years of experience in public policy analysis, "
                    "advocacy or journalism",
                },
            ),
            DemoCriterion(
                MUST,
                {
                    "fr": "Excellente expression écrite en français",
                    "en": "Excellent written French",
                },
            ),
            DemoCriterion(
                MUST,
                {
                    "fr": "Anglais lu couramment, pour suivre les textes européens",
                    "en": "Fluent reading English, to follow European texts",
                },
            ),
            DemoCriterion(
                NICE,
                {
                    "fr": "Notions de statistique ou de programmation",
                    "en": "Some statistics or programming",
                },
            ),
            DemoCriterion(
                NICE,
                {
                    "fr": "Connaissance du droit d’accès aux documents administratifs",
                    "en": "Knowledge of French freedom-of-information law",
                },
            ),
        ),
    ),
    DemoVacancy(
        organization="observatoire-citoyen",
        slug="benevole-veille-citoyenne",
        kind=Vacancy.Kind.VOLUNTEER,
        employment_type=Vacancy.EmploymentType.VOLUNTEER,
        remote=True,
        required_languages=("fr",),
        posted_days_ago=12,
        texts={
            "fr": DemoText(
                title="Bénévole de veille citoyenne",
                summary="Deux à quatre heures par mois, à distance, pour repérer les "
                "algorithmes publics près de chez vous.",
                intro=(
                    "Les algorithmes publics se cachent souvent dans des délibérations "
                    "locales ou des notices d’information. Nos bénévoles de veille les "
                    "repèrent et nous les signalent."
                ),
                duties=(
                    "Suivre les publications de votre commune, département ou région",
                    "Signaler chaque nouvel outil automatisé dans notre formulaire partagé",
                    "Participer, si vous le souhaitez, à l’appel mensuel des bénévoles",
                ),
                offer=(
                    "Une formation d’une heure à la veille documentaire",
                    "Un binôme avec un·e bénévole expérimenté·e",
                    "Le remboursement de vos frais si vous venez à nos rencontres",
                ),
            ),
            "en": DemoText(
                title="Volunteer public-algorithm watcher",
                summary="Two to four hours a month, remotely, spotting public algorithms "
                "near where you live.",
                intro=(
                    "Public algorithms often hide in local council decisions or "
                    "information notices. Our volunteer watchers find them and tell us."
                ),
                duties=(
                    "Follow what your town, département or region publishes",
                    "Report each new automated tool in our shared form",
                    "Join the monthly volunteers’ call if you wish",
                ),
                offer=(
                    "A one-hour training in document monitoring",
                    "A more experienced volunteer to pair with",
                    "Your travel costs paid when you come to our meetings",
                ),
            ),
        },
        criteria=(
            DemoCriterion(
                MUST,
                {
                    "fr": "Lire le français administratif sans difficulté",
                    "en": "Reading administrative French comfortably",
                },
            ),
            DemoCriterion(
                QUALITY,
                {
                    "fr": "Curiosité et rigueur",
                    "en": "Curiosity and care for accuracy",
                },
            ),
        ),
        apply_email="recrutement@observatoire-citoyen.example",
    ),
    DemoVacancy(
        organization="entraide-velo",
        slug="coordination-ateliers",
        kind=Vacancy.Kind.JOB,
        employment_type=Vacancy.EmploymentType.PART_TIME,
        location="Nantes",
        remote=False,
        pay=("1750", "1950", "EUR", Vacancy.PayPeriod.MONTH),
        apply_url="https://entraide-velo.example/recrutement",
        required_languages=("fr",),
        application_language="fr",
        posted_days_ago=2,
        deadline_in_days=25,
        texts={
            "fr": DemoText(
                title="Coordinateur·rice des ateliers (28 h par semaine)",
                summary="Faire tourner nos trois ateliers de réparation nantais avec "
                "l’équipe bénévole. CDI à temps partiel.",
                intro=(
                    "Nos ateliers accueillent chaque semaine près de deux cents "
                    "cyclistes. Nous cherchons la personne qui organisera les plannings, "
                    "les stocks de pièces et l’accueil des nouveaux bénévoles."
                ),
                duties=(
                    "Organiser les permanences des trois ateliers avec les bénévoles",
                    "Gérer le stock de pièces détachées et les commandes",
                    "Accueillir et former les nouveaux bénévoles à la sécurité",
                    "Tenir les statistiques de fréquentation pour nos financeurs",
                ),
                offer=(
                    "CDI à temps partiel, 28 heures par semaine, dont un samedi sur deux",
                    "Salaire brut mensuel de 1 750 à 1 950 € selon l’expérience",
                    "Un vélo de fonction et l’accès libre aux ateliers",
                ),
            ),
        },
        criteria=(
            DemoCriterion(
                MUST,
                {
                    "fr": "Une première expérience de coordination d’équipe, salariée ou bénévole",
                },
            ),
            DemoCriterion(MUST, {"fr": "Savoir réaliser les réparations courantes d’un vélo"}),
            DemoCriterion(NICE, {"fr": "Connaissance du monde associatif nantais"}),
            DemoCriterion(QUALITY, {"fr": "Sens de l’accueil et patience"}),
        ),
    ),
    DemoVacancy(
        organization="entraide-velo",
        slug="benevole-atelier-reparation",
        kind=Vacancy.Kind.VOLUNTEER,
        employment_type=Vacancy.EmploymentType.VOLUNTEER,
        location="Nantes",
        remote=False,
        apply_email="contact@entraide-velo.example",
        posted_days_ago=20,
        texts={
            "fr": DemoText(
                title="Bénévole mécanique à l’atelier de réparation",
                summary="Une soirée par semaine ou un samedi par mois pour aider les "
                "cyclistes à réparer eux-mêmes leur vélo.",
                intro=(
                    "À l’atelier, on ne répare pas à la place des gens : on leur montre. "
                    "Rejoignez l’équipe bénévole qui transmet les bons gestes."
                ),
                duties=(
                    "Accueillir les cyclistes et comprendre ce dont leur vélo a besoin",
                    "Montrer comment régler des freins, changer une chambre à air ou une chaîne",
                    "Ranger les outils et signaler les pièces qui manquent",
                ),
                offer=(
                    "Une formation à la mécanique et à la pédagogie d’atelier",
                    "Une équipe chaleureuse et un repas partagé chaque mois",
                ),
            ),
            "en": DemoText(
                title="Volunteer bike mechanic at the repair workshop",
                summary="One evening a week or one Saturday a month helping cyclists "
                "repair their own bikes.",
                intro=(
                    "At the workshop we do not fix bikes for people: we show them how. "
                    "Join the volunteer team that passes the skills on."
                ),
                duties=(
                    "Welcome cyclists and work out what their bike needs",
                    "Show how to adjust brakes, change an inner tube or a chain",
                    "Tidy the tools and report missing parts",
                ),
                offer=(
                    "Training in bike mechanics and in teaching at the workbench",
                    "A friendly team and a shared meal every month",
                ),
            ),
        },
        criteria=(
            DemoCriterion(
                MUST,
                {
                    "fr": "Avoir déjà bricolé son propre vélo",
                    "en": "Having tinkered with your own bike",
                },
            ),
            DemoCriterion(
                NICE,
                {
                    "fr": "Parler une autre langue que le français avec les cyclistes",
                    "en": "Speaking a language other than French with visitors",
                },
            ),
        ),
    ),
    DemoVacancy(
        organization="civic-data-commons",
        slug="python-django-developer",
        kind=Vacancy.Kind.JOB,
        employment_type=Vacancy.EmploymentType.CONTRACTOR,
        contract_duration_months=6,
        remote=True,
        pay=("420", "520", "EUR", Vacancy.PayPeriod.DAY),
        apply_email="jobs@civicdatacommons.example",
        required_languages=("en",),
        application_language="en",
        min_years_experience=3,
        posted_days_ago=7,
        deadline_in_days=30,
        texts={
            "en": DemoText(
                title="Python/Django developer, open data publishing tool",
                summary="Six months, fully remote, to take our open data publishing tool "
                "from pilot to its first ten councils.",
                intro=(
                    "Our publishing tool lets a council clerk turn a spreadsheet into a "
                    "documented, openly licensed dataset in minutes. Three councils use "
                    "the pilot; ten more are waiting. We need a developer to get it there."
                ),
                duties=(
                    "Harden the import pipeline for messy spreadsheets",
                    "Add multi-council support to the Django admin",
                    "Write the deployment guide with our volunteer sysadmins",
                    "Review contributions from the open-source community",
                ),
                offer=(
                    "A six-month contract, four days a week, renewable",
                    "A day rate of €420 to €520 depending on experience",
                    "Fully remote within European time zones, with one team week a year",
                ),
            ),
        },
        criteria=(
            DemoCriterion(
                MUST, {"en": "Three years or more of professional Python, including Django"}
            ),
            DemoCriterion(MUST, {"en": "Experience with PostgreSQL and automated tests"}),
            DemoCriterion(NICE, {"en": "Contributions to an open-source project"}),
            DemoCriterion(NICE, {"en": "Knowledge of open data standards such as DCAT"}),
            DemoCriterion(QUALITY, {"en": "Clear, kind written communication"}),
        ),
    ),
)


def demo_body(*, vacancy: DemoVacancy, language: str) -> str:
    """The Markdown body of ``vacancy`` in ``language``, with its requirement bullets."""
    text = vacancy.texts[language]
    names = SECTIONS[language]
    parts = [text.intro, f"## {names['duties']}", "\n".join(f"- {d}" for d in text.duties)]
    for kind in (MUST, NICE, QUALITY):
        bullets = [c.texts[language] for c in vacancy.criteria if c.kind == kind]
        if bullets:
            parts += [f"## {names[kind]}", "\n".join(f"- {b}" for b in bullets)]
    parts += [f"## {names['offer']}", "\n".join(f"- {o}" for o in text.offer)]
    return "\n\n".join(parts) + "\n"


def _vacancy_create(
    *, spec: DemoVacancy, organization: Organization, today: datetime.date
) -> Vacancy:
    pay_min, pay_max, currency, period = spec.pay or (None, None, "", "")
    vacancy = Vacancy.objects.create(
        organization=organization,
        slug=spec.slug,
        kind=spec.kind,
        employment_type=spec.employment_type,
        contract_duration_months=spec.contract_duration_months,
        location=spec.location,
        remote=spec.remote,
        pay_min=Decimal(pay_min) if pay_min else None,
        pay_max=Decimal(pay_max) if pay_max else None,
        pay_currency=currency,
        pay_period=period,
        apply_email=spec.apply_email,
        apply_url=spec.apply_url,
        required_languages=list(spec.required_languages),
        application_language=spec.application_language,
        min_years_experience=spec.min_years_experience,
        date_posted=today - datetime.timedelta(days=spec.posted_days_ago),
        deadline=(
            today + datetime.timedelta(days=spec.deadline_in_days)
            if spec.deadline_in_days is not None
            else None
        ),
    )
    for language, text in spec.texts.items():
        VacancyText.objects.create(
            vacancy=vacancy,
            language=language,
            title=text.title,
            summary=text.summary,
            body=demo_body(vacancy=spec, language=language),
            source_name="demo",
        )
    for position, spec_criterion in enumerate(spec.criteria):
        criterion = Criterion.objects.create(
            vacancy=vacancy, kind=spec_criterion.kind, position=position
        )
        for language, wording in spec_criterion.texts.items():
            CriterionText.objects.create(criterion=criterion, language=language, text=wording)
    return services.vacancy_publish(vacancy=vacancy)


@dataclass
class DemoReport:
    organizations_created: list[str] = field(default_factory=list)
    vacancies_created: list[str] = field(default_factory=list)


@transaction.atomic
def demo_load(*, today: datetime.date | None = None) -> DemoReport:
    """Create the demo organizations and vacancies that do not exist yet, published.

    What exists already (even edited, closed or deleted texts) is left as it is.
    """
    today = today or timezone.localdate()
    report = DemoReport()
    organizations: dict[str, Organization] = {}
    for spec in ORGANIZATIONS:
        organization, created = Organization.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "website": spec.website,
                "email": spec.email,
                "about": spec.about,
                "legal_name": spec.legal_name,
                "postal_address": spec.postal_address,
                "privacy_email": spec.privacy_email,
                "dpo_name": spec.dpo_name,
                "dpo_email": spec.dpo_email,
            },
        )
        organizations[spec.slug] = organization
        if created:
            report.organizations_created.append(spec.name)
    for vacancy_spec in VACANCIES:
        organization = organizations[vacancy_spec.organization]
        if Vacancy.objects.filter(organization=organization, slug=vacancy_spec.slug).exists():
            continue
        _vacancy_create(spec=vacancy_spec, organization=organization, today=today)
        report.vacancies_created.append(f"{organization.slug}/{vacancy_spec.slug}")
    return report


@dataclass(frozen=True)
class AdminLogin:
    email: str
    password: str | None  # None: the password is not known (the file is gone)
    created: bool


def _write_secret(path: Path, secret: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)
        file.write(secret + "\n")


@transaction.atomic
def demo_admin_ensure(*, password_file: Path) -> AdminLogin:
    """The demo's superuser (``ADMIN_EMAIL``): created with a random password saved in
    ``password_file`` (mode 0600) when missing; otherwise its password read from that file.

    The admin is made an owner of the demo organizations.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(email=ADMIN_EMAIL).first()
    created = user is None
    password: str | None
    if user is None:
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_superuser(email=ADMIN_EMAIL, password=password)
        _write_secret(password_file, password)
    elif password_file.exists():
        password = password_file.read_text(encoding="utf-8").strip() or None
    else:
        password = None
    for spec in ORGANIZATIONS:
        organization = Organization.objects.filter(slug=spec.slug).first()
        if organization is not None:
            Membership.objects.get_or_create(
                user=user, organization=organization, defaults={"role": Membership.Role.OWNER}
            )
    return AdminLogin(email=ADMIN_EMAIL, password=password, created=created)
