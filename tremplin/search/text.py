"""Words as the search index sees them, the search box's syntax, and highlighted passages.

No database here: both engines share what this module decides, so that the same query finds
the same applications on PostgreSQL and on SQLite.

- A *word* is a run of letters and digits; an e-mail address is one word, whole, so a full
  address finds that candidate only, never everyone at the same domain (PostgreSQL's parser
  keeps addresses whole too).
- A word is lower-cased, its accents taken off, then stemmed in the language of the text it
  stands in (Snowball's French or English stemmer, the very algorithms PostgreSQL uses).
  Names, e-mail addresses and texts in another language are not stemmed ("simple").
- No stop words: "head of operations" in quotes is a phrase of three words on both engines.

The syntax is PostgreSQL's ``websearch_to_tsquery``: words are all required, ``"a phrase"``
in quotes, ``-word`` or ``-"a phrase"`` excludes, ``or`` between two terms accepts either.
The query's language is not known, so each term matches a French text by its French stem,
an English one by its English stem, and a name by the word itself.
"""

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FRENCH, ENGLISH, SIMPLE = "fr", "en", "simple"
STEMMED = (FRENCH, ENGLISH)
_STEMMERS = {FRENCH: "french", ENGLISH: "english"}

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
WORD = re.compile(EMAIL.pattern + r"|[^\W_]+")
_EMAIL_CHARACTERS = re.compile(r"[^a-z0-9@.]+")
# Letters that Unicode does not decompose but PostgreSQL's unaccent spells out.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})
# A term of the query: an optional minus, then a quoted phrase or a run of non-spaces.
_QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def language_of(code: str) -> str:
    """The stemming used for a text whose language code is ``code``."""
    return code if code in STEMMED else SIMPLE


def fold(word: str) -> str:
    """Lower case, no accents: "Développeuse" → "developpeuse"."""
    lowered = word.lower().translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The index form of one word in ``language`` (fr, en or simple)."""
    folded = fold(word)
    if "@" in folded:
        # One token for the whole address, with nothing FTS5 would split it on.
        return _EMAIL_CHARACTERS.sub(".", folded)
    if language not in _STEMMERS:
        return folded
    return str(_stemmer(language).stemWord(folded))


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(_STEMMERS[language])


def words(text: str) -> list[str]:
    return [match.group() for match in WORD.finditer(text)]


def index_tokens(text: str, language: str) -> str:
    """``text`` as the SQLite index stores it: each word in its index form."""
    language = language_of(language)
    return " ".join(stem(word, language) for word in words(text))


# --- The query ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase of the query."""

    text: str  # as typed, without the quotes and the minus: PostgreSQL parses it itself
    words: tuple[str, ...]
    phrase: bool = False
    negated: bool = False

    def forms(self) -> list[tuple[str, ...]]:
        """The term in each index form (French stems, English stems, plain words), once each."""
        seen: list[tuple[str, ...]] = []
        for language in (FRENCH, ENGLISH, SIMPLE):
            form = tuple(stem(word, language) for word in self.words)
            if form not in seen:
                seen.append(form)
        return seen


@dataclass(frozen=True)
class Query:
    """Terms to find, all required; each group accepts any of its terms (``a or b``)."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def wanted(self) -> list[Term]:
        return [term for group in self.groups for term in group]


def query_parse(text: str) -> Query:
    """The search box's text as terms. A query with nothing to find is empty (falsy):
    "-word" alone finds nothing rather than everything."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _QUERY_TERM.finditer(text):
        minus, quoted, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            join_next = bool(groups)
            continue
        negated = bool(minus) or (bare is not None and bare.startswith("-"))
        raw = quoted if quoted is not None else bare.lstrip("-")
        found = tuple(words(raw))
        if not found:
            continue
        term = Term(text=raw, words=found, phrase=quoted is not None, negated=negated)
        if negated:
            excluded.append(term)
            join_next = False
        elif join_next:
            groups[-1].append(term)
            join_next = False
        else:
            groups.append([term])
    return Query(groups=tuple(tuple(group) for group in groups), excluded=tuple(excluded))


def fts5_expression(query: Query) -> str:
    """The query in SQLite FTS5's syntax, on the index forms of ``index_tokens``."""

    def term_expression(term: Term) -> str:
        phrases = ['"' + " ".join(form).replace('"', '""') + '"' for form in term.forms()]
        return "(" + " OR ".join(phrases) + ")"

    wanted = " AND ".join(
        "(" + " OR ".join(term_expression(term) for term in group) + ")" for group in query.groups
    )
    return "".join([f"({wanted})", *(f" NOT {term_expression(t)}" for t in query.excluded)])


# --- Highlighted passages -----------------------------------------------------------------


@dataclass
class _Matcher:
    terms: Sequence[Term]
    forms: dict[str, set[str]] = field(default_factory=dict)
    prefixes: tuple[str, ...] = ()
    # Each word's answer, as written: a page of results reads the same words many times.
    seen: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for language in (FRENCH, ENGLISH, SIMPLE):
            self.forms[language] = {
                stem(word, language) for term in self.terms for word in term.words
            }
        self.prefixes = tuple({form[:3] for forms in self.forms.values() for form in forms if form})

    def matches(self, word: str) -> bool:
        found = self.seen.get(word)
        if found is None:
            found = fold(word).startswith(self.prefixes) and any(
                stem(word, language) in forms for language, forms in self.forms.items()
            )
            if len(self.seen) < _SEEN_AT_MOST:
                self.seen[word] = found
        return found


_SEEN_AT_MOST = 50_000


@lru_cache(maxsize=32)
def _matcher(terms: tuple[Term, ...]) -> _Matcher:
    return _Matcher(terms)


def _hits(text: str, matcher: _Matcher) -> Iterator[tuple[int, int]]:
    for match in WORD.finditer(text):
        if matcher.matches(match.group()):
            yield match.start(), match.end()


def passage(text: str, query: Query, *, width: int = 240, scanned: int = 50_000) -> SafeString:
    """The part of ``text`` (about ``width`` characters) with the most words of the query,
    escaped, each of those words in <mark>. The start of the text when none is found."""
    text = text[:scanned]
    hits = list(_hits(text, _matcher(tuple(query.wanted)))) if query else []
    start = 0
    if hits:
        best = 0
        starts = [first for first, _end in hits]
        for index, first in enumerate(starts):
            # The hits from this one to ``width`` characters on (``starts`` is sorted).
            count = bisect.bisect_left(starts, first + width, lo=index) - index
            if count > best:
                best, start = count, first
        start = max(0, start - width // 4)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces = ["…" if start > 0 else ""]
    position = start
    for first, last in hits:
        if first < start or last > end:
            continue
        pieces.append(escape(text[position:first]))
        pieces.append(f"<mark>{escape(text[first:last])}</mark>")
        position = last
    pieces.append(escape(text[position:end]))
    pieces.append("…" if end < len(text) else "")
    return mark_safe(" ".join("".join(pieces).split()))  # noqa: S308 (each piece is escaped)
