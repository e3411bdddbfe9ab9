"""Tremplin settings, all read from the environment (see ``.env.example``)."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from tremplin.core import crypto
from tremplin.env import env_bool, env_int, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TREMPLIN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is not set (DEBUG=true allows a development key)")
    SECRET_KEY = "development-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "tremplin.core.admin_apps.TremplinAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "tremplin.core",
    "tremplin.vacancies",
    "tremplin.accounts",
    "tremplin.applications",
    "tremplin.messaging",
    "tremplin.notices",
    "tremplin.review",
    "tremplin.search",
    "tremplin.reports",
    "tremplin.interviews",
    "tremplin.notifications",
    "tremplin.privacy",
    "tremplin.webhooks",
    "tremplin.api",
    # django-ninja's templates and static files: the API's docs page loads Swagger UI from
    # our own static files, not from a CDN, so it works offline and under SECURE_CSP.
    "ninja",
    # After tremplin.applications, whose db_worker command extends this app's.
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content Security Policy (SECURE_CSP below).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware, so that its 400 page is in the visitor's language.
    "tremplin.core.middleware.NulCharacterRefusalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After AuthenticationMiddleware, so that it knows who is signed in.
    "tremplin.core.middleware.PrivatePagesNoStoreMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tremplin.urls"
WSGI_APPLICATION = "tremplin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tremplin" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                # csp_nonce, for a page that must have an inline script (see SECURE_CSP).
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", "")
if not DATABASE_URL:
    # The embedded default: one SQLite file under var/, nothing else to run.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'tremplin.sqlite3'}"
# Each worker keeps its connection between requests (checked before reuse): opening one costs
# a request more than its queries do (on SQLite, closing the last one checkpoints the log).
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes; secure_delete overwrites
    # deleted rows with zeros, so an erased candidate does not linger in the file's free pages.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Staff sessions end after this many seconds, and when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3600)
# Two-factor authentication (TOTP, django-otp): required for every member who reads
# candidates' data; owners may relax it for reviewers (tremplin/accounts/twofactor.py).
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Tremplin")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Paris")
USE_I18N = True
# Dates with the month in words in every language (tremplin/core/formats).
FORMAT_MODULE_PATH = ["tremplin.core.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Names with a hash of the content ("site.3f2a….css"), which WhiteNoise serves as
        # immutable for a year: a new release changes the names, not the cached copies.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "files"

# Candidates' files (CVs, letters): a storage of their own, outside MEDIA_ROOT and never
# under any URL; they are only served by the staff download view, which checks membership.
PRIVATE_FILES_ROOT = Path(env_str("TREMPLIN_PRIVATE_FILES_DIR", str(VAR_DIR / "private")))
# They are encrypted at rest (tremplin/core/crypto.py) under TREMPLIN_FILES_KEY: losing it
# loses the files. TREMPLIN_FILES_OLD_KEYS still opens files until `rotate_files_key` ran.
TREMPLIN_FILES_KEY = env_str("TREMPLIN_FILES_KEY", "")
if not TREMPLIN_FILES_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "TREMPLIN_FILES_KEY is not set: it encrypts candidates' files "
            "(generate one with: head -c 32 /dev/urandom | base64, and back it up)"
        )
    TREMPLIN_FILES_KEY = crypto.development_key(VAR_DIR / "files.key")
TREMPLIN_FILES_OLD_KEYS = env_list("TREMPLIN_FILES_OLD_KEYS", [])
crypto.Keyring.from_text(TREMPLIN_FILES_KEY, TREMPLIN_FILES_OLD_KEYS)  # fails on a bad key
STORAGES["private"] = {
    "BACKEND": "tremplin.core.storage.EncryptedFileSystemStorage",
    "OPTIONS": {
        "key": TREMPLIN_FILES_KEY,
        "old_keys": TREMPLIN_FILES_OLD_KEYS,
        "location": PRIVATE_FILES_ROOT,
        "base_url": None,
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
# With more than one web or worker machine, the files go to S3-compatible object storage
# instead, encrypted the same way: TREMPLIN_FILES_S3_BUCKET names the bucket,
# TREMPLIN_FILES_S3_ENDPOINT the provider when it is not AWS (MinIO, Scaleway, OVH…), and
# boto3 finds the credentials as usual (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
# machine's role).
TREMPLIN_FILES_S3_BUCKET = env_str("TREMPLIN_FILES_S3_BUCKET", "")
if TREMPLIN_FILES_S3_BUCKET:
    STORAGES["private"] = {
        "BACKEND": "tremplin.core.objectstorage.EncryptedS3Storage",
        "OPTIONS": {
            "key": TREMPLIN_FILES_KEY,
            "old_keys": TREMPLIN_FILES_OLD_KEYS,
            "bucket_name": TREMPLIN_FILES_S3_BUCKET,
            "endpoint_url": env_str("TREMPLIN_FILES_S3_ENDPOINT", "") or None,
            "region_name": env_str("TREMPLIN_FILES_S3_REGION", "") or None,
            "location": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
# Each uploaded file may be this big; a bigger one is refused while it is still streaming.
TREMPLIN_MAX_UPLOAD_BYTES = env_int("TREMPLIN_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "tremplin.applications.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# A document still waiting for text extraction this long after it was queued is queued
# again by `manage.py extraction_sweep` (its worker probably died).
TREMPLIN_EXTRACTION_TIMEOUT = env_int("TREMPLIN_EXTRACTION_TIMEOUT", 600)
# Text extraction runs in a child process, stopped after this many seconds, with this many
# megabytes of memory for the worker and the child together. A file beyond either limit is
# kept, marked "text not extracted".
TREMPLIN_EXTRACTION_TIME_LIMIT = env_int("TREMPLIN_EXTRACTION_TIME_LIMIT", 60)
TREMPLIN_EXTRACTION_MEMORY_LIMIT = env_int("TREMPLIN_EXTRACTION_MEMORY_LIMIT", 512)
if TREMPLIN_EXTRACTION_TIME_LIMIT < 1 or TREMPLIN_EXTRACTION_MEMORY_LIMIT < 256:
    raise ImproperlyConfigured(
        "TREMPLIN_EXTRACTION_TIME_LIMIT must be 1 (second) or more and "
        "TREMPLIN_EXTRACTION_MEMORY_LIMIT 256 (MB) or more"
    )

# The erasure ledger (tremplin/privacy/erasure.py): whom to erase again after a backup is
# restored (`tremplin reapply-erasures`). Each erasure is kept as an HMAC-SHA256 of the
# e-mail address under LEDGER_KEY (empty: derived from SECRET_KEY, so changing SECRET_KEY
# orphans the ledger; set one, and back it up apart from the backups), and appended to
# LEDGER_FILE, to keep beside the database backups (a restored database holds an old ledger).
TREMPLIN_ERASURE_LEDGER_KEY = env_str("TREMPLIN_ERASURE_LEDGER_KEY", "")
TREMPLIN_ERASURE_LEDGER_FILE = Path(
    env_str("TREMPLIN_ERASURE_LEDGER_FILE", str(VAR_DIR / "erasure-ledger.jsonl"))
)

# Cache, and the store of the rate limits' counters (tremplin/core/ratelimit.py). Empty
# CACHE_URL: both in the main database, so one machine needs no other server; the counters
# stay atomic there (one upsert statement each). "redis://host:6379/0" puts both in Redis,
# shared by every machine; "locmem://" keeps the cache in each process (one process only).
CACHE_URL = env_str("CACHE_URL", "")
if not CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "tremplin_cache",
        }
    }
elif CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL == "locmem://":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured(f"CACHE_URL={CACHE_URL!r}: use redis://…, locmem:// or nothing")
# Rate limits, each "count/period" (period s, m, h or d, optionally with a number: 15m).
# TREMPLIN_RATE_LIMIT=false switches every one off (benchmarks only).
RATELIMIT_ENABLE = env_bool("TREMPLIN_RATE_LIMIT", True)
# Behind the proxy every request comes from it: per-client limits count by the address it
# forwards (the last X-Forwarded-For entry).
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
# The application form: per client address on every submission, per e-mail address on
# accepted ones.
TREMPLIN_APPLY_RATE_PER_IP = env_rate("TREMPLIN_APPLY_RATE_PER_IP", "30/h")
TREMPLIN_APPLY_RATE_PER_EMAIL = env_rate("TREMPLIN_APPLY_RATE_PER_EMAIL", "5/h")
# Staff login: failed passwords per account (whatever the client) and per client address.
# Past either limit every password, even the right one, is refused until the period that
# began with the first failure ends.
TREMPLIN_LOGIN_RATE_PER_ACCOUNT = env_rate("TREMPLIN_LOGIN_RATE_PER_ACCOUNT", "5/15m")
TREMPLIN_LOGIN_RATE_PER_IP = env_rate("TREMPLIN_LOGIN_RATE_PER_IP", "20/15m")
# Two-factor codes: wrong codes per account and per client address, the same way.
TREMPLIN_TOTP_RATE_PER_ACCOUNT = env_rate("TREMPLIN_TOTP_RATE_PER_ACCOUNT", "5/15m")
TREMPLIN_TOTP_RATE_PER_IP = env_rate("TREMPLIN_TOTP_RATE_PER_IP", "20/15m")
# Password-reset requests: per e-mail address (past it, no more mail, the same page) and per
# client address (past it, the page says when to try again).
TREMPLIN_PASSWORD_RESET_RATE_PER_EMAIL = env_rate("TREMPLIN_PASSWORD_RESET_RATE_PER_EMAIL", "5/h")
TREMPLIN_PASSWORD_RESET_RATE_PER_IP = env_rate("TREMPLIN_PASSWORD_RESET_RATE_PER_IP", "20/h")
# Every login (staff pages, admin) goes through the limits above.
AUTHENTICATION_BACKENDS = ["tremplin.accounts.guessing.RateLimitedModelBackend"]

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tremplin <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# A bulk rejection's mails wait this long in the outbox, while "Undo" can still take them back.
TREMPLIN_BULK_UNDO_SECONDS = env_int("TREMPLIN_BULK_UNDO_SECONDS", 30)

# The outbox: a failed send is retried after BASE, 2×BASE, 4×BASE… seconds (at most MAX),
# and marked failed after MAX_ATTEMPTS attempts.
TREMPLIN_OUTBOX_MAX_ATTEMPTS = env_int("TREMPLIN_OUTBOX_MAX_ATTEMPTS", 10)
TREMPLIN_OUTBOX_RETRY_BASE_SECONDS = env_int("TREMPLIN_OUTBOX_RETRY_BASE_SECONDS", 60)
TREMPLIN_OUTBOX_RETRY_MAX_SECONDS = env_int("TREMPLIN_OUTBOX_RETRY_MAX_SECONDS", 3600)

# Incoming applications by e-mail, polled by `tremplin fetch-mail` (empty host: not polled).
TREMPLIN_IMAP_HOST = env_str("TREMPLIN_IMAP_HOST", "")
TREMPLIN_IMAP_SECURITY = env_str("TREMPLIN_IMAP_SECURITY", "tls").lower()
if TREMPLIN_IMAP_SECURITY not in ("tls", "starttls"):
    raise ImproperlyConfigured("TREMPLIN_IMAP_SECURITY must be tls or starttls")
TREMPLIN_IMAP_PORT = env_int("TREMPLIN_IMAP_PORT", 993 if TREMPLIN_IMAP_SECURITY == "tls" else 143)
TREMPLIN_IMAP_USER = env_str("TREMPLIN_IMAP_USER", "")
TREMPLIN_IMAP_PASSWORD = env_str("TREMPLIN_IMAP_PASSWORD", "")
TREMPLIN_IMAP_FOLDER = env_str("TREMPLIN_IMAP_FOLDER", "INBOX")
TREMPLIN_IMAP_PROCESSED_FOLDER = env_str("TREMPLIN_IMAP_PROCESSED_FOLDER", "Processed")
TREMPLIN_IMAP_CA_FILE = env_str("TREMPLIN_IMAP_CA_FILE", "")
# A message that fails this many times (for a reason of its own, not because the database
# or the storage is down) is moved to the quarantine folder and listed with the unsorted mail.
TREMPLIN_IMAP_QUARANTINE_FOLDER = env_str("TREMPLIN_IMAP_QUARANTINE_FOLDER", "Quarantine")
TREMPLIN_IMAP_MAX_ATTEMPTS = env_int("TREMPLIN_IMAP_MAX_ATTEMPTS", 3)
if TREMPLIN_IMAP_MAX_ATTEMPTS < 1:
    raise ImproperlyConfigured("TREMPLIN_IMAP_MAX_ATTEMPTS must be 1 or more")

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Whether HSTS covers subdomains or asks for preloading depends on who else serves the
# domain: the deployer decides through the two settings above, so the checks stay quiet.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The Content Security Policy. Every script and style is a static file of our own: no
# inline script, no style attribute, no eval. The nonce is only sent when a page asked for
# one (Django's own CSRF-failure and debug pages do); none of ours need it. Images: our own
# files only (the TOTP QR code is inline SVG, Markdown keeps no images), so no data: URIs.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# The API (tremplin/api): requests per token and window.
TREMPLIN_API_RATE = env_rate("TREMPLIN_API_RATE", "600/1m")
# Webhooks (tremplin/webhooks): private and loopback addresses are refused unless allowed
# (on by default with DEBUG, so that a local demo can deliver to http://127.0.0.1:PORT).
TREMPLIN_WEBHOOK_ALLOW_PRIVATE = env_bool("TREMPLIN_WEBHOOK_ALLOW_PRIVATE", DEBUG)
# A failed delivery is tried again after BASE seconds, doubling up to MAX, for HOURS; an
# endpoint failing for DAYS is disabled and its owners are told.
TREMPLIN_WEBHOOK_RETRY_BASE_SECONDS = env_int("TREMPLIN_WEBHOOK_RETRY_BASE_SECONDS", 60)
TREMPLIN_WEBHOOK_RETRY_MAX_SECONDS = env_int("TREMPLIN_WEBHOOK_RETRY_MAX_SECONDS", 7200)
TREMPLIN_WEBHOOK_RETRY_HOURS = env_int("TREMPLIN_WEBHOOK_RETRY_HOURS", 24)
TREMPLIN_WEBHOOK_DISABLE_AFTER_DAYS = env_int("TREMPLIN_WEBHOOK_DISABLE_AFTER_DAYS", 3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
