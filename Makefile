# TenHands developer tasks. Needs only Python 3.11+, and for the Neo4j tests
# Java 17+ and Maven (scripts/neo4j_test_server.py runs a real Neo4j, no Docker).
#
#   make test                  lint, then the whole suite against a real Neo4j
#   make test PYTEST_ARGS='-k persons -x'
#   make demo                  seed a demo network and serve it on http://127.0.0.1:8000

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PYTEST_ARGS ?=
BENCH_ARGS ?=
NEO4J_SERVER := scripts/neo4j_test_server.py

# Stamps record what is installed: a changed pyproject.toml re-installs.
VENV_STAMP := $(VENV)/.stamp-venv
INSTALL_STAMP := $(VENV)/.stamp-install
DEV_STAMP := $(VENV)/.stamp-dev
BENCH_STAMP := $(VENV)/.stamp-bench

.DEFAULT_GOAL := help
.PHONY: help venv install dev test lint format demo serve bench neo4j-start neo4j-stop clean distclean \
	browser maps wrk screens

help:
	@echo "make venv | install | dev      create $(VENV); install tenhands (+ dev tools)"
	@echo "make test [PYTEST_ARGS=...]    lint, then pytest with a real Neo4j"
	@echo "make lint | format             ruff check/format and mypy | fix formatting"
	@echo "make demo | serve              seed and serve a demo | serve the API"
	@echo "make bench [BENCH_ARGS=...]    every benchmark (figures in bench/RESULTS.md)"
	@echo "make browser | maps            install Chromium | the demo's maps into docs/maps/"
	@echo "make neo4j-start | neo4j-stop  a Neo4j that keeps running, for development"
	@echo "make clean | distclean         remove caches and builds | and $(VENV)"

venv: $(VENV_STAMP)

$(VENV_STAMP):
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "error: could not create $(VENV) with $(PYTHON) (on Debian or Ubuntu:" \
	       "apt-get install python3-venv)" >&2; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

install: $(INSTALL_STAMP)

$(INSTALL_STAMP): pyproject.toml $(VENV_STAMP)
	$(PY) -m pip install --quiet -e .
	@touch $@

dev: $(DEV_STAMP)

# The dev extra includes the package itself, so it satisfies `install` too.
$(DEV_STAMP): pyproject.toml $(VENV_STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(INSTALL_STAMP) $@

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy --strict $(NEO4J_SERVER)

format: dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Debian's Chromium, for the browser tests (Playwright drives it; never `playwright
# install`) and PNG export: installed with apt-get when /usr/bin/chromium is missing.
browser:
	@test -x /usr/bin/chromium || test -n "$$TENHANDS_CHROMIUM" || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "error: Chromium is missing and" \
	    "apt-get is not here: install Chromium, or set TENHANDS_CHROMIUM to it" >&2; exit 1; }; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "error: Chromium is missing and installing it needs root: run" \
	    "'apt-get update && apt-get install -y chromium chromium-driver' as root" >&2; exit 1; fi; \
	  echo "installing Debian's chromium and chromium-driver"; \
	  $$SUDO apt-get update -q && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
	  || { echo "error: apt-get could not install chromium chromium-driver" >&2; exit 1; }; }

# Starts a throwaway Neo4j unless NEO4J_URI is set; with CI=true a Neo4j that
# cannot start fails the run (see scripts/neo4j_test_server.py --help).
test: dev lint browser
	$(PY) $(NEO4J_SERVER) run -- $(PY) -m pytest $(PYTEST_ARGS)

demo: install
	$(BIN)/tenhands demo

serve: install
	$(BIN)/tenhands serve

# Every benchmark, Neo4j ones against a fresh test server; BENCH_ARGS=--record appends
# the figures to bench/RESULTS.md.
$(BENCH_STAMP): pyproject.toml $(VENV_STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	@touch $(INSTALL_STAMP) $@

# wrk, the load generator of the API bench (Debian's package).
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "error: wrk is missing and apt-get is" \
	    "not here: install wrk" >&2; exit 1; }; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "error: wrk is missing and installing it needs root: run" \
	    "'apt-get install -y wrk' as root" >&2; exit 1; fi; \
	  echo "installing Debian's wrk"; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk \
	  || { $$SUDO apt-get update -q && \
	       $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; } \
	  || { echo "error: apt-get could not install wrk" >&2; exit 1; }; }

bench: $(BENCH_STAMP) browser wrk
	$(PY) $(NEO4J_SERVER) run -- $(PY) bench/store_bench.py $(BENCH_ARGS)
	$(PY) bench/kinship_bench.py $(BENCH_ARGS)
	$(PY) bench/gedcom_bench.py $(BENCH_ARGS)
	$(PY) bench/febrl_bench.py $(BENCH_ARGS)
	$(PY) bench/population_match_bench.py $(BENCH_ARGS)
	$(PY) bench/kin_bench.py $(BENCH_ARGS)
	$(PY) bench/kin_reach.py --misses $(BENCH_ARGS)
	$(PY) bench/kin_calibrate.py --check $(BENCH_ARGS)
	$(PY) bench/startup_bench.py $(BENCH_ARGS)
	$(PY) bench/map_bench.py $(BENCH_ARGS)
	$(PY) $(NEO4J_SERVER) run -- $(PY) bench/api_bench.py $(BENCH_ARGS)

# The demo's maps in every view, mode and language, as PNGs in docs/maps/.
maps: dev browser
	$(PY) scripts/map_screenshots.py --out docs/maps

# The web pages, signed in on the demo, as PNGs in docs/screens/.
screens: dev browser
	$(PY) scripts/web_screenshots.py

# `make` cannot export into your shell: use the printed line, or
#   eval "$$($(PY) $(NEO4J_SERVER) start)"
neo4j-start: install
	$(PY) $(NEO4J_SERVER) start

neo4j-stop:
	$(PYTHON) $(NEO4J_SERVER) stop

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache bench/out
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
	find . -path ./$(VENV) -prune -o -name '*.egg-info' -type d -exec rm -rf {} +

# Also the virtualenv (the Neo4j jars stay cached in ~/.cache/tenhands).
distclean: clean
	rm -rf $(VENV)
