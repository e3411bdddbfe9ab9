"""Background work of the search app, run by `manage.py db_worker`."""

from django.tasks import task

from tremplin.search import saved


@task()
def saved_searches_match_task(*, application_id: int) -> int:
    """Tell the members whose saved searches find this new application (safe to run twice:
    each is told once)."""
    return saved.saved_searches_match(application_id=application_id)
