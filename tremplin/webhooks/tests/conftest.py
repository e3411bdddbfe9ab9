"""A real HTTP server on 127.0.0.1, started by the test, that records what it is sent and
answers with the status the test chooses; webhooks allowed to reach it."""

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tremplin.accounts.models import Organization
from tremplin.webhooks.models import Endpoint
from tremplin.webhooks.services import endpoint_create


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    received: list[Received] = field(default_factory=list)
    status: int = 200

    def clear(self) -> None:
        self.received.clear()


@pytest.fixture
def receiver(settings) -> Iterator[Receiver]:
    settings.TREMPLIN_WEBHOOK_ALLOW_PRIVATE = True
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            found = state["receiver"]
            found.received.append(Received(self.path, dict(self.headers.items()), body))
            self.send_response(found.status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["receiver"] = Receiver(url=f"http://127.0.0.1:{server.server_port}/hooks/tremplin")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state["receiver"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def endpoint_make(receiver: Receiver):
    def make(organization: Organization, events: list[str], **kwargs: Any) -> Endpoint:
        return endpoint_create(
            organization=organization, url=receiver.url, events=events, by=None, **kwargs
        )

    return make
