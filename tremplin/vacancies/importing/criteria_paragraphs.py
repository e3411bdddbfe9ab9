"""Criteria written as paragraphs under a requirements heading: a paragraph that opens by
asking for experience or studies; short paragraphs, or a paragraph of short sentences, that
are a list whose bullets were lost; short paragraphs to the reader before a list; and the
items of a sentence that ends each with " ;"."""

import re

from tremplin.vacancies.importing.criteria_kinds import ParsedCriterion
from tremplin.vacancies.importing.structure import Bullet
from tremplin.vacancies.importing.textutil import fold, sentences

# Past this length a paragraph is prose about the role, not an item of a list.
PROSE_ITEM_CHARS = 250
# A sentence that opens by asking for studies may name them at length ("Vous êtes diplômé(e)
# d'une grande école ou d'un master 2 a minima, en droit, …").
CUED_SENTENCE_CHARS = 400


# A paragraph that asks for experience or a course of study, whatever its grammar.
_EXPERIENCE_OR_STUDIES = re.compile(
    # "Vous avez entre 3 et 5 années d'expérience dans…", "Personne motivée, expérience
    # professionnelle sur une mission similaire…"
    r"^(?:(?:(?:vous\s+avez|you\s+have)\s+(?:entre\s+|between\s+)?)?\d+\s*"
    r"(?:(?:a|-|to|à|et|and)\s*\d+\s*)?\+?\s*(?:ans|annees|years)\b.{0,30}\bexperience"
    r"|(?:personne\s+[\w-]+,\s*)?(?:premiere\s+)?experience\s+(?:professionnelle|reussie)\b"
    # "Esperti in possesso di comprovata esperienza, non inferiore a 3 anni"
    r"|(?:esperti|candidati|laureati)\s+in\s+possesso\b"
    # "Jeune diplômé(e) Sciences-Po / école de commerce ou équivalent.", "Vous êtes diplômé(e)
    # d'une grande école …"
    r"|(?:(?:vous\s+etes|you\s+are|tu\s+es)\s+)?(?:jeunes?\s+|recent\s+)?"
    r"(?:etudiant|student|diplome|graduate|titulaire|holder)\b"
    # "Autonome et polyvalent, vous faites preuve de rigueur …": qualities, then the reader
    # (not "Idéalement, vous …", how much it is asked).
    r"|(?!\w+ment,)[a-z]+(?:\(e\))?(?:\s+et\s+[a-z]+(?:\(e\))?)?,\s+(?:vous|tu)\s"
    r"|(?:bac\s*\+\s*\d|master|bachelor|licence|phd|doctorat)\b"
    # "Willingness to be assessed for BPSS clearance" after the list
    r"|willingness\s+to\b|(?:eligibility|the\s+right)\s+to\s+work\b"
    # "U.S. Citizenship is required." under "Key Requirements:": one thing, said required.
    r"|.{3,80}?\s(?:is|are)\s+(?:required|mandatory)\W*$"
    # "Intérêt pour les produits développés par la DINUM …" after the lists
    r"|(?:un\s+(?:vif\s+|reel\s+|fort\s+)?)?(?:interet|appetence|gout)\s+pour\b"
    # "We are looking for someone with strong senior-level experience across …"
    r"|(?:we\s+are|we['’]re)\s+looking\s+for\s+(?:someone|a\s+person|candidates?)\s+(?:with|who)\b)"
)


def cued_paragraphs(paragraphs: list[str], kind: str) -> list[ParsedCriterion]:
    """The paragraphs of a requirements section that open by asking for years of
    experience, studies, a willingness or the right to work, or for someone with or who…:
    the first sentence of each is a criterion of ``kind``."""
    found: list[ParsedCriterion] = []
    for paragraph in paragraphs:
        first = sentences(paragraph)[0].strip()
        if len(first) > CUED_SENTENCE_CHARS or paragraph.rstrip().endswith(":"):
            continue
        if _EXPERIENCE_OR_STUDIES.match(fold(first)):
            found.append(ParsedCriterion(first, kind))
    return found


def items_of(text: str) -> list[str]:
    """The sentences of ``text``, and the items of a sentence that lists them ended by " ;"
    ("Connaissance du secteur public ; Appétence pour …")."""
    return [
        item.strip() for sentence in sentences(text) for item in re.split(r"(?<=\s;)\s+", sentence)
    ]


def prose_list(paragraphs: list[str]) -> list[Bullet]:
    """Short paragraphs one after the other under a requirements heading, each a criterion
    written without a bullet ("Tu es rigoureux ?" then "Tu connais le secteur ?"); a long
    paragraph of short sentences is such a list, its bullets lost ("Relevant PhD. General
    knowledge of other related disciplines. Very good technical writing.")."""
    items: list[str] = []
    for paragraph in paragraphs:
        said = items_of(paragraph)
        # Not prose that speaks to or for someone ("We invite students…", "You'll have…"); a
        # list may open with one such item ("Vous avez l'habitude de …. Bonne maîtrise de …").
        listed = (
            len(said) >= MIN_LISTED_SENTENCES
            and all(len(sentence.split()) <= LISTED_SENTENCE_WORDS for sentence in said)
            and not any(_PERSONS.search(fold(sentence)) for sentence in said[1:])
        )
        items.extend(said if listed and len(paragraph) > PROSE_ITEM_CHARS else [paragraph])
    # Paragraphs most of which end with " ;" are a list's items, however long one of them is.
    ended = sum(item.rstrip().endswith(";") for item in items) * 2 > len(items)
    if len(items) < 2 or (not ended and any(len(item) > PROSE_ITEM_CHARS for item in items)):
        return []
    return _asked(items)


_NOTHING_ASKED = re.compile(r"^(?:aucune?|no|not|pas\s+de|sans|kein(?:e|en)?|geen)\b")


def _asked(items: list[str]) -> list[Bullet]:
    """The items as bullets, but what is not asked ("Aucune compétence dans les domaines
    environnementaux.")."""
    return [Bullet(item) for item in items if not _NOTHING_ASKED.match(fold(item))]


MIN_LISTED_SENTENCES = 3
LISTED_SENTENCE_WORDS = 25
_PERSONS = re.compile(
    r"\b(?:we|we're|our|us|you|you'll|your|nous|notre|vous|votre|wir|unser\w*|ihr)\b|\?"
)


# Paragraphs before a list that are items of it: three at least, most of them opening by
# saying what the reader has or does ("Vous connaissez …").
MIN_ITEMS_BEFORE_LIST = 3
MAX_ITEM_SENTENCES = 2
_TO_THE_READER = re.compile(r"^(?:vous|you|tu)\s")


def items_before_a_list(paragraphs: list[str]) -> list[Bullet]:
    """Under a requirements heading that also has a list, short paragraphs each a
    requirement, most of them addressing the reader ("Vous avez une bonne culture des
    logiciels open source …", one after the other, then "Vous cochez plusieurs cases parmi ces
    technologies :" and its bullets); not the sentence that leads into the list, nor an
    introduction of longer prose."""
    items = [paragraph for paragraph in paragraphs if not paragraph.rstrip().endswith(":")]
    if len(items) < MIN_ITEMS_BEFORE_LIST or any(
        len(item) > PROSE_ITEM_CHARS or len(sentences(item)) > MAX_ITEM_SENTENCES for item in items
    ):
        return []
    addressed = sum(bool(_TO_THE_READER.match(fold(item))) for item in items)
    if addressed * 4 < len(items) * 3:
        return []
    return _asked(items)
