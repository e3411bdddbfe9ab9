"""The model graph around a candidate: every model whose rows are about one.

Walked from Candidate along every reverse relation (a foreign key, one-to-one or
many-to-many pointing towards a model already reached), so a new model holding candidate
data is found without anyone listing it. The shredders must cover each of them, which
tests/test_shredders_cover_the_graph checks.
"""

from collections import deque

from django.db import models

from tremplin.applications.models import Candidate


def candidate_data_models() -> list[type[models.Model]]:
    """Candidate first, then each model reachable from it, breadth first."""
    reached: list[type[models.Model]] = [Candidate]
    queue: deque[type[models.Model]] = deque(reached)
    while queue:
        model = queue.popleft()
        for relation in model._meta.related_objects:
            related = relation.related_model
            if isinstance(related, type) and related not in reached:
                reached.append(related)
                queue.append(related)
    return reached
