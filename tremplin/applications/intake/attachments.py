"""Which attachments of a message become which documents of the application.

Every attachment goes through the same checks as a file sent with the web form; a
refused one is left out, with a note for the recruiter, and the rest is kept. Which
one is the CV and which the letter is told by the name ("cv", "resume", "lettre",
"motivation", "cover" …), then by order: the first other file is the CV, the next
the letter.
"""

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from tremplin.applications.files import CheckedFile, FileRejected, file_check
from tremplin.applications.intake.submit import IncomingFile
from tremplin.applications.models import Document
from tremplin.messaging.inbound.parsing import Attachment

CV_WORDS = {"cv", "resume", "curriculum", "vitae", "vita"}
LETTER_WORDS = {"lettre", "letter", "motivation", "cover", "lm", "coverletter"}
# Upper-case "CV" glued to other words, as in "JeanDupontCV.pdf".
_GLUED_CV = re.compile(r"(?<![A-Z])CV(?![A-Z])")


@dataclass(frozen=True)
class SortedAttachments:
    files: list[IncomingFile]
    notes: list[str]

    @property
    def has_letter(self) -> bool:
        return any(incoming.role == Document.Role.LETTER for incoming in self.files)


def _words(name: str) -> set[str]:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    words = set(re.split(r"[^a-z0-9]+", plain))
    # "lettre_de_motivation", "CoverLetter", "resume2025"
    words |= {word.rstrip("0123456789") for word in words}
    return words


def name_hint(name: str) -> str:
    """Document.Role.CV or .LETTER when the file's name says so, else ""."""
    words = _words(name)
    if words & CV_WORDS or _GLUED_CV.search(name):
        return Document.Role.CV
    if words & LETTER_WORDS or any(
        word.startswith(("lettre", "letter", "motivation", "cover")) for word in words
    ):
        return Document.Role.LETTER
    return ""


def attachments_sort(attachments: Sequence[Attachment]) -> SortedAttachments:
    """The attachments we take, each with its role, and notes on those we do not."""
    notes: list[str] = []
    accepted: list[tuple[Attachment, CheckedFile]] = []
    for attachment in attachments:
        try:
            checked = file_check(
                name=attachment.name, file=io.BytesIO(attachment.data), allow_text=True
            )
        except FileRejected as exc:
            notes.append(
                _("An attachment was left out: %(reason)s") % {"reason": " ".join(exc.messages)}
            )
            continue
        accepted.append((attachment, checked))

    roles: dict[int, str] = {}
    for hinted in (Document.Role.CV, Document.Role.LETTER):
        for index, (attachment, checked) in enumerate(accepted):
            if index not in roles and name_hint(attachment.name) == hinted:
                if hinted == Document.Role.CV and checked.kind == Document.Kind.TXT:
                    continue  # plain text is taken for letters only
                roles[index] = hinted if hinted not in roles.values() else Document.Role.OTHER
    for index, (_attachment, checked) in enumerate(accepted):
        if index in roles:
            continue
        if Document.Role.CV not in roles.values() and checked.kind != Document.Kind.TXT:
            roles[index] = Document.Role.CV
        elif Document.Role.LETTER not in roles.values():
            roles[index] = Document.Role.LETTER
        else:
            roles[index] = Document.Role.OTHER

    files: list[IncomingFile] = []
    for index, (attachment, checked) in enumerate(accepted):
        role = roles[index]
        if role != Document.Role.LETTER and checked.kind == Document.Kind.TXT:
            notes.append(
                _(
                    "The plain-text attachment “%(name)s” was left out: plain text is "
                    "taken for a cover letter only, and there is one already."
                )
                % {"name": checked.original_name or attachment.name}
            )
            continue
        files.append(
            IncomingFile(role=role, name=attachment.name, file=ContentFile(attachment.data))
        )
    if not any(incoming.role == Document.Role.CV for incoming in files):
        notes.append(_("No CV came with this e-mail application."))
    return SortedAttachments(files=files, notes=notes)
