# intake: `make demo` to try the portal, `make test` to run every check. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export FLASK_APP := intake

.PHONY: demo serve test test-sqlite test-postgresql screenshots lint format translations compile-translations install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "intake needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

compile-translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d translations

## Start the portal on SQLite with demo reports: http://127.0.0.1:5000
## `make demo PORT=5050` when 5000 is taken (macOS AirPlay uses it).
PORT ?= 5000
demo: compile-translations
	$(BIN)/flask db upgrade
	PORT=$(PORT) $(BIN)/flask demo load
	@echo "Serving on http://127.0.0.1:$(PORT) (Ctrl-C stops it)"
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

## A production-like local run: gunicorn, several workers, on http://127.0.0.1:8000
serve: compile-translations
	$(BIN)/flask db upgrade
	INTAKE_ENV=$${INTAKE_ENV:-development} $(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

## Run linters, type checks and the whole test suite: on SQLite with the browser tests, then
## everything but the browser tests again on PostgreSQL.
## Each pass runs in TEST_WORKERS processes (pytest-xdist); each worker starts on its own run of
## tests and takes half of another's when it runs out (worksteal), so a long file (the
## accessibility walk, the hostile-input walkers) does not leave the other worker idle.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

test: lint compile-translations
	$(PYTEST) -m "not screenshots"
	INTAKE_TEST_DATABASE=postgresql $(PYTEST) -m "not browser and not screenshots"

## The suite on one database only: make test-sqlite / make test-postgresql
test-sqlite: compile-translations
	$(PYTEST) -m "not screenshots"

test-postgresql: compile-translations
	INTAKE_TEST_DATABASE=postgresql $(PYTEST) -m "not browser and not screenshots"

## Screenshots of the main pages at phone and desktop sizes in every language, and one contact
## sheet per language (screenshots/contact-<lang>.png), for reviewers and translators. Chromium
## draws Chinese, Korean, Hindi, Arabic and Cyrillic with the system's fonts: on Debian or
## Ubuntu, `sudo apt-get install fonts-noto-core fonts-noto-cjk` (Urdu's Nastaliq is served by
## the portal itself).
screenshots: compile-translations
	@fc-list 2>/dev/null | grep -q "Noto Sans CJK" || echo "Warning: Noto fonts missing (fonts-noto-core, fonts-noto-cjk): some scripts will show as boxes."
	SCREENSHOT_DIR=$(CURDIR)/screenshots $(BIN)/pytest -m screenshots -p no:randomly -q
	@echo "Screenshots and contact sheets are in screenshots/"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Extract strings into messages.pot, merge them into every catalog, and compile.
translations: $(STAMP)
	$(BIN)/pybabel extract --mapping-file babel.cfg --keyword _l --keyword lazy_gettext \
		--keyword lazy_pgettext:1c,2 \
		--add-comments "Translators:" --no-location --sort-output --omit-header \
		--output-file translations/messages.pot .
	$(BIN)/pybabel update --input-file translations/messages.pot --output-dir translations \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile --statistics -d translations

clean:
	rm -rf $(VENV) instance .pytest_cache .mypy_cache .ruff_cache
