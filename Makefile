# handout: `make` sets everything up and builds every handout into build/; `make test` tests.
# Nothing here depends on what was installed by hand: the venv, the pinned Python packages
# and the system libraries WeasyPrint needs are installed when missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUTPUT ?= build
PAGE_SIZE ?= A4
# Render processes; 0: one per core.
JOBS ?= 0
# Shared libraries WeasyPrint loads (Pango, HarfBuzz subsetting) and the Debian packages that ship them.
SYSTEM_LIBS := libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0 libfontconfig.so.1
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1
# Command-line tools, as tool:package: msgfmt checks every PO file (as translators' own tools
# do); qpdf checks the structure of the PDFs in the tests.
SYSTEM_TOOLS := msgfmt:gettext qpdf:qpdf
# The browser tests (tests/test_browser.py) open the HTML handouts in Debian's Chromium and run
# axe-core in them, pinned in tests/browser/package-lock.json and read from disk: no network at test time.
BROWSER_TOOLS := chromium:chromium npm:npm
# What `make bench` compares the English build with: pandoc, WeasyPrint as its PDF engine (bench/naive_pipeline.py).
BENCH_TOOLS := pandoc:pandoc
# Topics of the clinic-sized build `make bench` times, in six languages (bench/clinic_build.py; 50: about 15 minutes).
BENCH_TOPICS ?= 50
AXE := tests/browser/node_modules/axe-core/axe.min.js
# Dates printed in the PDFs come from topic.yaml; this pins anything else to the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: print-shop large-print all build test test-fast coverage goldens bench eval model setup semantic system-deps browser-tools bench-tools clean extract update init check stats release signoff editorial-signoff

all: build

# Incremental: only outputs whose inputs changed (by content hash) are rendered again.
build: $(STAMP)
	$(BIN)/handout build --output $(OUTPUT) --page-size $(PAGE_SIZE) --jobs $(JOBS)

# The other print profiles, each in its own folder (README, "Print profiles").
print-shop large-print: $(STAMP)
	$(BIN)/handout build --output $(OUTPUT)/$@ --page-size $(PAGE_SIZE) --jobs $(JOBS) --profile $@

# Bytecode is written even where the shell says not to (PYTHONDONTWRITEBYTECODE): the suite starts
# dozens of handout processes, and each would compile the package again; pytest would rewrite
# every test module's asserts again on every run (collection: 8 s without the caches, 2 s with).
test: $(STAMP) $(AXE)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -q -m "not slow"

# Line coverage of pipeline/ over the whole suite (render workers are separate processes: not counted).
coverage: $(STAMP) $(AXE)
	$(BIN)/python -m coverage run --source=pipeline -m pytest -q
	$(BIN)/python -m coverage report --skip-covered --sort=cover

# tests/goldens/ (the fact catalog and English leaflet HTML the tests compare builds with), from a
# fresh build; run it when an output change is intended and review `git diff tests/goldens/`.
goldens: $(STAMP)
	$(BIN)/python tests/regenerate_goldens.py

# Ratios against baselines measured in the same run (README, "Performance"); never timed tests.
bench: $(STAMP) bench-tools
	$(BIN)/python bench/naive_pipeline.py
	$(BIN)/python bench/release_build.py
	$(BIN)/python bench/text_stages.py
	$(BIN)/python bench/line_model.py
	$(BIN)/python bench/site_pages.py
	$(BIN)/python bench/clinic_build.py --topics $(BENCH_TOPICS)

eval: $(STAMP)
	$(BIN)/handout eval
	$(BIN)/handout train-model --check

# Cleaning's learned second opinion (pipeline/text/furniture_model.json), trained anew on the
# gated labelled sets that are not held out; run it after changing labels or rules, and commit the file.
model: $(STAMP)
	$(BIN)/handout train-model --cross-validate

setup: $(STAMP)

# Optional, heavy (~1.3 GB): the sentence-embedding model that finds paraphrased repeats for the
# review report. Not part of `make` or `make test`; without it the build uses a lexical method.
# constraints.txt applies except its click pin: the model's huggingface_hub needs a newer click.
semantic: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-semantic.txt -c constraints.txt

$(STAMP): requirements.txt constraints.txt pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# $(call install-missing,LIBS,LIB-PACKAGES,TOOL:PACKAGE ...,WHAT FOR): apt-get what is missing of
# the shared libraries (all of LIB-PACKAGES, if any lib is missing) and the command-line tools.
define install-missing
	@missing=""; packages=""; for lib in $(1); do \
	  /sbin/ldconfig -p | grep -q "$$lib" || { missing="$$missing $$lib"; packages="$(2)"; }; done; \
	for pair in $(3); do tool=$${pair%%:*}; \
	  command -v "$$tool" >/dev/null || { missing="$$missing $$tool"; packages="$$packages $${pair#*:}"; }; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages for $(4) (missing:$$missing)"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$packages >/dev/null; \
	fi
endef

system-deps:
	$(call install-missing,$(SYSTEM_LIBS),$(SYSTEM_PACKAGES),$(SYSTEM_TOOLS),WeasyPrint and gettext)

browser-tools:
	$(call install-missing,,,$(BROWSER_TOOLS),the browser tests)

bench-tools:
	$(call install-missing,,,$(BENCH_TOOLS),the benchmarks)

$(AXE): tests/browser/package.json tests/browser/package-lock.json | browser-tools
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(OUTPUT)

# ---- Translations (README, "Translations") ----
# The translators' templates: locales/ui.pot (page furniture) and locales/facts.pot (printed facts).
# Source files to commit; re-running on unchanged sources rewrites nothing.
extract: $(STAMP)
	$(BIN)/handout extract

# Templates, then every locales/<lang>/LC_MESSAGES/*.po brought in step (changed English -> fuzzy).
update: extract
	$(BIN)/handout update

# Start a language: make init LOCALE=de
init: $(STAMP)
	@test -n "$(LOCALE)" || { echo "usage: make init LOCALE=<language code, e.g. de>"; exit 2; }
	$(BIN)/handout init $(LOCALE)

# Every PO file: msgfmt --check, numbers, placeholders, markup, sentences, completeness.
check: $(STAMP)
	$(BIN)/handout check

stats: $(STAMP)
	$(BIN)/handout stats

# A medical translator's sign-off of a complete, clean language as it stands (locales/<lang>/review.yaml):
# make signoff LOCALE=fr BY="Dr Name" [DATE=YYYY-MM-DD]. Dated today, not by this file's SOURCE_DATE_EPOCH
# (the last commit's); one set in the environment is kept.
signoff: $(STAMP)
	@test -n "$(LOCALE)" && test -n "$(BY)" || { echo 'usage: make signoff LOCALE=<language> BY="<reviewer>" [DATE=YYYY-MM-DD]'; exit 2; }
	$(if $(filter file,$(origin SOURCE_DATE_EPOCH)),env -u SOURCE_DATE_EPOCH )$(BIN)/handout review-signoff $(LOCALE) --by "$(BY)"$(if $(DATE), --date $(DATE))

# A clinician's check of a topic's plain-language rewrites (sources/<topic>/editorial-review.yaml):
# make editorial-signoff TOPIC=immunotherapy BY="Dr Name" [DATE=YYYY-MM-DD]. Dated as signoff is.
editorial-signoff: $(STAMP)
	@test -n "$(TOPIC)" && test -n "$(BY)" || { echo 'usage: make editorial-signoff TOPIC=<topic> BY="<clinician>" [DATE=YYYY-MM-DD]'; exit 2; }
	$(if $(filter file,$(origin SOURCE_DATE_EPOCH)),env -u SOURCE_DATE_EPOCH )$(BIN)/handout editorial-signoff $(TOPIC) --by "$(BY)"$(if $(DATE), --date $(DATE))

# build/release/: every topic in English and in each language that translates it completely and
# cleanly; what is left out is listed with why. A subset on purpose: make release LANGUAGES="fr"
release: $(STAMP)
	$(BIN)/handout release --output $(OUTPUT) --page-size $(PAGE_SIZE) $(foreach l,$(LANGUAGES),--language $(l))
