"""``csv_safe``: a cell a spreadsheet would run as a formula is neutralised."""

import pytest

from tremplin.core.csv_export import csv_rows_stream, csv_safe


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Ada Lovelace", "Ada Lovelace"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (42, "42"),
        (-1, "'-1"),
        ('{"email": "=x"}', '{"email": "=x"}'),
    ],
)
def test_it_prefixes_a_quote_only_to_cells_that_start_a_formula(value, expected) -> None:
    assert csv_safe(value) == expected


def test_every_cell_of_the_stream_goes_through_it() -> None:
    lines = list(csv_rows_stream([["time", "=1+1"], ["@me", "fine"]]))
    assert lines == ["\ufeff", "time,'=1+1\r\n", "'@me,fine\r\n"]
