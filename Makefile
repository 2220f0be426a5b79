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

.PHONY: install test test-all export clean-nbs lint site check
install:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade "pip>=24" wheel setuptools
	$(BIN)/pip install -e ".[dev]"

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

site:  # offline HTML render of the book (Quarto publishes it from GitHub Actions)
	$(BIN)/python -m quickdraw_mobilevit.site --out _site

readme:  # README.md from nbs/index.ipynb
	$(BIN)/python -m quickdraw_mobilevit.site --readme
