# Two commands matter: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: demo test lint typecheck unit docs bench wheel-smoke clean

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	touch $@

$(VENV)/.runtime: pyproject.toml $(VENV)/.created
	$(PIP) install -e .
	touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.created
	$(PIP) install -e '.[test,docs,bench]'
	touch $@ $(VENV)/.runtime

# The main job: check sample passwords against the Amazon policy (exit 1 = some failed, expected here),
# then generate passwords that the stronger recommended policy accepts, with their exact entropy,
# and estimate the strength of the samples.
DEMO_PASSWORDS := 'abc12' 'kx7Qm2' 'abc123' 'P@ssw0rd' 'ＰＡＳＳＷＯＲＤ'
demo: $(VENV)/.runtime
	@echo 'Sample passwords, lines 1-5: '$(DEMO_PASSWORDS)
	@echo '$$ passkit check --policy amazon   # passwords on stdin, one per line'
	@printf '%s\n' $(DEMO_PASSWORDS) | $(BIN)/passkit check --policy amazon; test $$? -le 1
	@echo
	@echo '$$ passkit generate --policy amazon-recommended --count 3'
	@$(BIN)/passkit generate --policy amazon-recommended --count 3 2>&1
	@echo
	@echo '$$ passkit estimate   # the same sample passwords'
	@printf '%s\n' $(DEMO_PASSWORDS) | $(BIN)/passkit estimate | grep -v '^  suggestion'

test: lint typecheck unit docs wheel-smoke

lint: $(VENV)/.dev
	$(BIN)/ruff check passkit tests benchmarks docs/_ext
	$(BIN)/ruff format --check passkit tests benchmarks docs/_ext

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev
	$(BIN)/pytest

docs: $(VENV)/.dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_generate.py
	$(BIN)/python benchmarks/bench_estimate.py

# Build the wheel, install it into a fresh virtual environment outside the source tree, smoke-test it.
wheel-smoke: $(VENV)/.dev
	rm -rf $(VENV)/wheel $(VENV)/wheel-env
	$(PIP) wheel --no-deps --wheel-dir $(VENV)/wheel .
	$(PYTHON) -m venv $(VENV)/wheel-env
	$(VENV)/wheel-env/bin/python -m pip --quiet --disable-pip-version-check install $(VENV)/wheel/passkit-*.whl
	cd $(VENV)/wheel-env && ./bin/python $(CURDIR)/tests/smoke_wheel.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
