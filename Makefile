# rtnreport — the two commands a new machine needs:
#   make run    set up .venv and build the default report (Delårsrapport 2024)
#   make test   set up .venv with the dev tools; ruff, mypy, then the test suite with coverage
# Alone: make lint, make typecheck, make cov (tests with coverage), make lock (constraints.txt).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The suite covers 93,9 % of src/ (measured by make cov when this was written); the floor
# is a little below, so a change that leaves code untested fails make test.
COV_MIN ?= 92

.PHONY: run test lint typecheck cov lock check build all bench profile fuzz clean

# Every install takes the exact versions of constraints.txt (make lock renews it).
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/rtnreport check
	$(BIN)/rtnreport build 2024-delar

test: lint typecheck cov

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

cov: $(STAMP)
	$(BIN)/python -m pytest --cov --cov-report=term --cov-fail-under=$(COV_MIN)

# Renew constraints.txt: the newest releases pyproject.toml allows, installed into a
# fresh venv and frozen. Run it on purpose, check with make test, and commit the file.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet '.[dev]'
	{ echo "# Exact versions that make run, make test and CI install (pip install -c)."; \
	  echo "# Made by 'make lock' with $$(.lock-venv/bin/python --version) on $$(uname -sm); do not edit."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v '^rtnreport'; } > constraints.txt
	rm -rf .lock-venv build/lib

check: $(STAMP)
	$(BIN)/rtnreport check --strict

all: $(STAMP)
	$(BIN)/rtnreport check
	$(BIN)/rtnreport build --all

bench: $(STAMP)
	$(BIN)/python bench/run.py

profile: $(STAMP)
	$(BIN)/python bench/profile_pdf.py

# A long, randomised run of the loader's property tests (about 10 minutes at the
# default on the project's 2-core machine); FUZZ_EXAMPLES=N per property to change it.
FUZZ_EXAMPLES ?= 150000
fuzz: $(STAMP)
	RTNREPORT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_yamlload_fuzz.py tests/test_check_fuzz.py \
		-p no:cacheprovider --hypothesis-show-statistics -q

clean:
	rm -rf build .pytest_cache .hypothesis .coverage
