"""Benchmark of the web intake: N applications with 2-page PDF CVs over HTTP, until their
text is extracted. Not a test: it prints figures.

It starts everything itself in a temporary folder: a throwaway SQLite database (migrated
first), gunicorn on a free 127.0.0.1 port and one `manage.py db_worker`. The rate limit is
switched off (TREMPLIN_RATE_LIMIT=false) and mail goes to Django's dummy backend.

Reported:
- submissions/s: the HTTP phase alone (each POST returns once the application and its
  files are committed);
- applications/s until extracted: from the first POST until every document has its text;
- peak RSS (VmHWM) of the web processes (gunicorn master and workers) and of the worker;
- the floor: pypdfium2 alone extracting the same PDFs in one process, and the ratio.

    .venv/bin/python bench/intake.py [--n 100] [--clients 4] [--web-workers 2]
"""

import argparse
import io
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
from instance import server_environment
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parent.parent
PYTHON = str(REPO / ".venv" / "bin" / "python")
GUNICORN = str(REPO / ".venv" / "bin" / "gunicorn")

WORDS = [
    *("project", "coordination", "advocacy", "research", "policy", "volunteers", "budget"),
    *("campaign", "partnership", "communication", "evaluation", "strategy", "fundraising"),
    *("training", "events", "community", "reports"),
]

SETUP = """
from decimal import Decimal
from tremplin.accounts.models import Organization
from tremplin.vacancies.models import Vacancy, VacancyText
organization = Organization.objects.create(name="Bench", slug="bench")
vacancy = Vacancy.objects.create(
    organization=organization, slug="intake", status="published", pay_min=Decimal(1),
    pay_max=Decimal(2), pay_currency="EUR", pay_period="YEAR")
VacancyText.objects.create(vacancy=vacancy, language="en", title="Bench vacancy")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cv_pdf(number: int) -> bytes:
    """A 2-page CV, different for every candidate."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in (1, 2):
        y = 800
        pdf.drawString(60, y, f"Candidate {number} - curriculum vitae, page {page}")
        for line in range(45):
            y -= 16
            words = [WORDS[(number + line * 7 + k * 3 + page) % len(WORDS)] for k in range(12)]
            pdf.drawString(60, y, " ".join(words))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = b""
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        body += f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode()
    for name, (filename, data) in files.items():
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def children(pid: int) -> list[int]:
    """Every descendant of ``pid``, from /proc (psutil is not installed)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    for child in list(found):
        found += children(child)
    return found


def vm_hwm_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else 0


class PeakWatch(threading.Thread):
    """Samples the peak RSS of a process tree until stopped (processes come and go)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.running = True

    def run(self) -> None:
        while self.running:
            self.sample()
            time.sleep(0.2)

    def sample(self) -> None:
        for pid in [self.pid, *children(self.pid)]:
            self.peaks[pid] = max(self.peaks.get(pid, 0), vm_hwm_kib(pid))

    def stop(self) -> dict[int, int]:
        self.sample()
        self.running = False
        return self.peaks


def wait_for_http(url: str, *, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="applications to send (100)")
    parser.add_argument("--clients", type=int, default=4, help="parallel HTTP clients (4)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="tremplin-bench-"))
    database = tmp / "bench.sqlite3"
    port = free_port()
    env = server_environment(tmp, port)
    processes: list[subprocess.Popen] = []
    try:
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=REPO,
            env=env,
            check=True,
        )
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-v0", "-c", SETUP], cwd=REPO, env=env, check=True
        )
        subprocess.run(
            [PYTHON, "manage.py", "extraction_sweep", "-v0"], cwd=REPO, env=env, check=True
        )
        web = subprocess.Popen(
            [
                GUNICORN,
                "tremplin.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                str(args.web_workers),
                "--log-level",
                "warning",
            ],
            cwd=REPO,
            env=env,
        )
        processes.append(web)
        worker = subprocess.Popen(
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.2",
                "-v0",
            ],
            cwd=REPO,
            env=env,
        )
        processes.append(worker)
        web_watch, worker_watch = PeakWatch(web.pid), PeakWatch(worker.pid)
        web_watch.start()
        worker_watch.start()

        url = f"http://127.0.0.1:{port}/en/bench/intake/apply/"
        wait_for_http(url)
        cvs = [cv_pdf(number) for number in range(args.n)]

        origin = f"http://127.0.0.1:{port}"

        def apply(number: int) -> int:
            body, content_type = multipart(
                {
                    "name": f"Candidate {number}",
                    "email": f"candidate{number}@example.org",
                    "letter_text": "I would like to apply: " + " ".join(WORDS),
                },
                {"cv": (f"cv-{number}.pdf", cvs[number])},
            )
            headers = {"Content-Type": content_type, "Origin": origin}
            request = urllib.request.Request(url, data=body, headers=headers)
            with urllib.request.urlopen(request) as response:
                return response.status

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            statuses = list(pool.map(apply, range(args.n)))
        posted = time.monotonic()
        if statuses.count(200) != args.n:
            print(f"only {statuses.count(200)} of {args.n} submissions succeeded", file=sys.stderr)
            return 1

        expected = 2 * args.n  # a CV and a typed letter each
        with sqlite3.connect(database, timeout=30) as db:
            while True:
                done, total = db.execute(
                    "SELECT SUM(extraction_status != 'pending'), COUNT(*) "
                    "FROM applications_document"
                ).fetchone()
                if total == expected and done == expected:
                    break
                if time.monotonic() - posted > 600:
                    print(f"extraction did not finish: {done}/{total}", file=sys.stderr)
                    return 1
                time.sleep(0.05)
            extracted = time.monotonic()
            failed = db.execute(
                "SELECT COUNT(*) FROM applications_document WHERE extraction_status != 'done'"
            ).fetchone()[0]
        web_peaks, worker_peaks = web_watch.stop(), worker_watch.stop()

        floor_started = time.perf_counter()
        for data in cvs:
            pdf = pdfium.PdfDocument(data)
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                textpage.get_text_bounded()
                textpage.close()
                page.close()
            pdf.close()
        floor = time.perf_counter() - floor_started

        end_to_end = extracted - started
        print(
            f"applications: {args.n} (2-page PDF CV + typed letter each), "
            f"{args.clients} HTTP clients, {args.web_workers} gunicorn workers, 1 db_worker, SQLite"
        )
        print(f"submissions/s (HTTP, committed):      {args.n / (posted - started):8.1f}")
        print(
            f"applications/s until text extracted:  {args.n / end_to_end:8.1f}"
            f"   ({end_to_end:.2f} s for all; documents not 'done': {failed})"
        )
        print(
            "peak RSS web (gunicorn, per process):  "
            + ", ".join(f"{kib / 1024:.0f} MiB" for kib in web_peaks.values())
        )
        print(
            "peak RSS worker:                       "
            + ", ".join(f"{kib / 1024:.0f} MiB" for kib in worker_peaks.values())
        )
        print(
            f"floor, pypdfium2 alone on the same PDFs: {floor:.3f} s ({args.n / floor:.0f} CVs/s)"
        )
        print(f"ratio, end to end / floor:             {end_to_end / floor:8.1f}")
        return 0
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
