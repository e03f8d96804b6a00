# Two commands on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/intervision

PY := .build/venv/bin/python3

.PHONY: deps pydeps officedeps webdeps build test lint format external-checks web-checks screenshots demo bench fuzz \
	clean

# GLPK ships no pkg-config file; the header is the reliable sign that libglpk-dev is installed.
# zlib unpacks workbooks (ZIPFoundation and Spreadsheet's bounded inflate); libxml2 is FoundationXML's parser.
deps:
	@if [ ! -f /usr/include/glpk.h ]; then \
		echo "Installing libglpk-dev (GLPK, GPL-3.0) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libglpk-dev; \
	fi
	@if [ ! -f /usr/include/zlib.h ] || ! ls /usr/lib/*/libxml2.so.2 /usr/lib/libxml2.so.2 2>/dev/null | grep -q .; then \
		echo "Installing zlib1g-dev and libxml2 with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq zlib1g-dev libxml2; \
	fi

# The independent checks run in Python: the `holidays` package (same regulation, other authors) and two
# calendar parsers. They live in a virtualenv under .build so the system Python is left alone.
pydeps:
	@if ! $(PY) -c "import holidays, icalendar, vobject, openpyxl" 2>/dev/null; then \
		if ! python3 -m venv .build/venv 2>/dev/null; then \
			echo "Installing python3-venv with apt-get"; \
			$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3 python3-venv python3-pip && python3 -m venv .build/venv; \
		fi; \
		$(PY) -m pip install -q --disable-pip-version-check 'holidays>=0.109' 'icalendar>=6' 'vobject>=0.9.9' \
			'openpyxl>=3.1'; \
	fi

build: deps
	$(SWIFT) build --product intervision

# The cancellation tests time how fast a cancel is honoured: they run on their own, after the rest, so the
# other tests (which keep both cores busy) cannot make them late.
test: deps lint
	$(SWIFT) test --skip CancellationTests
	$(SWIFT) test --filter CancellationTests
	$(MAKE) external-checks
	$(MAKE) web-checks

SWIFT_FILES := Sources Tests Benchmarks Package.swift

# swift-format (in the toolchain) with the repo's .swift-format: 4 spaces, 120 columns.
format:
	$(SWIFT) format format -i -r --parallel $(SWIFT_FILES)

# Formatting is checked, and no line may pass 120 characters (swift-format does not break string literals).
lint:
	$(SWIFT) format lint -r --strict --parallel $(SWIFT_FILES)
	@find $(SWIFT_FILES) -name '*.swift' | xargs awk 'length > 120 { print FILENAME ":" FNR ": " length " characters"; bad = 1 } \
		END { if (bad) { print "lines over 120 characters: run make format, then break the strings by hand"; exit 1 } }'

# LibreOffice (headless Calc) opens the workbooks in the external checks, as an organiser's office suite would.
officedeps:
	@if ! command -v soffice > /dev/null; then \
		echo "Installing LibreOffice Calc (headless) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends libreoffice-calc-nogui; \
	fi

# Holiday data against the `holidays` package; every calendar file of two real plans through icalendar and vobject;
# their spreadsheets through openpyxl and LibreOffice. The 345 programme is read from its Excel workbooks.
external-checks: build pydeps officedeps
	$(PY) Tests/External/crosscheck_holidays.py
	$(PY) Tests/External/toml_differential.py $(BIN) 300
	# The same plan folder, byte for byte, on an idle machine and with both cores busy and progress on a terminal.
	bash Tests/External/determinism.sh $(BIN)
	rm -rf .build/ics-check
	$(BIN) plan Fixtures/lerend-leiderschap-52.csv --config Fixtures/lerend-leiderschap.toml \
		--facilitators Fixtures/facilitators-lerend-leiderschap.csv --out .build/ics-check/ll52 --quiet > /dev/null
	$(BIN) plan Fixtures/lead-and-learn-345.xlsx --config Fixtures/lead-and-learn.toml \
		--facilitators Fixtures/facilitators-lead-and-learn.xlsx --out .build/ics-check/ll345 --quiet > /dev/null
	$(PY) Tests/External/validate_ics.py .build/ics-check/ll52
	$(PY) Tests/External/validate_ics.py .build/ics-check/ll345
	$(PY) Tests/External/validate_workbooks.py .build/ics-check/ll52
	$(PY) Tests/External/validate_workbooks.py .build/ics-check/ll345
	$(PY) Tests/External/validate_report.py .build/ics-check/ll52
	$(PY) Tests/External/validate_report.py .build/ics-check/ll345
	# Replans: a dissolved group (CANCELLED events, SEQUENCE 1) and dropouts with late joiners.
	SOURCE_DATE_EPOCH=1800000000 $(BIN) replan .build/ics-check/ll52 --drop-file Fixtures/replan/dropouts-lerend-leiderschap.txt \
		--from 2027-04-01 > /dev/null
	SOURCE_DATE_EPOCH=1800000000 $(BIN) replan .build/ics-check/ll345 --drop-file Fixtures/replan/dropouts-lead-and-learn.txt \
		--add Fixtures/replan/late-joiners-lead-and-learn.csv --from 2027-03-15 > /dev/null
	$(PY) Tests/External/validate_ics.py .build/ics-check/ll52 --expect-cancelled
	# A facilitator leaves and a new one comes: the groups are handed over, the leaver's calendar cancels them.
	SOURCE_DATE_EPOCH=1800000000 $(BIN) replan .build/ics-check/ll52 \
		--drop-facilitator gijs.hermans@intervisie-begeleiding.nl \
		--add-facilitators Fixtures/replan/new-facilitator-lerend-leiderschap.csv --from 2027-04-15 > /dev/null
	# Meetings cancelled by the organiser: one goes to the nearest valid day, one is dropped.
	SOURCE_DATE_EPOCH=1800000000 $(BIN) replan .build/ics-check/ll52 --cancel-meeting G02:3 --from 2027-04-15 > /dev/null
	SOURCE_DATE_EPOCH=1800000000 $(BIN) replan .build/ics-check/ll52 --cancel-meeting G04:4 --no-reschedule \
		--from 2027-04-15 > /dev/null
	# Seven late joiners with no room left: a new group with its own calendar.
	SOURCE_DATE_EPOCH=1800000000 $(BIN) replan .build/ics-check/ll52 \
		--add Fixtures/replan/late-joiners-lerend-leiderschap.csv --from 2027-04-15 > /dev/null
	# Attendance at the first meeting of G02: attendance.csv and the Aanwezigheid sheet.
	SOURCE_DATE_EPOCH=1800000000 $(BIN) attendance .build/ics-check/ll52 G02:1 \
		--absent $$(grep '^G02,' .build/ics-check/ll52/groups.csv | head -1 | cut -d, -f2) --from 2027-04-15 > /dev/null
	$(PY) Tests/External/validate_ics.py .build/ics-check/ll52 --expect-cancelled
	$(PY) Tests/External/validate_workbooks.py .build/ics-check/ll52
	$(PY) Tests/External/validate_report.py .build/ics-check/ll52
	$(PY) Tests/External/validate_ics.py .build/ics-check/ll345
	$(PY) Tests/External/validate_workbooks.py .build/ics-check/ll345
	$(PY) Tests/External/validate_report.py .build/ics-check/ll345

# The web app is tested in a real browser: Debian's chromium with its chromedriver, driven by selenium; and its API
# against docs/openapi.yaml with schemathesis. Both Python packages live in the test virtualenv.
webdeps: pydeps
	@if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then \
		echo "Installing chromium and chromium-driver with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium chromium-driver; \
	fi
	@if ! $(PY) -c "import selenium, schemathesis" 2>/dev/null; then \
		$(PY) -m pip install -q --disable-pip-version-check 'selenium>=4.20' 'schemathesis>=4.0,<5'; \
	fi

# `intervision serve` end to end: the organiser's flow in chromium (upload, problems, plan, moves, zip, dropout,
# keyboard only, a name that is markup, the security answers), then schemathesis (264 generated requests).
web-checks: build webdeps
	$(PY) Tests/External/webapp_browser.py $(BIN)
	$(PY) Tests/External/webapp_schema.py $(BIN)

# The screenshots in docs/ and the README, taken by the browser test along its flow.
screenshots: build webdeps
	$(PY) Tests/External/webapp_browser.py $(BIN) --screenshots docs

# Plans the bundled Lerend Leiderschap programme into out/demo (replaced on every run).
demo: build
	rm -rf out/demo
	$(BIN) plan Fixtures/lerend-leiderschap-52.csv \
		--config Fixtures/lerend-leiderschap.toml \
		--facilitators Fixtures/facilitators-lerend-leiderschap.csv \
		--out out/demo
	@echo "Done. Open out/demo/report.html in a browser; plan.xlsx and mailmerge.xlsx are beside it, calendars in out/demo/rota/."

# The bench executables are only part of the package when INTERVISION_BENCHMARKS=1 (see Package.swift).
bench: deps
	$(SWIFT) build -c release --product intervision
	INTERVISION_BENCHMARKS=1 $(SWIFT) build -c release --product grouping-bench
	Benchmarks/run.sh

# libFuzzer on the readers: sign-up/facilitator CSV, the TOML config, plan.json. Seeds come from Fixtures (and a
# plan of the 52 fixture); a crash stops make with the input saved as crash-* in the current folder.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := INTERVISION_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz -c release \
	-Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link -Xcxx -fsanitize=fuzzer-no-link
FUZZ_CORPUS := .build-fuzz/corpus

fuzz: deps build
	$(FUZZ_BUILD) --product csv-fuzz
	$(FUZZ_BUILD) --product config-fuzz
	$(FUZZ_BUILD) --product plan-file-fuzz
	$(FUZZ_BUILD) --product workbook-fuzz
	rm -rf $(FUZZ_CORPUS) && mkdir -p $(FUZZ_CORPUS)/csv $(FUZZ_CORPUS)/config $(FUZZ_CORPUS)/plan $(FUZZ_CORPUS)/xlsx
	cp Fixtures/*.csv Fixtures/bad/*.csv Fixtures/replan/*.csv Tests/Fuzz/CSVFuzz/seed-wishes.csv $(FUZZ_CORPUS)/csv/
	cp Fixtures/*.xlsx Fixtures/bad/*.xlsx Tests/Fuzz/WorkbookFuzz/seed-parts.xml $(FUZZ_CORPUS)/xlsx/
	cp Fixtures/*.toml Fixtures/bad/*.toml $(FUZZ_CORPUS)/config/
	$(BIN) plan Fixtures/lerend-leiderschap-52.csv --config Fixtures/lerend-leiderschap.toml \
		--facilitators Fixtures/facilitators-lerend-leiderschap.csv --out $(FUZZ_CORPUS)/plan-folder --quiet > /dev/null
	cp $(FUZZ_CORPUS)/plan-folder/plan.json $(FUZZ_CORPUS)/plan/
	.build-fuzz/release/csv-fuzz $(FUZZ_CORPUS)/csv -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -print_final_stats=1
	.build-fuzz/release/config-fuzz $(FUZZ_CORPUS)/config -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-print_final_stats=1
	.build-fuzz/release/plan-file-fuzz $(FUZZ_CORPUS)/plan -max_total_time=$(FUZZ_SECONDS) -max_len=200000 \
		-print_final_stats=1
	.build-fuzz/release/workbook-fuzz $(FUZZ_CORPUS)/xlsx -max_total_time=$(FUZZ_SECONDS) -max_len=40000 \
		-print_final_stats=1

clean:
	rm -rf .build .build-fuzz
