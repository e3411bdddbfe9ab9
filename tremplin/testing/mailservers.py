"""Real mail servers for the tests: aiosmtpd (SMTP) and Debian's dovecot (IMAP).

Registered by the root ``conftest.py``. Both listen on a free port of 127.0.0.1.

``smtp_server``: an aiosmtpd server that keeps what it receives; Django's SMTP
backend is pointed at it. ``smtp_server.stop()`` / ``.start()`` take it down and
up again on the same port.

``dovecot``: one dovecot for the test session, started in the foreground from a
configuration written into a temporary folder: passwd-file authentication with one
user, maildir storage in the same folder, a self-signed certificate made with the
``openssl`` command for IMAPS (implicit TLS) and STARTTLS on plain IMAP. Dovecot
runs as the current user; when that is root, as ``nobody`` (its mail processes
cannot run as root). The folder is removed and dovecot stopped when the session
ends, whatever happened. ``imap_mailbox`` empties the mailbox before each test and
points the TREMPLIN_IMAP_* settings at it.
"""

import asyncio
import email
import email.policy
import grp
import os
import pwd
import shutil
import ssl
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any, cast

import pytest
from aiosmtpd.controller import Controller
from imapclient import IMAPClient

from tremplin.testing.processes import HOST, die_with_parent, free_port, wait_for

DOVECOT = "/usr/sbin/dovecot"


# --- SMTP --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return cast(EmailMessage, email.message_from_bytes(self.data, policy=email.policy.default))


@dataclass
class _Handler:
    received: list[ReceivedMail]
    refused: set[str]

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address.lower() in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(
            ReceivedMail(
                mail_from=envelope.mail_from,
                rcpt_tos=list(envelope.rcpt_tos),
                data=bytes(envelope.original_content or envelope.content),
            )
        )
        return "250 Message accepted for delivery"


@dataclass
class SMTPServer:
    port: int
    host: str = HOST
    received: list[ReceivedMail] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # recipients answered with a 550
    _controller: Controller | None = None

    def start(self) -> None:
        if self._controller is None:
            controller = Controller(
                _Handler(self.received, self.refused),
                hostname=self.host,
                port=self.port,
                loop=asyncio.new_event_loop(),
            )
            controller.start()
            self._controller = controller

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[SMTPServer]:
    """An aiosmtpd server on a free port, and Django's SMTP backend pointed at it."""
    server = SMTPServer(port=free_port())
    backend = "django.core.mail.backends.smtp.EmailBackend"
    if hasattr(settings, "MAILERS"):  # Django's newer mail settings
        options = {"host": server.host, "port": server.port, "timeout": 5}
        settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": options}}
    else:
        settings.EMAIL_BACKEND = backend
        settings.EMAIL_HOST = server.host
        settings.EMAIL_PORT = server.port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- IMAP (dovecot) ----------------------------------------------------------------------

_CONFIG = """\
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
protocols = imap
listen = {host}
ssl = yes
ssl_cert = <{dir}/cert.pem
ssl_key = <{dir}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain
# Answer a wrong password at once (dovecot still delays the next login from the same IP).
auth_failure_delay = 0
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
first_valid_uid = {uid}
first_valid_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    address = {host}
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = {host}
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass(frozen=True)
class DovecotServer:
    directory: Path
    imap_port: int  # STARTTLS
    imaps_port: int  # implicit TLS
    user: str
    password: str
    ca_file: Path
    host: str = HOST

    def port(self, security: str) -> int:
        return self.imaps_port if security == "tls" else self.imap_port

    def connect(self, security: str = "tls") -> IMAPClient:
        context = ssl.create_default_context(cafile=str(self.ca_file))
        if security == "tls":
            client = IMAPClient(self.host, self.imaps_port, ssl=True, ssl_context=context)
        else:
            client = IMAPClient(self.host, self.imap_port, ssl=False)
            client.starttls(context)
        client.login(self.user, self.password)
        return client

    @property
    def log(self) -> str:
        try:
            return (self.directory / "dovecot.log").read_text(errors="replace")
        except OSError:
            return ""


def _self_signed_certificate(directory: Path) -> None:
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", str(directory / "key.pem"), "-out", str(directory / "cert.pem"),
            "-days", "2", "-subj", "/CN=localhost",
            "-addext", f"subjectAltName=DNS:localhost,IP:{HOST}",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    """One dovecot IMAP server for the session, on free ports of 127.0.0.1."""
    if not os.access(DOVECOT, os.X_OK):
        pytest.fail(f"{DOVECOT} is missing: install Debian's dovecot-imapd (make system)")
    directory = Path(tempfile.mkdtemp(prefix="tremplin-dovecot-"))
    process: subprocess.Popen[bytes] | None = None
    try:
        # Dovecot will not serve mail as root: as root, run it as nobody.
        account = pwd.getpwnam("nobody") if os.getuid() == 0 else pwd.getpwuid(os.getuid())
        group = grp.getgrgid(account.pw_gid).gr_name
        for sub in ("run", "state", "home"):
            (directory / sub).mkdir()
        _self_signed_certificate(directory)
        server = DovecotServer(
            directory=directory,
            imap_port=free_port(),
            imaps_port=free_port(),
            user="jobs",
            password="imap-test-password",
            ca_file=directory / "cert.pem",
        )
        (directory / "passwd").write_text(f"{server.user}:{{PLAIN}}{server.password}::::::\n")
        (directory / "dovecot.conf").write_text(
            _CONFIG.format(
                dir=directory,
                host=HOST,
                user=account.pw_name,
                group=group,
                uid=account.pw_uid,
                gid=account.pw_gid,
                imap_port=server.imap_port,
                imaps_port=server.imaps_port,
            )
        )
        if os.getuid() == 0:
            for path in [directory, *directory.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid)
        with (directory / "stderr.log").open("wb") as stderr_log:
            process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(directory / "dovecot.conf")],
                stdout=subprocess.DEVNULL,
                stderr=stderr_log,
                user=account.pw_uid if os.getuid() == 0 else None,
                group=account.pw_gid if os.getuid() == 0 else None,
                extra_groups=[] if os.getuid() == 0 else None,
                preexec_fn=die_with_parent(),
            )
        if not (wait_for(process, server.imaps_port) and wait_for(process, server.imap_port)):
            stderr = (directory / "stderr.log").read_text(errors="replace")
            pytest.fail(f"dovecot did not start:\n{stderr}\n{server.log}")
        yield server
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(directory, ignore_errors=True)


class IMAPMailbox:
    """The test user's mailbox, seen through IMAP as a person's mail client would."""

    def __init__(self, server: DovecotServer) -> None:
        self.server = server

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        with self.server.connect() as client:
            client.append(folder, raw)

    def messages(self, folder: str = "INBOX") -> list[tuple[bytes, set[bytes]]]:
        """Each message of ``folder`` as (raw bytes, flags); empty if it does not exist."""
        with self.server.connect() as client:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            fetched = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
            return [
                (bytes(fetched[uid][b"BODY[]"]), set(fetched[uid][b"FLAGS"]))
                for uid in sorted(fetched)
            ]

    def clear(self) -> None:
        with self.server.connect() as client:
            for _flags, _delimiter, name in client.list_folders():
                if name == "INBOX":
                    client.select_folder(name)
                    uids = client.search(["ALL"])
                    if uids:
                        client.delete_messages(uids)
                        client.expunge()
                    client.unselect_folder()
                else:
                    client.delete_folder(name)

    def environ(self, security: str = "tls") -> dict[str, str]:
        """The TREMPLIN_IMAP_* variables for a ``tremplin fetch-mail`` subprocess."""
        return {
            "TREMPLIN_IMAP_HOST": self.server.host,
            "TREMPLIN_IMAP_PORT": str(self.server.port(security)),
            "TREMPLIN_IMAP_SECURITY": security,
            "TREMPLIN_IMAP_USER": self.server.user,
            "TREMPLIN_IMAP_PASSWORD": self.server.password,
            "TREMPLIN_IMAP_CA_FILE": str(self.server.ca_file),
            "TREMPLIN_IMAP_FOLDER": "INBOX",
            "TREMPLIN_IMAP_PROCESSED_FOLDER": "Processed",
        }


@pytest.fixture
def imap_mailbox(dovecot: DovecotServer, settings: Any) -> Iterator[IMAPMailbox]:
    """The dovecot test mailbox, emptied, with the TREMPLIN_IMAP_* settings pointing at it."""
    mailbox = IMAPMailbox(dovecot)
    mailbox.clear()
    for name, value in mailbox.environ().items():
        setattr(settings, name, int(value) if name.endswith("_PORT") else value)
    yield mailbox
