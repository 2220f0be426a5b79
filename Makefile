# One command to install, one to test (see README). Everything runs in ./.venv.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MIRROR ?= $(abspath ../shared/quickdraw)
export HF_HUB_OFFLINE := 1
export QDMV_MIRROR ?= $(MIRROR)
# nbdev_test runs notebooks in parallel; each notebook then gets one thread (2-core machines)
export OMP_NUM_THREADS ?= 1
N_WORKERS ?= 2

.PHONY: install test test-all export clean-nbs lint site readme web-deps web-page web-check web-bench
install:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade "pip>=24" wheel setuptools
	$(BIN)/pip install -e ".[dev]"
	@if command -v npm >/dev/null; then $(MAKE) web-deps; else echo "npm not found: the browser page (web_demo/) and its tests need Node.js 18+"; fi

test:
	$(BIN)/nbdev_test --n_workers $(N_WORKERS) --timing

test-all:  # also the `#| slow` cells (full-size runs; long)
	$(BIN)/nbdev_test --n_workers 1 --flags slow --timing

export:
	$(BIN)/nbdev_export

clean-nbs:
	$(BIN)/nbdev_clean

lint:
	$(BIN)/ruff check quickdraw_mobilevit

site: web-deps  # offline HTML render of the book, with the "Try it" page (Quarto publishes it from GitHub Actions)
	$(BIN)/python -m quickdraw_mobilevit.site --out _site
	$(BIN)/qdmv web page --out _site/try

readme:  # README.md from nbs/index.ipynb
	$(BIN)/python -m quickdraw_mobilevit.site --readme

# The browser page (nbs/22_export_web.ipynb). Its npm packages: onnxruntime-web (vendored into the page) and
# playwright-core (drives Debian's chromium: apt-get install chromium).
web-deps:
	npm ci --prefix web_demo --no-audit --no-fund

web-page: web-deps  # the "Try it" page, from the models in results/web/
	$(BIN)/qdmv web page --out _site/try

WEB_CHECK_OUT ?= /tmp/qdmv-browser.json
web-check: web-page  # the page in headless Chromium against Python, on the published models and 200 test drawings
	$(BIN)/qdmv download --source $(QDMV_MIRROR) --out data/qd67 > /dev/null
	$(BIN)/qdmv web check --page _site/try --data data/qd67 --out $(WEB_CHECK_OUT) $(if $(WEB_SHOT),--screenshot $(WEB_SHOT))

web-bench:  # the committed measurement: results/browser.json and the page's screenshot
	$(MAKE) web-check WEB_CHECK_OUT=results/browser.json WEB_SHOT=results/plots/try_it.png
