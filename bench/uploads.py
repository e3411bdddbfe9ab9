"""Benchmark of uploads: a real application with a 1, 10 and 30 MB PDF CV through the
public form, against a floor. Not a test: it prints figures.

It starts everything itself in a temporary folder: a throwaway SQLite database (migrated,
with one published vacancy) and gunicorn (DEBUG off, one sync worker so that its memory
is the worker's alone) on a free 127.0.0.1 port. Each run POSTs the application form,
multipart, as a browser does (with its Origin header), with a typed letter and a valid
one-page PDF whose size comes from a large image stream; the answer is the redirect that follows the
commit of the application and its encrypted files. Text extraction is a task, after the
commit, and no task worker runs here: what is timed is the request alone.

The floor, measured in the same run and alternated with the applications: the same bytes
POSTed to the same gunicorn, through the same settings, middleware and upload handlers,
to a minimal view that copies the upload to a file (``bench/upload_floor.py``, which
serves Tremplin's URLs plus that one). Each figure is the median of --runs requests. The
worker's peak RSS (VmHWM, reset through /proc/PID/clear_refs before each request) shows
whether memory grows with the file.

The site refuses files over TREMPLIN_MAX_UPLOAD_BYTES (10 MiB by default); the bench sets
it just above the biggest size asked for and reads it back from the settings.

    .venv/bin/python bench/uploads.py [--sizes 1,10,30] [--runs 5] [--json]
"""

import argparse
import base64
import http.client
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from intake import (
    GUNICORN,
    PYTHON,
    REPO,
    SETUP,
    children,
    free_port,
    multipart,
    vm_hwm_kib,
    wait_for_http,
)

MB = 1000 * 1000
MIB = 1024 * 1024
APPLY = "/en/bench/intake/apply/"
FLOOR = "/bench/upload-floor"
IMAGE_WIDTH = 1000  # pixels, RGB: 3,000 bytes a row


def cv_pdf(size: int) -> bytes:
    """A valid one-page PDF of about ``size`` bytes (never more): a line of text and an
    uncompressed RGB image of random pixels, which makes up the size."""
    rows = max(1, (size - 1200) // (3 * IMAGE_WIDTH))
    pixels = os.urandom(3 * IMAGE_WIDTH * rows)
    text = b"BT /F1 14 Tf 60 780 Td (Curriculum vitae - bench candidate) Tj ET\n"
    text += b"q 475 0 0 300 60 400 cm /Im1 Do Q\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%b\nendstream"
        % (IMAGE_WIDTH, rows, len(pixels), pixels),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _request(
    port: int, method: str, path: str, *, body: bytes = b"", headers: dict[str, str] | None = None
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request(method, path, body=body or None, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


class Timed:
    """One kind of request (the floor or an application): its timings and peak RSS."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.peak_kib = 0


def _post(port: int, worker: int, path: str, pdf: bytes, number: int) -> tuple[float, int]:
    """POST one application (or the floor's upload) with ``pdf`` as the CV; return the
    seconds it took and the worker's peak RSS in KiB during the request."""
    body, content_type = multipart(
        {
            "name": f"Candidate {number}",
            "email": f"candidate{number}@example.org",
            "letter_text": "I would like to apply for this position.",
        },
        {"cv": (f"cv-{number}.pdf", pdf)},
    )
    headers = {  # what a browser sends with the form (tremplin.core.crossorigin)
        "Content-Type": content_type,
        "Origin": f"http://127.0.0.1:{port}",
        "Sec-Fetch-Site": "same-origin",
    }
    Path(f"/proc/{worker}/clear_refs").write_text("5")  # VmHWM back to the current RSS
    started = time.perf_counter()
    response = _request(port, "POST", path, body=body, headers=headers)
    elapsed = time.perf_counter() - started
    expected = 302 if path == APPLY else 204
    if response.status != expected:
        raise RuntimeError(f"POST {path} with {len(pdf)} bytes: {response.status}")
    if path == APPLY and "/received/" not in (response.getheader("Location") or ""):
        raise RuntimeError(f"POST {APPLY}: redirected to {response.getheader('Location')}")
    return elapsed, vm_hwm_kib(worker)


def _fresh_worker(master: int, old: int | None, port: int) -> int:
    """Stop the worker ``old`` (if any) and return the one gunicorn starts in its place."""
    if old is not None:
        os.kill(old, signal.SIGTERM)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = [pid for pid in children(master) if pid != old]
        if workers:
            wait_for_http(f"http://127.0.0.1:{port}/healthz")
            return workers[0]
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no new worker")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,30", help="CV sizes in MB (1,10,30)")
    parser.add_argument("--runs", type=int, default=5, help="requests per size and kind (5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    tmp = Path(tempfile.mkdtemp(prefix="tremplin-bench-uploads-"))
    database = tmp / "bench.sqlite3"
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-not-secret",
        "TREMPLIN_FILES_KEY": base64.b64encode(os.urandom(32)).decode(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{database}",
        "TREMPLIN_VAR_DIR": str(tmp / "var"),
        "TREMPLIN_PRIVATE_FILES_DIR": str(tmp / "private"),
        "TREMPLIN_MAX_UPLOAD_BYTES": str(max(10 * MIB, -(-max(sizes) * MB // MIB) * MIB)),
        "TREMPLIN_RATE_LIMIT": "false",
        "SECURE_COOKIES": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "tremplin.settings",
    }
    web = None
    try:

        def manage(*command: str) -> str:
            return subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout

        manage("migrate", "-v0")
        manage("collectstatic", "--no-input", "-v0")
        manage("shell", "-v0", "-c", SETUP)
        limit = int(
            manage(
                "shell",
                "-v0",
                "-c",
                "from django.conf import settings; print(settings.TREMPLIN_MAX_UPLOAD_BYTES)",
            )
        )
        pdfs = {size: cv_pdf(size * MB) for size in sizes}
        too_big = [size for size, pdf in pdfs.items() if len(pdf) > limit]
        if too_big:
            raise RuntimeError(f"{too_big} MB: over TREMPLIN_MAX_UPLOAD_BYTES ({limit})")

        web = subprocess.Popen(
            [
                GUNICORN,
                "upload_floor:application",
                "--pythonpath",
                str(REPO / "bench"),
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--timeout",
                "600",
                "--log-level",
                "warning",
            ],
            cwd=REPO,
            env=env,
        )
        worker = _fresh_worker(web.pid, None, port)
        figures = {size: {"floor": Timed(), "apply": Timed()} for size in sizes}
        number = 0
        # Times: one worker for all, the floor and the application alternated, after a
        # round that warms up (imports, caches) and is not counted.
        for size in sizes:
            for round_ in range(args.runs + 1):
                for kind, path in (("floor", FLOOR), ("apply", APPLY)):
                    number += 1
                    seconds, _peak = _post(port, worker, path, pdfs[size], number)
                    if round_:
                        figures[size][kind].seconds.append(seconds)
        # Memory: a new worker for each size and kind, warmed up by the smallest size (so
        # that what it imports is loaded), then the peak RSS during one request.
        warm_kib = 0
        for size in sizes:
            for kind, path in (("floor", FLOOR), ("apply", APPLY)):
                worker = _fresh_worker(web.pid, worker, port)
                for warm_path in (FLOOR, APPLY):
                    number += 1
                    _post(port, worker, warm_path, pdfs[min(sizes)], number)
                warm_kib = max(warm_kib, vm_hwm_kib(worker))
                number += 1
                figures[size][kind].peak_kib = _post(port, worker, path, pdfs[size], number)[1]

        with sqlite3.connect(database) as db:
            stored = db.execute(
                "SELECT COUNT(*) FROM applications_document WHERE role = 'cv'"
            ).fetchone()[0]
        expected = len(sizes) * (args.runs + 1 + 3)  # timed, then 2 warm-ups + 1 for memory
        if stored != expected:
            raise RuntimeError(f"{stored} CVs stored, not {expected}")

        result = {
            "cores": os.cpu_count(),
            "database": "sqlite",
            "runs": args.runs,
            "limit_bytes": limit,
            "worker_warm_rss_mib": round(warm_kib / 1024, 1),
            "sizes": {
                str(size): {
                    "bytes": len(pdfs[size]),
                    "floor_s": statistics.median(kinds["floor"].seconds),
                    "apply_s": statistics.median(kinds["apply"].seconds),
                    "ratio": statistics.median(kinds["apply"].seconds)
                    / statistics.median(kinds["floor"].seconds),
                    "floor_peak_rss_mib": round(kinds["floor"].peak_kib / 1024, 1),
                    "apply_peak_rss_mib": round(kinds["apply"].peak_kib / 1024, 1),
                }
                for size, kinds in figures.items()
            },
        }
        if args.json:
            print(json.dumps(result))
            return 0
        print(
            f"uploads: one application with a PDF CV per POST, median of {args.runs}; "
            f"1 gunicorn worker, SQLite; machine: {os.cpu_count()} cores"
        )
        print(
            "floor: the same bytes through the same server to a view that copies the "
            f"upload to a file; peak RSS of a new worker after a warm-up of {min(sizes)} MB: "
            f"{warm_kib / 1024:.0f} MiB"
        )
        columns = ("floor s", "apply s", "x floor", "floor MiB", "apply MiB")
        print(f"  {'CV':>6} " + " ".join(f"{column:>10}" for column in columns))
        for size, figure in result["sizes"].items():  # type: ignore[attr-defined]
            print(
                f"  {size + ' MB':>6} {figure['floor_s']:10.3f} {figure['apply_s']:10.3f} "
                f"{figure['ratio']:10.2f} {figure['floor_peak_rss_mib']:10.0f} "
                f"{figure['apply_peak_rss_mib']:10.0f}"
            )
        return 0
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
