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
import math
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


def relevance(tokens: str, query: Query) -> float:
    """How well a row's words (``index_tokens``: index forms between spaces) answer the
    query, higher is better: for each group of terms, the log of how often its most
    frequent term is written (a phrase: its words in a row). Like PostgreSQL's ts_rank,
    it reads the row alone, no statistics of the whole index. A term written twice in a
    row without a word between counts once."""
    padded = f" {tokens} "
    score = 0.0
    for group in query.groups:
        found = max(
            sum(padded.count(f" {' '.join(form)} ") for form in term.forms()) for term in group
        )
        score += math.log1p(found)
    return score


# --- Highlighted passages -----------------------------------------------------------------


@dataclass
class _Matcher:
    terms: Sequence[Term]
    forms: dict[str, set[str]] = field(default_factory=dict)
    prefixes: tuple[str, ...] = ()
    starts: re.Pattern[bytes] | None = None
    # Each word's answer, as written: a page of results reads the same words many times.
    seen: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for language in (FRENCH, ENGLISH, SIMPLE):
            self.forms[language] = {
                stem(word, language) for term in self.terms for word in term.words
            }
        self.prefixes = tuple({form[:3] for forms in self.forms.values() for form in forms if form})
        # Where a word of a folded text starts with one of the prefixes: no word starts
        # right after a letter or a digit (``_hits``).
        if self.prefixes:
            self.starts = re.compile(
                b"(?<![A-Za-z0-9])(?:"
                + b"|".join(_ascii_pattern(prefix) for prefix in sorted(self.prefixes))
                + b")",
                re.IGNORECASE,
            )

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


def _ascii_pattern(prefix: str) -> bytes:
    """``prefix`` as a regex on a text made ASCII (``_places``): a letter or a digit may be
    written so, or as any other letter (a "?": "é" for "e")."""
    pieces = []
    for character in prefix:
        if character.isascii() and character.isalnum():
            pieces.append(f"[{character}?]")
        elif character.isascii():
            pieces.append(re.escape(character))
        else:
            pieces.append(r"\?")
    return "".join(pieces).encode()


@lru_cache(maxsize=32)
def _matcher(terms: tuple[Term, ...]) -> _Matcher:
    return _Matcher(terms)


_FOLDED: dict[str, str] = {}  # each character's ``fold``, as met
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _places(text: str, matcher: _Matcher) -> Iterator[int] | None:
    """Where in ``text`` a word could start with one of the query's prefixes, found by a
    regex on the text as ASCII (each other character a "?", which the regex takes for any
    letter); None when a letter of the text folds to more or less than one ("œ", "ß")."""
    if matcher.starts is None:
        return None
    for character in set(_NOT_ASCII.findall(text)):
        folded = _FOLDED.get(character)
        if folded is None:
            folded = fold(character)
            if len(_FOLDED) < _SEEN_AT_MOST:
                _FOLDED[character] = folded
        if len(folded) != 1 and character.isalnum():
            return None
    return (found.start() for found in matcher.starts.finditer(text.encode("ascii", "replace")))


def _hits(text: str, matcher: _Matcher) -> Iterator[tuple[int, int]]:
    """Where the words of the query are in ``text``. Not every word is looked at: only the
    run of non-spaces around each place ``_places`` finds (no word holds a space, so a run
    read alone holds the words a reading of the whole text finds there)."""
    places = _places(text, matcher)
    runs = iter([(0, len(text))]) if places is None else _runs(text, places)
    for start, end in runs:
        for match in WORD.finditer(text, start, end):
            if matcher.matches(match.group()):
                yield match.start(), match.end()


def _runs(text: str, places: Iterator[int]) -> Iterator[tuple[int, int]]:
    """The runs of non-spaces holding ``places`` (in order), each once."""
    end = -1
    for place in places:
        if place < end:
            continue
        start = place
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = place
        while end < len(text) and not text[end].isspace():
            end += 1
        yield start, end


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
