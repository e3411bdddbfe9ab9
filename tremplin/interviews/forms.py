"""The forms of interviews: the staff's scheduling and moving forms, and the candidate's
request to move. Every error says what to fix, in the reader's language."""

from datetime import UTC, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tremplin.accounts.models import Organization, User
from tremplin.interviews.models import MAX_SLOTS, MIN_SLOTS, Interview
from tremplin.interviews.selectors import panel_candidates

SLOT_FORMAT = "%Y-%m-%dT%H:%M"
# What a browser's datetime-local input may send besides: the seconds.
SLOT_FORMATS = (SLOT_FORMAT, "%Y-%m-%dT%H:%M:%S")


def zone_get(name: str) -> ZoneInfo | None:
    """The IANA time zone ``name`` ("Europe/Paris"), or None when there is none."""
    if name not in available_timezones():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def slot_parse(value: str, zone: ZoneInfo) -> datetime:
    """A local "YYYY-MM-DDTHH:MM" in ``zone`` as an aware datetime; a clear error for a
    malformed value and for a time the clocks skip (the spring change)."""
    naive = None
    for form in SLOT_FORMATS:
        try:
            naive = datetime.strptime(value.strip(), form)  # noqa: DTZ007 (zone below)
            break
        except ValueError:
            continue
    if naive is None:
        raise ValidationError(
            _("“%(value)s” is not a date and time such as 2026-03-14T14:30.") % {"value": value}
        )
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(
            _("%(value)s does not exist in %(zone)s: the clocks change then.")
            % {"value": value.replace("T", " "), "zone": zone.key}
        )
    return aware


class _SlotsWidget(forms.MultipleHiddenInput):
    def value_from_datadict(
        self, data: Any, files: MultiValueDict[str, Any], name: str
    ) -> list[str]:
        getlist = getattr(data, "getlist", None)
        return list(getlist(name)) if getlist else list(data.get(name) or [])


class SlotsField(forms.Field):
    """Repeated ``slot`` values, as the form posts them; empty ones are ignored."""

    widget = _SlotsWidget

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v) for v in values if str(v).strip()]


class PanelField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else str(obj.email)


class ScheduleForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Interview.Kind.choices)
    duration_minutes = forms.IntegerField(
        label=gettext_lazy("Length in minutes"), min_value=5, max_value=480, initial=45
    )
    location = forms.CharField(
        label=gettext_lazy("Address or link"),
        max_length=500,
        required=False,
        help_text=gettext_lazy(
            "The address for an interview on site, the link of a video call, the number to call."
        ),
    )
    panel = PanelField(
        label=gettext_lazy("Panel"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": gettext_lazy("Choose at least one member of the panel."),
            "invalid_choice": gettext_lazy(
                "Choose the panel among the members of your organization."
            ),
            "invalid_pk_value": gettext_lazy("“%(pk)s” is not a member of your organization."),
        },
    )
    slot = SlotsField(label=gettext_lazy("Times"), required=False)
    timezone = forms.CharField(label=gettext_lazy("Time zone"), max_length=64)
    fixed = forms.BooleanField(
        label=gettext_lazy("The first time is the interview’s time: offer no choice"),
        required=False,
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["panel"])
        field.queryset = panel_candidates(organization=organization)
        self.starts: list[datetime] = []

    def clean_timezone(self) -> str:
        name = str(self.cleaned_data["timezone"]).strip()
        if zone_get(name) is None:
            raise ValidationError(
                _("“%(name)s” is not a time zone: write one such as Europe/Paris.") % {"name": name}
            )
        return name

    def clean_location(self) -> str:
        location = str(self.cleaned_data.get("location", "")).strip()
        kind = self.cleaned_data.get("kind")
        if not location and kind in (Interview.Kind.ONSITE, Interview.Kind.VIDEO):
            raise ValidationError(
                _("Give the address of the place.")
                if kind == Interview.Kind.ONSITE
                else _("Give the link of the video call.")
            )
        return location

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        name = cleaned.get("timezone")
        values: list[str] = cleaned.get("slot") or []
        zone = zone_get(name) if name else None
        fixed = bool(cleaned.get("fixed"))
        if fixed and len(values) != 1:
            self.add_error("slot", _("A fixed time is one time: give exactly one."))
        elif not fixed and not MIN_SLOTS <= len(values) <= MAX_SLOTS:
            self.add_error(
                "slot",
                _("Offer between %(low)s and %(high)s times (you gave %(count)s), or fix one.")
                % {"low": MIN_SLOTS, "high": MAX_SLOTS, "count": len(values)},
            )
        if zone is None or self.has_error("slot"):
            return cleaned
        starts, errors = [], []
        now = timezone.now()
        for value in values:
            try:
                start = slot_parse(value, zone)
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            if start <= now:
                errors.append(
                    _("%(value)s has passed: choose a time in the future.")
                    % {"value": value.replace("T", " ")}
                )
            elif start in starts:
                errors.append(_("%(value)s is given twice.") % {"value": value.replace("T", " ")})
            else:
                starts.append(start)
        if errors:
            self.add_error("slot", errors)
        else:
            self.starts = starts
        return cleaned


class RescheduleForm(forms.Form):
    slot = forms.CharField(
        label=gettext_lazy("New time"),
        max_length=40,
        widget=forms.TextInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args: Any, interview: Interview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.interview = interview
        self.start: datetime | None = None

    def clean_slot(self) -> str:
        value = str(self.cleaned_data["slot"])
        zone = zone_get(self.interview.timezone) or ZoneInfo("UTC")
        try:  # a start with its offset, as the candidate's form sends it, is taken as is
            start = datetime.fromisoformat(value)
        except ValueError:
            start = None
        if start is None or start.tzinfo is None:
            start = slot_parse(value, zone)
        if start <= timezone.now():
            raise ValidationError(_("Choose a time in the future."))
        if start == self.interview.start:
            raise ValidationError(_("This is already the interview’s time."))
        self.start = start
        return value


class RescheduleRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why do you need another time?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Tell the organization why you need another time.")
        },
    )
