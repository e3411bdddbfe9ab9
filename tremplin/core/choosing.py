"""Checking a choice of several among known values (API token scopes, webhook events)."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError


def several_of(
    chosen: Sequence[str], known: Sequence[str], *, unknown: str, required: str, code: str
) -> list[str]:
    """``chosen`` in the order of ``known``; ValidationError ``code`` when one is not known
    (``unknown`` names them with %(unknown)s and the known ones with %(known)s) or when
    none is chosen (``required``, code ``<code>_required``)."""
    strangers = sorted(set(chosen) - set(known))
    if strangers:
        raise ValidationError(
            unknown, code=code, params={"unknown": ", ".join(strangers), "known": ", ".join(known)}
        )
    if not chosen:
        raise ValidationError(required, code=f"{code}_required")
    return [value for value in known if value in chosen]
