# One command each: every target sets up .venv itself on a machine with Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# Same input, same output: dates in the built site come from the last commit, not the clock.
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)

.PHONY: serve edit build cms test lint check bench screenshots clean

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(READY)

# The web form at http://127.0.0.1:8000/quan-tri/ edits this working tree (decap-server, git mode: each
# change is saved on a branch cms/… for review, then published to main).
edit: $(READY) cms
	PORT=8081 MODE=git cms/node_modules/.bin/decap-server & trap 'kill $$!' EXIT; \
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 --livereload

# Every target that builds the site installs the web form first: the same commit gives the same site,
# /quan-tri/ included, whatever ran before.
serve: $(READY) cms
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 --livereload

# One build at a time, into a fresh folder swapped in whole (src/cchc/publish/site_swap.py).
build: $(READY) cms
	$(BIN)/cchc build

cms:
	sh cms/setup

# CHECK_ARGS="--format github" (or gitlab) puts each message beside its line in a pull or merge request.
check: $(READY)
	$(BIN)/cchc check $(CHECK_ARGS)

# The browser tests also need Debian's chromium, axe-core and Lighthouse from npm; the set-up installs them.
test: $(READY) lint cms
	sh tests/browser/setup
	$(BIN)/python -m pytest

# ruff, lint-imports and mypy: lint and format check, the stages' layering (import-linter, contracts in
# pyproject.toml) and the types (strict on the whole package); test runs it first.
lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# The editors' guide shows screenshots the tests take; this retakes them and puts them beside the guide.
screenshots: $(READY) cms
	sh tests/browser/setup
	$(BIN)/python -m pytest -q tests/browser/test_editors_guide.py tests/browser/test_cms.py -k "not shows_each_way"
	cp test-results/screenshots/huong-dan-bien-tap/*.png docs/huong-dan-bien-tap/

bench: $(READY)
	$(BIN)/python -m tests.bench

clean:
	rm -rf site .site-new .site-old .cchc-build.lock $(VENV)
