"""Polling the applications mailbox over IMAP (TLS or STARTTLS).

Each message is read without marking it, taken (``inbound_receive``), and only once
that is committed flagged \\Seen and moved to the processed folder. A message whose
taking fails stays where it is, unmarked, and is tried again next time; one that was
committed but not moved (the connection dropped) is recognised as already taken and
only moved.
"""

import logging
import ssl
from dataclasses import dataclass

from django.conf import settings
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from tremplin.messaging.inbound.parsing import UnreadableMessage
from tremplin.messaging.models import InboundMessage
from tremplin.messaging.services import inbound_receive, inbound_record_unreadable

logger = logging.getLogger(__name__)

SEEN = b"\\Seen"
TIMEOUT_SECONDS = 60


class MailboxError(Exception):
    """The mailbox cannot be reached or used; the message says why, in one line."""


@dataclass
class FetchReport:
    taken: int = 0  # recorded now: applications, unsorted, ignored or refused messages
    already_taken: int = 0  # recorded before and only moved now
    failed: int = 0  # left in the folder, to be tried again


def imap_connect() -> IMAPClient:
    """A logged-in connection to the mailbox the TREMPLIN_IMAP_* settings name."""
    host = settings.TREMPLIN_IMAP_HOST
    if not host:
        raise MailboxError("TREMPLIN_IMAP_HOST is not set: there is no mailbox to poll")
    context = ssl.create_default_context(cafile=settings.TREMPLIN_IMAP_CA_FILE or None)
    port = settings.TREMPLIN_IMAP_PORT
    where = f"{host}:{port} ({settings.TREMPLIN_IMAP_SECURITY})"
    try:
        if settings.TREMPLIN_IMAP_SECURITY == "starttls":
            client = IMAPClient(host, port, ssl=False, timeout=TIMEOUT_SECONDS)
            client.starttls(context)
        else:
            client = IMAPClient(host, port, ssl=True, ssl_context=context, timeout=TIMEOUT_SECONDS)
    except (OSError, IMAPClientError) as exc:
        raise MailboxError(f"cannot connect to {where}: {exc}") from exc
    try:
        client.login(settings.TREMPLIN_IMAP_USER, settings.TREMPLIN_IMAP_PASSWORD)
    except (OSError, IMAPClientError) as exc:
        client.shutdown()
        raise MailboxError(f"cannot log in to {where}: {exc}") from exc
    return client


def _take(raw: bytes) -> bool:
    """Record one message; True if it was recorded now, False if it had been before."""
    try:
        return inbound_receive(raw=raw, channel=InboundMessage.Channel.IMAP).created
    except UnreadableMessage as exc:
        # A mailbox cannot bounce: keep it as refused, for a person to look at.
        return inbound_record_unreadable(
            raw=raw, channel=InboundMessage.Channel.IMAP, reason=exc.reason, detail=str(exc)
        ).created


def _set_aside(client: IMAPClient, uid: int, folder: str) -> None:
    client.add_flags([uid], [SEEN], silent=True)
    if client.has_capability("MOVE"):
        client.move([uid], folder)
        return
    client.copy([uid], folder)
    client.delete_messages([uid], silent=True)
    if client.has_capability("UIDPLUS"):
        client.uid_expunge([uid])


def mailbox_fetch(*, limit: int = 0) -> FetchReport:
    """Take every message of the folder (at most ``limit`` when given); report what happened."""
    folder = settings.TREMPLIN_IMAP_FOLDER
    processed = settings.TREMPLIN_IMAP_PROCESSED_FOLDER
    report = FetchReport()
    client = imap_connect()
    try:
        if not client.folder_exists(processed):
            client.create_folder(processed)
        client.select_folder(folder)
        uids = sorted(client.search(["NOT", "DELETED"]))
        for uid in uids[:limit] if limit else uids:
            raw = client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {}).get(b"BODY[]")
            if raw is None:
                continue  # gone meanwhile (another client moved it)
            try:
                created = _take(bytes(raw))
            except Exception:
                logger.exception("IMAP message %s could not be taken; left in %s", uid, folder)
                report.failed += 1
                continue
            _set_aside(client, uid, processed)  # only now that it is committed
            if created:
                report.taken += 1
            else:
                report.already_taken += 1
    except (OSError, IMAPClientError) as exc:
        raise MailboxError(f"mailbox error: {exc}") from exc
    finally:
        try:
            client.logout()
        except (OSError, IMAPClientError):
            client.shutdown()
    return report
