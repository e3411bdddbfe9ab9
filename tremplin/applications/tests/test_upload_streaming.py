"""An oversize upload is refused while it streams: the server answers before the body ends."""

import socket
import threading
from urllib.parse import urlsplit

import pytest

from tremplin.applications.models import Application, Document
from tremplin.testing.applying import apply_url, stored_files
from tremplin.testing.builders import campaign_lead_make, organization_make


@pytest.mark.django_db(transaction=True)
def test_the_server_refuses_an_oversize_file_without_reading_the_rest(
    live_server, settings, private_files
):
    settings.RATELIMIT_ENABLE = False
    vacancy = campaign_lead_make(organization_make("open-future"))
    boundary = "----tremplin-test-boundary"
    fields = {"name": "Ada", "email": "ada@example.org"}
    head = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
        for k, v in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="huge.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    )
    announced = 500 * 1024 * 1024  # the client claims half a gigabyte…
    sent_at_most = 12 * 1024 * 1024  # …and sends no more than 12 MB of it
    address = urlsplit(live_server.url)
    connection = socket.create_connection((address.hostname, address.port), timeout=30)
    request = (
        f"POST {apply_url(vacancy)} HTTP/1.1\r\nHost: {address.netloc}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {announced}\r\nOrigin: {live_server.url}\r\n"
        "Sec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n"
    ).encode() + head.encode()

    def send() -> None:
        try:
            connection.sendall(request)
            chunk = b"0" * 65536
            for _ in range(sent_at_most // len(chunk)):
                connection.sendall(chunk)
        except OSError:
            pass  # the server may close its side once it has answered

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    response = b""
    while b"</html>" not in response:
        data = connection.recv(65536)
        if not data:
            break
        response += data
    connection.close()
    sender.join(timeout=5)

    status_line = response.split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 400 Bad Request"
    assert "“huge.pdf” is too big" in response.decode(errors="replace")
    assert not Application.objects.exists()
    assert not Document.objects.exists()
    assert stored_files(private_files) == []
