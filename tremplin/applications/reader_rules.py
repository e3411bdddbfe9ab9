"""Who besides recruiters and owners may open the document reader, and what they see there.

Recruiters and owners read every document of their organization (``document_get_for_user``).
Whether a reviewer may read one, and whether as its pages or as its text redacted, is a rule
of review (floor 6: assignment to the vacancy, the review stages, blind mode and its lifts,
redaction), which this floor may not import. So review registers its rule here in its
``AppConfig.ready`` (``review/reader.py``), and the reader asks ``reader_access``.

A rule answers with a ``ReaderAccess``, or None when it does not let the member read the
document; with no rule registered, or none that answers, the member gets a 404.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404

from tremplin.accounts.models import Membership
from tremplin.accounts.policy import MANAGERS
from tremplin.applications.models import Document
from tremplin.applications.selectors import document_get_for_user


@dataclass(frozen=True)
class ReaderAccess:
    """What a member who is not a recruiter or an owner sees of one document.

    ``pages``: the document as recruiters see it (a PDF's pages as images, the text of the
    others as it is). Otherwise only ``text`` (the redacted text), never the page images.
    ``who`` names the candidate as the member may know them ("Candidate 7" when blind),
    ``back_url`` and ``back_label`` lead back to the page they came from, and ``notice``
    says why they see the text only.
    """

    pages: bool
    who: str
    back_url: str
    back_label: str
    text: str = ""
    notice: str = ""


ReaderRule = Callable[[Membership, Document], ReaderAccess | None]

_rules: list[ReaderRule] = []


def reader_rule_register(rule: ReaderRule) -> None:
    """Add ``rule`` (once, however often ``ready`` runs)."""
    if rule not in _rules:
        _rules.append(rule)


def reader_document(*, membership: Membership, pk: int) -> tuple[Document, ReaderAccess | None]:
    """Document ``pk`` and what the member may see of it: None for recruiters and owners (all
    of it), a ``ReaderAccess`` for a member a registered rule lets in; else 404."""
    if membership.role in MANAGERS:
        return document_get_for_user(membership=membership, pk=pk), None
    document = (
        Document.objects.select_related("application__vacancy__organization")
        .filter(pk=pk, application__vacancy__organization=membership.organization)
        .first()
    )
    if document is not None:
        for rule in _rules:
            access = rule(membership, document)
            if access is not None:
                return document, access
    raise Http404("no such document")
