"""Turn the CV samples, as laid out on the page (``cv_samples/layout/NAME.txt``: columns
written where they stand), into the text Tremplin's extractor gives reviewers
(``cv_samples/NAME.txt``), by making the file a candidate would send and reading it back
with ``text_extract``:

- "pdf": every run of text drawn where it stands on an A4 page (DejaVu Sans Mono, so that
  any script prints), then read with PDFium, which joins what shares a line;
- "docx": lines with several columns become rows of a Word table, the others paragraphs;
- "txt": the layout as it is, as a pasted answer would be.

The format of each sample is in its labels (``"format"``). Run after changing a layout:

    .venv/bin/python -m tremplin.review.tests.redaction_samples_render
"""

import io
import json
import re
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tremplin.applications.extraction import text_extract
from tremplin.review.tests.redaction_scoring import SAMPLES

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
SIZE = 7.5
LINE = 10.5
MARGIN = 30
COLUMN_GAP = re.compile(r" {2,}")


def pdf_bytes(layout: str) -> bytes:
    pdfmetrics.registerFont(TTFont("Mono", FONT))
    width = pdfmetrics.stringWidth("M", "Mono", SIZE)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Mono", SIZE)
    y = A4[1] - MARGIN
    for line in layout.split("\n"):
        if y < MARGIN:
            page.showPage()
            page.setFont("Mono", SIZE)
            y = A4[1] - MARGIN
        for run in re.finditer(r"\S+(?: \S+)*", line):
            page.drawString(MARGIN + run.start() * width, y, run.group())
        y -= LINE
    page.showPage()
    page.save()
    return buffer.getvalue()


def docx_bytes(layout: str) -> bytes:
    document = docx.Document()
    table = None
    for line in layout.split("\n"):
        cells = [cell for cell in COLUMN_GAP.split(line.strip()) if cell]
        if len(cells) < 2 and not line.startswith(" "):
            table = None
            document.add_paragraph(line.strip())
            continue
        if table is None or len(table.columns) < len(cells):
            table = document.add_table(rows=0, cols=max(len(cells), 2))
        row = table.add_row()
        # A line that starts indented belongs to the right-hand column.
        offset = 1 if line.startswith(" ") and len(cells) == 1 else 0
        for index, cell in enumerate(cells):
            row.cells[index + offset].text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(name: str) -> str:
    layout = (SAMPLES / "layout" / f"{name}.txt").read_text(encoding="utf-8")
    kind = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))["format"]
    if kind == "txt":
        return layout.rstrip() + "\n"
    data = pdf_bytes(layout) if kind == "pdf" else docx_bytes(layout)
    return text_extract(kind=kind, data=data).text + "\n"


def main() -> None:
    for layout in sorted((SAMPLES / "layout").glob("*.txt")):
        text = render(layout.stem)
        Path(SAMPLES / layout.name).write_text(text, encoding="utf-8")
        print(f"{layout.stem}: {len(text):,} characters")


if __name__ == "__main__":
    main()
