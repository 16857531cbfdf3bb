# The two commands: `make` (build everything) and `make test` (check everything).
# Each sets itself up from a bare Python 3.11 with pip.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: all notebooks site test unit check nbval browser lab lock bench chromium clean

all: notebooks

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,scale]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (twokoreas)" > /dev/null
	touch $(STAMP)

## Execute every notebook in order (in place), save figures/, render site/.
notebooks: $(STAMP)
	$(BIN)/python -m twokoreas run

## Render the executed notebooks to site/ without executing them again.
site: $(STAMP)
	$(BIN)/python -m twokoreas site

## Unit tests, data checks, nbval strict over every notebook, browser tests.
test: $(STAMP) chromium
	$(BIN)/python -m twokoreas check
	$(BIN)/python -m pytest -q tests
	$(MAKE) --no-print-directory nbval

nbval: $(STAMP)
	TWOKOREAS_FIGURES=$$(mktemp -d) $(BIN)/python -m pytest -q --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg

## JupyterLab on the project's environment.
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

## Regenerate requirements.lock from pyproject.toml (newest versions allowed by its ranges).
lock:
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --upgrade "pip>=24"
	build/lock-venv/bin/python -m pip install --quiet -e ".[test,scale,bench]"
	build/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^twokoreas' > requirements.lock
	rm -rf build/lock-venv

## Benchmarks print their figures; they are not tests.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,scale,bench]"
	$(BIN)/python benchmarks/extractor.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/corpus.py

chromium:
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null) \
	  || { echo "could not install chromium: run 'apt-get install chromium' as root" >&2; exit 1; }; }

clean:
	rm -rf $(VENV) site build test-artifacts
