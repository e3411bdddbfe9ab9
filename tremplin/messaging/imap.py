"""Polling the applications mailbox over IMAP (TLS or STARTTLS).

Each message is read without marking it, taken (``inbound_receive``), and only once
that is committed flagged \\Seen and moved to the processed folder. A message whose
taking fails stays where it is, unmarked, and is tried again next time; one that was
committed but not moved (the connection dropped) is recognised as already taken and
only moved.

The mailbox never stays stuck on one message: failures that the message itself
causes are counted in the database (by Message-ID, else by folder and UID), and after
TREMPLIN_IMAP_MAX_ATTEMPTS of them the message is kept unsorted with the reason and
moved to the quarantine folder. Failures that pass (the database or the storage out
of reach) are not counted: the message waits for them to pass.
"""

import logging
import ssl
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from tremplin.messaging.inbound.headers import header_text
from tremplin.messaging.inbound.parsing import message_parse
from tremplin.messaging.inbound.store import (
    failure_is_transient,
    inbound_attempt_fail,
    inbound_attempt_forget,
    inbound_receive,
    inbound_record_failed,
)
from tremplin.messaging.models import InboundMessage

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
    quarantined: int = 0  # failed too often: kept unsorted and moved to the quarantine folder


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


def _attempt_key(raw: bytes, folder: str, uid_validity: object, uid: int) -> str:
    """What failed attempts are counted by: the Message-ID, else the folder and UID."""
    try:
        message_id = header_text(message_parse(raw).message, "Message-ID")
    except Exception:
        message_id = ""
    return message_id or f"{folder}/{uid_validity}/{uid}"


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
    quarantine = settings.TREMPLIN_IMAP_QUARANTINE_FOLDER
    report = FetchReport()
    client = imap_connect()
    try:
        for needed in (processed, quarantine):
            if not client.folder_exists(needed):
                client.create_folder(needed)
        selected = client.select_folder(folder)
        uid_validity = selected.get(b"UIDVALIDITY", "")
        uids = sorted(client.search(["NOT", "DELETED"]))
        for uid in uids[:limit] if limit else uids:
            raw = client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {}).get(b"BODY[]")
            if raw is None:
                continue  # gone meanwhile (another client moved it)
            raw = bytes(raw)
            key = _attempt_key(raw, folder, uid_validity, uid)
            try:
                created = inbound_receive(raw=raw, channel=InboundMessage.Channel.IMAP).created
            except Exception as exc:
                if _failed(exc, raw=raw, key=key):
                    _set_aside(client, uid, quarantine)
                    report.quarantined += 1
                else:
                    report.failed += 1
                continue
            _set_aside(client, uid, processed)  # only now that it is committed
            inbound_attempt_forget(key=key)
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


def _failed(exc: Exception, *, raw: bytes, key: str) -> bool:
    """Log and count a failure; True when the message is now kept unsorted, to set aside."""
    folder = settings.TREMPLIN_IMAP_FOLDER
    if failure_is_transient(exc):
        logger.error("IMAP message %s could not be taken (%s); left in %s", key, exc, folder)
        return False
    logger.exception("IMAP message %s could not be taken; left in %s", key, folder)
    attempts = inbound_attempt_fail(key=key, error=exc)
    if attempts < settings.TREMPLIN_IMAP_MAX_ATTEMPTS:
        return False
    quarantine = settings.TREMPLIN_IMAP_QUARANTINE_FOLDER
    error = " ".join(f"{type(exc).__name__}: {exc}".split())[:500]
    try:
        inbound_record_failed(
            raw=raw,
            channel=InboundMessage.Channel.IMAP,
            detail=_(
                "It failed %(attempts)s times and was moved to the “%(folder)s” folder of the "
                "mailbox: %(error)s"
            )
            % {"attempts": attempts, "folder": quarantine, "error": error},
        )
    except Exception:  # not even kept: it stays in the mailbox, to be tried again
        logger.exception("IMAP message %s could not be kept unsorted either", key)
        return False
    inbound_attempt_forget(key=key)
    logger.warning("IMAP message %s failed %s times: moved to %s", key, attempts, quarantine)
    return True
