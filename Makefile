# The README's two set-up commands are `make site` and `make test`; both work on a
# fresh Debian machine (as root, or with sudo) because they install what is missing.

SWIFT    ?= swift
SHARED   ?= ../shared
LITBOOK  := .build/release/litbook
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages: cmark (the Markdown parser), zlib (gzip-compressed datasets),
# and the real Fashion-MNIST that the LeNet lesson trains on.
.PHONY: deps
deps:
	@missing=""; \
	pkg-config --exists libcmark || missing="$$missing libcmark-dev"; \
	pkg-config --exists zlib || missing="$$missing zlib1g-dev"; \
	[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing="$$missing dataset-fashion-mnist"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

.PHONY: build
build: deps
	$(SWIFT) build -c release --product litbook

# Set-up command 1: run every notebook in notebooks/ and write the course into site/.
.PHONY: site
site: build
	$(LITBOOK) build notebooks -o site

# Set-up command 2: unit tests, then one run of the course that both checks every
# recorded output and proves site/ is what a build writes now.
.PHONY: test
test: build
	$(SWIFT) test
	$(LITBOOK) check notebooks --site site

# Reference checks (CI runs these after `make test`): notebooks whose outputs real
# PyTorch printed — ../shared's and our own in Tests/Conformance — and the d2l lessons,
# whose three unseeded `check: skip` cells are then tested by property.
.PHONY: conformance
conformance: build
	$(LITBOOK) check $(SHARED)/conformance Tests/Conformance
	$(LITBOOK) check $(SHARED)/d2l --junit .build/d2l-report.xml
	python3 Tests/d2l/check_skipped_cells.py .build/d2l-report.xml

# Browser test of the built site: headless Chromium driven by Selenium (from PyPI,
# in a venv of its own), over the committed site/ unless BROWSER_SITE=DIR names
# another build. Screenshots go to $(ARTIFACTS).
BROWSER_VENV ?= .build/browser-venv
BROWSER_SITE ?= site
ARTIFACTS    ?= .build/artifacts
ZH_TERM      ?= 卷积
EN_TERM      ?= kernel
# The seed lesson, photographed at phone and desktop widths.
SHOT_PAGE    ?= conv-layer.html

.PHONY: browser-deps
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	fc-list :lang=zh family 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@if ! $(BROWSER_VENV)/bin/python -c 'import selenium' 2>/dev/null; then \
		echo "make: creating $(BROWSER_VENV) with selenium"; \
		python3 -m venv $(BROWSER_VENV) && $(BROWSER_VENV)/bin/pip install -q selenium; \
	fi

# The browser test reads the committed site/, which `make test` has just proved
# current, so CI trains the course once. BROWSER_SITE=DIR checks another build.
.PHONY: browser-test
browser-test: browser-deps
	$(BROWSER_VENV)/bin/python Tests/browser/test_site.py "$(BROWSER_SITE)" --artifacts $(ARTIFACTS) \
		--zh-term "$(ZH_TERM)" --en-term "$(EN_TERM)" \
		--screenshot-page "$(SHOT_PAGE)"
