"""Writes: the organization's privacy settings, the facts its notices are made of
(controller, contacts, data protection officer, retention periods, "how decisions are
made"), changed together and logged with what changed, from what to what."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from tremplin.accounts.models import Organization, User
from tremplin.core.audit import log_action

PRIVACY_FIELDS = (
    "legal_name",
    "postal_address",
    "privacy_email",
    "dpo_name",
    "dpo_email",
    "retention_months",
    "talent_pool_months",
    "hired_retention_months",
)


def privacy_settings_update(
    *,
    organization: Organization,
    values: Mapping[str, Any],
    decisions: Mapping[str, str],
    by: User | None,
) -> dict[str, dict[str, Any]]:
    """Store the privacy settings ``values`` (validated; keys from PRIVACY_FIELDS) and the
    "how decisions are made" texts by language (an absent language: Tremplin's text).

    Logs ``privacy.settings`` with what changed, from what to what; returns the same
    (empty when nothing changed, and then nothing is written).
    """
    changed: dict[str, dict[str, Any]] = {}
    for name in PRIVACY_FIELDS:
        if name not in values:
            continue
        old, new = getattr(organization, name), values[name]
        if old != new:
            changed[name] = {"from": old, "to": new}
    old_decisions = dict(organization.decisions_statement or {})
    new_decisions = {code: text for code, text in decisions.items() if text.strip()}
    for code in sorted(set(old_decisions) | set(new_decisions)):
        if old_decisions.get(code, "") != new_decisions.get(code, ""):
            changed[f"decisions_statement.{code}"] = {
                "from": old_decisions.get(code, ""),
                "to": new_decisions.get(code, ""),
            }
    if not changed:
        return changed
    with transaction.atomic():
        update_fields = [name for name in PRIVACY_FIELDS if name in changed]
        for name in update_fields:
            setattr(organization, name, values[name])
        if any(key.startswith("decisions_statement.") for key in changed):
            organization.decisions_statement = new_decisions
            update_fields.append("decisions_statement")
        organization.save(update_fields=update_fields)
        log_action(
            by, "privacy.settings", organization, {"changed": changed}, organization=organization
        )
    return changed
