# qgis.certification — see README.md. Every target is safe to run twice.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8080
DATA_DIR ?= $(CURDIR)/instance/var
SITE_ID ?= Plone
export HOST PORT DATA_DIR SITE_ID
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Debian packages the test suite needs (browser tests use Debian's Chromium; the OGC API
# and feed tests read the site with GDAL's ogrinfo, as QGIS does; the cluster tests run
# HAProxy and Varnish and load the proxy with wrk).
TEST_DEBIAN_PACKAGES ?= chromium haproxy varnish wrk gdal-bin
# Debian packages make cluster runs: the balancer and the caching proxy.
CLUSTER_DEBIAN_PACKAGES ?= haproxy varnish
# Debian packages the product needs: the fonts the certificates embed in their PDFs
# (DejaVu Sans when Roboto is missing; IPA P Gothic, TrueType, for Japanese).
DEBIAN_PACKAGES ?= fonts-dejavu-core fonts-ipafont-gothic

# Install those of the Debian packages $(1) that are missing.
apt_install = missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; fi

.PHONY: help install instance create-site start test test-deps debian-deps lint format review-deadlines \
        lock versions buildout-check clean i18n changelog quality

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@touch $@

# Leaflet, from the npm registry at the version package-lock.json pins; served by the
# product as a static resource, never committed.
LEAFLET := src/qgis/certification/browser/static/leaflet

$(LEAFLET)/leaflet.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(LEAFLET) && cp -r node_modules/leaflet/dist/. $(LEAFLET)/

# Chart.js (the statistics page's charts), the same way: its self-contained UMD build.
CHARTJS := src/qgis/certification/browser/static/chartjs

$(CHARTJS)/chart.umd.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(CHARTJS) && cp node_modules/chart.js/dist/chart.umd.js $(CHARTJS)/

# The map's background when its tiles cannot load: Natural Earth's countries at 1:110m
# (world-atlas) and topojson-client, which reads them, the same way.
OUTLINES := src/qgis/certification/browser/static/outlines

$(OUTLINES)/countries-110m.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(OUTLINES) && cp node_modules/world-atlas/countries-110m.json \
	  node_modules/topojson-client/dist/topojson-client.min.js $(OUTLINES)/

install: debian-deps $(VENV)/.installed $(LEAFLET)/leaflet.js $(CHARTJS)/chart.umd.js $(OUTLINES)/countries-110m.json instance ## install the Debian fonts, create .venv from the lock, fetch Leaflet, Chart.js and the country outlines, generate the instance

debian-deps:
	@$(call apt_install,$(DEBIAN_PACKAGES))

instance: $(VENV)/.installed
	@$(BIN)/python -m scripts.make_instance

create-site: install ## create the Plone site (or bring it up to date), with demo content
	@$(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py

start: create-site ## install, create the site when absent, and serve it on $HOST:$PORT
	@$(BIN)/python -m scripts.preflight
	@exec $(BIN)/runwsgi instance/etc/zope.ini

review-deadlines: install ## move applications whose user-group review ended to the PSC; remind late groups; remove expired attendee records (daily, from cron)
	@if curl -s -o /dev/null "http://$(HOST):$(PORT)/"; then \
	  curl -sS -f -u "admin:$${ADMIN_PASSWORD:-admin}" -X POST -H 'Accept: application/json' \
	    "http://$(HOST):$(PORT)/$(SITE_ID)/@review-deadlines" && echo; \
	else $(BIN)/zconsole run instance/etc/zope.conf scripts/review_deadlines.py; fi

test-deps:
	@$(call apt_install,$(TEST_DEBIAN_PACKAGES))

# The suite runs on TEST_WORKERS pytest-xdist workers (README: "Tests"); tests marked
# with the same xdist_group share one worker. PYTEST_ARGS=-n0 runs it in one process.
TEST_WORKERS ?= 2

test: install test-deps ## run the whole test suite on TEST_WORKERS processes
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(VENV)/.installed ## ruff check (complexity included), format check, quality gates
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python -m scripts.quality

format: $(VENV)/.installed ## fix what ruff can fix, format the code
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

# The quality gates alone, every finding listed (`make lint` runs them too).
quality: $(VENV)/.installed ## list functions over 60 lines, repeated 6-line blocks in src/, complexity over 10
	@status=0; \
	$(BIN)/python -m scripts.quality || status=1; \
	$(BIN)/ruff check --select C90 --output-format concise src tests scripts || status=1; \
	exit $$status

lock: ## re-resolve dependencies into requirements.lock (deliberate refresh)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m scripts.lock
	$(MAKE) versions

versions: $(VENV)/.installed ## regenerate versions.cfg (buildout) from requirements.lock
	$(BIN)/python -m scripts.versions write

buildout-check: $(VENV)/.installed ## build the buildout alternative in a temporary folder and start it once
	$(BIN)/python -m scripts.buildout_check

# Release notes: bump the version in setup.py, then `make changelog` moves the fragments of
# news/ into a new section of CHANGELOG.md (and removes them with git rm).
VERSION ?= $(shell sed -n 's/^ *version="\(.*\)",$$/\1/p' setup.py)

changelog: $(VENV)/.installed ## build CHANGELOG.md's section for VERSION (setup.py's) from news/
	$(BIN)/python -m scripts.changelog $(VERSION) --yes

# Translations: the template is rebuilt from the code (plus manual.pot, the msgids that only
# exist at run time), then the Romanian and Swedish catalogues take its new msgids.
# The German, French, Spanish, Portuguese, Italian and Japanese catalogues hold only the
# attendees' mails (certificate, Open Badge, data link) and are kept by hand.
LOCALES := src/qgis/certification/locales
I18N_DOMAIN := qgis.certification

i18n: $(VENV)/.installed ## rebuild the .pot from the code and sync the ro and sv catalogues
	$(BIN)/i18ndude rebuild-pot --pot $(LOCALES)/$(I18N_DOMAIN).pot --merge $(LOCALES)/manual.pot \
	  --create $(I18N_DOMAIN) --no-line-numbers src/qgis/certification
	$(BIN)/i18ndude sync --pot $(LOCALES)/$(I18N_DOMAIN).pot \
	  $(LOCALES)/ro/LC_MESSAGES/$(I18N_DOMAIN).po $(LOCALES)/sv/LC_MESSAGES/$(I18N_DOMAIN).po

# Scale-out (README: "Scale-out: RelStorage and a cluster"): instances on one RelStorage
# database behind HAProxy, and Varnish in front of it on $PORT; scripts/cluster.py keeps
# its files under $(DATA_DIR)/cluster.
CLUSTER_SIZE ?= 2
RELSTORAGE_DSN ?= dbname=qgis_certification host=127.0.0.1 port=5432 user=postgres
CLUSTER_ENV = CLUSTER_SIZE=$(CLUSTER_SIZE) RELSTORAGE_DSN="$(RELSTORAGE_DSN)"
.PHONY: cluster cluster-stop convert-to-relstorage

cluster: install ## start CLUSTER_SIZE instances on RelStorage behind HAProxy and Varnish on $HOST:$PORT
	@$(call apt_install,$(CLUSTER_DEBIAN_PACKAGES))
	@$(CLUSTER_ENV) $(BIN)/python -m scripts.cluster start

cluster-stop: ## stop exactly the processes make cluster started
	@$(CLUSTER_ENV) $(BIN)/python -m scripts.cluster stop

convert-to-relstorage: $(VENV)/.installed ## copy the FileStorage site, blobs included, into RELSTORAGE_DSN (CLEAR=1 replaces its data)
	@$(CLUSTER_ENV) $(BIN)/python -m scripts.cluster convert $(if $(filter 1,$(CLEAR)),--clear)

# Backups (README: "Backups"): sets in BACKUP_DIR (default: backups/ beside DATA_DIR), the
# last BACKUP_KEEP kept. FileStorage: repozo (FULL=1 forces a full copy) and the blobs;
# RelStorage: pg_dump. Restore takes the newest set, or BACKUP=<name> (see make backup-list).
.PHONY: backup restore backup-list
BACKUP_ENV = RELSTORAGE_DSN="$(RELSTORAGE_DSN)"

backup: $(VENV)/.installed ## back up the site's data into a new timestamped set (FULL=1: full repozo copy)
	@$(BACKUP_ENV) $(BIN)/python -m scripts.backup backup $(if $(filter 1,$(FULL)),--full)

restore: $(VENV)/.installed ## restore the newest backup set, or BACKUP=<name>, with the site stopped
	@$(BACKUP_ENV) $(BIN)/python -m scripts.backup restore $(if $(BACKUP),--set "$(BACKUP)")

backup-list: $(VENV)/.installed ## list the backup sets, oldest first
	@$(BACKUP_ENV) $(BIN)/python -m scripts.backup list

# Benchmark (README: "Benchmark"): seeds var/bench/data-$(SCALE) once, serves it on
# BENCH_PORT, measures, writes var/bench/latest.{json,md}. Not part of `make test`.
# PROFILE=1 records each lookup and write with py-spy under var/bench/profiles/.
SCALE ?= small
BENCH_PORT ?= 18200
PROFILE ?=
.PHONY: bench

bench: $(VENV)/.installed $(LEAFLET)/leaflet.js $(CHARTJS)/chart.umd.js ## measure the product at SCALE=small|medium|large (var/bench/latest.md)
	@BENCH_PORT=$(BENCH_PORT) PROFILE=$(PROFILE) $(BIN)/python -m scripts.bench.run --scale $(SCALE)

clean: ## remove .venv and the generated instance configuration (keeps data)
	rm -rf $(VENV) instance/etc
