# libwres - plain GNU make.  Everything built goes under build/.
#   make            the libraries and wres-report
#   make demo       the sample trust's report
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
LIB_SRC := $(wildcard libwres/*.c)
LIB_OBJ := $(patsubst libwres/%.c,$(B)/obj/%.o,$(LIB_SRC))
PIC_OBJ := $(patsubst libwres/%.c,$(B)/pic/%.o,$(LIB_SRC))
HDRS    := include/wres.h libwres/wres_private.h
SONAME  := libwres.so.$(VERSION_MAJOR)
SOFILE  := $(B)/libwres.so.$(VERSION)
STATIC  := $(B)/libwres.a
REPORT  := $(B)/wres-report
GEN     := $(B)/gen-sample
TESTS   := $(patsubst tests/%.c,$(B)/tests/%,$(wildcard tests/check_*.c))

.PHONY: all demo check check-asan check-valgrind sample clean
all: $(STATIC) $(SOFILE) $(REPORT)

$(B)/obj/%.o: libwres/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS_LIB) $(CFLAGS) -fvisibility=hidden -c $< -o $@

$(B)/pic/%.o: libwres/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS_LIB) $(CFLAGS) -fvisibility=hidden -fPIC -c $< -o $@

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

demo: $(REPORT)
	$(REPORT) --staff examples/data/staff.csv \
	  --applicants examples/data/applicants.csv \
	  --survey examples/data/survey.csv \
	  --survey-counts examples/data/survey_counts.csv \
	  --board examples/data/board.csv --org RXX; \
	  s=$$?; [ $$s -le 1 ] || exit $$s

sample: $(GEN)
	$(GEN) examples/data

$(B)/tests/%: tests/%.c tests/testutil.h $(STATIC) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -Wno-shadow $(CPPFLAGS_LIB) -Itests $(CFLAGS) $< $(STATIC) $(LDFLAGS) $(PKG_CHECK) -lm -o $@

check: $(TESTS) $(REPORT) $(GEN)
	@set -e; for t in $(TESTS); do echo "== $$t"; \
	  WRES_TOP=$(CURDIR) WRES_REPORT=$(CURDIR)/$(REPORT) $$t; done
	@sh tests/cli-test.sh $(CURDIR)/$(REPORT)
	@sh tests/sample-check.sh $(GEN)
	@sh tests/readme-example.sh
	@sh tests/reference-check.sh $(CURDIR)/$(REPORT)
	@echo "all tests passed"

# The same suites built with AddressSanitizer and UBSan, no recovery.
check-asan:
	$(MAKE) B=build/asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check

# The suites under valgrind: no forking, leaks are errors.
check-valgrind: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== valgrind $$t"; \
	  CK_FORK=no WRES_TOP=$(CURDIR) valgrind -q --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=9 $$t; done

clean:
	rm -rf $(B)
