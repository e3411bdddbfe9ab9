"""Stored files go with their rows: a deleted row's files are deleted from the storage.

Whatever deletes the row (an erasure, a retention run, the admin, a cascade from a vacancy
or an organization), no encrypted file is left behind without the row that says whose it
is. The file goes at once, inside the transaction: a rolled-back deletion keeps the row
without its file, which is what an erasure asked for anyway.
"""

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _files_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for field in _file_fields(sender):
        file = getattr(instance, field.name)
        if file:
            file.storage.delete(file.name)


def files_follow_rows() -> None:
    """Connect the receiver for each model with a file field (not for the others, whose
    deletions stay fast: Django skips loading rows that no receiver wants to see)."""
    for model in apps.get_models():
        if _file_fields(model):
            post_delete.connect(
                _files_delete, sender=model, dispatch_uid=f"files_{model._meta.label}"
            )
