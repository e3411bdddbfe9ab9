"""Criteria: the requirement bullets, each of a kind taken from the heading it sits under.

A heading says what its bullets are (the words that say it are in ``criteria_kinds.py``):

- quality: "Qualités personnelles", "Personal qualities", "Savoir-être"…
- nice: "Atouts appréciés", "Ideally", "A plus", "Desirable"…
- must: "Indispensables", "Required", "Essential"…, and a requirements list that is not
  split ("Profil recherché", "Desired Skills and Attributes", "Requirements");
- none: responsibilities, missions, conditions, about, the offer: not criteria.

A heading that says none of this (a sub-heading like "Languages") takes the meaning of the
heading above it, that is the nearest earlier heading of a smaller level. A requirements
list is mixed: a bullet that says it is "a plus", "preferred" or "not required" is nice (see
``_section_criteria``), except under a heading that says "Required" in a posting with its own
list of nice-to-haves; elsewhere the wording of a bullet never changes its kind.
"""

import itertools
import re

from tremplin.vacancies.importing.criteria_kinds import (
    LISTS,
    MUST,
    NICE,
    NICE_BULLET,
    NOT_CRITERIA,
    OPTIONAL,
    QUALITY,
    ParsedCriterion,
    heading_kind,
)
from tremplin.vacancies.importing.criteria_paragraphs import (
    cued_paragraphs,
    items_before_a_list,
    items_of,
    prose_list,
)
from tremplin.vacancies.importing.criteria_sentences import (
    ASKED_VERBS,
    SWEDISH_ASKED,
    YOU_MUST,
    stated_requirements,
)
from tremplin.vacancies.importing.structure import Bullet, Document, Section
from tremplin.vacancies.importing.textutil import LEADS_ON, fold, sentences

# A bullet of fewer words ("Languages") is a heading for its sub-bullets, not a criterion.
MIN_CRITERION_WORDS = 4
# A bullet of this many words at most may head a list of criteria ("Qualifications",
# "Required skills").
HEADING_BULLET_WORDS = 2
# A lead-in that says what the person will do, not what they bring: "someone who will:",
# "The successful candidate will:", "La personne retenue devra :" (but "An excellent
# candidate will be able to:" says what they bring).
_DUTIES_LEAD_IN = re.compile(
    r"\b(?:will|devr(?:a|ez|ont)|doi(?:t|vent))\s*:?\s*$|\byou['’]ll be\b(?!\s+(?:good|great|strong"
    r"|skilled|comfortable|confident|experienced)\b)|\bvous (?:serez|allez)\b"
)


def _requirements_headed(document: Document) -> bool:
    """Whether a heading or a lead-in names the posting's requirements as such ("Required
    qualifications", "Essential:")."""
    said = [section.heading for section in document.sections]
    said += [bullet.lead_in for section in document.sections for bullet in section.bullets]
    return any(text and _REQUIRED.search(fold(text)) for text in said)


# What a requirement opens with: "5+ years working with Python", "Experience with Solr",
# "Strong communication skills", "Maîtrise de Python".
_REQUIREMENT_LIKE = re.compile(
    r"^(?:\d+\s*\+?\s*(?:years?|ans|annees)\b|(?:(?:strong|solid|proven|good|excellent|deep"
    r"|demonstrated|bonne|solide)\s+)?(?:experience|ability|knowledge|proficien|familiarity"
    r"|expertise|understanding|(?:\w+\s+)?skills|maitrise|connaissances?|capacite)\b)"
)


def _requirements_as_duties(sections: list[Section]) -> bool:
    """Whether a list headed as duties ("Responsibilities include:") is the posting's
    requirements: most of its bullets read as requirements, and the next heading lists what
    would be nice."""
    section, *rest = sections
    bullets = [fold(bullet.text).strip(" *_") for bullet in section.bullets]
    after = next((other for other in rest if other.heading), None)
    return (
        after is not None
        and after.level == section.level
        and heading_kind(after.heading or "") == NICE
        and sum(bool(_REQUIREMENT_LIKE.match(text)) for text in bullets) * 2 > len(bullets)
    )


def required_text(document: Document, requirements: list[ParsedCriterion]) -> str:
    """The posting's text less the sections a heading says are nice to have ("Nice to have:
    Spanish") and the ``requirements`` read as nice ("Maîtrise de l'espagnol…" under "Les
    qualifications suivantes seront un atout"): what it requires."""
    contrasted = _requirements_headed(document)
    return document.text_of(
        (
            section
            for section in document.sections
            if not section.heading
            or heading_kind(section.heading, against_required=contrasted) != NICE
        ),
        leave_out={criterion.text for criterion in requirements if criterion.kind == NICE},
    )


def criteria(document: Document) -> list[ParsedCriterion]:
    """The requirement bullets of ``document`` in order, each with its kind."""
    found: list[ParsedCriterion] = []
    stack: list[tuple[int, str | None]] = []
    contrasted = _requirements_headed(document)
    # A posting with its own list of nice-to-haves says the rest of what it heads as required
    # is required ("Required: Welding, a plus if certified"); a "Requirements" list still
    # marks its preferences ("A valid driver's license is preferred").
    split = any(
        heading_kind(s.heading, against_required=contrasted) == NICE
        for s in document.sections
        if s.heading
    )
    # "Characteristics that we look for in Fellows include:" ending a section, then headings
    # of the same level that say nothing of their kind ("### Leadership:"): its lists, up to
    # a heading of what is no criteria ("## Benefits") or of a higher level.
    led: tuple[int, str] | None = None
    for number, section in enumerate(document.sections):
        if section.heading is None:
            found.extend(_unlisted_criteria(section.bullets, split=split, contrasted=contrasted))
            continue
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        kind = heading_kind(section.heading, against_required=contrasted)
        if kind == NOT_CRITERIA and _requirements_as_duties(document.sections[number:]):
            kind = MUST
        # Deeper, the section is the heading's own (its kind comes down the stack); higher,
        # the lead is over, unless the lead-in stood right before ("Voici certaines compétences
        # que nous recherchons :", a line of its own, over "## Développeurs").
        prior = document.sections[number - 1] if number else None
        if led and prior and led[0] > section.level and not (prior.bullets or prior.paragraphs):
            led = (section.level, led[1])
        if kind == NOT_CRITERIA or (led and section.level != led[0]):
            led = None
        if kind is None:
            kind = led[1] if led else None
        if kind is None:
            kind = next((parent for _level, parent in reversed(stack) if parent), None)
        stack.append((section.level, kind))
        if lead_in := _section_lead_in(section, kind, contrasted=contrasted):
            led = (section.level, lead_in)
        elif kind in LISTS and not (section.bullets or section.paragraphs):
            # "Les compétences requises", empty, over "Python" and "NodeJS" and their lists:
            # a heading over the headings after it.
            led = (section.level, kind)
        if kind in LISTS:
            before = items_before_a_list(section.paragraphs) if section.bullets else []
            bullets = [*before, *section.bullets] or prose_list(section.paragraphs)
            if not bullets or (section.bullets and not before):
                # "3 à 5 ans d'expérience…" or "Étudiant(e) en école de commerce." as a
                # paragraph of its own, before the list or instead of it.
                found.extend(cued_paragraphs(section.paragraphs, kind))
            if not bullets:
                # No list: the sentences that ask ("Candidates that have training in … are
                # encouraged to apply.") are the section's requirements.
                stated = stated_requirements(section.paragraphs)
                found.extend(criterion for criterion in stated if criterion.kind == MUST)
            # "As the team leader, we expect you to:" between two lists: its own kind (a
            # list of qualities keeps its heading's, what leads into it says it is asked).
            groups = itertools.groupby(bullets, key=lambda bullet: bullet.lead_in)
            for number, (lead_in, group) in enumerate(groups):
                grouped = list(group)
                # "To qualify for this role, you must have one year of specialized
                # experience. Specialized experience is:"
                found.extend(_asked_before(lead_in))
                own = (kind != QUALITY and _lead_in_kind(lead_in, contrasted=contrasted)) or kind
                # Right under "Nice to haves", "Let us know if you enjoy any of the following
                # skills" still hopes; "Required:" there asks, and so does a later lead-in.
                first_under_nice = number == 0 and kind == NICE
                if first_under_nice and own == MUST and not _REQUIRED.search(fold(lead_in or "")):
                    own = NICE
                if own == NICE and _marks_its_preferences(section.heading, grouped):
                    found.extend(_section_criteria(grouped, MUST, mixed=True))
                    continue
                required = split and bool(_REQUIRED.search(fold(section.heading)))
                found.extend(_section_criteria(grouped, own, mixed=own == MUST and not required))
        else:
            found.extend(_unlisted_criteria(section.bullets, split=split, contrasted=contrasted))
    for section in document.sections:
        listed = section.heading is not None and heading_kind(section.heading) in LISTS
        # Under a requirements heading, a line apart says only a preference ("Idéalement,
        # vous connaissez…" after the list): its requirements are the list.
        found.extend(stated_requirements(section.paragraphs, preferences_only=listed))
        found.extend(_run_in_criteria(section.paragraphs, contrasted=contrasted))
    return found


# "**Selection criteria:** Ph.D. in biology. Extensive experience in …": a heading run into
# its paragraph, in bold then stripped.
_RUN_IN = re.compile(r"^(?P<label>[^\W\d_][\w' -]{2,40}?)\s*\??:\s+(?P<rest>\S.*)$", re.S)
MAX_RUN_IN_LABEL_WORDS = 4


def _run_in_criteria(paragraphs: list[str], *, contrasted: bool) -> list[ParsedCriterion]:
    found: list[ParsedCriterion] = []
    for paragraph in paragraphs:
        match = _RUN_IN.match(paragraph.strip())
        if match is None or len(match.group("label").split()) > MAX_RUN_IN_LABEL_WORDS:
            continue
        kind = heading_kind(match.group("label"), against_required=contrasted)
        if kind in LISTS:
            # "Bonus if you're strong in …" among them: a plus.
            # "Compétences attendues : maîtriser … ; animer des ateliers ; …": each item.
            said = [Bullet(item) for item in items_of(match.group("rest"))]
            found.extend(_section_criteria(said, kind, mixed=kind == MUST))
    return found


# A heading that says its list is required, not only what is asked ("Required",
# "Essential", "Indispensable"; not "Requirements").
_REQUIRED = re.compile(
    r"\b(?:required|essential|mandatory|indispensables?|obligatoires?|exigee?s?|must[- ]haves?)\b"
    # "Basic Qualifications" then "Desired Qualifications"
    r"|\b(?:basic|minimum)\s+(?:qualifications|requirements)\b"
    # "Skills we expect" then "Skills we want"
    r"|\bskills\s+we\s+expect\b"
)
# A bullet that asks: "Must have …", "… so you should have experience of …", Swedish "du
# bör ha", "du måste kunna".
_ASKED = re.compile(
    rf"^(?:must|should)\s+{ASKED_VERBS}\b|\byou\s+(?:must|should)\s+{ASKED_VERBS}\b"
    rf"|\b{SWEDISH_ASKED}"
    # A list of terms' "Souhaité: Master 1 et 2, une première expérience …"
    r"|^(?:souhaitee?s?|requise?s?|exigee?s?|required|preferred)\s*:"
)


# "Additional Qualifications" over "Bachelor's degree preferred." and "Strong communication
# skills.": a list of additions that marks its preferences one by one asks for the rest.
_ADDITIONS = re.compile(r"\badditional (?:qualifications|skills|requirements)\b")


def _marks_its_preferences(heading: str, bullets: list[Bullet]) -> bool:
    return bool(_ADDITIONS.search(fold(heading))) and any(
        NICE_BULLET.search(fold(_main_clause(bullet.text))) for bullet in bullets
    )


_PLUS_OF_ITS_OWN = re.compile(r">?\s*(?:un plus|a plus|bonus)\s+(?:si|if)\b[^:]*$")


def _lead_in_kind(lead_in: str | None, *, contrasted: bool = False) -> str | None:
    """What a paragraph leading into a list says its bullets are: "Vous êtes la bonne
    personne si :" a must, "Ce que nous recherchons :" too; "someone who will:" none; "Un plus
    si vous avez travaillé avec des collectivités", a plus of its own, none."""
    if not lead_in or _PLUS_OF_ITS_OWN.match(fold(lead_in.strip())):
        return None
    if re.search(OPTIONAL, fold(lead_in)):
        return NICE  # "… but they're completely optional. Even if you don't, apply!"
    # The sentence that points at the list says what it is ("Les qualifications suivantes
    # seront un atout. Toutefois, … n'hésitez pas à postuler"); else the last, before it.
    said = sentences(lead_in)
    clause = fold(next((sentence for sentence in said if LEADS_ON.search(sentence)), said[-1]))
    if _DUTIES_LEAD_IN.search(clause):
        return None
    kind = heading_kind(clause, against_required=contrasted)
    return kind if kind in LISTS else None


def _section_lead_in(section: Section, kind: str | None, *, contrasted: bool) -> str | None:
    """What a section that lists nothing of its own says the sections after it list: a
    requirements heading leading in over nothing ("### Characteristics that we look for
    include:"), or its last paragraph leading in ("We look for:")."""
    if section.bullets:
        return None
    if not section.paragraphs:
        leads = (section.heading or "").rstrip().endswith(":")
        return kind if leads and kind in LISTS else None
    last = section.paragraphs[-1].rstrip()
    return _lead_in_kind(last, contrasted=contrasted) if last.endswith(":") else None


def _unlisted_criteria(
    bullets: list[Bullet], *, split: bool, contrasted: bool
) -> list[ParsedCriterion]:
    """Outside any requirements section: the lists a requirements sentence leads into, or
    else the bullets that ask ("Must have strong technology skills" among the duties, "Du
    bör ha flera års erfarenhet…" under no heading), with the pluses among them."""
    if led := _led_in_criteria(bullets, split=split, contrasted=contrasted):
        return led
    # What the bullet's first sentence says ("Excellence. You should have a high bar…" names
    # a value, with a word on it).
    said = [fold(sentences(bullet.text)[0]) if bullet.text else "" for bullet in bullets]
    if not any(_ASKED.search(first) for first in said):
        return []
    asked = [
        bullet
        for bullet, first in zip(bullets, said, strict=True)
        if _ASKED.search(first) or NICE_BULLET.search(first)
    ]
    return _section_criteria(asked, MUST, mixed=True)


def _led_in_criteria(
    bullets: list[Bullet], *, split: bool, contrasted: bool
) -> list[ParsedCriterion]:
    """The criteria of lists a requirements sentence leads into, outside any requirements
    section."""
    found: list[ParsedCriterion] = []
    for lead_in, group in itertools.groupby(bullets, key=lambda bullet: bullet.lead_in):
        listed = list(group)
        kind = _lead_in_kind(lead_in, contrasted=contrasted) or (
            MUST if _addressed_to_you(listed) else None
        )
        if kind is not None:
            found.extend(_asked_before(lead_in))
            found.extend(_section_criteria(listed, kind, mixed=kind == MUST and not split))
            continue
        # "- Qualifications" over its sub-bullets: a bullet that is a requirements heading
        # ("Accounts payable experience" over a duty is a duty's name).
        for bullet in listed:
            headed = heading_kind(bullet.text.strip(" :*_"))
            if (
                bullet.children
                and len(bullet.text.split()) <= HEADING_BULLET_WORDS
                and headed in LISTS
            ):
                found.extend(ParsedCriterion(child, headed) for child in bullet.children)
    return found


# "We are looking for someone who has good command of English. You have higher education.
# We also appreciate:": what the lead-in of a list of criteria asks before it leads in.
_ASKED_SENTENCE = re.compile(
    r"^(?:we(?:'re| are) looking for (?:someone|a person|candidates?|people)\s+(?:who|with)\b"
    r"|you (?:have|are|hold|bring|know|speak)\b|vous (?:avez|etes|maitrisez|disposez)\b)"
)


def _asked_before(lead_in: str | None) -> list[ParsedCriterion]:
    said = [sentence.strip() for sentence in sentences(lead_in or "")[:-1]]
    return [
        ParsedCriterion(s, MUST)
        for s in said
        if _ASKED_SENTENCE.match(fold(s)) or YOU_MUST.match(fold(s))
    ]


# "Do you have experience of …?", "Avez-vous déjà animé …?": questions to the reader, a
# list of them, ask what the job needs ("If so, this vacancy may be of interest").
_QUESTION_TO_YOU = re.compile(
    r"^(?:do|does|are|would|have|can|could|is|will|avez|etes|aimez|savez|connaissez|as|es)\b"
    r".*\?\W*$"
)


# "Vous maîtrisez l'anglais.", "Vous avez un bon relationnel": what the reader has or is,
# a list of it under a heading that names no kind ("Parlons technique..."); not "Vous êtes
# en charge de…", a duty.
_ABOUT_YOU = re.compile(
    r"^(?:vous|you|tu)\s+(?:avez|etes|maitrisez|disposez|possedez|have|are|hold|as|es"
    r"|maitrises|disposes|possedes)\b"
    r"(?!\s+(?:responsable|en\s+charge|charge|amene|in\s+charge|responsible)\b)"
)


def _addressed_to_you(bullets: list[Bullet]) -> bool:
    """Whether each bullet asks the reader a question or says what they have or are."""
    said = [fold(bullet.text).strip(" *_") for bullet in bullets]
    return len(bullets) >= 2 and all(
        _QUESTION_TO_YOU.match(text) or _ABOUT_YOU.match(text) for text in said
    )


def _main_clause(text: str) -> str:
    """The bullet without its asides: "(Docker is a plus)" and what follows a ";" add a
    bonus to a requirement, they do not make it optional; "(not required)" still does."""
    text = re.sub(r"\([^()]*\b(?:is|are|est|sont|would|serait|seraient)\b[^()]*\)", " ", text)
    # "Python (Django apprécié)": a plus named in the aside; "Docker (apprécié)" is one itself.
    text = re.sub(r"\([^()]*\w\s+(?:appréciée?s?|souhaitée?s?|preferred|a\s+plus)\s*\)", " ", text)
    # "Ph.D. in ecology (ideally completed at the time of application)": when, not whether
    # ("fluent in French (ideally)" says whether).
    text = re.sub(r"\((?:ideally|preferably|idéalement|de préférence)\s+\w[^()]*\)", " ", text)
    # "passionné d'open-source (un plus si vous êtes linuxien)": a bonus on a condition.
    text = re.sub(r"\((?:un|a)\s+plus\s+(?:si|if)\s[^()]*\)", " ", text)
    # "Strong programming skills, ideally demonstrated through contributions", "An interest in
    # software, ideally with some Ruby", "aimant le Libre et idéalement la Sécurité", "cursus
    # QHSE avec idéalement une expérience", "… en Ruby on Rails, et avez idéalement déjà
    # travaillé …": what is asked, then how it is best shown or what is hoped for beside it.
    text = re.sub(
        r"(?:,|\s+(?:et|and|und|avec|with))\s+(?:\w+\s+){0,2}?(?:id[ée]alement|ideally|idealerweise"
        r"|de\s+pr[ée]f[ée]rence|preferably)\b.*$",
        " ",
        text,
    )
    # "programming knowledge (Java preferred)": which kind is preferred, the knowledge is asked
    # ("Python (preferred)" alone is optional).
    text = re.sub(
        r"\(\s*\w[^()]*?\s+(?:preferred|wünschenswert|von\s+Vorteil|souhaitée?s?)\s*\)", " ", text
    )
    # "(projects developed in Drupal or Node.js a plus)": which of it is a bonus.
    text = re.sub(r"\(\s*\w[^()]*?\s+an?\s+(?:plus|bonus)\s*\)", " ", text)
    # "HTML, CSS et JavaScript — une bonne connaissance de Bootstrap est un plus": the bonus
    # after the dash, as after a ";" ("— this is a plus" says it of the whole).
    text = re.sub(
        r"\s[—–]\s(?!(?:this|that|it|ceci|cela|ce|c['’])\b)[^—–]*\b(?:est|sont|is|are)\s+"
        r"(?:un|des|an?)\s+(?:plus|atouts?|bonus|asset)\b.*$",
        " ",
        text,
    )
    return re.split(r";\s", text, maxsplit=1)[0]


# A bullet that names a kind of skill for its sub-bullets ("Savoir-faire :", "Aptitudes :",
# "Technical skills:"), unlike "Languages:" or "One of:", which a sub-bullet only completes.
# "Savoir-faire :", "Savoir-être professionnels :", "Compétences bonus :", "Soft skills:".
_CATEGORY = re.compile(
    r"^(?:savoir[- ](?:faire|etre)|aptitudes|competences|(?:technical |soft |hard )?skills"
    r"|qualites|connaissances|knowledge)(?: [\w'-]+){0,2}\s*:$"
)
MIN_CATEGORY_ITEMS = 1


def _is_category(bullet: Bullet) -> bool:
    return len(bullet.children) >= MIN_CATEGORY_ITEMS and bool(
        _CATEGORY.match(fold(bullet.text.strip()))
    )


def _section_criteria(bullets: list[Bullet], kind: str, *, mixed: bool) -> list[ParsedCriterion]:
    """The criteria of a list of ``kind``, each bullet saying "a plus" made nice.

    In a ``mixed`` list (required, in a posting with no list of nice-to-haves), a bullet
    whose first sentence says it is optional ("a plus", "not required", "un atout") is nice;
    a bullet ending with ":" that says so leads in the bullets after it, up to the next
    lead-in.
    """
    found: list[ParsedCriterion] = []
    lead_kind: str | None = None
    for bullet in bullets:
        if not bullet.text:
            continue
        # Only the first sentence says what the bullet is: "Good communication skills.
        # Media experience is a plus." asks for the skills and adds a bonus.
        parts = sentences(bullet.text)
        # "Excitement about X. (Not required, but a bonus!)": the aside is the first's.
        first = _main_clause(" ".join(parts[:2]) if parts[1:2] and parts[1][0] == "(" else parts[0])
        own = NICE if mixed and NICE_BULLET.search(fold(first)) else None
        if bullet.text.endswith(":") and not bullet.children:
            lead_kind = own
        # "Has worked with AWS" over "Especially: CloudWatch, SNS": the sub-bullets detail
        # a criterion that stands on its own; "Languages" or "One of:" needs them.
        whole = bullet.text.endswith(":") or len(bullet.text.split()) < MIN_CRITERION_WORDS
        # "Plus significatifs :" over its pluses: a list of nice-to-haves within the list.
        nice_list = bool(bullet.children) and heading_kind(bullet.text) == NICE
        if whole and (_is_category(bullet) or nice_list):
            # "Savoir-faire :" over "Git", "Tests unitaires": each item is a criterion.
            item_kind = NICE if nice_list else own or lead_kind or kind
            found.extend(ParsedCriterion(child, item_kind) for child in bullet.children)
            continue
        text = bullet.full_text if whole else bullet.text
        found.append(ParsedCriterion(text, own or lead_kind or kind))
    return found
