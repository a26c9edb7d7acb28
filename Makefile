# libwres - plain GNU make.  Everything built goes under build/.
#   make            the libraries and wres-report
#   make demo       the sample trust's report (and build/sample-report.html)
#   make check      every test suite
#   make sample     regenerate examples/data from its fixed seed

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
CPPFLAGS_LIB := -Iinclude -Ilibwres -DWRES_BUILDING -D_POSIX_C_SOURCE=200809L
PKG_CHECK := $(shell pkg-config --cflags --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

# The version lives in include/wres.h only.
VERSION_MAJOR := $(shell sed -n 's/^\#define WRES_VERSION_MAJOR \([0-9]*\)/\1/p' include/wres.h)
VERSION_MINOR := $(shell sed -n 's/^\#define WRES_VERSION_MINOR \([0-9]*\)/\1/p' include/wres.h)
VERSION_PATCH := $(shell sed -n 's/^\#define WRES_VERSION_PATCH \([0-9]*\)/\1/p' include/wres.h)
VERSION := $(VERSION_MAJOR).$(VERSION_MINOR).$(VERSION_PATCH)

B := build

# Install directories (GNU conventions); DESTDIR is honoured by install.
PREFIX     ?= /usr/local
prefix     ?= $(PREFIX)
exec_prefix ?= $(prefix)
libdir     ?= $(exec_prefix)/lib
includedir ?= $(prefix)/include
bindir     ?= $(exec_prefix)/bin
mandir     ?= $(prefix)/share/man
pkgconfigdir ?= $(libdir)/pkgconfig
INSTALL    ?= install
LIB_SRC := $(wildcard libwres/*.c)
LIB_OBJ := $(patsubst libwres/%.c,$(B)/obj/%.o,$(LIB_SRC))
PIC_OBJ := $(patsubst libwres/%.c,$(B)/pic/%.o,$(LIB_SRC))
HDRS    := include/wres.h libwres/wres_private.h
SONAME  := libwres.so.$(VERSION_MAJOR)
SOFILE  := $(B)/libwres.so.$(VERSION)
STATIC  := $(B)/libwres.a
REPORT  := $(B)/wres-report
GEN     := $(B)/gen-sample
TESTS   := $(patsubst tests/%.c,$(B)/tests/%,$(filter-out tests/check_oom.c,$(wildcard tests/check_*.c)))
# The oom suite links a test-only library that can fail its Nth allocation.
FAULT_OBJ := $(patsubst libwres/%.c,$(B)/fault/%.o,$(LIB_SRC))
FAULT_LIB := $(B)/fault/libwres-fault.a
TESTS   += $(B)/tests/check_oom

.PHONY: check-browser bench bench-peers ci check-tsan coverage fuzz fuzz-replay all demo check check-suites check-asan check-valgrind sample clean install uninstall abi-check abi-baseline
all: $(STATIC) $(SOFILE) $(REPORT) $(B)/wres.pc

$(B)/obj/%.o: libwres/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS_LIB) $(CFLAGS) -fvisibility=hidden -c $< -o $@

$(B)/pic/%.o: libwres/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS_LIB) $(CFLAGS) -fvisibility=hidden -fPIC -c $< -o $@

$(B)/fault/%.o: libwres/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS_LIB) -DWRES_FAULT_INJECTION $(CFLAGS) -c $< -o $@

$(FAULT_LIB): $(FAULT_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/tests/check_oom: tests/check_oom.c tests/testutil.h $(FAULT_LIB) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -Wno-shadow $(CPPFLAGS_LIB) -DWRES_FAULT_INJECTION -Itests $(CFLAGS) $< $(FAULT_LIB) $(LDFLAGS) $(PKG_CHECK) -lm -o $@

$(STATIC): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(SOFILE): $(PIC_OBJ) libwres/libwres.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=libwres/libwres.map -Wl,--no-undefined $(LDFLAGS) -o $@ $(PIC_OBJ) -lm
	ln -sf libwres.so.$(VERSION) $(B)/$(SONAME)
	ln -sf $(SONAME) $(B)/libwres.so

$(REPORT): examples/wres-report.c include/wres.h $(STATIC)
	$(CC) $(WARN) -Iinclude $(CFLAGS) -D_POSIX_C_SOURCE=200809L $< $(STATIC) $(LDFLAGS) -lm -o $@

$(GEN): examples/gen-sample.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $< $(LDFLAGS) -o $@

SAMPLE_ARGS := --staff examples/data/staff.csv \
	  --applicants examples/data/applicants.csv \
	  --survey examples/data/survey.csv \
	  --survey-counts examples/data/survey_counts.csv \
	  --board examples/data/board.csv --org RXX

demo: $(REPORT)
	$(REPORT) $(SAMPLE_ARGS); \
	  s=$$?; [ $$s -le 1 ] || exit $$s
	@$(REPORT) $(SAMPLE_ARGS) --groups --targets --format html > $(B)/sample-report.html 2>/dev/null; \
	  s=$$?; [ $$s -le 1 ] || exit $$s
	@echo "make demo: the HTML report of the sample trust (with ethnic groups, three years and targets) is in $(B)/sample-report.html"

# The sample's HTML report rendered by Debian's headless Chromium to a PNG,
# which must not be blank (tests/png-check.py).
check-browser: $(REPORT)
	@$(REPORT) $(SAMPLE_ARGS) --groups --targets --format html > $(B)/sample-report.html 2>/dev/null; \
	  s=$$?; [ $$s -le 1 ] || exit $$s
	@rm -f $(B)/sample-report.png
	@timeout 300 chromium --headless --no-sandbox --disable-gpu \
	  --disable-background-networking --no-first-run \
	  --screenshot=$(abspath $(B)/sample-report.png) --window-size=1240,1754 \
	  file://$(abspath $(B)/sample-report.html) > $(B)/chromium.log 2>&1 || \
	  { tail -20 $(B)/chromium.log; echo "check-browser: chromium failed"; exit 1; }
	@python3 tests/png-check.py $(B)/sample-report.png

sample: $(GEN)
	$(GEN) examples/data

$(B)/tests/%: tests/%.c tests/testutil.h $(STATIC) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -Wno-shadow $(CPPFLAGS_LIB) -Itests $(CFLAGS) $< $(STATIC) $(LDFLAGS) $(PKG_CHECK) -lm -pthread -o $@

# make check: the suites and the command-line tests (check-suites, which
# the sanitizer builds rerun), then what concerns the built artefacts:
# exports, ABI, header, install, locale, man pages, sample data, README.
check: check-suites $(SOFILE) $(GEN) abi-check $(B)/bench/gen-national $(B)/bench/wres-bench $(B)/bench/wres-bench-slow
	@sh tests/exports-check.sh $(SOFILE)
	@CC="$(CC)" sh tests/header-check.sh $(STATIC)
	@sh tests/install-check.sh
	@CC="$(CC)" sh tests/locale-check.sh $(STATIC)
	@sh tests/man-check.sh
	@sh tests/sample-check.sh $(GEN)
	@sh tests/readme-example.sh
	@sh tests/html-check.sh $(CURDIR)/$(REPORT)
	@sh tests/python-check.sh $(CURDIR)/$(REPORT) $(CURDIR)/$(SOFILE)
	@sh tests/many-check.sh $(CURDIR)/$(REPORT) $(CURDIR)/$(B)/bench/gen-national $(CURDIR)/$(SOFILE)
	@sh tests/bench/exact-check.sh $(B)
	@echo "all tests passed"

check-suites: $(TESTS) $(REPORT) $(REPLAYS)
	@set -e; for t in $(TESTS); do echo "== $$t"; \
	  WRES_TOP=$(CURDIR) WRES_REPORT=$(CURDIR)/$(REPORT) $$t; done
	@$(MAKE) -s fuzz-replay
	@sh tests/cli-test.sh $(CURDIR)/$(REPORT)
	@sh tests/reference-check.sh $(CURDIR)/$(REPORT)

# The same suites built with AddressSanitizer and UBSan, no recovery.
check-asan:
	$(MAKE) B=build/asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check-suites

# The threads suite (and the rest) under ThreadSanitizer.
check-tsan:
	$(MAKE) B=build/tsan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=thread" build/tsan/tests/check_threads
	TSAN_OPTIONS=halt_on_error=1 WRES_TOP=$(CURDIR) build/tsan/tests/check_threads

# The suites under valgrind: no forking, leaks are errors.  The oom suite
# fails every 10th allocation site there (valgrind is some 40 times slower;
# check and check-asan fail every site).
check-valgrind: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== valgrind $$t"; \
	  CK_FORK=no WRES_TOP=$(CURDIR) WRES_OOM_STRIDE=10 valgrind -q --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9 $$t; done

$(B)/wres.pc: wres.pc.in include/wres.h FORCE
	@mkdir -p $(@D)
	sed -e 's|@prefix@|$(prefix)|' -e 's|@libdir@|$(libdir)|' \
	    -e 's|@includedir@|$(includedir)|' -e 's|@version@|$(VERSION)|' $< > $@

install: all
	$(INSTALL) -d $(DESTDIR)$(libdir) $(DESTDIR)$(includedir) $(DESTDIR)$(bindir) \
	  $(DESTDIR)$(pkgconfigdir) $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man3 \
	  $(DESTDIR)$(mandir)/man5
	$(INSTALL) -m 644 include/wres.h $(DESTDIR)$(includedir)/wres.h
	$(INSTALL) -m 755 $(SOFILE) $(DESTDIR)$(libdir)/libwres.so.$(VERSION)
	ln -sf libwres.so.$(VERSION) $(DESTDIR)$(libdir)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(libdir)/libwres.so
	$(INSTALL) -m 644 $(STATIC) $(DESTDIR)$(libdir)/libwres.a
	$(INSTALL) -m 644 $(B)/wres.pc $(DESTDIR)$(pkgconfigdir)/wres.pc
	$(INSTALL) -m 755 $(REPORT) $(DESTDIR)$(bindir)/wres-report
	$(INSTALL) -m 644 man/*.3 $(DESTDIR)$(mandir)/man3/
	$(INSTALL) -m 644 man/*.1 $(DESTDIR)$(mandir)/man1/
	$(INSTALL) -m 644 man/*.5 $(DESTDIR)$(mandir)/man5/

uninstall:
	rm -f $(DESTDIR)$(includedir)/wres.h $(DESTDIR)$(libdir)/libwres.so.$(VERSION) \
	  $(DESTDIR)$(libdir)/$(SONAME) $(DESTDIR)$(libdir)/libwres.so \
	  $(DESTDIR)$(libdir)/libwres.a $(DESTDIR)$(pkgconfigdir)/wres.pc \
	  $(DESTDIR)$(bindir)/wres-report
	for f in man/*.3; do rm -f $(DESTDIR)$(mandir)/man3/$${f#man/}; done
	for f in man/*.1; do rm -f $(DESTDIR)$(mandir)/man1/$${f#man/}; done
	for f in man/*.5; do rm -f $(DESTDIR)$(mandir)/man5/$${f#man/}; done

# The ABI guard: the built library against the committed abidw baseline.
# Additions are allowed (--no-added-syms); any other difference in the
# symbols or types of the baseline, incompatible or not, fails.
abi-check: $(SOFILE)
	abidw --no-corpus-path --headers-dir include $(SOFILE) > $(B)/libwres.abi
	@abidiff --no-added-syms --headers-dir1 include --headers-dir2 include \
	  tests/abi/libwres.abi $(B)/libwres.abi; s=$$?; \
	  if [ $$s -ne 0 ]; then echo "abi-check: the ABI of WRES_1.0 changed (abidiff status $$s)"; exit 1; fi
	@echo "abi-check: no change to the committed ABI"

# Run once per release that adds symbols, and commit the result.
abi-baseline: $(SOFILE)
	@mkdir -p tests/abi
	abidw --no-corpus-path --headers-dir include $(SOFILE) > tests/abi/libwres.abi
	nm -D --defined-only $(SOFILE) | awk '$$3 ~ /^wres_/ {sub(/@.*/, "", $$3); print $$3}' \
	  | sort > tests/abi/exports.txt

# Line and branch coverage of libwres/ by the suites (gcov, via gcovr).
coverage:
	rm -rf build/cov
	$(MAKE) -s B=build/cov CFLAGS="-O0 -g --coverage -fprofile-update=atomic" LDFLAGS="--coverage" check-suites > build/coverage.log 2>&1 || \
	  { tail -30 build/coverage.log; exit 1; }
	gcovr --root . --filter 'libwres/' --exclude-unreachable-branches --exclude-throw-branches \
	  --txt build/cov/coverage.txt build/cov
	@tail -n 20 build/cov/coverage.txt
	@gcovr --root . --filter 'libwres/' --exclude-unreachable-branches --branches build/cov | tail -n 3

# ---- benchmark ---------------------------------------------------------------
# make bench: the national dataset (generated once, fixed seed) through
# wres-bench.  BENCH_SCALE multiplies the staff per organisation.
BENCH_SCALE ?= 1
BENCH_DIR   ?= $(B)/bench/national-x$(BENCH_SCALE)
SLOW_OBJ := $(patsubst libwres/%.c,$(B)/slow/%.o,$(LIB_SRC))
SLOW_LIB := $(B)/slow/libwres-slow.a

$(B)/bench/gen-national: tests/bench/gen-national.c
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 $< -o $@

$(B)/bench/wres-bench: tests/bench/wres-bench.c $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(WARN) -Iinclude $(CFLAGS) $< $(STATIC) $(LDFLAGS) -lm -o $@

# The straightforward path (no memo, every id a string), to prove the fast
# path gives byte-identical reports.
$(B)/slow/%.o: libwres/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS_LIB) -DWRES_SLOW_PATH $(CFLAGS) -c $< -o $@

$(SLOW_LIB): $(SLOW_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/bench/wres-bench-slow: tests/bench/wres-bench.c $(SLOW_LIB)
	@mkdir -p $(@D)
	$(CC) $(WARN) -Iinclude $(CFLAGS) $< $(SLOW_LIB) $(LDFLAGS) -lm -o $@

bench: $(B)/bench/gen-national $(B)/bench/wres-bench
	@if [ ! -f $(BENCH_DIR)/staff.csv ]; then mkdir -p $(BENCH_DIR) && \
	  $(B)/bench/gen-national $(BENCH_DIR) --scale $(BENCH_SCALE); fi
	$(B)/bench/wres-bench $(BENCH_DIR)

# make bench-peers: the same national files through DuckDB and pandas in the
# same run as libwres, every per-(org, year) figure checked against
# libwres's, and the time and memory ratios printed.  Optional, not in make
# check; tests/bench/peers/run.sh installs @duckdb/node-api (npm ci) and
# python3-pandas (apt-get) when they are missing.
bench-peers: $(B)/bench/gen-national $(B)/bench/wres-bench
	@if [ ! -f $(BENCH_DIR)/staff.csv ]; then mkdir -p $(BENCH_DIR) && \
	  $(B)/bench/gen-national $(BENCH_DIR) --scale $(BENCH_SCALE); fi
	WRES_BENCH=$(B)/bench/wres-bench sh tests/bench/peers/run.sh $(BENCH_DIR)

# ---- fuzzing ---------------------------------------------------------------
# libFuzzer targets (clang), one per record kind plus the whole report and
# the summary loader; the
# replay drivers run the same targets with the normal compiler over the
# seed corpora and every kept crash input, in make check.
FUZZ_KINDS   := staff applicants survey survey_counts board
FUZZ_TARGETS := $(FUZZ_KINDS) report summary
FUZZ_SECONDS ?= 30
FUZZ_CC      ?= clang
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
kind_num = $(if $(filter staff,$1),1,$(if $(filter applicants,$1),2,$(if $(filter survey,$1),3,$(if $(filter survey_counts,$1),4,5))))
fuzz_src = $(if $(filter report,$1),tests/fuzz/fuzz_report.c,$(if $(filter summary,$1),tests/fuzz/fuzz_summary.c,tests/fuzz/fuzz_csv.c))
REPLAYS := $(patsubst %,$(B)/fuzz/replay_%,$(FUZZ_TARGETS))

$(B)/fuzz/replay_%: tests/fuzz/replay.c tests/fuzz/fuzz_csv.c tests/fuzz/fuzz_report.c tests/fuzz/fuzz_summary.c tests/fuzz/fuzz_check.h $(STATIC)
	@mkdir -p $(@D)
	$(CC) $(WARN) -Iinclude $(CFLAGS) -D_POSIX_C_SOURCE=200809L -DFUZZ_KIND=$(call kind_num,$*) \
	  tests/fuzz/replay.c $(call fuzz_src,$*) $(STATIC) $(LDFLAGS) -lm -o $@

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_csv.c tests/fuzz/fuzz_report.c tests/fuzz/fuzz_summary.c tests/fuzz/fuzz_check.h $(LIB_SRC) $(HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Iinclude -Ilibwres -D_POSIX_C_SOURCE=200809L \
	  -DFUZZ_KIND=$(call kind_num,$*) $(call fuzz_src,$*) $(LIB_SRC) -lm -o $@

fuzz-replay: $(REPLAYS)
	@set -e; for t in $(FUZZ_TARGETS); do printf '%s: ' "fuzz replay $$t"; \
	  $(B)/fuzz/replay_$$t tests/fuzz/corpus/$$t tests/fuzz/crashes/$$t; done

# make fuzz FUZZ_SECONDS=N: each target for N seconds; new crash inputs land
# in tests/fuzz/crashes/TARGET/ (keep them: make check replays them).
fuzz: $(patsubst %,$(B)/fuzz/fuzz_%,$(FUZZ_TARGETS))
	@sh tests/fuzz/run.sh $(B) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Everything CI runs: the suites, the sanitizers, valgrind, ThreadSanitizer,
# the HTML report in headless Chromium and FUZZ_SECONDS (30) of each fuzz
# target.
ci: check check-asan check-valgrind check-tsan check-browser fuzz
	@echo "ci: all passed"

clean:
	rm -rf $(B)

FORCE:
