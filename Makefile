# parley: `make demo` installs everything and runs parley on the bundled samples;
# `make test` installs the same way and runs ruff, mypy and pytest.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.db
# Debian packages are installed as root; other users go through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test lint typecheck postgres chromium serve web-assets bench model model-gold clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock
	$(BIN)/parley process samples/ --db $(DEMO_DB)
	$(BIN)/parley stats --db $(DEMO_DB)
	$(BIN)/parley articles --db $(DEMO_DB)
	$(BIN)/parley actor Trump --db $(DEMO_DB)
	$(BIN)/parley quotes --speaker Trump --db $(DEMO_DB)
	$(BIN)/parley timeline USA --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check src tests bench

typecheck: install
	$(BIN)/mypy

# The PostgreSQL server programs the store's PostgreSQL tests start a private cluster with:
# installed from Debian's packages when missing; elsewhere those tests skip (and fail in CI).
postgres:
	@if command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		echo "PostgreSQL server programs found"; \
	elif command -v apt-get >/dev/null; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends postgresql; \
	else \
		echo "no PostgreSQL server programs and no apt-get: the PostgreSQL tests will skip"; \
	fi

# The headless browser the web UI tests drive (Playwright with executable_path: Playwright's own
# browser download is never used): Debian's chromium, installed when missing.
chromium:
	@if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then \
		echo "chromium found"; \
	elif command -v apt-get >/dev/null; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium; \
	else \
		echo "no chromium and no apt-get: the web UI tests will skip"; \
	fi

test: export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1
test: lint typecheck postgres chromium
	$(BIN)/pytest

# The API and web UI over the demo store (http://127.0.0.1:8000/).
serve: install
	$(BIN)/parley serve --db $(DEMO_DB)

# Re-fetch the vendored web UI assets (htmx, plotly.js, cytoscape.js, swagger-ui) from npm at
# their pinned versions (scripts/vendor_web_assets.sh); the result is committed.
web-assets:
	scripts/vendor_web_assets.sh

# The learned event detector (src/parley/data/event_detector.npz): the gold tune halves plus
# NGEC's synthetic silver stories (no licence stated; see data/PROVENANCE.md). `make model-gold`
# builds the gold-only variant next to it (data/event_detector_gold.npz, the model that retypes
# rule events); `make model` builds both. Needs ../shared (PARLEY_SHARED).
PARLEY_SHARED ?= ../shared

model: install
	PYTHONPATH=bench PARLEY_SHARED=$(PARLEY_SHARED) $(BIN)/python scripts/train_event_detector.py
	$(MAKE) model-gold

model-gold: install
	PYTHONPATH=bench PARLEY_SHARED=$(PARLEY_SHARED) $(BIN)/python scripts/train_event_detector.py --no-silver \
		--out src/parley/data/event_detector_gold.npz

bench: install
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock .pytest_cache .mypy_cache .ruff_cache test-artifacts
