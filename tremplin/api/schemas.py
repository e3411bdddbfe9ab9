"""What the API reads and answers: pydantic schemas (django-ninja), the OpenAPI's words."""

import datetime
from decimal import Decimal
from typing import Literal

from ninja import Schema
from pydantic import Field


class Error(Schema):
    detail: str
    code: str
    errors: list[dict[str, str]] = []


class TextIn(Schema):
    title: str
    summary: str = ""
    body: str = Field("", description="Markdown")


class TextOut(TextIn):
    language: str


class VacancyFields(Schema):
    kind: Literal["job", "volunteer"] | None = None
    employment_type: str | None = None
    contract_duration_months: int | None = None
    location: str | None = None
    remote: bool | None = None
    pay_min: Decimal | None = None
    pay_max: Decimal | None = None
    pay_currency: str | None = None
    pay_period: Literal["HOUR", "DAY", "WEEK", "MONTH", "YEAR", ""] | None = None
    apply_email: str | None = None
    apply_url: str | None = None
    required_languages: list[str] | None = None
    application_language: str | None = None
    min_years_experience: int | None = None
    deadline: datetime.date | None = None
    blind_review: bool | None = None
    reviews_per_answer: int | None = None


class VacancyCreate(VacancyFields):
    texts: dict[str, TextIn] = Field(description="The vacancy's texts by language (en, fr)")


class VacancyPatch(VacancyFields):
    texts: dict[str, TextIn | None] | None = Field(
        None, description="Texts to set by language; null removes that language's text"
    )


class VacancyOut(Schema):
    id: int
    slug: str
    status: str
    kind: str
    employment_type: str
    contract_duration_months: int | None
    location: str
    remote: bool | None
    pay_min: Decimal | None
    pay_max: Decimal | None
    pay_currency: str
    pay_period: str
    apply_email: str
    apply_url: str
    required_languages: list[str]
    application_language: str
    min_years_experience: int | None
    date_posted: datetime.date | None
    deadline: datetime.date | None
    blind_review: bool
    reviews_per_answer: int
    closed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    texts: list[TextOut]


class VacancyPage(Schema):
    items: list[VacancyOut]
    next: str | None


class VacancyRef(Schema):
    id: int
    slug: str


class CandidateOut(Schema):
    name: str
    email: str


class DocumentOut(Schema):
    id: int
    role: str
    kind: str
    original_name: str
    size: int
    created_at: datetime.datetime
    download: str = Field(description="The path that downloads it (audited)")


class NoteOut(Schema):
    at: str = ""
    text: str = ""
    by: str = ""


class ApplicationOut(Schema):
    id: int
    vacancy: VacancyRef
    stage: str
    source: str = Field(description="How it came in: web, email, referral or board")
    source_detail: str = Field(
        default="", description="The job board's name when source is board, if the link gave one"
    )
    language: str
    candidate: CandidateOut
    documents: list[DocumentOut]
    notes: list[NoteOut]
    created_at: datetime.datetime
    updated_at: datetime.datetime


class ApplicationPage(Schema):
    items: list[ApplicationOut]
    next: str | None


REASON = (
    "Why the application is not retained, required when moving to a stage of the "
    "not-retained kind: must_haves, position_filled, incomplete, vacancy_withdrawn or "
    "other (then say which in reason_text)"
)


class MoveIn(Schema):
    stage: str = Field(description="A key of the organization's pipeline")
    reason: str = Field("", description=REASON)
    reason_text: str = ""


class ApplicationPatch(MoveIn):
    pass


class NoteIn(Schema):
    text: str


class WebhookIn(Schema):
    url: str
    events: list[str]
    format: Literal["tremplin", "slack"] = "tremplin"
    ping: bool = Field(False, description="Send a test message now")


class WebhookOut(Schema):
    id: int
    url: str
    events: list[str]
    format: str
    active: bool
    disabled_at: datetime.datetime | None
    created_at: datetime.datetime


class WebhookCreated(WebhookOut):
    secret: str = Field(description="The signing key, shown this once")


class WebhookPage(Schema):
    items: list[WebhookOut]
    next: str | None


class DeliveryOut(Schema):
    id: int
    uuid: str
    event: str
    event_id: str
    status: str
    attempts: int
    last_status: int | None
    last_error: str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    next_attempt_at: datetime.datetime | None


class DeliveryPage(Schema):
    items: list[DeliveryOut]
    next: str | None
