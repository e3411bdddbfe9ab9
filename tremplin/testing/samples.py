"""Files made by the tests themselves: good documents of each type and a corpus of bad ones,
and the texts of a CV and of cover letters."""

import io
import zipfile

import docx
from odf import text as odf_text
from odf.opendocument import OpenDocumentText
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

CV_EN = (
    "Experienced programme manager with ten years in non-profit organisations. "
    "I led campaigns, managed budgets and volunteers, and wrote funding applications."
)
LETTER_EN = (
    "Dear hiring team, I am writing to apply for this position because I care deeply "
    "about your mission and I believe my experience in advocacy would help your work."
)
LETTER_FR = (
    "Madame, Monsieur, je vous écris pour poser ma candidature à ce poste, car votre mission "
    "me tient à cœur et je pense que mon expérience du plaidoyer servirait votre travail."
)


def pdf_bytes(text: str = CV_EN, *, pages: int = 1) -> bytes:
    """A real PDF with a text layer: ``text``, one line of the PDF per line of text (long
    lines wrapped), on each page; pages numbered when there are several."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        y = 800
        heading = [f"Page {number}"] if pages > 1 else []
        for line in (*heading, *(wrapped for part in text.splitlines() for wrapped in _wrap(part))):
            pdf.drawString(60, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _wrap(text: str, width: int = 90) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def pdf_scanned_bytes() -> bytes:
    """A PDF with shapes but no text layer, as a scanner makes."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for row in range(20):
        pdf.rect(60, 780 - row * 30, 400, 12, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_encrypted_bytes() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_broken_bytes() -> bytes:
    """A PDF header followed by nothing a reader can use."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"this is not a PDF body \x00\x01\x02\n" * 200


def pdf_truncated_bytes() -> bytes:
    data = pdf_bytes(pages=3)
    return data[: len(data) // 3]


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs or (CV_EN,):
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Languages"
    table.rows[0].cells[1].text = "English, French"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_rewrite(data: bytes, *, replace: dict[str, bytes], add: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = replace.get(info.filename, source.read(info.filename))
            compression = (
                zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            )
            target.writestr(info.filename, content, compress_type=compression)
        for name, content in add.items():
            target.writestr(name, content)
    return buffer.getvalue()


def docx_macro_bytes() -> bytes:
    """A .docm in disguise: a macro project and the macro-enabled main content type."""
    data = docx_bytes(LETTER_EN)
    content_types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    content_types = content_types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return _zip_rewrite(
        data,
        replace={"[Content_Types].xml": content_types},
        add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512},
    )


def docx_vba_only_bytes() -> bytes:
    """A DOCX content type but a macro project inside all the same."""
    return _zip_rewrite(docx_bytes(LETTER_EN), replace={}, add={"word/vbaProject.bin": b"x" * 64})


def docx_bomb_bytes() -> bytes:
    """A DOCX with a part that inflates from a few kilobytes to 30 MB."""
    return _zip_rewrite(
        docx_bytes(CV_EN), replace={}, add={"word/media/padding.xml": b"\0" * (30 * 1024 * 1024)}
    )


def docx_lying_bomb_bytes() -> bytes:
    """A DOCX whose headers declare a small part that really inflates to 20 MB."""
    data = bytearray(
        _zip_rewrite(docx_bytes(CV_EN), replace={}, add={"word/zz.xml": b"\0" * (20 * 1024 * 1024)})
    )
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/zz.xml")
    small = (1000).to_bytes(4, "little")
    # The uncompressed size in the local header (offset 22) and in the central directory.
    data[info.header_offset + 22 : info.header_offset + 26] = small
    central = bytes(data).rfind(b"PK\x01\x02", 0, len(data))
    while central != -1:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_length] == b"word/zz.xml":
            data[central + 24 : central + 28] = small
            break
        central = bytes(data).rfind(b"PK\x01\x02", 0, central)
    return bytes(data)


def xlsx_like_bytes() -> bytes:
    """An Office zip that is not a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def odt_bytes(*paragraphs: str) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odf_text.H(outlinelevel=1, text="Curriculum vitae"))
    for paragraph in paragraphs or (CV_EN,):
        document.text.addElement(odf_text.P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def odt_macro_bytes() -> bytes:
    return _zip_rewrite(
        odt_bytes(LETTER_EN),
        replace={},
        add={
            "Basic/Standard/Module1.xml": (
                b'<script:module script:name="Module1">Sub Main\nEnd Sub</script:module>'
            ),
            "Basic/script-lc.xml": b"<library:libraries/>",
        },
    )


def polyglot_pdf_zip_bytes() -> bytes:
    """A PDF with a DOCX glued to its end: both readers would open it."""
    return pdf_bytes() + docx_bytes()


def polyglot_zip_pdf_bytes() -> bytes:
    """A DOCX whose first bytes carry a PDF header, read as a PDF by lenient viewers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.pdf", b"%PDF-1.4\n" + b"x" * 100, compress_type=zipfile.ZIP_STORED)
    original = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    with zipfile.ZipFile(buffer, "a") as archive:
        for info in original.infolist():
            archive.writestr(info.filename, original.read(info.filename))
    return buffer.getvalue()


def txt_bytes(text: str = LETTER_EN, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def binary_bytes() -> bytes:
    return bytes(range(256)) * 40


def docx_inflating_bytes(megabytes: int) -> bytes:
    """A DOCX of a few megabytes whose text inflates to ``megabytes`` MiB of XML: under the
    upload limit and the zip checks, but heavy to parse (python-docx holds it all at once)."""
    words = f"{CV_EN} {LETTER_EN}".replace(",", "").replace(".", "").split()
    paragraphs = [
        f"<w:p><w:r><w:t>{number} {' '.join(words[number % 20 :][:12])}</w:t></w:r></w:p>".encode()
        for number in range(200)
    ]
    block = b"".join(paragraphs)
    data = docx_bytes(CV_EN)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    head, body, tail = xml.partition(b"<w:body>")
    inflated = head + body + block * (megabytes * 1024 * 1024 // len(block)) + tail
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            content = inflated if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, content)
    return buffer.getvalue()
