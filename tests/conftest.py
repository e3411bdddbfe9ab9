"""The staff routes of the URL configuration, and one organization with one of everything."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver
from django.utils import timezone

from tremplin import urls as root_urls
from tremplin.accounts.models import Membership, Organization, User
from tremplin.accounts.permissions import StaffViewMixin
from tremplin.accounts.policy import POLICY
from tremplin.api.models import ApiToken
from tremplin.applications.correspondence import draft_prepare
from tremplin.applications.intake.submit import IncomingFile, application_submit
from tremplin.applications.models import Application, Document
from tremplin.applications.notes import note_add
from tremplin.interviews.models import Interview
from tremplin.messaging.inbound.store import inbound_receive
from tremplin.messaging.models import MessageTemplate
from tremplin.messaging.services import message_template_save
from tremplin.notifications.models import Notification
from tremplin.testing import samples
from tremplin.testing.staff import member_create
from tremplin.vacancies.models import (
    Criterion,
    CriterionText,
    Question,
    QuestionText,
    Vacancy,
    VacancyText,
)
from tremplin.webhooks.models import Delivery, Endpoint

ROLES = (
    "anonymous",
    "outsider",
    "reviewer_unassigned",
    "reviewer_assigned",
    "recruiter",
    "owner",
)
# URL keywords that designate something inside one vacancy: a reviewer must be assigned.
VACANCY_SCOPED = {"vacancy", "application", "document", "question", "criterion", "review"}


@dataclass(frozen=True)
class StaffRoute:
    name: str  # "namespace:name"
    keywords: tuple[str, ...]
    view: Callable[..., Any]

    @property
    def guarded(self) -> bool:
        """Whether the view goes through ``staff_view`` or ``StaffViewMixin``."""
        view_class = getattr(self.view, "view_class", None)
        if view_class is not None:
            return issubclass(view_class, StaffViewMixin)
        return bool(getattr(self.view, "staff_view", False))

    @property
    def roles(self) -> frozenset[str] | None:
        """The roles the policy table lets use this page."""
        return POLICY.get(self.name)

    @property
    def vacancy_scoped(self) -> bool:
        return bool(VACANCY_SCOPED & set(self.keywords))


def _walk(
    patterns: list[URLPattern | URLResolver], namespace: str, keywords: tuple[str, ...]
) -> Iterator[StaffRoute]:
    for pattern in patterns:
        converters = tuple(getattr(pattern.pattern, "converters", {}))
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner, keywords + converters)
        elif pattern.name:
            yield StaffRoute(
                name=f"{namespace}:{pattern.name}".lstrip(":"),
                keywords=keywords + converters,
                view=pattern.callback,
            )


STAFF_ROUTES = sorted(_walk(root_urls.staff_patterns, "", ("org",)), key=lambda r: r.name)


@dataclass
class World:
    organization: Organization
    vacancy: Vacancy
    application: Application
    users: dict[str, User | None]

    def keyword_value(self, keyword: str, route_name: str = "") -> Any:
        builders: dict[str, Callable[[], Any]] = {
            "org": lambda: self.organization.slug,
            "vacancy": lambda: self.vacancy.slug,
            "application": lambda: self.application.pk,
            "document": lambda: self.application.documents.get(role=Document.Role.CV).pk,
            "question": lambda: self.vacancy.questions.get().pk,
            "criterion": lambda: self.vacancy.criteria.get().pk,
            "stage": lambda: "screening",
            "member": lambda: (
                Membership.objects.get(
                    organization=self.organization, role=Membership.Role.RECRUITER
                ).pk
            ),
            "template": lambda: (
                message_template_save(
                    organization=self.organization,
                    kind=MessageTemplate.Kind.FREE,
                    name="Hello",
                    texts={"en": ("Hello", "Hello {{ candidate_name }}")},
                    by=None,
                ).pk
            ),
            # A message is an incoming one on inbox pages, a draft elsewhere.
            "message": lambda: (
                self._inbound_message().pk
                if route_name.endswith(":inbound")
                else draft_prepare(application=self.application, kind="free").pk
            ),
            "export": lambda: self._data_export().pk,
            "figure": lambda: "funnel",
            "token": lambda: (
                ApiToken.objects.create(
                    organization=self.organization,
                    user=self.users["owner"],
                    name="matrix",
                    prefix="trp_0000abcd",
                    secret_hash="0" * 64,
                ).pk
            ),
            "endpoint": lambda: self._endpoint().pk,
            "delivery": lambda: Delivery.objects.create(endpoint=self._endpoint(), event="ping").pk,
            "interview": lambda: self._interview().pk,
            "note": lambda: (
                note_add(application=self.application, body="Matrix", by=self.users["recruiter"]).pk
            ),
            "notification": lambda: (
                Notification.objects.create(
                    recipient=self.users["owner"],
                    organization=self.organization,
                    kind=Notification.Kind.MENTION,
                    reference=f"#{self.application.pk}",
                    path="/en/",
                ).pk
            ),
        }
        if keyword not in builders:
            pytest.fail(f"the matrix does not know how to fill the URL keyword {keyword!r}")
        return builders[keyword]()

    def _endpoint(self) -> Endpoint:
        endpoint, _created = Endpoint.objects.get_or_create(
            organization=self.organization,
            url="https://hooks.example.org/tremplin",
            defaults={"events": ["application.created"], "secret": "whsec_matrix"},
        )
        return endpoint

    def _interview(self) -> Any:
        """An interview of world.application, set for tomorrow, with the assigned reviewer on
        its panel (the one who may open its scorecard page besides the managers)."""
        interview = Interview.objects.create(
            application=self.application,
            kind=Interview.Kind.PHONE,
            duration_minutes=30,
            timezone="Europe/Paris",
            status=Interview.Status.SCHEDULED,
            start=timezone.now() + timedelta(days=1),
        )
        interview.panel.add(self.users["reviewer_assigned"])  # type: ignore[arg-type]
        return interview

    def _data_export(self) -> Any:
        """A ready copy of world.application's candidate's data, asked by the owner."""
        from tremplin.privacy.exports import data_export_build, data_export_request

        export = data_export_request(
            candidate=self.application.candidate,
            organization=self.organization,
            requested_by=self.users["owner"],
            language="en",
        )
        data_export_build(export_id=export.pk)
        return export

    def _inbound_message(self) -> Any:
        raw = (
            f"From: Grace <grace@example.net>\r\nTo: {self.organization.email}\r\n"
            "Subject: Hello\r\nMessage-ID: <matrix@example.net>\r\n\r\nAny vacancy?\r\n"
        ).encode()
        return inbound_receive(raw=raw, channel="pipe").message


@pytest.fixture
def world(db, settings) -> World:
    settings.RATELIMIT_ENABLE = False
    organization = Organization.objects.create(
        name="Maison des communs", slug="communs", email="jobs@communs.example"
    )
    elsewhere = Organization.objects.create(name="Ailleurs", slug="ailleurs")
    vacancy = Vacancy.objects.create(
        organization=organization,
        slug="facilitator",
        status=Vacancy.Status.PUBLISHED,
        kind=Vacancy.Kind.VOLUNTEER,
    )
    VacancyText.objects.create(vacancy=vacancy, language="en", title="Facilitator")
    criterion = Criterion.objects.create(vacancy=vacancy, kind=Criterion.Kind.MUST)
    CriterionText.objects.create(criterion=criterion, language="en", text="Runs workshops")
    question = Question.objects.create(vacancy=vacancy, required=False)
    QuestionText.objects.create(question=question, language="en", text="Why us?")
    application = application_submit(
        vacancy=vacancy,
        name="Ada Lovelace",
        email="ada@example.org",
        files=[
            IncomingFile(
                role=Document.Role.CV, name="cv.pdf", file=ContentFile(samples.pdf_bytes())
            )
        ],
        letter_text=samples.LETTER_EN,
        answers={question.pk: "Because."},
        language="en",
    )
    assigned = member_create(email="bob@example.org", organization=organization, role="reviewer")
    vacancy.reviewers.add(assigned)
    users: dict[str, User | None] = {
        "anonymous": None,
        "outsider": member_create(
            email="charlie@example.org", organization=elsewhere, role="owner"
        ),
        "reviewer_unassigned": member_create(
            email="rosa@example.org", organization=organization, role="reviewer"
        ),
        "reviewer_assigned": assigned,
        "recruiter": member_create(
            email="rita@example.org", organization=organization, role="recruiter"
        ),
        "owner": member_create(email="olga@example.org", organization=organization, role="owner"),
    }
    return World(organization, vacancy, application, users)


def staff_page_urls(client: Any, world: World, language: str = "en") -> list[str]:
    """The URL of every workspace page the client's member can open, in ``language``:
    POST-only actions, redirects and file downloads are left out."""
    from django.urls import reverse
    from django.utils import translation

    urls = []
    for route in STAFF_ROUTES:
        with translation.override(language):
            url = reverse(
                route.name, kwargs={k: world.keyword_value(k, route.name) for k in route.keywords}
            )
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            urls.append(url)
    return urls


def browser_login(page: Any, client: Any, base_url: str) -> None:
    """Give the Playwright page the session of the Django test client's member."""
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )
