# Two commands set everything up on a fresh machine:
#   make serve   build the site and serve it on http://127.0.0.1:8000
#   make test    install everything and run every test
# Each target bootstraps what it needs by itself.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PORT ?= 8000
# The partnership whose site is built and tested: its folder holds every local fact
# (partnership.yml), its procedure and its own pages. The core, the build and the CLI read it
# from CSPR_PARTNERSHIP.
PARTNERSHIP ?= partnerships/north-east-lincolnshire
export CSPR_PARTNERSHIP := $(abspath $(PARTNERSHIP))

.PHONY: bank-holidays browser-wheel-hashes fonts message-types help install node browser build serve test lint typecheck unit test-pyodide test-browser test-partnerships bench clean

help:
	@echo "make serve  - build the site and serve it on http://127.0.0.1:$(PORT)"
	@echo "make test   - install everything and run every test"
	@echo "make build  - build the static site into site/"
	@echo "make dist   - the deployable site as one archive (dist/cspr-site.tar.gz)"
	@echo "make bench  - measure start-up and interaction times in headless Chromium"

# --- set-up -------------------------------------------------------------------------------

$(VENV)/.installed: pyproject.toml requirements/runtime.txt requirements/dev.txt requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or later is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt -c requirements/constraints.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

node: node_modules/.installed

browser:
	@scripts/ensure-chromium.sh
	@scripts/ensure-nginx.sh

# --- site ---------------------------------------------------------------------------------

build: install node
	$(PY) -m assembly.build

serve: build
	$(PY) -m assembly.serve --port $(PORT)

# The deployable site as one archive: the site (with the static hosts' header files) and
# nginx's configuration. See the site's "Publishing the site" page.
dist: build
	mkdir -p dist
	tar -czf dist/cspr-site.tar.gz site -C build deploy
	@echo "dist/cspr-site.tar.gz: site/ and deploy/nginx-site.conf"

# --- tests --------------------------------------------------------------------------------

lint: install node
	$(BIN)/ruff check src tests pages assembly benchmarks scripts
	$(BIN)/ruff format --check src tests pages assembly benchmarks scripts
	node_modules/.bin/eslint web/js assembly
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json

typecheck: install
	$(BIN)/mypy --strict src/csprcore

unit: install
	$(BIN)/pytest tests/unit -q

test-pyodide: build
	$(BIN)/pytest tests/pyodide -q

test-browser: build browser
	$(BIN)/pytest tests/browser -q

# A second partnership (the fictional example) built beside the first and checked: its
# profile reaches the core in Pyodide and every output of its site.
EXAMPLE := partnerships/example
EXAMPLE_ENV := CSPR_PARTNERSHIP=$(abspath $(EXAMPLE)) CSPRCORE_SITE=$(abspath build/sites/example)

test-partnerships: install node browser
	$(EXAMPLE_ENV) $(PY) -m assembly.build
	$(EXAMPLE_ENV) $(BIN)/pytest -q tests/unit/publishing/test_site_source.py tests/unit/partnership/test_partnership.py \
	  tests/pyodide tests/browser/test_partnerships.py

test: lint typecheck unit test-pyodide test-browser test-partnerships

bank-holidays: install
	$(PY) -m scripts.bank_holidays

# The page scripts' types for the core's messages (web/js/messages.d.ts), after changing
# csprcore.api.messages or the api's functions; a unit test fails when they are out of date.
message-types: install
	$(PY) -m scripts.message_types

browser-wheel-hashes: install
	$(PY) -m scripts.browser_wheel_hashes

fonts: install
	$(PY) -m scripts.subset_fonts

bench: build browser
	$(PY) -m benchmarks.startup

clean:
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache
