"""file_check: the type is decided by content, and each kind of bad file is refused."""

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable

import pytest
from django.utils import translation

from tremplin.applications.files import (
    READ_CHUNK,
    FileRejected,
    file_check,
    original_name_clean,
)
from tremplin.testing import samples


def check(name: str, data: bytes, *, allow_text: bool = False):
    return file_check(name=name, file=io.BytesIO(data), allow_text=allow_text)


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("cv.pdf", samples.pdf_bytes, "pdf"),
        ("CV.PDF", samples.pdf_bytes, "pdf"),
        ("cv.docx", samples.docx_bytes, "docx"),
        ("cv.odt", samples.odt_bytes, "odt"),
        ("cv", samples.pdf_bytes, "pdf"),
        ("scan.pdf", samples.pdf_scanned_bytes, "pdf"),
    ],
)
def test_it_accepts_documents_by_their_content(name, make, kind):
    checked = check(name, make())
    assert checked.kind == kind
    assert checked.size == len(make())


def test_it_accepts_plain_text_only_for_letters():
    assert check("letter.txt", samples.txt_bytes(), allow_text=True).kind == "txt"
    with pytest.raises(FileRejected) as refused:
        check("letter.txt", samples.txt_bytes())
    assert refused.value.code == "unsupported"


@pytest.mark.parametrize(
    ("encoding", "found"), [("utf-8", "utf-8"), ("utf-16", "utf-16"), ("cp1252", "cp1252")]
)
def test_it_reads_the_encoding_of_a_text_letter(encoding, found):
    checked = check("lettre.txt", samples.txt_bytes(samples.LETTER_FR, encoding), allow_text=True)
    assert checked.text_encoding == found


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("empty.pdf", lambda: b"", "empty"),
        ("locked.pdf", samples.pdf_encrypted_bytes, "encrypted"),
        ("broken.pdf", samples.pdf_broken_bytes, "broken"),
        ("truncated.pdf", samples.pdf_truncated_bytes, "broken"),
        ("bomb.docx", samples.docx_bomb_bytes, "zip_bomb"),
        ("macros.docx", samples.docx_macro_bytes, "macros"),
        ("vba.docx", samples.docx_vba_only_bytes, "macros"),
        ("macros.odt", samples.odt_macro_bytes, "macros"),
        ("polyglot.pdf", samples.polyglot_pdf_zip_bytes, "polyglot"),
        ("polyglot.docx", samples.polyglot_zip_pdf_bytes, "polyglot"),
        ("cv.docx", samples.pdf_bytes, "mismatch"),
        ("cv.pdf", samples.docx_bytes, "mismatch"),
        ("cv.exe", samples.pdf_bytes, "mismatch"),
        ("sheet.xlsx", samples.xlsx_like_bytes, "unsupported"),
        ("cv.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "ole"),
        ("photo.jpg", lambda: b"\xff\xd8\xff\xe0" + b"\0" * 600, "unsupported"),
    ],
)
def test_it_refuses_a_bad_file_with_a_reason(name, make, code):
    with pytest.raises(FileRejected) as refused:
        check(name, make(), allow_text=True)
    assert refused.value.code == code
    assert name in refused.value.messages[0]


def test_it_refuses_a_zip_whose_headers_lie_about_the_size():
    with pytest.raises(FileRejected) as refused:
        check("liar.docx", samples.docx_lying_bomb_bytes())
    # Inflating stops at the declared size, where the checksum cannot match.
    assert refused.value.code in {"broken", "zip_bomb"}


def test_it_refuses_a_file_over_the_size_limit(settings):
    settings.TREMPLIN_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(FileRejected) as refused:
        check("cv.pdf", samples.pdf_bytes())
    assert refused.value.code == "too_large"


def test_its_messages_are_in_the_active_language():
    with pytest.raises(FileRejected) as refused:
        check("locked.pdf", samples.pdf_encrypted_bytes())
    with translation.override("fr"):
        french = refused.value.messages[0]
    with translation.override("en"):
        english = refused.value.messages[0]
    assert "password" in english
    assert "mot de passe" in french


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("C:\\Users\\ada\\Documents\\cv.pdf", "cv.pdf"),
        ("../../etc/passwd", "passwd"),
        ("cv\x00\x1b[31m.pdf", "cv[31m.pdf"),
        ("my\u202egpj.pdf", "mygpj.pdf"),
        ("  lettre  de\tmotivation.docx ", "lettre de motivation.docx"),
        (".hidden.pdf", "hidden.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_it_keeps_the_original_name_without_folders_or_control_characters(given, kept):
    assert original_name_clean(given) == kept


def python_calls(work: Callable[[], object]) -> int:
    """How many Python functions ``work`` calls: a measure of its work that a busy machine
    does not skew, unlike a timing."""
    calls = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def test_a_pdf_of_thousands_of_pages_is_accepted_without_reading_each_page():
    long = samples.pdf_bytes("Page", pages=5000)
    checked = check("long.pdf", long)
    assert (checked.kind, checked.page_count) == ("pdf", 5000)
    # It reads no page but the first: a few hundred calls, where reading every page object
    # (as pypdf did) took some 900,000.
    assert python_calls(lambda: check("long.pdf", long)) < 2_000


THREADED_CHECKS = """
import io, sys
from concurrent.futures import ThreadPoolExecutor
import django
django.setup()
from tremplin.applications.files import FileRejected, file_check
good, encrypted = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()

def one(n):
    data = good if n % 2 else encrypted
    try:
        return file_check(name="cv.pdf", file=io.BytesIO(data)).page_count
    except FileRejected:
        return 0

with ThreadPoolExecutor(12) as pool:
    print(sum(pool.map(one, range(1200))))
"""


def test_pdfs_checked_by_many_threads_at_once_do_not_crash_the_process(tmp_path):
    """A threaded server checks several uploads at once, and PDFium is not thread-safe: the
    checks must take turns, or the process dies (it did, with a segmentation fault)."""
    good, encrypted = tmp_path / "good.pdf", tmp_path / "encrypted.pdf"
    good.write_bytes(samples.pdf_bytes("Page", pages=30))
    encrypted.write_bytes(samples.pdf_encrypted_bytes())
    done = subprocess.run(
        [sys.executable, "-c", THREADED_CHECKS, str(good), str(encrypted)],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tremplin.settings_test"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(600 * 30)


# Text letters are read in chunks of READ_CHUNK bytes: what lies past the first chunk, or
# across two, is judged as if the letter were read whole.
def test_a_long_letter_with_accents_across_chunk_boundaries_is_utf8():
    letter = ("Je souhaite postuler à ce poste d’analyste. " * 60_000).encode("utf-8")
    assert len(letter) > 2 * READ_CHUNK
    assert check("lettre.txt", letter, allow_text=True).text_encoding == "utf-8"


@pytest.mark.parametrize(
    "tail",
    [
        b"\x00",  # a NUL far into the file: binary
        b"\x01\x02\x03\x04" * 20_000,  # control characters, all after the first chunk
    ],
)
def test_a_letter_binary_only_after_its_first_chunk_is_refused(tail):
    text = samples.txt_bytes() * (READ_CHUNK // len(samples.txt_bytes()) + 1)
    with pytest.raises(FileRejected) as refused:
        check("letter.txt", text + tail, allow_text=True)
    assert refused.value.code == "unsupported"


def test_a_letter_whose_last_character_is_cut_is_read_as_cp1252():
    letter = ("é" * READ_CHUNK).encode("utf-8")[:-1]  # the last é is cut in half
    assert check("lettre.txt", letter, allow_text=True).text_encoding == "cp1252"


def test_a_pdf_whose_page_tree_leads_to_no_page_is_refused():
    # The page count says one page, but the tree holds none.
    body = b"%PDF-1.7\n"
    offsets = []
    for number, obj in enumerate(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 1 >>"], 1
    ):
        offsets.append(len(body))
        body += b"%d 0 obj\n%b\nendobj\n" % (number, obj)
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n"
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    with pytest.raises(FileRejected) as refused:
        check("cv.pdf", body)
    assert refused.value.code == "broken"


def test_an_odt_event_calling_a_macro_across_chunk_boundaries_is_refused():
    original = zipfile.ZipFile(io.BytesIO(samples.odt_bytes())).read("content.xml")
    url = b"vnd.sun.star.script:Standard.Module1.Main?language=Basic&location=document"
    # A comment (random, so that it does not compress like a bomb) pads the part so that
    # the macro's address starts 10 bytes before the end of the first chunk.
    listener = b'<office:body><script:event-listener xlink:href="'
    pad = READ_CHUNK - 10 - original.index(b"<office:body>") - len(b"<!---->" + listener)
    content = original.replace(
        b"<office:body>",
        b"<!--" + os.urandom(pad // 2).hex().encode() + b"-->" + listener + url + b'"/>',
        1,
    )
    assert content.index(url) < READ_CHUNK < content.index(url) + len(b"vnd.sun.star.script:")
    odt = samples._zip_rewrite(samples.odt_bytes(), replace={"content.xml": content}, add={})
    with pytest.raises(FileRejected) as refused:
        check("cv.odt", odt)
    assert refused.value.code == "macros"
