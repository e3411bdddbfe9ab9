"""The highlighted passage marks every word of the query that the text holds, in any case,
with or without accents, in an address; and the rank on SQLite counts the query's words."""

import pytest

from tremplin.search.text import WORD, index_tokens, passage, query_parse, relevance

TEXTS = [
    "Développeuse PYTHON à Lyon; développeur python, developpeuses.",
    "Cœur de l'œuvre : la développeuse écrit « Développement » ; DÉVELOPPEUSE.",
    "Écrire à jean.dupont@example.org ou à Jean Dupont, jean-dupont.",
    "Straße, Œuvre, naïve, façade, coopération: développeuse!",
    "x_developpeuse _developpeuse 3developpeuse développeuse_x",
]
QUERIES = ["developpeuse", "python lyon", "jean.dupont@example.org", "dupont", "oeuvre", "facade"]


def marked(text: str, q: str) -> list[str]:
    html = str(passage(text, query_parse(q), width=10_000))
    return [piece.split("</mark>")[0] for piece in html.split("<mark>")[1:]]


def every_word_read(text: str, q: str) -> list[str]:
    """The words a reading of every word of the text would mark."""
    query = query_parse(q)
    forms = {form for term in query.wanted for form in term.forms()}
    found = []
    for match in WORD.finditer(text):
        word = match.group()
        if any((index_tokens(word, language),) in forms for language in ("fr", "en", "simple")):
            found.append(word)
    return found


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("q", QUERIES)
def test_the_passage_marks_every_word_of_the_query(text: str, q: str) -> None:
    assert marked(text, q) == every_word_read(text, q)


def test_the_accented_words_are_marked() -> None:
    assert marked(TEXTS[0], "developpeuse") == ["Développeuse", "developpeuses"]
    assert marked(TEXTS[1], "oeuvre") == ["œuvre"]


def test_the_rank_grows_with_the_words_found() -> None:
    query = query_parse('beekeeping "head of operations"')
    once = index_tokens("a beekeeper, head of operations", "en")
    often = index_tokens("beekeeping, beekeeping, beekeeper: head of operations", "en")
    assert relevance(often, query) > relevance(once, query) > 0
    assert (
        relevance(index_tokens("head of the operations", "en"), query_parse('"head of operations"'))
        == 0
    )
