"""Dates as people read them: the month in words, deadlines with their time zone."""

import datetime

import pytest
from django.utils import translation

from tremplin.core.language import french_elide
from tremplin.core.templatetags.dates import deadline


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 December 2027, 23:59 (Paris time)"),
        ("fr", "1 décembre 2027 à 23:59 (heure de Paris)"),
    ],
)
def test_a_deadline_spells_its_month_and_names_its_time_zone(language, expected):
    with translation.override(language):
        assert deadline(datetime.date(2027, 12, 1)) == expected


def test_a_time_zone_named_after_a_city_with_a_vowel_is_elided_in_french(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    with translation.override("fr"):
        assert deadline(datetime.date(2027, 12, 1)).endswith("(heure d’Amsterdam)")
    with translation.override("en"):
        assert deadline(datetime.date(2027, 12, 1)).endswith("(Amsterdam time)")


@pytest.mark.parametrize(
    ("text", "elided"),
    [
        ("heure de Amsterdam", "heure d’Amsterdam"),
        ("plus que Observatoire", "plus qu’Observatoire"),
        ("De Istanbul", "D’Istanbul"),
        ("heure de Paris", "heure de Paris"),
    ],
)
def test_french_elision_before_a_vowel(text, elided):
    assert french_elide(text) == elided
