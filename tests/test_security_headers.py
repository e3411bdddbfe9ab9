"""The headers every page carries: an enforced Content Security Policy that runs no inline
or eval'd script, and ``no-store`` on every page that may show someone's personal data."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import STAFF_ROUTES, World
from tremplin.applications.tokens import application_token
from tremplin.privacy.exports import data_export_build, data_export_request
from tremplin.testing.staff import staff_login

REPO = Path(__file__).resolve().parent.parent


def directives(header: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict_policy(response, url: str) -> None:
    assert "Content-Security-Policy-Report-Only" not in response, url
    policy = directives(response["Content-Security-Policy"])
    scripts = policy.get("script-src", policy.get("default-src"))
    assert scripts is not None, url
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, url
    assert "'unsafe-inline'" not in policy.get("style-src", []), url
    assert policy["default-src"] == ["'self'"], url
    assert policy["object-src"] == ["'none'"], url
    assert policy["frame-ancestors"] == ["'none'"], url
    assert policy["base-uri"] == ["'none'"], url
    assert policy["form-action"] == ["'self'"], url


@pytest.mark.django_db
def test_public_pages_enforce_a_policy_without_inline_scripts(client, world: World) -> None:
    vacancy = world.vacancy
    token = application_token(public_id=world.application.public_id)
    urls = [
        "/en/",
        f"/en/{vacancy.organization.slug}/",
        vacancy.get_absolute_url(),
        reverse("applications:apply", kwargs={"org": "communs", "vacancy": vacancy.slug}),
        reverse("applications:status", kwargs={"token": token}),
        reverse("accounts:login"),  # the admin's login too: /admin/login/ sends here
        "/en/no-such-page/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_strict_policy(response, url)


@pytest.mark.django_db
def test_workspace_pages_and_two_factor_setup_enforce_the_policy(world: World) -> None:
    # A recruiter without an authenticator app yet is shown the set-up page and its QR code.
    recruiter = Client()
    recruiter.force_login(world.users["recruiter"])
    response = recruiter.get(reverse("accounts:two_factor"))
    assert response.status_code == 200
    assert b"<svg" in response.content  # the QR code is inline SVG, not a data: image
    assert_strict_policy(response, "two_factor")
    owner = staff_login(Client(), world.users["owner"])
    checked = 0
    for route in STAFF_ROUTES:
        kwargs = {k: world.keyword_value(k, route.name) for k in route.keywords}
        response = owner.get(reverse(route.name, kwargs=kwargs))
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert_strict_policy(response, route.name)
            checked += 1
    assert checked >= 20


# Inline scripts, handler attributes, javascript: addresses and style attributes: the
# policy would block each of them, so none may be written in a template.
BLOCKED_BY_THE_POLICY = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>"
    r"|\son[a-z]+\s*="
    r"|javascript:"
    r"|\sstyle\s*="
    r"|<style",
    re.IGNORECASE,
)


def test_no_template_holds_what_the_policy_blocks() -> None:
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "tremplin").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BLOCKED_BY_THE_POLICY.search(line)
    ]
    assert found == []


def test_no_python_code_writes_a_style_attribute_into_html() -> None:
    attribute = re.compile(r"""<[a-z][^>]*\sstyle=""", re.IGNORECASE)
    found = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "tremplin").rglob("*.py"))
        if "tests" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if attribute.search(line)
    ]
    assert found == []


def assert_not_stored(response, what: str) -> None:
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert "no-store" in cache_control, (what, response.get("Cache-Control"))
    assert "private" in cache_control, (what, response.get("Cache-Control"))


@pytest.mark.django_db
def test_every_workspace_page_tells_caches_to_keep_no_copy(world: World) -> None:
    owner = staff_login(Client(), world.users["owner"])
    answered = set()
    for route in STAFF_ROUTES:
        kwargs = {k: world.keyword_value(k, route.name) for k in route.keywords}
        response = owner.get(reverse(route.name, kwargs=kwargs))
        assert_not_stored(response, route.name)
        if response.status_code == 200:
            answered.add(route.name)
    # The pages with candidates' data among them, answered in full.
    assert {
        "staff_applications:index",
        "staff_applications:board",
        "staff_applications:detail",
        "staff_applications:document_download",
        "staff_review:application",
        "staff_review:results",
        "staff_core:audit",
        "staff_core:audit_export",
        "staff_messaging:drafts",
        "staff_messaging:unsorted",
        "staff_messaging:inbound",
        "staff_privacy:export_download",
    } <= answered


@pytest.mark.django_db
def test_a_reviewer_s_pages_keep_no_copy_either(world: World) -> None:
    reviewer = staff_login(Client(), world.users["reviewer_assigned"])
    for name in ("staff_review:vacancy", "staff_review:application"):
        kwargs = {"org": "communs", "vacancy": world.vacancy.slug}
        if name.endswith("application"):
            kwargs["application"] = world.application.pk
        response = reviewer.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 200, name
        assert_not_stored(response, name)


@pytest.mark.django_db
def test_the_candidate_s_own_pages_keep_no_copy(client, world: World) -> None:
    token = application_token(public_id=world.application.public_id)
    export = data_export_request(
        candidate=world.application.candidate,
        organization=world.organization,
        requested_by=None,
        language="en",
    )
    data_export_build(export_id=export.pk)
    urls = [
        reverse("applications:status", kwargs={"token": token}),
        reverse("privacy:export_download", kwargs={"token": token, "export": export.public_id}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_not_stored(response, url)


@pytest.mark.django_db
def test_the_sign_in_pages_and_the_admin_keep_no_copy(client, world: World) -> None:
    for url in (reverse("accounts:login"), "/admin/login/"):
        assert_not_stored(client.get(url), url)
    staff_login(client, world.users["recruiter"])
    assert_not_stored(client.get(reverse("accounts:two_factor")), "two_factor")


@pytest.mark.django_db
def test_public_pages_stay_cacheable_for_visitors(client, world: World) -> None:
    for url in ("/en/", world.vacancy.get_absolute_url()):
        response = client.get(url)
        assert "no-store" not in response.get("Cache-Control", ""), url
    assert settings.SESSION_COOKIE_NAME not in client.cookies
