# Two commands set up a bare machine with Python 3.11: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ADDR ?= 127.0.0.1:8000

.PHONY: install run serve test lint e2e stack ci k8s bench messages clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock ".[dev]"
	touch $(STAMP)

install: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py compiletranslations

# Embedded default: SQLite and Celery on a SQLite broker, worker + beat beside the server.
run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --no-input
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py seed_demo
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py serve $(ADDR)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# The whole suite on SQLite (browser and full-stack tests run in `make e2e` and `make stack`).
test: lint
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Browser journeys in headless Chromium (Debian's chromium at /usr/bin/chromium).
e2e: install
	$(BIN)/pytest -m e2e

# The suite plus the full-stack tests; expects DATABASE_URL and CELERY_BROKER_URL (see .ci/run).
stack: install
	$(BIN)/pytest -m "not e2e"

# Performance at scale (docs/PERFORMANCE.md): `make bench`, `make bench SCALE=10000`, SCALE=1000000.
# Uses DATABASE_URL's PostgreSQL server (its own database cultuur_bench), else a throw-away cluster.
bench: install
	$(BIN)/python tests/bench/run.py --scale $${SCALE:-100000} $(BENCH_ARGS)

# The Kubernetes manifests in deploy/: rendered and validated offline (README, "Kubernetes").
k8s: install
	bash .ci/k8s-check

ci:
	bash .ci/run

messages:
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --ignore '.venv/*' --ignore 'tests/*' --no-obsolete

clean:
	rm -rf $(VENV) var staticfiles *.egg-info build
