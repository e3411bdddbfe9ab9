"""Background work for the candidates' copies of their data, run by `manage.py db_worker`.

Not ``tasks.py``: the retention tasks live there.
"""

from django.tasks import task

from tremplin.privacy import exports


@task()
def data_export_build_task(export_id: int) -> str:
    """Build one export's ZIP (safe to run twice, or again after a failure)."""
    return exports.data_export_build(export_id=export_id)
