# Nearer: two commands. `make run` serves the app; `make test` passes the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?=

.PHONY: run setup test lint format e2e chromium clean bench bench-chat

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

# The journal's encryption key: back it up with the database, but keep the two apart.
var/journal_key: | $(VENV)/.installed
	mkdir -p var
	umask 077 && $(PY) -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())" > $@.tmp
	mv $@.tmp $@

setup: $(VENV)/.installed var/secret_key var/journal_key
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

# Bytecode is cached even where the environment turns it off (PYTHONDONTWRITEBYTECODE): pytest
# rewrites every test module's asserts, and each process the tests start compiles Nearer,
# which without the cache took each worker 5-6 s before its first test.
test: $(VENV)/.installed chromium lint
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -q -n auto

e2e: $(VENV)/.installed chromium
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -q tests/e2e

# Seeds its own database in var/bench (never var/nearer.sqlite3), serves it, measures with wrk.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) -m bench.run $(BENCH_ARGS)
	$(PY) -m bench.coach_latency
	$(PY) -m bench.safety
	$(PY) -m bench.community

# Neighbor Chat: 200 conversations, 400 WebSocket clients for 60 s (BENCH_CHAT_SECONDS) against
# the production server on a database of its own in var/bench-chat; fails if a message is lost.
bench-chat: $(VENV)/.installed
	$(PY) -m bench.chat $(BENCH_CHAT_ARGS)

clean:
	rm -rf $(VENV) var
