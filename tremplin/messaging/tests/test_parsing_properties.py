"""Whatever bytes come in, the parser returns something the database can store.

Random bytes, and real-looking messages (ours, and those of other projects' test suites in
tremplin/testing/mail_samples/) with headers, MIME parts and encodings mutated: NUL, CR LF
inside encoded words, bad charsets and base64, missing boundaries, huge lines, truncation.
Derandomized, with a modest number of examples, so that CI runs the same cases in a few
seconds.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.messaging.inbound.parsing import ParsedMessage, message_parse
from tremplin.messaging.tests.test_parsing import MULTIPART
from tremplin.testing.mail import PDF, SAMPLES, mail, winmail_dat
from tremplin.testing.samples import pdf_bytes

PROPERTIES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _nested(depth: int) -> bytes:
    head = b"From: a@example.net\r\nSubject: nested\r\n"
    body = b"Content-Type: text/plain\r\n\r\ndeep\r\n"
    for level in range(depth):
        boundary = f"b{level}".encode()
        body = (
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n--'
            + boundary + b"\r\n" + body + b"\r\n--" + boundary + b"--\r\n"
        )  # fmt: skip
    return head + body


SEEDS = [
    MULTIPART,
    mail(),
    mail(html="<p>Dear team,</p><p>I would <b>love</b> to join.</p>"),
    mail(attachments=[("CV Zoé.pdf", pdf_bytes(), PDF)]),
    mail(
        attachments=[
            ("winmail.dat", winmail_dat([("cv.pdf", b"%PDF-1.4 x")]), "application/ms-tnef")
        ]
    ),
    _nested(40),
    *[path.read_bytes() for path in sorted(SAMPLES.iterdir()) if path.suffix in (".txt", ".eml")],
]
NASTY = [
    b"\x00",
    b"\r\n",
    b"\r",
    b"\n\n",
    b"\r\n\r\n",
    b"\x1b[0m",
    b"\xff\xfe\xfd",
    b"\xc3",
    b"=?utf-8?q?Ada=0D=0ALovelace?=",
    b"=?utf-8?b?AA==?=",
    b"=?bogus-charset?q?x?=",
    b"=?utf-8?b?!!!",
    b"=?",
    b"<>",
    b'"',
    b"\\",
    b";",
    b",",
    b"--",
    b"--b\r\n",
    b"boundary=",
    b'; boundary=""',
    b"Content-Type: multipart/mixed\r\n",
    b"Content-Type: message/rfc822\r\n",
    b"Content-Type: text/plain; charset=x-nonsense\r\n",
    b"Content-Transfer-Encoding: base64\r\n",
    b"Content-Transfer-Encoding: quoted-printable\r\n",
    b"Content-Disposition: attachment; filename*=utf-8''%FF%00.pdf\r\n",
    b"; name==?utf-8?q?x=00y?=",
    b"From: =?utf-8?b?QWRhDQpMb3ZlbGFjZQ==?= <ada@example.net>\r\n",
    b"To: jobs+director@example.org\x00\r\n",
    b"Date: Mon, 99 Foo 20000 99:99:99 +9999\r\n",
]
HEADERS = [b"From", b"To", b"Cc", b"Subject", b"Date", b"Message-ID", b"Content-Type"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(raw)))
        kind = draw(st.sampled_from(["insert", "nasty", "delete", "header", "huge", "cut"]))
        if kind == "insert":
            raw[position:position] = draw(st.binary(max_size=40))
        elif kind == "nasty":
            raw[position:position] = draw(st.sampled_from(NASTY))
        elif kind == "delete":
            del raw[position : position + draw(st.integers(1, 200))]
        elif kind == "header":
            value = draw(st.text(max_size=60)).encode("utf-8", "surrogatepass")
            value += draw(st.sampled_from(NASTY))
            raw[0:0] = draw(st.sampled_from(HEADERS)) + b": " + value + b"\r\n"
        elif kind == "huge":
            raw[position:position] = draw(st.sampled_from([b"x", b"=", b"A", b"\x00"])) * draw(
                st.integers(1_000, 200_000)
            )
        else:
            del raw[position:]
    return bytes(raw)


_NOT_STORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def assert_storable(parsed: ParsedMessage) -> None:
    """What the InboundMessage row and the documents take: clean text of the right length."""
    texts = [
        parsed.message_id,
        parsed.from_name,
        parsed.from_address,
        parsed.subject,
        parsed.body_text,
        parsed.unreadable,
        *parsed.recipients,
        *parsed.notes,
        *(attachment.name for attachment in parsed.attachments),
    ]
    for text in texts:
        assert isinstance(text, str)
        assert not _NOT_STORABLE.search(text), repr(text[:200])
        text.encode("utf-8")  # strict: nothing the database driver refuses
    assert len(parsed.message_id) <= 998
    assert len(parsed.subject) <= 500
    assert len(parsed.from_name) <= 200
    assert len(parsed.from_address) <= 320
    if parsed.from_address:
        try:
            validate_email(parsed.from_address)
        except ValidationError as exc:  # pragma: no cover - reported by the assertion
            raise AssertionError(parsed.from_address) from exc
    for address in parsed.recipients:
        assert "@" in address and " " not in address and len(address) <= 320
    for attachment in parsed.attachments:
        assert isinstance(attachment.data, bytes) and len(attachment.name) <= 255
    assert parsed.sent_at is None or parsed.sent_at.tzinfo is not None


@PROPERTIES
@given(st.binary(max_size=4_000))
def test_random_bytes_never_make_the_parser_raise(raw):
    assert_storable(message_parse(raw))


@PROPERTIES
@given(mutated())
def test_mutated_messages_never_make_the_parser_raise_and_stay_storable(raw):
    assert_storable(message_parse(raw))


def test_the_seeds_themselves_are_read():
    for seed in SEEDS:
        parsed = message_parse(seed)
        assert_storable(parsed)
        assert not parsed.unreadable
