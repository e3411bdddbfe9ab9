"""CSV export that a spreadsheet cannot turn into a formula (OWASP "CSV injection")."""

import csv
from collections.abc import Iterable, Iterator
from typing import Any

# A cell starting with one of these is read as a formula by spreadsheet software.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> str:
    """``value`` as text, prefixed with a single quote when it would start a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_rows_stream(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """Each row as one CSV line, every cell neutralised by ``csv_safe``; a UTF-8 byte order
    mark first, so spreadsheet software reads accents correctly."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])
