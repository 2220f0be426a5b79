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

.PHONY: install test test-all export clean-nbs lint site outputs site-check readme web-deps web-page web-check web-bench
install:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade "pip>=24" wheel setuptools
	$(BIN)/pip install -e ".[dev]"
	@if command -v npm >/dev/null; then $(MAKE) web-deps; else echo "npm not found: the browser page (web_demo/) and its tests need Node.js 18+"; fi

test:
	$(BIN)/nbdev_test --n_workers $(N_WORKERS) --timing

test-all:  # also the `#| slow` cells (full-size runs; long)
	$(BIN)/nbdev_test --n_workers 1 --flags slow --timing

export:  # the library from the notebooks, with `__all__` rewrapped to 120 columns (nbs/92_site.ipynb)
	$(BIN)/nbdev_export
	$(BIN)/python -c "from quickdraw_mobilevit.site import wrap_all; wrap_all()"

clean-nbs:
	$(BIN)/nbdev_clean

lint:  # the library in full; the notebooks for 120 columns and one statement per line
	$(BIN)/ruff check quickdraw_mobilevit
	$(BIN)/ruff check nbs --select E501,E702

site: web-deps  # the book as offline HTML from the outputs committed in nbs/ (nothing runs), plus the "Try it" page
	$(BIN)/qdmv book site --out _site
	$(BIN)/qdmv web page --out _site/try

# Every chapter (or NBS="01_viewer.ipynb ..."), run in a temporary copy of the repo; outputs written into nbs/*.ipynb
outputs: web-deps
	$(BIN)/qdmv book outputs $(NBS) --workers $(N_WORKERS)
	$(BIN)/nbdev_clean

SITE_CHECK_OUT ?= /tmp/qdmv-site-check.json
site-check: site  # every page of _site/ in headless Chromium: console errors, blank figures, broken links, other hosts
	$(BIN)/qdmv book check --site _site --out $(SITE_CHECK_OUT)

readme:  # README.md from nbs/index.ipynb (runs the home page, which reads results/)
	$(BIN)/qdmv book readme

# The browser page (nbs/22_export_web.ipynb). Its npm packages: onnxruntime-web (vendored into the page) and
# playwright-core (drives Debian's chromium: apt-get install chromium).
web-deps: web_demo/node_modules/.package-lock.json
web_demo/node_modules/.package-lock.json: web_demo/package-lock.json  # npm ci again only when the lock file changes
	npm ci --prefix web_demo --no-audit --no-fund

web-page: web-deps  # the "Try it" page, from the models in results/web/
	$(BIN)/qdmv web page --out _site/try

WEB_CHECK_OUT ?= /tmp/qdmv-browser.json
web-check: web-page  # the page in headless Chromium against Python, on the published models and 200 test drawings
	$(BIN)/qdmv download --source $(QDMV_MIRROR) --out data/qd67 > /dev/null
	$(BIN)/qdmv web check --page _site/try --data data/qd67 --out $(WEB_CHECK_OUT) $(if $(WEB_SHOT),--screenshot $(WEB_SHOT))

web-bench:  # the committed measurement: results/browser.json and the page's screenshot
	$(MAKE) web-check WEB_CHECK_OUT=results/browser.json WEB_SHOT=results/plots/try_it.png
