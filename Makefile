# rtnreport — the two commands a new machine needs:
#   make run    set up .venv and build the default report (Delårsrapport 2024)
#   make test   set up .venv with the dev tools and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check build all bench profile fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/rtnreport check
	$(BIN)/rtnreport build 2024-delar

test: $(STAMP)
	$(BIN)/python -m pytest

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
	rm -rf build .pytest_cache .hypothesis
