# Two commands on a fresh machine: `make run` serves the demo, `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export UV_PYTHON_DOWNLOADS := never

UV := .tools/bin/uv
PY := .venv/bin/python
MANAGE := $(PY) manage.py
MAKEMESSAGES_IGNORE := --ignore=.venv/* --ignore=.tools/* --ignore=var/* --ignore=node_modules/* --ignore=bench/* --ignore=scripts/*
PYTEST_ARGS ?=

.PHONY: run test venv system compilemessages messages lint typecheck migrations-check \
        deploy-check translations-check pytest-sqlite pytest-postgres demo worker bench clean

# uv itself, pinned, in a private folder: a fresh machine has only Python and pip.
$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	touch $@

venv: .venv/.synced

# axe-core for the accessibility tests, from the npm registry (locked in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system:
	scripts/ensure-system-packages

compilemessages: venv
	DEBUG=true $(MANAGE) compilemessages --ignore=.venv --ignore=.tools -v0

# For developers: refresh the French catalogue after changing UI strings.
messages: venv
	DEBUG=true $(MANAGE) makemessages -l fr --no-obsolete --add-location=file $(MAKEMESSAGES_IGNORE)

# The demo prints outgoing mail (acknowledgements) in this terminal instead of sending it.
run: export DEBUG := true
run: export EMAIL_BACKEND ?= django.core.mail.backends.console.EmailBackend
run: venv compilemessages
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_demo
	scripts/serve

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: venv
	$(PY) -m mypy tremplin

migrations-check: venv
	DEBUG=true $(MANAGE) makemigrations --check --dry-run

# The production settings a deployment would use must pass Django's deployment checks.
deploy-check: venv
	SECRET_KEY=$$(head -c 48 /dev/urandom | base64) TREMPLIN_FILES_KEY=$$(head -c 32 /dev/urandom | base64) \
	  DEBUG=false ALLOWED_HOSTS=jobs.example.org \
	  SECURE_SSL_REDIRECT=true SECURE_HSTS_SECONDS=31536000 BEHIND_TLS_PROXY=true \
	  $(MANAGE) check --deploy --fail-level WARNING

translations-check: venv system
	DEBUG=true $(PY) scripts/check_translations.py

pytest-sqlite: venv system compilemessages node_modules/.installed
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS)

pytest-postgres: venv system compilemessages node_modules/.installed
	scripts/with-postgres $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck migrations-check deploy-check translations-check pytest-sqlite pytest-postgres
	@echo "make test: every check passed"

bench: venv system compilemessages
	$(PY) bench/cli.py
	$(PY) bench/intake.py
	$(PY) bench/pages.py
	$(PY) bench/privacy.py
	$(PY) bench/redaction.py
	$(PY) bench/uploads.py
	scripts/with-postgres $(PY) bench/scale.py --applications 1000
	$(PY) bench/scale.py --database sqlite --applications 1000
	$(PY) bench/indexing.py

clean:
	rm -rf .venv .tools var node_modules
