# vigie - plain Makefile with pkg-config. `make` leaves the binary at ./vigie.
# `make` alone builds ./vigie and the library (scripts/demo.sh runs it): the generated-assets
# rule below comes first in the file and would otherwise be the default goal.
.DEFAULT_GOAL := all
CC      ?= cc
BUILD   ?= build
PKGS    := sqlite3 libpq libxml-2.0 zlib libutf8proc libexttextcat libcurl libpcre2-8 libmicrohttpd
# libcurl, libpq and libmicrohttpd are not linked: only the commands that fetch, use PostgreSQL
# or serve need them, and lib/core/dynlib.c opens each at its first call (their headers only here).
LAZY_PKGS := libpq libcurl libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS))) -lstemmer -lm -lpthread -ldl

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DVG_DATA_DIR='"$(CURDIR)/data"'
OPT     ?= -O2 -g
CFLAGS  ?=
ALL_CFLAGS = -std=c11 $(WARN) $(OPT) $(DEFS) -Iinclude $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS ?=

LIB_SRC  := $(shell find lib -name '*.c' | sort)
CLI_SRC  := $(wildcard cli/*.c)
TEST_SRC := $(wildcard tests/unit/*.c)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)

# Files `vigie serve` carries in its binary (scripts/embed-assets.py): the web
# view's build output (web/dist, made by scripts/web-build.sh) when there is
# one, else a placeholder page; and the OpenAPI document. The list is kept in
# a file rewritten only when it changes, so a new or removed file rebuilds.
# A web/dist older than web/src is brought up to date first (scripts/web-build.sh: a
# find when current), so `make` never embeds a stale view.
ASSET_FRESH := $(shell [ -d web/dist ] && scripts/web-build.sh >/dev/null 2>&1 || true)
ASSET_DIR   := $(firstword $(wildcard web/dist) web/placeholder)
ASSET_FILES := $(shell find $(ASSET_DIR) -type f 2>/dev/null | sort) lib/serve/openapi.json
ASSET_LIST  := $(shell mkdir -p $(BUILD)/gen && echo "$(ASSET_DIR) $(ASSET_FILES)" > $(BUILD)/gen/assets.list.new && \
                 (cmp -s $(BUILD)/gen/assets.list.new $(BUILD)/gen/assets.list || cp $(BUILD)/gen/assets.list.new $(BUILD)/gen/assets.list); \
                 echo $(BUILD)/gen/assets.list)
$(BUILD)/gen/assets.c: scripts/embed-assets.py $(ASSET_FILES) $(ASSET_LIST)
	python3 scripts/embed-assets.py $@ $(ASSET_DIR) lib/serve/openapi.json=/api/openapi.json
$(BUILD)/gen/assets.o: $(BUILD)/gen/assets.c Makefile
	$(CC) $(ALL_CFLAGS) -fvisibility=hidden -c -o $@ $<
LIB_OBJ  += $(BUILD)/gen/assets.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

.PHONY: all test test-build unit fuzz fuzz-replay fuzz-bin bench eval clean deps data gazetteer web print-libs

all: vigie $(BUILD)/libvigie.a

vigie: $(BUILD)/vigie
	@# copied then renamed: a ./vigie running meanwhile keeps its file ("Text file busy" otherwise)
	@if [ "$(BUILD)" = build ]; then cp $(BUILD)/vigie ./vigie.tmp && mv -f ./vigie.tmp ./vigie; fi

# The command links the public artefact: a call to anything but the API of
# include/vigie.h fails to link (lib/README.md: cli/ sees vigie.h alone).
$(BUILD)/vigie: $(CLI_OBJ) $(BUILD)/libvigie.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(PKG_LIBS)

# The library's artefact, libvigie.a, exports the public API of include/vigie.h
# and nothing else: library code is compiled with -fvisibility=hidden (VG_API
# marks the public declarations), linked into one object, and objcopy makes
# every hidden symbol local (tests/scenarios/exported_symbols.sh checks the
# list). Unit tests and fuzz targets use the internal archive.
$(LIB_OBJ): VISIBILITY := -fvisibility=hidden

$(BUILD)/libvigie-internal.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libvigie.o: $(LIB_OBJ)
	$(CC) -r -nostdlib -o $@.tmp $^ && objcopy --localize-hidden $@.tmp $@ && rm -f $@.tmp

$(BUILD)/libvigie.a: $(BUILD)/libvigie.o
	rm -f $@ && ar rcs $@ $^

# Objects depend on the Makefile too: a change of flags rebuilds them.
$(BUILD)/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(VISIBILITY) -MMD -MP -c -o $@ $<

$(BUILD)/unit-tests: $(TEST_OBJ) $(BUILD)/libvigie-internal.a
	$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/libvigie-internal.a $(LDFLAGS) $(PKG_LIBS)

# Fuzz targets replay their saved corpora as ordinary tests (no libFuzzer needed).
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c $(BUILD)/libvigie-internal.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libvigie-internal.a $(LDFLAGS) $(PKG_LIBS)

FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)

# The test build: ASan + UBSan, -Werror, its own folder.
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TEST_VARS = BUILD=build-test OPT="-O1 -g $(SAN) -Werror -DVG_ARENA_POISON" LDFLAGS="$(SAN)"
test:
	$(MAKE) --no-print-directory $(TEST_VARS) test-build
	VIGIE=build-test/vigie BUILD=build-test tests/run.sh

test-build: $(BUILD)/vigie $(BUILD)/libvigie.a $(BUILD)/unit-tests $(FUZZ_BIN)

# Parts of `make test`, same build: the unit tests only (`make unit T=NAME` runs
# those whose name or file contains NAME), the fuzz corpora replayed only.
unit:
	$(MAKE) --no-print-directory $(TEST_VARS) build-test/unit-tests
	VIGIE_DATA=$(CURDIR)/data build-test/unit-tests $(T)

fuzz-replay:
	$(MAKE) --no-print-directory $(TEST_VARS) fuzz-bin
	BUILD=build-test tests/fuzz/replay.sh

fuzz-bin: $(FUZZ_BIN)

# libFuzzer builds (clang) for real fuzzing sessions: make fuzz; build-fuzz/fuzz_X NEW_DIR tests/fuzz/corpus/X [tests/fixtures/X]
fuzz:
	$(MAKE) --no-print-directory CC=clang BUILD=build-fuzz OPT="-O1 -g -DVG_ARENA_POISON -fsanitize=fuzzer-no-link,address,undefined" \
	    LDFLAGS="-fsanitize=address,undefined" build-fuzz/libvigie-internal.a
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	    clang $(filter-out -O2,$(ALL_CFLAGS)) -O1 -g -fsanitize=fuzzer,address,undefined -o build-fuzz/$$n $$f \
	        build-fuzz/libvigie-internal.a $(PKG_LIBS) && echo "built build-fuzz/$$n"; done

bench: vigie
	bench/run.sh

# The long kill -9 run of the work queue (issue 14): 3 workers on 5,000
# documents, one killed every 0.5 s while work remains (at most 30; the queue drains in ~10 s here), then the
# store compared with one `vigie ingest` of the same input. A private
# PostgreSQL cluster runs for it and is stopped after. ~3 min; not in `make test`.
scenario-kill: vigie
	@d=$$(mktemp -d); trap 'scripts/pg-test-server.sh stop "$$d/pg"; rm -rf "$$d"' EXIT; \
	url=$$(scripts/pg-test-server.sh start "$$d/pg") || exit 1; \
	VIGIE_PG_URL=$$url VIGIE_PG_DIR=$$d/pg VIGIE=$(CURDIR)/vigie TMPDIR=$$d \
	PG_QUEUE_DOCS=5000 PG_QUEUE_KILLS=30 PG_QUEUE_KILL_EVERY=0.5 PG_QUEUE_VERBOSE=1 \
	    bash tests/scenarios/pg_queue.sh

eval: vigie
	scripts/eval.sh

deps:
	scripts/setup.sh

data gazetteer:
	scripts/build-gazetteer.sh

# web/dist, the web view `vigie serve` embeds: web/src and the npm libraries
# pinned in web/package-lock.json (scripts/web-build.sh; a no-op when current).
web:
	scripts/web-build.sh

# The link line of libvigie-internal.a, for the drivers bench/ builds (one list, not one per script).
print-libs:
	@echo $(PKG_LIBS)

clean:
	rm -rf build build-test build-fuzz vigie

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
