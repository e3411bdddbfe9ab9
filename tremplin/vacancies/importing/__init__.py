"""The vacancy importer: postings in Markdown or plain text read into vacancy fields.

``parse_posting`` reads a text and stores nothing (the staff editor calls it on pasted
text); ``read_posting_file`` reads a file, refusing what is not a text posting; the
pairing module decides whether a text is a translation of a vacancy already stored.
Storing is ``tremplin.vacancies.import_services.vacancy_import``.
"""

from tremplin.vacancies.importing.criteria_kinds import MUST, NICE, QUALITY, ParsedCriterion
from tremplin.vacancies.importing.errors import PostingError
from tremplin.vacancies.importing.money import Salary
from tremplin.vacancies.importing.posting import ParsedPosting, SectionHeading, parse_posting
from tremplin.vacancies.importing.reading import (
    MAX_POSTING_BYTES,
    posting_text_from_bytes,
    read_posting_file,
)

__all__ = [
    "MAX_POSTING_BYTES",
    "MUST",
    "NICE",
    "QUALITY",
    "ParsedCriterion",
    "ParsedPosting",
    "PostingError",
    "Salary",
    "SectionHeading",
    "parse_posting",
    "posting_text_from_bytes",
    "read_posting_file",
]
