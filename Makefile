# The guide's commands. `make build` and `make test` install what they need on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
PYTEST_ARGS ?=
STRICT ?=
BASE ?= HEAD
DIFF_OUT ?=
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
BENCH_SIZES ?= 1 10 100
# Lighthouse 12.8.2, the newest 12.x: it runs on Debian's Node 20 (13.x needs Node 22.19).
LIGHTHOUSE := build/bench-npm/node_modules/.bin/lighthouse

.DEFAULT_GOAL := help
.PHONY: help install install-dev chromium java check schema build serve bundle diff readability linkcheck service-workers test bench clean

help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(BIN)/.installed ## Make .venv with the pinned requirements (quick when done)

install-dev: $(BIN)/.installed-dev ## Add the test requirements to .venv

chromium: ## Install Debian's Chromium for the browser tests, when missing
	@test -x $(CHROMIUM) || { \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

java: ## Install Debian's Java for the W3C Nu HTML checker in the tests, when missing
	@command -v java >/dev/null || { \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless; }

check: install ## Validate content only: every problem as path:line: message (STRICT=1: warnings fail)
	$(BIN)/python -m generator check $(if $(STRICT),--strict)

schema: install ## Write the JSON Schemas of the content files to content/schema/
	$(BIN)/python -m generator schema

build: install ## Build the site into site/, with its service worker
	$(BIN)/python -m generator build

serve: install ## Live preview at http://127.0.0.1:8000/ (PORT=...), regenerated as you edit
	$(BIN)/python -m generator serve --port $(PORT)

bundle: install ## Make the offline bundle: dist/<name>-<date>.zip
	$(BIN)/python -m generator bundle

diff: install node_modules/.package-lock.json ## Compare the text readers see with git ref BASE=... (DIFF_OUT=file to save)
	@$(BIN)/python -m generator diff --base $(BASE) $(if $(DIFF_OUT),--out $(DIFF_OUT))

readability: install ## Reading scores of every page, worst first; fails if a target is missed
	$(BIN)/python -m generator readability

linkcheck: install ## Check the external links in content (needs a network; says so when there is none)
	$(BIN)/python -m generator linkcheck

service-workers: node_modules/.package-lock.json ## Rewrite the service workers with Workbox (after updating workbox-build)
	node generator/build/service_worker.mjs node_modules generator/build

test: install-dev node_modules/.package-lock.json chromium java ## Run every test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(LIGHTHOUSE):
	npm install --no-save --no-audit --no-fund --loglevel=error --prefix build/bench-npm lighthouse@12.8.2

bench: install-dev node_modules/.package-lock.json chromium $(LIGHTHOUSE) ## Benchmark builds at BENCH_SIZES (default 1 10 100) times the content: bench/results.md
	$(BIN)/python -m bench.run --sizes $(BENCH_SIZES)

clean: ## Remove everything generated
	rm -rf build site dist .site.new .site.old .pytest_cache node_modules
