# Every target works on a fresh clone: `.venv` builds the environment from pyproject.toml,
# with nothing fetched from anywhere but the package registries.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format eval bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

.venv: $(STAMP)

demo: $(STAMP)
	@bash samples/demo.sh

# Lint and type checks are part of the suite: CI fails on them as on a failing test.
test: lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

eval: $(STAMP)
	$(BIN)/python eval/ner.py
	$(BIN)/python eval/boilerplate.py
	$(BIN)/python eval/timex.py
	$(BIN)/python eval/quotes.py
	$(BIN)/python eval/geo.py
	$(BIN)/python eval/events.py
	$(BIN)/python eval/stories.py

bench: $(STAMP)
	$(BIN)/python bench/extract_cold.py
	$(BIN)/python bench/gazetteer.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/timeline.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
