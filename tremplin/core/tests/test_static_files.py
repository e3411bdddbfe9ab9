"""Static files as a production server serves them: named after their content, and cached by
browsers for a year, so that pages load them once and a release never serves a stale copy."""

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

# In a process of its own, with the production settings (DEBUG off): collect the static
# files, then ask the site for a page's stylesheet as a browser would.
SERVE = """
import json, django
from django.core.management import call_command
django.setup()
from django.templatetags.static import static
from django.test import Client
call_command("collectstatic", "--no-input", verbosity=0)
url = static("core/site.css")
response = Client().get(url)
print(json.dumps({"url": url, "status": response.status_code,
                  "cache": response.headers.get("Cache-Control", "")}))
"""


def test_static_files_carry_a_hash_of_their_content_and_are_cached_for_a_year(
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tremplin.settings",
        "DEBUG": "false",
        "SECRET_KEY": "static-files-test-not-secret-" * 2,
        "TREMPLIN_FILES_KEY": base64.b64encode(b"k" * 32).decode(),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "TREMPLIN_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SERVE],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["url"].startswith("/static/core/site.") and served["url"].endswith(".css")
    assert served["url"] != "/static/core/site.css"
    assert served["status"] == 200
    assert "immutable" in served["cache"] and "max-age=315360000" in served["cache"]
