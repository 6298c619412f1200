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

# Reference checks against ../shared (CI runs these after `make test`).
.PHONY: conformance
conformance: build
	$(LITBOOK) check $(SHARED)/conformance
	$(LITBOOK) check $(SHARED)/d2l
