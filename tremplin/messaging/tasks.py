"""Background work for messaging; each task takes ids and calls a service."""

from django.tasks import task

from tremplin.messaging import outbox


@task()
def outbox_send_task(message_pk: int) -> str:
    return outbox.outbox_send(message_pk=message_pk)
