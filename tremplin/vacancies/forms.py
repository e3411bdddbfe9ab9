"""The job board's filters: a GET form that works without JavaScript."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tremplin.vacancies import selectors
from tremplin.vacancies.models import Vacancy

ANY = ("", _("Any"))
REMOTE_CHOICES = [ANY, ("yes", _("Remote possible")), ("no", _("On site"))]


class BoardFilterForm(forms.Form):
    organization = forms.ChoiceField(label=_("Organization"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[ANY, *Vacancy.Kind.choices])
    employment_type = forms.ChoiceField(
        label=_("Employment type"),
        required=False,
        choices=[ANY, *Vacancy.EmploymentType.choices],
    )
    location = forms.CharField(label=_("Location"), required=False, max_length=100)
    remote = forms.ChoiceField(label=_("Remote"), required=False, choices=REMOTE_CHOICES)
    language = forms.ChoiceField(
        label=_("Language of the posting"),
        required=False,
        choices=[ANY, *((code, capfirst(name)) for code, name in settings.LANGUAGES)],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        organizations = selectors.organization_list_hiring()
        organization = self.fields["organization"]
        assert isinstance(organization, forms.ChoiceField)  # noqa: S101
        organization.choices = [ANY, *((o.slug, o.name) for o in organizations)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices for this filter."
            )
        self.fields["organization"].error_messages["invalid_choice"] = _(
            "No organization “%(value)s” has vacancies on this board."
        )
        self.fields["location"].widget.attrs["list"] = "known-locations"

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``selectors.vacancy_list_published``, from the valid fields.

        A field with a bad value is left out (and reported in ``errors``), so the board
        still shows what the other filters select.
        """
        self.is_valid()
        data = self.cleaned_data
        slug = data.get("organization") or ""
        remote = data.get("remote") or ""
        return {
            "organization": selectors.organization_get(slug=slug) if slug else None,
            "kind": data.get("kind") or "",
            "employment_type": data.get("employment_type") or "",
            "location": (data.get("location") or "").strip(),
            "remote": {"yes": True, "no": False}.get(remote),
            "language": data.get("language") or "",
        }
