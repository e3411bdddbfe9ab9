"""Message templates: ``{{ variable }}`` substitution, restricted to a fixed set of names.

Organizations write their own templates, so they are not Django templates: the only thing
a template can do is name one of ``VARIABLES``. Anything else between braces (an unknown
name, a filter, a tag) is refused with a message that says what is allowed. Values are
inserted as they are: messages are plain text.
"""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_.|\- ]*?)\s*\}\}")
# An empty value (say, a sender without a name) leaves no run of blank lines behind.
BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}")

VARIABLES: dict[str, Promise] = {
    "candidate_name": _("the candidate’s name"),
    "vacancy_title": _("the vacancy’s title, in the candidate’s language"),
    "organization_name": _("your organization’s name"),
    "status_url": _("the candidate’s private link to follow or withdraw the application"),
    "privacy_url": _("your organization’s privacy page, in the candidate’s language"),
    "recruiter_name": _(
        "the name of the person who sends the message (empty in automatic messages, or when "
        "they have not given their name)"
    ),
}


def variables_list() -> str:
    return ", ".join(f"{{{{ {name} }}}}" for name in VARIABLES)


def template_errors(text: str) -> list[str]:
    """What is wrong with ``text`` as a template, in the active language ([] when fine)."""
    errors: list[str] = []
    unknown = sorted({name for name in VARIABLE.findall(text) if name not in VARIABLES})
    if unknown:
        errors.append(
            str(
                _("Unknown variable: %(names)s. You can use %(allowed)s.")
                % {
                    "names": ", ".join(f"{{{{ {name} }}}}" for name in unknown),
                    "allowed": variables_list(),
                }
            )
        )
    if LEFTOVER.search(VARIABLE.sub("", text)):
        errors.append(
            str(
                _("Braces are only for variables, written like %(example)s.")
                % {"example": "{{ candidate_name }}"}
            )
        )
    return errors


def template_check(text: str) -> None:
    """Raise ValidationError with every problem of ``text`` as a template."""
    errors = template_errors(text)
    if errors:
        raise ValidationError(errors, code="template")


def template_render(text: str, variables: Mapping[str, str]) -> str:
    """``text`` with each ``{{ name }}`` replaced by its value; ValidationError if invalid."""
    template_check(text)
    filled = VARIABLE.sub(lambda match: str(variables.get(match.group(1), "")), text)
    return BLANK_LINES.sub("\n\n", filled)


def template_uses(text: str, name: str) -> bool:
    return name in VARIABLE.findall(text)


# The texts an organization starts from, and that are used while it has none of its own.
# (The acknowledgement without a template of the organization's is
# applications/email/acknowledgement.txt, which also covers an updated application.)
DEFAULT_SUBJECTS: dict[str, Promise] = {
    "acknowledgement": _("Application received: {{ vacancy_title }}"),
    "rejection": _("Your application for {{ vacancy_title }}"),
    "interview": _("Invitation to an interview: {{ vacancy_title }}"),
    "progress": _("Your application for {{ vacancy_title }} is still being considered"),
    "references": _("References for your application: {{ vacancy_title }}"),
    "offer": _("Our offer: {{ vacancy_title }}"),
    "free": _("About your application: {{ vacancy_title }}"),
}
DEFAULT_BODIES: dict[str, Promise] = {
    "acknowledgement": _(
        "Hello {{ candidate_name }},\n\n"
        "We received your application for “{{ vacancy_title }}” at {{ organization_name }}. "
        "Thank you.\n\n"
        "Follow your application, or withdraw it, at this private address:\n"
        "{{ status_url }}\n\n"
        "Keep this address to yourself: anyone who has it can see and withdraw your "
        "application.\n\n"
        "People at {{ organization_name }} read every application; you will hear from them.\n\n"
        "How your data is used, how long it is kept, and your rights:\n"
        "{{ privacy_url }}\n"
    ),
    "rejection": _(
        "Hello {{ candidate_name }},\n\n"
        "Thank you for your interest in “{{ vacancy_title }}” and for the time you gave to "
        "your application. After reading it carefully, we have decided not to take it "
        "further.\n\n"
        "This decision was made by people, not by software. We wish you every success.\n\n"
        "You can still see your application at this private address:\n"
        "{{ status_url }}\n\n"
        "{{ recruiter_name }}\n"
        "{{ organization_name }}\n"
    ),
    "interview": _(
        "Hello {{ candidate_name }},\n\n"
        "Thank you for your application for “{{ vacancy_title }}”. We would like to meet "
        "you for an interview.\n\n"
        "[Say when and where, or how to choose a time.]\n\n"
        "Please reply to this message to confirm.\n\n"
        "{{ recruiter_name }}\n"
        "{{ organization_name }}\n"
    ),
    "progress": _(
        "Hello {{ candidate_name }},\n\n"
        "Your application for “{{ vacancy_title }}” is still being considered: we have not "
        "forgotten you. We expect to come back to you by [a date].\n\n"
        "You can follow your application at this private address:\n"
        "{{ status_url }}\n\n"
        "{{ recruiter_name }}\n"
        "{{ organization_name }}\n"
    ),
    "references": _(
        "Hello {{ candidate_name }},\n\n"
        "Your application for “{{ vacancy_title }}” has come to its last stage. Could you give "
        "us the names and contact details of two people who have worked with you and agree "
        "to tell us about it?\n\n"
        "We will contact them only about this application, and only with your agreement.\n\n"
        "{{ recruiter_name }}\n"
        "{{ organization_name }}\n"
    ),
    "offer": _(
        "Hello {{ candidate_name }},\n\n"
        "We are delighted to offer you the role of “{{ vacancy_title }}” at "
        "{{ organization_name }}.\n\n"
        "[The terms: start date, contract, pay, place.]\n\n"
        "Please reply to this message to accept, or to ask us anything before deciding.\n\n"
        "{{ recruiter_name }}\n"
        "{{ organization_name }}\n"
    ),
    "free": _(
        "Hello {{ candidate_name }},\n\n[Your message.]\n\n{{ recruiter_name }}\n"
        "{{ organization_name }}\n"
    ),
}
