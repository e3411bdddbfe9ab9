"""Template tags for what organizations tell people about their data (``notices.texts``),
for the pages of any app above: the vacancy page, the application form, the status page.

``{% load notices %}``, then:
  ``{% notice_summary organization as notice %}``: the short notice of the application form;
  ``{% decisions_statement organization vacancy as text %}``: "how decisions are made", in
  the page's language;
  ``{{ months|months_text }}``: "6 months", "6 mois";
  ``{{ text|markdown_escape }}``: plain text made safe to put in Markdown.
"""

import re
from typing import TYPE_CHECKING

from django import template
from django.utils import translation

from tremplin.accounts.models import Organization
from tremplin.core.language import months_text as months_in_words
from tremplin.notices import texts

if TYPE_CHECKING:
    from tremplin.vacancies.models import Vacancy

register = template.Library()

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


@register.simple_tag
def notice_summary(organization: Organization) -> texts.Summary:
    return texts.notice_summary(organization=organization)


@register.simple_tag
def decisions_statement(organization: Organization, vacancy: "Vacancy | None" = None) -> str:
    return texts.decisions_statement(
        organization=organization, language=translation.get_language() or "", vacancy=vacancy
    )


@register.filter
def months_text(count: int) -> str:
    return months_in_words(int(count))


@register.filter
def markdown_escape(text: object) -> str:
    """Backslash the characters Markdown would read as markup, and keep it on one line."""
    one_line = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)
