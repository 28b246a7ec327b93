# Two entry points work on a fresh machine: `make check` and `make test`.
# Each creates .venv and installs the project (with test extras) when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The embedded seeds contain planted errors, so `make check` reports them without failing;
# `make check FAIL_ON=error` makes it fail like CI would.
FAIL_ON ?= never

.PHONY: install check test lint typecheck bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/claimcheck check --fail-on $(FAIL_ON) --format json,md,html,sarif

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/claimcheck rules test

lint: $(STAMP)
	$(BIN)/ruff check checker tests
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .claimcheck-cache
