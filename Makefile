# Two commands on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/intervision

.PHONY: deps build test demo bench clean

# GLPK ships no pkg-config file; the header is the reliable sign that libglpk-dev is installed.
deps:
	@if [ ! -f /usr/include/glpk.h ]; then \
		echo "Installing libglpk-dev (GLPK, GPL-3.0) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libglpk-dev; \
	fi

build: deps
	$(SWIFT) build --product intervision

test: deps
	$(SWIFT) test

# Plans the bundled Lerend Leiderschap programme into out/demo (replaced on every run).
demo: build
	rm -rf out/demo
	$(BIN) plan Fixtures/lerend-leiderschap-52.csv \
		--config Fixtures/lerend-leiderschap.toml \
		--facilitators Fixtures/facilitators-lerend-leiderschap.csv \
		--out out/demo

bench: deps
	$(SWIFT) build -c release --product intervision
	Benchmarks/run.sh

clean:
	rm -rf .build
