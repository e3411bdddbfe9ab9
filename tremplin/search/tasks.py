"""Background work of the search app, run by `manage.py db_worker`."""

from django.tasks import task

from tremplin.search import saved, services


@task()
def applications_index_task(*, application_ids: list[int]) -> int:
    """(Re)write the index of these applications, then have the saved searches that may find
    them matched, each in a task of its own; returns how many were indexed.

    Safe to run twice (each run writes the same rows; a saved search tells of an application
    once), and in any order with what changed meanwhile: the rows are read and written under
    each application's lock, and an application erased before the task runs is not found,
    so nothing is written for it."""
    ids = sorted(set(application_ids))
    count = services.applications_index(application_ids=ids)
    for pk in saved.saved_searches_due(application_ids=ids):
        saved_searches_match_task.enqueue(application_id=pk)
    return count


@task()
def saved_searches_match_task(*, application_id: int) -> int:
    """Tell the members whose saved searches find this new application (safe to run twice:
    each is told once)."""
    return saved.saved_searches_match(application_id=application_id)
