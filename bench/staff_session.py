"""The HTTP side of bench/scale.py: a staff session logged in through the real login and
two-factor pages, and the timing of one page through it."""

import re
import time
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener


def login(base: str, target: dict[str, str]):
    """A cookie session logged in through the real login and two-factor pages."""
    from django_otp.oath import TOTP

    opener = build_opener(HTTPCookieProcessor(CookieJar()))

    def post(path: str, fields: dict[str, str]) -> str:
        page = opener.open(base + path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]  # type: ignore[index]
        data = urlencode({"csrfmiddlewaretoken": token, **fields})
        request = Request(base + path, data=data.encode(), headers={"Referer": base + path})
        with opener.open(request) as response:
            return response.url

    post("/en/accounts/login/", {"username": target["user"], "password": target["password"]})
    token = TOTP(bytes.fromhex(target["totp_key"])).token()
    landed = post("/en/accounts/two-factor/", {"token": f"{token:06d}"})
    if "two-factor" in landed or "login" in landed:
        raise RuntimeError(f"the login did not go through: ended at {landed}")
    return opener


def timings(opener, url: str, requests: int, budget: float) -> dict[str, float]:
    """p50 and p95 of the whole response; p95 of its first 64 KiB (a streamed CSV's start)."""
    samples: list[float] = []
    firsts: list[float] = []
    opener.open(url).read()  # warm up: imports, caches
    started = time.monotonic()
    while len(samples) < requests and (len(samples) < 5 or time.monotonic() - started < budget):
        begin = time.perf_counter()
        with opener.open(url) as response:
            response.read(65536)
            firsts.append((time.perf_counter() - begin) * 1000)
            while response.read(65536):
                pass
        samples.append((time.perf_counter() - begin) * 1000)
    samples, firsts = sorted(samples), sorted(firsts)
    p95 = min(len(samples) - 1, round(0.95 * (len(samples) - 1)))
    return {
        "p50_ms": round(samples[len(samples) // 2], 1),
        "p95_ms": round(samples[p95], 1),
        "first_64k_p95_ms": round(firsts[p95], 1),
    }
