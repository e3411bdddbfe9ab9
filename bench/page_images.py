"""Benchmark of a page image for the document reader, against a floor.

Not a test: it prints figures. The floor is raw pypdfium2 in this process: open the same
PDF, draw page 1 at the reader's width and encode it as the reader does (WebP, else PNG).
Measured against it, in the same run and on the same file: ``pages.pdf_page_render``,
which does the same in a child forked from the extraction server with a time and a
memory limit (the price of reading a stranger's file safely), and
``pages.pdf_page_sizes``, what the reader page itself waits for.

    .venv/bin/python bench/page_images.py [--runs 20] [--pages 2]
"""

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tremplin.applications import pages

MEMORY_LIMIT = 2048 * 1024 * 1024


def floor(data: bytes) -> bytes:
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    width, height = page.get_size()
    scale = pages.page_scale(width=width, height=height, target=pages.READING_WIDTH)
    image = page.render(scale=scale).to_pil()
    page.close()
    pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, format="WEBP" if pages.WEBP else "PNG", quality=85, method=4)
    return buffer.getvalue()


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm up: the extraction server, the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=2)
    arguments = parser.parse_args()
    # Here, not at the top: each child of the extraction server imports this script as
    # __mp_main__, and should pay for nothing but its imports (as under gunicorn).
    from tremplin.testing import samples

    data = samples.pdf_bytes(pages=arguments.pages)
    base = median_ms(lambda: floor(data), arguments.runs)
    bounded = median_ms(
        lambda: pages.pdf_page_render(
            data=data, index=0, width=pages.READING_WIDTH, memory_limit=MEMORY_LIMIT
        ),
        arguments.runs,
    )
    sizes = median_ms(
        lambda: pages.pdf_page_sizes(data=data, memory_limit=MEMORY_LIMIT), arguments.runs
    )
    what = f"page 1 at {pages.READING_WIDTH} px, {pages.IMAGE_TYPE}"
    print(f"floor: raw pypdfium2 in this process, {what}: {base:.1f} ms")
    print(f"pdf_page_render (bounded child): {bounded:.1f} ms = {bounded / base:.2f} x floor")
    print(f"pdf_page_sizes (bounded child): {sizes:.1f} ms = {sizes / base:.2f} x floor")


if __name__ == "__main__":
    main()
