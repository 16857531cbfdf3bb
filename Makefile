# The two commands: `make` (build everything) and `make test` (check everything).
# Each sets itself up from a bare Python (3.11, 3.12 or 3.13) with pip: `make PYTHON=python3.13` picks another one.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# A .venv made by another Python, moved from another folder or left half-installed is rebuilt, never patched.
# VENV_STALE is why (one line), or empty when .venv is fine or absent.
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
VENV_CHECK := import sys, importlib.util as u; want, src = sys.argv[1:]; have = "%d.%d" % sys.version_info[:2]; \
  spec = u.find_spec("twokoreas"); \
  print(f"made by Python {have}, not {want}" if have != want else "twokoreas is not installed in it" if spec is None \
        else "its twokoreas is installed from another folder" if not spec.origin.startswith(src) else "")
VENV_STALE := $(if $(wildcard $(VENV)),$(or $(shell $(BIN)/python -c '$(VENV_CHECK)' '$(PYTHON_VERSION)' '$(CURDIR)/src/' 2>/dev/null || echo "its python does not run"),$(if $(wildcard $(STAMP)),,its install did not finish)))

.PHONY: all notebooks rebuild site test quick unit check nbval browser lab nbdime lock bench chromium clean FORCE

all: notebooks

$(STAMP): pyproject.toml requirements.lock $(if $(VENV_STALE),FORCE)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	  || { echo "make needs Python 3.11 or newer: PYTHON=$(PYTHON) is $(or $(PYTHON_VERSION),missing); try make PYTHON=python3.11" >&2; exit 1; }
	$(if $(VENV_STALE),@echo "$(VENV): $(VENV_STALE); rebuilding it with Python $(PYTHON_VERSION)" && rm -rf $(VENV))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the pinned packages into $(VENV) (a minute or more the first time)"
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,scale,site]"
	$(BIN)/python -m twokoreas.kernel
	touch $(STAMP)

FORCE:

## Execute the notebooks in order in one kernel, skipping those whose inputs have not changed since
## the last build; save notebooks/, figures/ and site/ together only if every notebook succeeds.
notebooks: $(STAMP)
	$(BIN)/python -m twokoreas run

## The same, executing every notebook.
rebuild: $(STAMP)
	$(BIN)/python -m twokoreas run --rebuild

## Render the executed notebooks to site/ without executing them again.
site: $(STAMP)
	@bash -c 'TIMEFORMAT="make site: %1R s in all"; time $(BIN)/python -m twokoreas site'

# The tests' rings (tests/conftest.py): unit and data run in this process; e2e starts processes, kernels, a browser.
# Both cores (pytest-xdist); tests marked serial share one worker. The docstring examples under src/ run as doctests.
PYTEST := $(BIN)/python -m pytest -q -n 2 --dist loadgroup tests --doctest-modules src/twokoreas

## Everything: data checks, the three rings of tests (slowest 10 named), nbval strict over every notebook.
test: $(STAMP) chromium
	$(BIN)/python -m twokoreas check
	$(PYTEST) --durations=10
	$(MAKE) --no-print-directory nbval

## The one-minute loop: unit and data tests and the docstring examples, in this process.
quick: $(STAMP)
	$(PYTEST) -m "unit or data"

## Data checks alone: every curated table against its schema.
check: $(STAMP)
	$(BIN)/python -m twokoreas check

## Every test but the browser's (make quick, plus the fault campaign, the command line, kernels and the build).
unit: $(STAMP)
	$(PYTEST) --ignore=tests/browser

## Browser tests alone (the site and JupyterLab, in Chromium).
browser: $(STAMP) chromium
	$(BIN)/python -m pytest -q tests/browser

nbval: $(STAMP)
	TWOKOREAS_FIGURES=$$(mktemp -d) $(BIN)/python -m pytest -q --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg

## JupyterLab on the project's environment.
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

## Readable notebook diffs and merges in git (nbdime), for this clone: .gitattributes names the driver.
nbdime: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,scale,dev]"
	git config diff.jupyternotebook.command "$(CURDIR)/$(BIN)/git-nbdiffdriver diff"
	git config merge.jupyternotebook.driver "$(CURDIR)/$(BIN)/git-nbmergedriver merge %O %A %B %L %P"
	git config merge.jupyternotebook.name "jupyter notebook merge driver"
	@echo "git diff and git merge now use nbdime for notebooks in this clone"

## Regenerate requirements.lock from pyproject.toml (newest versions allowed by its ranges).
lock:
	rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --upgrade "pip>=24"
	build/lock-venv/bin/python -m pip install --quiet -e ".[test,scale,site,bench,dev]"
	build/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^twokoreas' > requirements.lock
	rm -rf build/lock-venv

## Benchmarks print their figures; they are not tests.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,scale,site,bench]"
	$(BIN)/python benchmarks/extractor.py
	$(BIN)/python benchmarks/devset.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/corpus.py

## A browser for the tests: $TWOKOREAS_CHROMIUM, else the platform's usual place (tests/browser/chromium.py);
## on Debian or Ubuntu with none, installs the chromium package.
chromium: $(STAMP)
	@$(BIN)/python tests/browser/chromium.py > /dev/null 2>&1 || ! command -v apt-get > /dev/null || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null) \
	  || { echo "could not install chromium: run 'apt-get install chromium' as root" >&2; exit 1; }; }

clean:
	rm -rf $(VENV) site build test-artifacts
