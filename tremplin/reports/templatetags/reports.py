"""``{% load reports %}{% diversity_link vacancy as link %}``: the link to the anonymous
diversity questionnaire for someone who just applied to ``vacancy``, or "" when its
organization does not offer it. A new random link each time: it names no application."""

from django import template
from django.urls import reverse

from tremplin.reports.selectors import diversity_enabled
from tremplin.reports.services import diversity_link_make
from tremplin.vacancies.models import Vacancy

register = template.Library()


@register.simple_tag
def diversity_link(vacancy: Vacancy) -> str:
    if not diversity_enabled(organization=vacancy.organization):
        return ""
    token = diversity_link_make(vacancy=vacancy)
    return reverse("reports:questionnaire", kwargs={"token": token})
