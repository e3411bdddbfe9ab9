"""Reads on applications: the status page, the staff download, questions and their limits."""

import re

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tremplin.applications.models import Application, Document
from tremplin.applications.tokens import application_token_read
from tremplin.vacancies.models import Question, Vacancy

WORD = re.compile(r"\S+")


def answer_word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(WORD.findall(text))


def vacancy_accepts_applications(*, vacancy: Vacancy) -> bool:
    """Published, and its deadline (if any) not passed: applications are taken to the end of
    the deadline's day."""
    if vacancy.status != Vacancy.Status.PUBLISHED:
        return False
    return vacancy.deadline is None or vacancy.deadline >= timezone.localdate()


def question_list(*, vacancy: Vacancy) -> list[Question]:
    return list(vacancy.questions.prefetch_related("texts").order_by("position", "pk"))


def question_wording(*, question: Question, language: str | None = None) -> str:
    """The question in ``language`` (default: the active one), else in any language it has."""
    language = language or translation.get_language() or ""
    texts = {text.language: text.text for text in question.texts.all()}
    for code in (language, *sorted(texts)):
        if code in texts:
            return texts[code]
    return ""


def application_get_by_token(*, token: str) -> Application | None:
    """The application behind a status link, or None for a tampered or unknown token."""
    public_id = application_token_read(token=token)
    if public_id is None:
        return None
    return (
        Application.objects.select_related("vacancy__organization", "candidate")
        .prefetch_related("vacancy__texts")
        .filter(public_id=public_id)
        .first()
    )


def application_documents(*, application: Application) -> QuerySet[Document]:
    """What the candidate sent, newest first, superseded versions included."""
    return application.documents.order_by("-created_at", "-pk")


def document_get_for_user(*, user: AbstractBaseUser | AnonymousUser, pk: int) -> Document:
    """The document, if ``user`` is a member of the organization the vacancy belongs to.

    Everyone else (anonymous visitors, members of other organizations) gets a 404, so the
    answer does not even say whether the document exists.
    """
    if not user.is_authenticated:
        raise Http404("no such document")
    document = (
        Document.objects.select_related("application__vacancy__organization")
        .filter(pk=pk, application__vacancy__organization__memberships__user_id=user.pk)
        .first()
    )
    if document is None:
        raise Http404("no such document")
    return document


def application_stage_explanation(*, stage: str) -> str:
    """What a stage means for the candidate, in plain words."""
    explanations: dict[str, str] = {
        Application.Stage.RECEIVED: _(
            "Your application has been received. Nobody has replied yet: the organization "
            "reads applications after receiving them."
        ),
        Application.Stage.SCREENING: _("The organization is reading your application."),
        Application.Stage.REVIEW: _(
            "Your application is being reviewed in detail by the people hiring."
        ),
        Application.Stage.INTERVIEW: _(
            "You are invited to an interview, or about to be: the organization will contact you."
        ),
        Application.Stage.OFFER: _("The organization is making you an offer."),
        Application.Stage.HIRED: _("You were hired. Congratulations!"),
        Application.Stage.REJECTED: _(
            "The organization did not retain your application for this vacancy."
        ),
        Application.Stage.WITHDRAWN: _("You withdrew your application."),
    }
    return explanations.get(stage, "")
