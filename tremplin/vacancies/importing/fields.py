"""How to apply, as a posting states it in words (languages and experience are read in
``asked``, the place in ``place``).

Each extractor returns None (or an empty list) when the posting does not state the field:
nothing is guessed.
"""

import re

from tremplin.vacancies.importing.structure import Document
from tremplin.vacancies.importing.textutil import fold, host_of, sentences

_I = re.IGNORECASE

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[^\s)<>\]\"'`]+")  # "`https://…`": code, the backtick no part
# "Then please contact X with a short introduction of yourself": an application.
_INTRODUCING = r"\bintroduc(?:e|ing|tion\s+of)\s+yourself\b|\bprésentez[- ]vous\b"
_APPLY_WORDS = re.compile(
    r"\bappl(?:y|ying|ication|ications)\b|\bsend(?:ing)?\b|\bsubmit|\bCVs?\b|\brésumé|\bresume\b"
    r"|cover\s+letter|postule[rz]?\b|candidature|candidate[rz]\b|envoye[rz]|adresse[rz]"
    r"|lettre\s+de\s+motivation"
    r"|\bwrite\s+to\b|\be-?mail\s+(?:us|to)\b|\bécrive[rz]\b|\bcontacte[rz]\b"
    # "Please follow the instructions on the [Careers](…) website" (under "How to Apply").
    r"|\bfollow\s+the\s+instructions\s+(?:on|at)\b|\bsuive[zr]\s+les\s+instructions\b"
    rf"|{_INTRODUCING}"
    # German, Dutch and Italian: "Bewerbung", "Anschreiben", "sollicitatie", "candidatura"
    r"|\bbewerb|\banschreiben\b|\blebenslauf\b|\bsollicit(?:eer|eren|atie)\b|\bmeld\s+je\b"
    r"|\bcandidatura\b",
    _I,
)


# Headings of the part that says how to apply ("La candidate idéale" is not one).
_APPLY_HEADING = re.compile(
    r"\bappl(?:y|ying|ications?)\b|\bpostuler\b|\bcandidat(?:ures?|er)\b|\bcontact\b|\bkontakt\b"
    r"|\bbewerbung\b|\bsolliciteren\b|\bcandidatura\b",
    _I,
)


# "La liste des applications agréées", "polyglot applications": software, not applications
# to a job.
# "Un résumé de l'état de l'art": a summary, not a CV.
_SOFTWARE_APPS = re.compile(
    r"\b(?:les|des|aux|ces|nos|vos|une|l['’])\s*applications?\b|\b(?:un|le|du|ce)\s+résumé\b"
    # "Application [Sapper](https://sapper.svelte.dev/)" in a stack, "[Application client]
    # (…)": an app, by its name or its kind.
    r"|\bapplications?\s+(?:(?=\[(?-i:[A-Z])(?!(?i:form|here|page|portal)\b))"
    r"|(?:client|mobile|web|métier)s?\b)"
    # "We want polyglot applications to be written", "web applications": software.
    r"|\b(?:polyglot|web|mobile|desktop|native|cloud|enterprise|legacy)\s+applications?\b",
    _I,
)


# A sentence wrapped onto the next line, as plain text and reStructuredText keep it: "You can
# submit them on" over "`the official job offer <https://…>`_" (a word in lower case, a link).
_WRAPPED = re.compile(r"(?<=[\w,])[ \t]*\n(?=[ \t]*(?:[a-z`\[]|<https?://))")


def _apply_sentences(document: Document) -> list[str]:
    """Sentences about applying, and every sentence under an "Apply" or "Postuler" heading."""
    found = []
    body = sentences(_WRAPPED.sub(" ", document.body))
    for index, sentence in enumerate(body):
        if _APPLY_WORDS.search(_SOFTWARE_APPS.sub(" ", sentence)):
            # "To apply, … follow this link:" over the link: the lead-in and what it leads to.
            if sentence.rstrip().endswith(":") and index + 1 < len(body):
                sentence += " " + body[index + 1]
            found.append(sentence)
    for section in document.headed_sections:
        heading = section.heading
        # "For additional information about this vacancy, you can contact:" heads addresses
        # for questions, not the way in.
        if heading and _APPLY_HEADING.search(heading) and not _QUESTIONS.search(heading):
            found.extend(sentences(section.text))
    return found


# "Si vous avez des questions, veuillez contacter X": an address for questions only.
_QUESTIONS = re.compile(
    r"\b(?:si\s+(?:vous\s+avez|tu\s+as)\s+(?:des|une|d['’]autres)\s+questions?"
    r"|pour\s+toute\s+question"
    r"|if\s+you\s+have\s+(?:any\s+)?(?:further\s+|specific\s+|other\s+)?questions?"
    # "For any additional queries about the role, please contact …"
    r"|for\s+(?:any\s+)?(?:additional\s+|further\s+|other\s+)?"
    r"(?:questions?|quer(?:y|ies)|[ie]nquir(?:y|ies))"
    # "if you want to discuss any aspect of the role before applying", "but have questions"
    r"|if\s+you\s+(?:want|would\s+like|wish)\s+to\s+discuss|\bhave\s+questions"
    # "Questions? … email us if your question is not answered", "Any additional queries about
    # the role can be sent to …", "For additional information about this vacancy, contact:"
    r"|questions\s*\?|if\s+your\s+questions?"
    # "in case anything is unclear, … reach out to us by e-mail"; Dutch "als je ergens niet
    # helemaal zeker over bent"
    r"|\b(?:in\s+case|if)\s+anything\s+is\s+unclear|\bniet\s+(?:helemaal\s+)?zeker\b"
    r"|\bonduidelijk\b"
    r"|for\s+(?:additional|further)\s+information\s+(?:about|on|regarding)"
    r"|(?:questions?|quer(?:y|ies)|[ie]nquir(?:y|ies))\s+(?:about|regarding|concerning))\b",
    _I,
)
# "If you want to know more about the position, email us at info@…": the way in only when
# the posting gives no other (``information_email``).
_MORE_INFORMATION = re.compile(
    r"\bif\s+you\s+(?:want|would\s+like|wish)\s+to\s+(?:know|learn|find\s+out)\s+more\b"
    r"|\bpour\s+en\s+savoir\s+plus\b|\bpour\s+toute\s+question\s+ou\s+prise\s+de\s+contact\b",
    _I,
)
_APPLYING = re.compile(
    r"\bappl(?:y|ying|ications?)\b|postule[rz]?\b|candidature|\bCVs?\b|résumé|\bresume\b"
    rf"|{_INTRODUCING}",
    _I,
)


_ABOUT_APPLYING = re.compile(
    r"\bbefore\s+(?:you\s+)?(?:apply(?:ing)?|your\s+application)\b"
    r"|\bavant\s+de\s+(?:postuler|candidater)\b"
    r"|\b(?:questions?|quer(?:y|ies))\s+(?:about|on|regarding)\s+[^.?]*",
    _I,
)


def apply_email(document: Document) -> str | None:
    """The address applications are sent to, from a sentence about applying."""
    for sentence in _apply_sentences(document):
        # "… to discuss the role before applying": a question, not the way in.
        # A link's address is no word of the sentence ("the FAQ (https://x.org/apply)").
        # "questions about the role or application process": what is asked about.
        said = _URL.sub(" ", _ABOUT_APPLYING.sub("", sentence))
        applying = _APPLYING.search(said)
        if not applying and (_QUESTIONS.search(sentence) or _MORE_INFORMATION.search(sentence)):
            continue
        if address := _address_in(sentence):
            return address
    return None


# Past a sentence "pour envoyer votre candidature, veuillez prendre contact avec :", the
# signature block it leads into, up to this many characters on.
LEAD_IN_REACH = 300


def led_in_email(document: Document) -> str | None:
    """The address in the lines an apply sentence ending with ":" leads into."""
    body = document.body
    for sentence in _apply_sentences(document):
        if sentence.rstrip().endswith(":") and (start := body.find(sentence)) >= 0:
            after = body[start + len(sentence) : start + len(sentence) + LEAD_IN_REACH]
            if match := _EMAIL.search(after):
                return _address(match)
    return None


def _joined_sentences(document: Document) -> list[str]:
    """The body's sentences, each paragraph's lines joined: "in case anything is unclear, or
    reach" wrapped above "out to us [by e-mail](mailto:…)" is one sentence."""
    paragraphs = re.split(r"\n\s*\n", document.body)
    return [sentence for p in paragraphs for sentence in sentences(" ".join(p.split()))]


def question_email(document: Document) -> str | None:
    """The address a posting gives for questions ("Questions? Email us at …"): no way in,
    but its domain is the hirer's as much as an apply address's is."""
    for sentence in _joined_sentences(document):
        if _QUESTIONS.search(sentence) and (address := _address_in(sentence)):
            return address
    return None


def sole_email(document: Document) -> str | None:
    """The one address a posting gives, when it says no other way to apply (a "📥
    contact@…" line closing the hiring process); not one given for questions only."""
    # The text as read, a bullet's lines joined: "questions, contact\n    A. B. (<a@b.dk>)".
    said = sentences(document.plain_text)
    # "reach out … or via [email](mailto:…)": a link's address, which the words hide.
    said += [sentence for sentence in _joined_sentences(document) if "mailto:" in sentence]
    # "Please contact Dr. Carter directly at gregory.carter (at) jax.org": spelt out too.
    addresses = {address for s in said if (address := _address_in(s))}
    if len(addresses) != 1 or any(_QUESTIONS.search(s) and _address_in(s) for s in said):
        return None
    return addresses.pop()


def information_email(document: Document) -> str | None:
    """The address offered "to know more" ("pour toute question ou prise de contact"), or
    first under a heading that offers it ("Pour en savoir plus et échanger avec nous :"): the
    way in of a posting that gives no address or form to apply."""
    for sentence in _apply_sentences(document):
        if _MORE_INFORMATION.search(sentence) and (address := _address_in(sentence)):
            return address
    for section in document.headed_sections:
        if (
            section.heading
            and _MORE_INFORMATION.search(section.heading)
            and (match := _EMAIL.search(section.text))
        ):
            return _address(match)
    return None


# "daniel.naber@languagetool-removeme-.org": words against robots, for the reader to drop.
_AGAINST_ROBOTS = re.compile(r"[-_.]?(?:remove-?(?:me|this)|no-?spam)[-_]?", _I)


def _address(match: re.Match[str]) -> str:
    """An address as written, less a sentence's closing period and words put in against
    robots, in lower case."""
    return _AGAINST_ROBOTS.sub("", match.group(0).rstrip(".")).lower()


# "[ana.doe@x.fr](mailto:ana.do-e@x.fr)": a link whose words misspell its address.
_MAILTO_LINK = re.compile(r"\[(?P<words>[^\]\n]*)\]\(mailto:(?P<address>[^)\s?]+)[^)\s]*\)")


def _spelt_right(link: re.Match[str]) -> str:
    """The link's address when its words write the same one but for dots and dashes; else
    the link as written ("[jobs@x.org](mailto:ana@x.org)": the posting states jobs@)."""

    def bare(address: str) -> str:
        return re.sub(r"[-_.]", "", address.lower())

    return link["address"] if bare(link["words"]) == bare(link["address"]) else link[0]


def _address_in(sentence: str) -> str | None:
    sentence = _MAILTO_LINK.sub(_spelt_right, sentence)
    if match := _EMAIL.search(sentence):
        return _address(match)
    if (match := _SPELT_EMAIL.search(sentence)) and fold(match.group("user")) not in _NOT_A_USER:
        user, domain = (re.sub(_SPELT_DOT, ".", match.group(part)) for part in ("user", "domain"))
        return f"{user}@{domain}".lower()
    return None


# "engineering at readworks.org", "jobs [at] acme.org", "nathan [at] acme [dot] com": an
# address spelt out against robots.
_SPELT_DOT = r"(?:\.|\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+)"  # "jobs at acme dot org" too
_SPELT_EMAIL = re.compile(
    # "michael dot stubna at hmhn dot org": the user's dots spelt too
    rf"(?<![\w.+-])(?P<user>[\w.+-]+(?:{_SPELT_DOT}[\w+-]+)*)"
    r"(?:\s+(?:at|arobase)\s+|\s*[\[(]\s*(?:at|@)\s*[\])]\s*|\s*_at_\s*)"
    rf"(?P<domain>(?!www\.)[\w-]+(?:{_SPELT_DOT}[\w-]+)*{_SPELT_DOT}[A-Za-z]{{2,}})\b"
    # "directly at gregory.carter (at) jax.org": the user, not the domain, of what follows;
    # "our source at github.com/acme": a site's path, no mailbox.
    r"(?!\s*[\[(]\s*(?:at|@)\s*[\])]|/)"
)
# "Apply at jobs.acme.org", "us at acme.org", "my first name at acme.org": words, not the
# name of a mailbox.
_NOT_A_USER = frozenset(
    ("apply", "us", "here", "online", "now", "today", "them", "me", "him", "her", "nous", "work")
) | {"name", "nom", "prenom", "surname"}


# Application forms and applicant tracking systems: a link there is the way to apply.
_APPLY_HOSTS = re.compile(
    r"^https?://(?:[\w-]+\.)*(?:forms\.gle|docs\.google\.com/forms|goo\.gl/forms|forms\.office\.com"
    r"|tally\.so|typeform\.com|jotform\.com|greenhouse\.io|lever\.co|workable\.com|breezy\.hr"
    r"|recruitee\.com|smartrecruiters\.com|teamtailor\.com|personio\.\w+|jobs\.ashbyhq\.com"
    r"|welcometothejungle\.com|linkedin\.com/jobs|jobs\.lever\.co|bamboohr\.com"
    r"|applytojob\.com|theresumator\.com|icims\.com|myworkdayjobs\.com"
    # job boards' application pages and more form makers
    r"|indeed\.\w+(?:\.\w+)?/(?:emplois|jobs|viewjob|voir-emploi|job)|formstack\.com/forms"
    r"|framaforms\.org|wufoo\.com|cognitoforms\.com|jobvite\.com|taleo\.net|join\.com"
    r"|recruiterbox\.com|pinpointhq\.com|zohorecruit\.\w+|hellowork\.com|jobteaser\.com"
    r"|ashbyhq\.com|workatastartup\.com|wellfound\.com|angel\.co|forms\.clickup\.com"
    r"|brassring\.com|successfactors\.(?:com|eu)|ultipro\.com|workforcenow\.adp\.com|paylocity\.com"
    r"|apec\.fr/candidat/recherche-emploi\.html/emploi/detail-offre)"  # an APEC offer's page
    r"(?:[/?#]|$)",
    _I,
)


_COPIED_FROM = ("source", "canonical", "original", "company", "permalink")


# "Read the full job description on [CharityVillage](…), then send…": a page to read, not
# the way to apply.
_READ_ELSEWHERE = re.compile(
    r"\b(?:read|see|view|consulte[rz]?|lire|voir|pris\s+connaissance|prendre\s+connaissance)\b"
    r"[^.;]{0,60}\b(?:description|posting|annonce"
    r"|fiche\s+de\s+poste|offre)\b[^.;]{0,40}$"
    r"|^\W*(?:la\s+)?fiche\s+de\s+poste\b[^.;]{0,40}$"  # "Fiche de poste sur la BIEP : …"
    # "[… clique sur cet article pour en savoir plus sur beta.gouv.fr et notre appel à
    # candidatures.](…)": a link's words that say it is to read.
    r"|\b(?:en\s+savoir\s+plus|learn\s+more)\s+(?:sur|about)\b[^\[\];]{0,80}\]\($",
    _I,
)


# "Find more information [here](…) and [apply now below](#app)": a page to read, not the
# way in ("More information and how to apply: …" is).
_MORE_INFORMATION_LINK = re.compile(
    r"\b(?:more\s+(?:information|info|details)|plus\s+d['’]\s*informations?"
    r"|en\s+savoir\s+plus)\b(?:(?!\bappl|\bpostul|\bcandidat)[^.;]){0,20}$",
    _I,
)
# "… for any of our [other open positions](https://acme.org/jobs)": other jobs' page.
_OTHER_JOBS = re.compile(
    r"\b(?:other|autres?)\s+(?:open\s+)?(?:positions?|jobs?|roles?|openings?|vacancies"
    r"|offres?|postes?)\W*$",
    _I,
)


# "Applications received before [11 December 2019](https://www.timeanddate.com/…)": a
# link on a date shows the time, not the way to apply.
_DATE_LINK = re.compile(
    r"\[\s*(?:\d{1,2}(?:st|nd|rd|th|er)?\s+[^\W\d]+|[^\W\d]+\s+\d{1,2}(?:st|nd|rd|th)?)"
    r",?\s+\d{4}\s*\]\($"
)


# "Envoyez votre candidature directement sur le site du service civique", "apply on the
# Acme Careers website": the site is named, its link given elsewhere in the text.
_ON_THE_SITE = re.compile(
    r"\b(?:sur|via)\s+le\s+site\s+(?:internet\s+|web\s+)?(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*"
    r"(?P<fr>[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*){0,3})"
    r"|\b(?:on|via|through)\s+the\s+(?P<en>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:web)?site\b",
    _I,
)


# "The Code of Conduct can be found here: [url]": a page on how to behave, not to apply.
_OTHER_DOCUMENT = re.compile(
    r"\b(?:code\s+of\s+conduct|privacy\s+(?:policy|notice)|code\s+de\s+conduite"
    r"|politique\s+de\s+confidentialit[ée]|charte|datenschutz\w*)\b",
    _I,
)


# "(siehe hierzu [www.tdl-online.de](…))", "(see [the pay scales](…))": a reference aside.
_SEE_ALSO = re.compile(r"\(\s*(?:siehe|see|voir|vgl\.|cf\.)\b[^()]*(?:\]\()?$", _I)


def _is_home_page(url: str) -> bool:
    # "https://health.au.dk/en/": the home page in a language.
    path = url.split("//", 1)[-1].partition("/")[2].strip("/.,;:)")
    return not path or re.fullmatch(r"[a-z]{2}(?:[-_][a-zA-Z]{2})?", path) is not None


def _page_of_site_after(sentence: str, home: re.Match[str]) -> bool:
    """Whether a link further on in ``sentence`` is a page of the site ``home`` links to."""
    return any(
        host_of(later.group(0)) == host_of(home.group(0)) and not _is_home_page(later.group(0))
        for later in _URL.finditer(sentence, home.end())
    )


def _link_to_named_site(document: Document) -> str | None:
    """The most precise link of the text whose host spells the site an apply sentence names."""
    for sentence in _apply_sentences(document):
        if _URL.search(sentence) or not (match := _ON_THE_SITE.search(sentence)):
            continue
        words = [fold(w) for w in re.split(r"[\s'’-]+", match.group("fr") or match.group("en"))]
        words = [w for w in words if len(w) > 2]
        hosts = ("-".join(words), "".join(words))
        links = [m.group(0).rstrip(".,;:") for m in _URL.finditer(document.body)]
        fitting = [u for u in links if words and any(h in u.split("/")[2].lower() for h in hosts)]
        if fitting:
            return max(fitting, key=len)
    return None


# "[Apply here](https://…)", "[More information / apply](…)", "[Postuler](…)", "[Sign up
# here!](…)": a link that says it is the way in.
_APPLY_LINK = re.compile(
    # "[**Apply\nhere**](…)": a link's words may wrap onto the next line.
    r"(?:\[(?:[^\]\n]|\n(?!\s*\n)){0,60}\b(?:apply|postuler|candidater)"
    r"|\[\s*(?:sign\s+up|inscrivez-vous))\b"
    r"[^\]\n]{0,40}\]\((?P<url>https?://[^)\s]+)\)",
    _I,
)


def apply_url(document: Document) -> str | None:
    """The web address to apply at: a link that says so, in a sentence about applying, or
    an ATS or form link (in the front matter or the body)."""
    if match := _APPLY_LINK.search(document.body):
        return match.group("url")
    for sentence in _apply_sentences(document):
        applying = _APPLY_WORDS.search(_SOFTWARE_APPS.sub(" ", sentence))
        for match in _URL.finditer(sentence):
            before = sentence[max(0, match.start() - 60) : match.start()]
            if (
                _READ_ELSEWHERE.search(sentence[: match.start()])
                or _OTHER_JOBS.search(before)
                or _DATE_LINK.search(before)
                or _OTHER_DOCUMENT.search(before)
                or _SEE_ALSO.search(before)
                or _MORE_INFORMATION_LINK.search(before)
                # "instructions on how to apply can be found at <…/ad.pdf>": a document to
                # read; nobody applies on a PDF.
                or re.search(r"\.pdf\W*$", match.group(0), _I)
                # "The [Steno Center](https://www.stenoaarhus.dk/) invites applications":
                # a site's home page, named before the words on applying.
                or (applying and match.end() < applying.start() and _is_home_page(match.group(0)))
                # "Apply at [USAjobs](https://www.usajobs.gov/): [the post](…/job/6519)": the
                # site, then its page for the post.
                or (_is_home_page(match.group(0)) and _page_of_site_after(sentence, match))
            ):
                continue
            url = match.group(0).rstrip(".,;:")
            if "@" not in url.split("//", 1)[1].split("/", 1)[0]:
                return url
    # A form or ATS link in the front matter ("emploi_url: https://forms.gle/…"); not the
    # page a job board copied ("source_url").
    for key, value in document.front_matter.items():
        if key.startswith(_COPIED_FROM) or not isinstance(value, str):
            continue
        # "website: https://…" beside "website_text: Apply here": a link that says so.
        said = document.front_matter.get(f"{key}_text")
        if _APPLY_HOSTS.match(value.strip()) or (
            isinstance(said, str) and _URL.match(value.strip()) and _APPLY_WORDS.search(said)
        ):
            return value.strip()
    hosted = [
        url
        for match in _URL.finditer(document.body)
        if _APPLY_HOSTS.match(url := match.group(0).rstrip(".,;:"))
    ]
    if hosted:
        # A board's "jobs.ashbyhq.com/Acme" in the header, then ".../Acme/5513…" by the role:
        # the role's own page.
        board = hosted[0].rstrip("/") + "/"
        return next((url for url in hosted[1:] if url.startswith(board)), hosted[0])
    return _link_to_named_site(document)
