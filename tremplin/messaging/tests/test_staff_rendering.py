"""The template renderer: named variables only, plain text, a clear message otherwise."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tremplin.messaging.rendering import template_errors, template_render

VALUES = {"candidate_name": "Ada <b>Lovelace</b>", "recruiter_name": "", "vacancy_title": "Lead"}


def test_variables_are_filled_with_or_without_spaces_as_plain_text():
    text = template_render("Dear {{candidate_name}}, about {{ vacancy_title }}.", VALUES)
    assert text == "Dear Ada <b>Lovelace</b>, about Lead."


def test_an_empty_value_leaves_no_run_of_blank_lines():
    assert template_render("Thanks.\n\n{{ recruiter_name }}\nThe team\n", VALUES) == (
        "Thanks.\n\nThe team\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "{{ salary }}",
        "{{ candidate_name|upper }}",
        "{{ candidate.email }}",
        "{% if x %}{% endif %}",
        "{{ candidate_name",
        "{{ settings.SECRET_KEY }}",
    ],
)
def test_anything_but_a_known_variable_is_refused(text):
    assert template_errors(text)
    with pytest.raises(ValidationError):
        template_render(text, VALUES)


def test_the_error_names_the_unknown_variables_and_the_allowed_ones_in_french():
    with translation.override("fr"):
        [error] = template_errors("{{ salary }} {{ date }}")
    assert error.startswith("Variable inconnue\u00a0: {{ date }}, {{ salary }}.")
    assert "{{ status_url }}" in error
