# http-status-explorer — build, test, serve.
#
# `make help` lists the targets: each one a person runs carries a `## what it
# does` comment on its rule line, and help prints those.

PORT ?= 8080
FUZZ_SECONDS ?= 60
CC ?= cc
CLANG ?= clang
EMCC ?= emcc

# Debian's emscripten 3.1.6 needs its JS tools found here with Node 20.
export NODE_PATH := /usr/share/nodejs

BUILD := build

# One source list per layer; each layer links only with those below it
# (core <- registry <- http <- server <- src/wasm_*.c), so a call that runs upward
# fails to link in that layer's tests. These link lists are the guarantee:
# `make check-layers` (part of `make test`) links each layer alone with the
# ones below it and nothing left undefined, tests or not.
CORE_SRC := $(wildcard src/core/*.c)
REGISTRY_SRC := $(CORE_SRC) $(filter-out src/registry/gen_catalog.c,$(wildcard src/registry/*.c))
HTTP_SRC := $(REGISTRY_SRC) $(wildcard src/http/*.c)
SERVER_SRC := $(HTTP_SRC) $(filter-out src/server/gen_examples.c,$(wildcard src/server/*.c))
ENGINE_DEPS := $(wildcard src/*.c src/*.h src/*/*.c src/*/*.h src/*/*.def)

# The engine is three wasm modules (src/wasm_io.h): status.wasm, the first,
# with the registry and the query reader (descriptions apart, per language,
# in text-LANG.bin, and the framework table in frameworks.bin); http.wasm,
# loaded on first use, with the request parser and the simulated server;
# lint.wasm, loaded on the first lint, with the response linter. Each
# exports exactly src/exports_NAME.txt (the linker drops what it does not
# reach, so http.wasm carries no linter and lint.wasm no server).
WASM_registry_SRC := $(REGISTRY_SRC) src/wasm_io.c src/wasm_registry.c
WASM_http_SRC := $(SERVER_SRC) src/wasm_io.c src/wasm_http.c
WASM_registry_CFLAGS := -DHS_TEXT_EXTERNAL -DHS_FRAMEWORKS_EXTERNAL -DHS_OUT_CAP=65536
# V8 compiles a wasm function on its first call, the whole body at once: a
# first lookup or query pays for every function it enters. Left to itself,
# wasm-opt inlines each one-caller function into its caller, so the first
# lookup(404) compiled 6.2 KB (its writer had the unassigned text, the other
# meanings and the required fields inside) and the first query 10.7 KB.
# Inlining only one-caller functions up to 100 (binaryen's size units)
# leaves the cold paths apart: 3.8 KB and 8.4 KB, about 0.2 ms and 0.5 ms
# of CPU less (bench/startup.mjs), and the module 55 bytes smaller gzipped.
WASM_registry_LDFLAGS := -sINITIAL_MEMORY=524288 -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=100
# http.wasm reads the examples' and Flask handlers' texts from examples.bin
# (src/server/server.h), fetched when a view first shows them, and the
# server's Korean texts from server-ko.bin, fetched with the second module
# when the exchange is in Korean or first needs Korean.
WASM_http_CFLAGS := -DHS_TEXT_EXTERNAL -DHS_EXAMPLES_EXTERNAL -DHS_SERVER_TEXT_EXTERNAL
# Without the linter, wasm-opt inlines request.c's body readers (one caller
# each) into hs_request_parse, an 8.4 KB body (tests/glue.test.mjs holds
# each to 8 KB): only one-caller functions up to 600 (of binaryen's size
# units) are inlined, which leaves it 4.1 KB and the module 16 bytes smaller.
# A second -Oz after emscripten's own finds what the first left behind
# (145 bytes gz; the same limit holds, simulate's speed is unchanged).
WASM_http_LDFLAGS := -sINITIAL_MEMORY=1048576 -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=600,-Oz
WASM_lint_SRC := $(HTTP_SRC) src/wasm_io.c src/wasm_lint.c
WASM_lint_CFLAGS := -DHS_TEXT_EXTERNAL
# Alone, the linter's checks each have one caller and wasm-opt would inline
# them all into one 10.8 KB body (tests/glue.test.mjs holds each to 8 KB, a
# compile-time guard): only those up to 500 are inlined (6.5 KB at most).
WASM_lint_LDFLAGS := -sINITIAL_MEMORY=1048576 -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=500
# Each file is compiled for size (-Oz) but, in the second module, the hot
# loops for speed: the JSON writer, the template expander and the Korean
# particles are about 60% of an exchange's time, and -O2 there makes
# simulate(GET) in wasm about 1.9x as fast for 0.9 KB gz more
# (bench/server-bench.mjs); the request parser's field-line loop is about
# half of parseRequest(string), and -O2 there makes the wasm call about 13%
# faster for 0.65 KB gz more (bench/request-bench.mjs). The first module
# stays small (issue 9's budgets).
# Those files are compiled -O2 without loop unrolling: unrolled copies of the
# byte loops were 275 bytes gz of http.wasm and bought no measurable speed
# (simulate and parseRequest within 2% either way, paired A/B).
WASM_registry_FAST :=
WASM_http_FAST := src/core/json.c src/core/hs.c src/core/korean.c src/http/request.c
WASM_lint_FAST :=
WASM_FAST_CFLAGS := -O2 -fno-unroll-loops

# What each native test links: tests/c/test_LAYER.c with LAYER and below.
LINK_core := $(CORE_SRC)
LINK_registry := $(REGISTRY_SRC)
LINK_search := $(REGISTRY_SRC)
LINK_http := $(HTTP_SRC)
LINK_lint := $(HTTP_SRC)
LINK_server := $(SERVER_SRC)
# Each fuzz target links the layer it drives.
LINK_fuzz_query := $(REGISTRY_SRC)
LINK_fuzz_request := $(HTTP_SRC)
LINK_fuzz_lint := $(HTTP_SRC)
LINK_fuzz_server := $(SERVER_SRC)

WARN := -std=c11 -Wall -Wextra -Werror -pedantic
SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

comma := ,
empty :=
space := $(empty) $(empty)

WASM_FLAGS := -Oz -mbulk-memory --no-entry -sSTANDALONE_WASM -sALLOW_MEMORY_GROWTH=0 \
	-sTOTAL_STACK=65536 -sERROR_ON_UNDEFINED_SYMBOLS=1
# The -sEXPORTED_FUNCTIONS list of module $(1), from src/exports_$(1).txt.
wasm_exports = -sEXPORTED_FUNCTIONS=$(subst $(space),$(comma),$(addprefix _,$(shell cat src/exports_$(1).txt)))

GENERATED := web/status-codes.js web/status-codes.d.ts web/codes.js web/codes.d.ts web/text-en.bin web/text-ko.bin web/frameworks.bin
# The package's entry for Node: engine.js and its static imports in one file.
NODE_ENTRY := web/engine-node.js
# The page's scripts as index.html loads them: app.js and its static imports in
# one file, each module loaded on use a chunk beside it (scripts/bundle-page.mjs).
PAGE_BUNDLE := web/page/app.js
PAGE_SOURCES := $(filter-out $(NODE_ENTRY),$(wildcard web/*.js))
EXAMPLES_BIN := web/examples.bin web/server-ko.bin

TEST_HEADERS := $(wildcard tests/fuzz/*.h)
C_TESTS := $(patsubst tests/c/%.c,%,$(wildcard tests/c/test_*.c))
FUZZERS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

.PHONY: help all wasm catalog start serve test check-layers test-c test-js test-browser test-dist test-package test-docs dist fuzz bench deps clean

all: wasm catalog ## build the wasm modules and the generated files (the default)

help: ## list these targets
	@awk -F ':[^#]*## ' '/^[a-z][a-z-]*:[^#]*## / { printf "  make %-14s %s\n", $$1, $$2 }' $(firstword $(MAKEFILE_LIST))

wasm: web/status.wasm web/http.wasm web/lint.wasm ## build the three wasm modules (web/status.wasm, web/http.wasm, web/lint.wasm)
catalog: $(GENERATED) $(EXAMPLES_BIN) $(NODE_ENTRY) $(PAGE_BUNDLE) ## write the generated files (catalogue, types, codes.js, text-*.bin, frameworks.bin, examples.bin, server-ko.bin, engine-node.js, the page's bundle web/page/)

# Module $(1) (registry, http or lint) into web/$(2).wasm: one object per source
# under build/wasm/$(1)/ (WASM_FAST_CFLAGS for WASM_$(1)_FAST, else -Oz), linked with -Oz.
define wasm_module
WASM_$(1)_OBJ := $$(patsubst src/%.c,$(BUILD)/wasm/$(1)/%.o,$$(WASM_$(1)_SRC))
$(BUILD)/wasm/$(1)/%.o: src/%.c $(ENGINE_DEPS) Makefile
	@mkdir -p $$(@D)
	$(EMCC) $(WARN) $$(if $$(filter $$<,$$(WASM_$(1)_FAST)),$(WASM_FAST_CFLAGS),-Oz) -mbulk-memory $$(WASM_$(1)_CFLAGS) -Isrc -c $$< -o $$@
web/$(2).wasm: $$(WASM_$(1)_OBJ) src/exports_$(1).txt
	$(EMCC) $(WASM_FLAGS) $$(WASM_$(1)_LDFLAGS) $$(call wasm_exports,$(1)) $$(WASM_$(1)_OBJ) -o $$@
endef
$(eval $(call wasm_module,registry,status))
$(eval $(call wasm_module,http,http))
$(eval $(call wasm_module,lint,lint))

$(BUILD)/gen_catalog: src/registry/gen_catalog.c $(ENGINE_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(WARN) -O1 -Isrc src/registry/gen_catalog.c $(REGISTRY_SRC) -o $@

$(GENERATED) &: $(BUILD)/gen_catalog
	$(BUILD)/gen_catalog web

$(BUILD)/gen_examples: src/server/gen_examples.c $(ENGINE_DEPS)
	@mkdir -p $(BUILD)
	$(CC) $(WARN) -O1 -Isrc src/server/gen_examples.c $(SERVER_SRC) -o $@

$(EXAMPLES_BIN) &: $(BUILD)/gen_examples
	$(BUILD)/gen_examples web

$(NODE_ENTRY): web/engine.js web/engine-io.js web/expiry.js scripts/gen-node-entry.mjs
	node scripts/gen-node-entry.mjs $@

$(PAGE_BUNDLE): $(PAGE_SOURCES) scripts/bundle-page.mjs
	node scripts/bundle-page.mjs $(@D)

deps: ## install what is missing (Debian packages, npm devDependencies)
	@bash scripts/install-deps.sh

start: deps all ## install what is missing, build, serve web/ on http://127.0.0.1:PORT (8080)
	node scripts/serve.mjs --port $(PORT)

serve: all ## build and serve web/ (no install step)
	node scripts/serve.mjs --port $(PORT)

test: deps all check-layers test-c test-js test-browser test-dist test-package test-docs ## install, build, run every test

# Each layer links alone with the layers below it and no symbol left
# undefined but libc's: an upward call (or a cycle across layers) fails here.
check-layers: ## link each engine layer alone with the ones below it
	@mkdir -p $(BUILD)/layers
	$(foreach l,core registry http server,$(CC) $(WARN) -O0 -shared -fPIC -Wl,--no-undefined -Isrc $(LINK_$(l)) -o $(BUILD)/layers/$(l).so &&) true

# Native unit tests, each built with gcc and clang under ASan + UBSan.
test-c: $(foreach t,$(C_TESTS),$(BUILD)/gcc/$(t) $(BUILD)/clang/$(t)) ## native tests (gcc and clang, ASan + UBSan)
	@set -e; for t in $^; do echo "# $$t"; ASAN_OPTIONS=detect_leaks=1 $$t; done

$(BUILD)/gcc/test_%: tests/c/test_%.c tests/c/test.h $(TEST_HEADERS) $(ENGINE_DEPS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -g -O1 $(SAN) -Isrc $< $(LINK_$*) -o $@

$(BUILD)/clang/test_%: tests/c/test_%.c tests/c/test.h $(TEST_HEADERS) $(ENGINE_DEPS)
	@mkdir -p $(@D)
	$(CLANG) $(WARN) -g -O1 $(SAN) -Isrc $< $(LINK_$*) -o $@

test-js: all ## node tests (tests/*.test.mjs)
	node --test tests/*.test.mjs

# The static site: make dist, served by a plain static server, in Chromium.
dist: all ## the static site in dist/ (BASE=URL for absolute links)
	node scripts/build-dist.mjs $(if $(BASE),--base $(BASE))

test-dist: dist ## the static site in Chromium
	node --test --test-concurrency=1 tests/dist/*.test.mjs

# The npm package as users get it: packed, installed offline, used from
# Node, npx, a bundle in Chromium and tsc.
test-package: all ## the npm package as users get it
	node --test --test-concurrency=1 tests/package/*.test.mjs

# The README's embedding recipes, each built by its real generator
# (VitePress, Docusaurus, MkDocs and Material) and checked in Chromium.
test-docs: all ## the README's embedding recipes, built and checked
	node --test --test-concurrency=1 tests/docs/*.test.mjs

BROWSER_TESTS := $(wildcard tests/browser/*.test.mjs)
test-browser: all ## browser tests (Chromium via playwright-core)
	$(if $(BROWSER_TESTS),node --test --test-concurrency=1 $(BROWSER_TESTS),@echo "no browser tests")

# libFuzzer targets: tests/fuzz/fuzz_NAME.c with seeds in tests/fuzz/corpus/NAME/.
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(TEST_HEADERS) $(ENGINE_DEPS)
	@mkdir -p $(@D)
	$(CLANG) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc $< $(LINK_fuzz_$*) -o $@

fuzz: $(addprefix $(BUILD)/fuzz/,$(FUZZERS)) ## every libFuzzer target for FUZZ_SECONDS each
	@set -e; for f in $(FUZZERS); do \
		name=$${f#fuzz_}; mkdir -p $(BUILD)/corpus/$$name; \
		echo "# $$f for $(FUZZ_SECONDS)s"; \
		$(BUILD)/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -artifact_prefix=$(BUILD)/ \
			$(BUILD)/corpus/$$name tests/fuzz/corpus/$$name; \
	done

bench: all ## print the benchmarks (not part of make test)
	node bench/run.mjs

clean: ## remove build outputs
	rm -rf $(BUILD) web/status.wasm web/http.wasm web/lint.wasm $(GENERATED) $(EXAMPLES_BIN) $(NODE_ENTRY) $(dir $(PAGE_BUNDLE))
