# Two entry points work on a fresh machine: `make check` and `make test`.
# Each creates .venv and installs the project (with test extras) when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The embedded seeds contain planted errors, so `make check` reports them without failing;
# `make check FAIL_ON=error` makes it fail like CI would.
FAIL_ON ?= never

.PHONY: install native check test lint typecheck bench clean

# Extraction's readers compiled by mypyc into build/native/ (checker/native.py); built again
# when a source changed, else a look at its manifest. Without a compiler the package runs
# as pure Python; NATIVE_FLAGS=--require (CI) makes that a failure.
NATIVE_FLAGS ?=

install: $(STAMP) native

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,native]'
	touch $(STAMP)

native: $(STAMP)
	$(BIN)/python -m checker.native_build $(NATIVE_FLAGS)

check: $(STAMP) native
	$(BIN)/claimcheck check --fail-on $(FAIL_ON) --format json,md,html,sarif

# The suite runs what `native` built; the extractor's own tests run again as pure Python,
# what a machine without a C compiler runs (checker/native.py).
test: $(STAMP) native
	$(BIN)/python -m pytest -q
	CLAIMCHECK_PURE=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/extract
	$(BIN)/claimcheck rules test

lint: $(STAMP)
	$(BIN)/ruff check checker tests
	$(BIN)/mypy

bench: $(STAMP) native
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .claimcheck-cache build/native
