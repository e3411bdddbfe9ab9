"""Benchmark of the public pages: the job board and a vacancy page, against a floor.

Not a test: it prints figures. It starts everything itself in a temporary folder: a
throwaway SQLite database with the demo data (`load_demo`) and gunicorn on a free
127.0.0.1 port. Each page is requested N times by C clients over keep-alive-less HTTP/1.1.
The floor is `/healthz`, a minimal Django view on the same server (no database), so the
ratio says what the page itself costs over Django's request cycle.

    .venv/bin/python bench/pages.py [--n 400] [--clients 4] [--web-workers 2]
"""

import argparse
import base64
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from intake import GUNICORN, PYTHON, REPO, free_port, wait_for_http


def measure(url: str, *, n: int, clients: int) -> float:
    """Requests per second for ``n`` GETs of ``url`` by ``clients`` threads."""

    def get(_: int) -> int:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return int(response.status)

    get(0)  # warm up (first-request imports, caches)
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        statuses = list(pool.map(get, range(n)))
    elapsed = time.perf_counter() - started
    if set(statuses) != {200}:
        raise RuntimeError(f"{url}: statuses {sorted(set(statuses))}")
    return n / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=400, help="requests per page (400)")
    parser.add_argument("--clients", type=int, default=4, help="parallel HTTP clients (4)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn workers (2)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="tremplin-bench-pages-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-not-secret",
        "TREMPLIN_FILES_KEY": base64.b64encode(os.urandom(32)).decode(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "TREMPLIN_VAR_DIR": str(tmp / "var"),
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "tremplin.settings",
    }
    web = None
    try:
        for command in (["migrate", "-v0"], ["load_demo"], ["collectstatic", "--no-input", "-v0"]):
            subprocess.run(
                [PYTHON, "manage.py", *command], cwd=REPO, env=env, check=True, capture_output=True
            )
        web = subprocess.Popen(
            [GUNICORN, "tremplin.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.web_workers)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base}/healthz")
        pages = {
            "floor: /healthz (minimal Django view)": "/healthz",
            "job board /en/": "/en/",
            "vacancy page (with the form)": (
                "/en/observatoire-citoyen/analyste-politiques-numeriques/"
            ),
        }
        figures = {
            name: measure(base + path, n=args.n, clients=args.clients)
            for name, path in pages.items()
        }
        floor = figures["floor: /healthz (minimal Django view)"]
        print(
            f"pages: {args.n} GETs each, {args.clients} clients, {args.web_workers} gunicorn "
            f"workers, SQLite, demo data; machine: {os.cpu_count()} cores"
        )
        for name, rate in figures.items():
            print(f"  {name:<40} {rate:8.1f} req/s   floor/page = {floor / rate:5.1f}")
        return 0
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
