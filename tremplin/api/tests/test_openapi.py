"""The OpenAPI description: served at /api/v1/openapi.json, checked into the repository as
docs/openapi.json (this test fails when the file drifts from the code: run
``tremplin openapi``), and the docs page at /api/v1/docs, which loads Swagger UI from our
own static files, so that it works offline and under the Content Security Policy."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tremplin.api.management.commands.openapi import openapi_text

CHECKED_IN = Path(settings.BASE_DIR) / "docs" / "openapi.json"

PATHS = {
    "/api/v1/vacancies": {"get", "post"},
    "/api/v1/vacancies/{id_or_slug}": {"get", "patch"},
    "/api/v1/vacancies/{id_or_slug}/publish": {"post"},
    "/api/v1/vacancies/{id_or_slug}/close": {"post"},
    "/api/v1/applications": {"get"},
    "/api/v1/applications/{id}": {"get", "patch"},
    "/api/v1/webhooks": {"get", "post"},
    "/api/v1/webhooks/{id}": {"get", "delete"},
    "/api/v1/webhooks/{id}/deliveries": {"get"},
}


def test_the_checked_in_description_is_the_one_the_code_makes():
    assert CHECKED_IN.read_text(encoding="utf-8") == openapi_text(), (
        "docs/openapi.json has drifted from the API: run `tremplin openapi` and commit it"
    )
    call_command("openapi", "--check", stdout=StringIO())


def test_the_description_is_served_and_names_every_path_and_the_bearer_scheme(client):
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    served = answer.json()
    assert served == json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    assert served["openapi"].startswith("3.")
    for path, methods in PATHS.items():
        assert methods <= set(served["paths"][path]), path
    schemes = served["components"]["securitySchemes"]
    assert {scheme["scheme"] for scheme in schemes.values()} == {"bearer"}


def test_the_docs_page_loads_its_scripts_from_this_site(client):
    answer = client.get("/api/v1/docs")
    assert answer.status_code == 200
    assert "content-security-policy" in {name.lower() for name in answer.headers}
    page = answer.content.decode()
    assert '/static/ninja/swagger-ui-bundle.js"' in page
    assert "cdn." not in page and "https://" not in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_docs_page_works_in_a_browser_under_the_policy(page: Page, live_server):
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url) if not request.url.startswith(live_server.url) else None
        ),
    )
    response = page.goto(live_server.url + "/api/v1/docs")
    assert response is not None and "content-security-policy" in response.headers
    expect(page.get_by_text("/api/v1/vacancies/{id_or_slug}/publish")).to_be_visible()
    assert outside == []
    assert violations == []
