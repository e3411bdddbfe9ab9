"""Random and mutated postings: the importer gives a result or its own clear error, never a crash.

The entry point fed here is the one every caller uses: bytes read from a file or an upload
(``posting_text_from_bytes``), then ``parse_posting``, then what the commands print.
"""

import datetime as dt
import json
import time

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.vacancies.importing import ParsedPosting, PostingError, parse_posting
from tremplin.vacancies.importing.reading import posting_text_from_bytes
from tremplin.vacancies.importing.report import posting_fields

SOURCE = "random.md"
KEYS = (
    "title", "deadline", "closing_date", "valid_through", "date", "date_posted", "language",
    "lang", "employment_type", "kind", "location", "remote", "apply_email", "apply_url",
    "organization", "company", "org", "employer", "slug", "translation_key", "description",
    "position", "role", "job_title", "poste",
)  # fmt: skip
LINES = (
    "# Chargé·e de mission", "## Profil recherché", "**Atouts appréciés**", "Requirements:",
    "- 5 years of experience in policy", "* Fluent English required", "1. Maîtrise du français",
    "a) Un plus : le permis B", "– Bénévole motivé", "Salary: €40,000 – €50,000 per year",
    "Apply before 10 May 2025 at jobs@example.org", "Date limite : 30 février 2025",
    "Candidatures jusqu'au 31/04/2025", "Lieu : Paris (75), Île-de-France", "Based in Bangkok, TH",
    "CDD de 12 mois, période d'essai de 2 mois", "Stage de 6 mois", "Part-time, 20 h/week",
    "[Postuler](https://forms.gle/abc)", "Postuler : https://boards.greenhouse.io/x/jobs/1",
    "About Example Org", "À propos de Nous", "Example Org recrute", "```", "---", "<b>bold</b>",
    "| a | b |", "Minimum 4 ans d'expérience", "3 à 5 ans d'expérience", "", "",
    "<p><strong>Profil recherché</strong></p>", "<ul><li>Anglais courant</li>", "<li>x",
    "</ul></div>", "<h3>Apply</h3><p>jobs@example.org&nbsp;", "<br/><br>", "&amp;&#0;&#xD800;",
)  # fmt: skip


def yaml_values() -> st.SearchStrategy[object]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=True)
        | st.text(max_size=40)
        | st.dates()
        | st.datetimes()
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=8,
    )


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    choice = draw(st.integers(0, 3))
    if choice == 0:
        data = draw(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), yaml_values()))
        return yaml.safe_dump(data, allow_unicode=draw(st.booleans()))
    if choice == 1:
        # Impossible dates and broken YAML written by hand.
        key = draw(st.sampled_from(KEYS))
        day = draw(st.sampled_from(("2025-02-30", "2025-13-01", "0000-01-01", "2025-02-29")))
        return draw(
            st.sampled_from(
                (
                    f"{key}: {day}\n",
                    f"{key}: [unclosed\n",
                    f"{key}: {{a: 1\n",
                    f"{key}: &a [*a]\n",
                    f"{key}:\n  - {day}\n  - {{x: {day}}}\n",
                    f"{key}: !!python/object:os.system ls\n",
                    f"? [{key}]\n: 1\n",
                    "- just\n- a list\n",
                    "[" * 2000 + "\n",
                    "\t{key}: tab\n",
                    f"{day}: {key}\n",
                )
            )
        )
    if choice == 2:
        return draw(st.text(max_size=200))
    return ""


@st.composite
def bodies(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(LINES) | st.text(max_size=60), max_size=25))
    return "\n".join(lines)


@st.composite
def posting_texts(draw: st.DrawFn) -> str:
    front = draw(front_matters())
    opened = draw(st.sampled_from(("---\n", "---\n", "", "\n\n---\n")))
    closed = draw(st.sampled_from(("---\n", "...\n", "")))
    body = draw(bodies())
    return f"{opened}{front}{closed}{body}" if opened else body


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252")


@st.composite
def posting_bytes(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.binary(max_size=400))
    text = draw(posting_texts())
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if kind == 1:
        # A few bytes flipped, cut or inserted anywhere: invalid UTF-8, stray NULs, BOMs.
        for _round in range(draw(st.integers(1, 4))):
            position = draw(st.integers(0, len(data)))
            inserted = draw(st.sampled_from((b"\xff", b"\xc3", b"\x00", b"\xef\xbb\xbf", b"\r")))
            data = data[:position] + inserted + data[position + draw(st.integers(0, 2)) :]
    if kind == 2:
        # A huge line: one word repeated, or an address-like run that slows naive regexes.
        unit = draw(
            st.sampled_from(("a", "a.", "a@", "- ", "10 ", "é", "# ", "**", "[a](", ".", "<li>"))
        )
        data += ("\n" + unit * draw(st.integers(1_000, 20_000)) + "\n").encode("utf-8")
    return data


def read_and_parse(data: bytes) -> ParsedPosting | PostingError:
    try:
        posting = parse_posting(
            posting_text_from_bytes(data, source_name=SOURCE), source_name=SOURCE
        )
    except PostingError as error:
        return error
    # What the commands print must come out too.
    json.dumps(posting.as_json(file=SOURCE), ensure_ascii=False)
    list(posting_fields(posting))
    return posting


def assert_clear_error(error: PostingError) -> None:
    assert str(error).startswith(f"{SOURCE}: ")
    assert "\n" not in str(error)
    assert error.message.strip()


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(posting_bytes())
def test_any_file_gives_a_posting_or_one_clear_line_naming_it(data: bytes) -> None:
    outcome = read_and_parse(data)
    if isinstance(outcome, PostingError):
        assert_clear_error(outcome)
    else:
        assert isinstance(outcome, ParsedPosting)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting_texts())
def test_any_pasted_text_gives_a_posting_or_one_clear_line_naming_it(text: str) -> None:
    try:
        posting = parse_posting(text, source_name=SOURCE)
    except PostingError as error:
        assert_clear_error(error)
    else:
        assert posting.deadline is None or isinstance(posting.deadline, dt.date)


def test_an_impossible_front_matter_date_is_ignored_with_a_warning() -> None:
    text = "---\ntitle: Chargée de mission\ndeadline: 2025-02-30\n---\n\nNous recrutons.\n"
    posting = parse_posting(text, source_name=SOURCE)
    assert posting.deadline is None
    assert any("deadline: 2025-02-30 is not a valid date" in w for w in posting.warnings)


def cpu_seconds_to_parse(unit: str, size: int) -> float:
    data = ("# Title\n\n" + unit * (size // len(unit)) + "\n").encode()
    started = time.process_time()  # this process's CPU: what else the machine runs is not counted
    read_and_parse(data)
    return time.process_time() - started


def test_a_megabyte_of_one_line_costs_about_ten_times_a_tenth_of_it() -> None:
    """No pattern backtracks over a long line: ten times the text costs about ten times
    the CPU (a quadratic pattern would cost a hundred times), measured in one run."""
    cpu_seconds_to_parse("warm-up", 100)  # what the first parse loads is not the text's cost
    for unit in ("a.", "a@", "10 ", "Apply before ", "[a](", "**a", "<li>"):
        small = cpu_seconds_to_parse(unit, 90_000)
        large = cpu_seconds_to_parse(unit, 900_000)
        assert large < 30 * max(small, 0.01), (unit, small, large)
