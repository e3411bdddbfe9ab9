"""Benchmark of the public pages: the job board, an organization's page, a vacancy page
with its application form and the Atom feed, against a floor.

Not a test: it prints figures. It starts everything itself in a temporary folder: a
throwaway SQLite database with the demo data (`load_demo`) and gunicorn (DEBUG off) on a
free 127.0.0.1 port. Each page is loaded by `wrk` (a C load generator, so that the client
is not the bottleneck) with C concurrent connections for D seconds. The floor is
`/healthz`, a minimal Django view on the same server through the same middleware, measured
right before each page (so that a load that changes during the run moves both alike): the
ratios say what each page costs over Django's request cycle. Issue
"Hold at 100,000 applications" asks for >= 0.8 x the floor's requests per second, and a
p99 under 50 ms or at most 1.5 x the floor's p99 when the machine is loaded.

    .venv/bin/python bench/pages.py [--duration 10] [--clients 32] [--web-workers 2] [--json]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from instance import server_environment
from intake import GUNICORN, PYTHON, REPO, free_port, wait_for_http

WRK = shutil.which("wrk") or "/usr/bin/wrk"
FLOOR = "healthz"
PAGES = {
    FLOOR: "/healthz",
    "board": "/en/",
    "organization": "/en/observatoire-citoyen/",
    "vacancy_with_form": "/en/observatoire-citoyen/analyste-politiques-numeriques/",
    "feed": "/en/vacancies.atom",
}
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _milliseconds(figure: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", figure).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def measure(url: str, *, seconds: int, clients: int) -> dict[str, float]:
    """Requests per second and latency percentiles of ``url`` under wrk's load."""
    threads = min(clients, os.cpu_count() or 1)
    wrk = [WRK, f"-t{threads}", f"-c{clients}", "-d2s", url]
    subprocess.run(wrk, check=True, capture_output=True)  # warm up: imports, page cache
    wrk[3] = f"-d{seconds}s"
    output = subprocess.run([*wrk, "--latency"], check=True, capture_output=True, text=True)
    text = output.stdout
    if "Non-2xx or 3xx responses" in text or ("Socket errors" in text and "timeout" in text):
        raise RuntimeError(f"{url}: wrk saw failures:\n{text}")
    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)$", text, re.M))
    return {
        "req_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),  # type: ignore[union-attr]
        "p50_ms": _milliseconds(percentiles["50"]),
        "p90_ms": _milliseconds(percentiles["90"]),
        "p99_ms": _milliseconds(percentiles["99"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (10)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections (32)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not Path(WRK).exists():
        print(
            "bench/pages.py needs wrk: apt-get install wrk (make bench installs it)",
            file=sys.stderr,
        )
        return 1

    tmp = Path(tempfile.mkdtemp(prefix="tremplin-bench-pages-"))
    port = free_port()
    env = server_environment(tmp, port)
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
        figures = {}
        for name, path in PAGES.items():
            if name == FLOOR:
                continue
            # The floor right before each page: a load that changes during the run (another
            # process on the machine) moves the page and its own floor alike.
            floor = measure(base + PAGES[FLOOR], seconds=args.duration, clients=args.clients)
            figure = measure(base + path, seconds=args.duration, clients=args.clients)
            figure["floor_req_per_s"] = floor["req_per_s"]
            figure["floor_p99_ms"] = floor["p99_ms"]
            figure["ratio_req_per_s"] = figure["req_per_s"] / floor["req_per_s"]
            figure["ratio_p99"] = figure["p99_ms"] / floor["p99_ms"]
            figures[name] = figure
        if args.json:
            print(
                json.dumps(
                    {
                        "clients": args.clients,
                        "web_workers": args.web_workers,
                        "cores": os.cpu_count(),
                        "database": "sqlite",
                        "pages": figures,
                    }
                )
            )
            return 0
        print(
            f"pages: wrk, {args.clients} connections for {args.duration} s each, "
            f"{args.web_workers} gunicorn workers, SQLite, demo data; machine: "
            f"{os.cpu_count()} cores"
        )
        columns = ("req/s", "floor req/s", "x floor", "p99 ms", "floor p99", "x floor p99")
        print(f"  {'page':<18} " + " ".join(f"{column:>11}" for column in columns))
        for name, figure in figures.items():
            print(
                f"  {name:<18} {figure['req_per_s']:11.0f} {figure['floor_req_per_s']:11.0f} "
                f"{figure['ratio_req_per_s']:11.2f} {figure['p99_ms']:11.1f} "
                f"{figure['floor_p99_ms']:11.1f} {figure['ratio_p99']:11.2f}"
            )
        return 0
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
