"""Background work for webhooks; each task takes ids and calls a service."""

from django.tasks import task

from tremplin.webhooks import delivery


@task()
def webhook_deliver_task(delivery_pk: int) -> str:
    return delivery.delivery_send(delivery_pk=delivery_pk)
