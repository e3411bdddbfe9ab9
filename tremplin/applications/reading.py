"""Reading applications one after another: the previous and the next one at the same stage
of the same vacancy, in the board's order (oldest first)."""

from dataclasses import dataclass

from django.db.models import Q

from tremplin.applications.models import Application


@dataclass(frozen=True)
class Neighbours:
    previous: int | None
    next: int | None


def application_neighbours(*, application: Application) -> Neighbours:
    """Two queries through the board's (vacancy, stage, created_at, id) index, however many
    applications the stage holds."""
    same = Application.objects.filter(vacancy_id=application.vacancy_id, stage=application.stage)
    at, pk = application.created_at, application.pk
    before = Q(created_at__lt=at) | Q(created_at=at, pk__lt=pk)
    after = Q(created_at__gt=at) | Q(created_at=at, pk__gt=pk)
    previous = same.filter(before).order_by("-created_at", "-pk").values_list("pk", flat=True)
    following = same.filter(after).order_by("created_at", "pk").values_list("pk", flat=True)
    return Neighbours(previous=previous.first(), next=following.first())
