"""Settings for the test suite: the real settings, with test-only defaults."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# A fixed files key, so worker processes the tests start read what the tests wrote.
os.environ.setdefault("TREMPLIN_FILES_KEY", "dGVzdC1vbmx5LWZpbGVzLWtleS1ub3Qtc2VjcmV0ISE=")
# Text extraction's memory limit counts the worker's own memory, and the worker of the tests
# is pytest itself, far bigger than a real one; tests of the limit set it themselves.
os.environ.setdefault("TREMPLIN_EXTRACTION_MEMORY_LIMIT", "2048")
# pytest-django's live_server runs beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tremplin.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# A connection per request, as Django's test tools expect: the live server's threads then
# leave none open to the test database when it is dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than memory: the live server's threads then open connections of their
    # own, where with an in-memory database they share the test's one, which two requests
    # at once (a page's images) would use together ("bad parameter or other API misuse").
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"tremplin-test-{os.getpid()}.sqlite3")
    }
