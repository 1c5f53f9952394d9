# Nearer: two commands. `make run` serves the app; `make test` passes the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: run setup test lint format e2e chromium clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

var/secret_key:
	mkdir -p var
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

setup: $(VENV)/.installed var/secret_key
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py create_demo_couple

run: setup
	@echo "Nearer is at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) BIN=$(BIN) scripts/serve

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

chromium:
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium

test: $(VENV)/.installed chromium lint
	$(BIN)/pytest -q

e2e: $(VENV)/.installed chromium
	$(BIN)/pytest -q tests/e2e

clean:
	rm -rf $(VENV) var
