# Fluxomics: the two commands a newcomer needs.
#
#   make run    set up this machine, build, and start a dev node on ws://127.0.0.1:9944
#   make test   set up this machine, build, run every Rust test, then the polkadot.js suite
#
# Builds share one target directory outside the clone, so a fresh clone (like CI's) starts warm.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export CARGO_TARGET_DIR ?= $(HOME)/.cache/fluxomics/target
# The target dir is outside the clone: tell substrate-wasm-builder where the workspace is.
export WASM_BUILD_WORKSPACE_HINT := $(CURDIR)
export PATH := $(HOME)/.cargo/bin:$(PATH)
NODE_BIN := $(CARGO_TARGET_DIR)/release/fluxomics-node
# Every cargo call reads the wasm toolchain the bootstrap chose.
ENV := source .bootstrap.env &&
CARGO := $(ENV) cargo

.PHONY: all bootstrap build run test test-rust test-e2e fuzz bench sim clippy fmt

all: build

bootstrap:
	@scripts/bootstrap.sh

build: bootstrap
	$(CARGO) build --release --locked -p fluxomics-node

run: build
	exec $(NODE_BIN) --dev --rpc-port 9944 --rpc-cors all $(ARGS)

test: build test-rust test-e2e

# Release tests reuse the node's release build of every dependency (see docs/build.md).
test-rust: bootstrap
	# Not the stock-fee runtime: `make bench` builds its blob (scripts/bench.sh).
	$(CARGO) test --release --locked --workspace --exclude fluxomics-runtime-stock
	# The benchmarks, run once each as tests against the pallets' mock runtimes.
	$(ENV) SKIP_WASM_BUILD=1 cargo test --release --locked -p pallet-flux -p pallet-power -p pallet-power-metering -p pallet-power-market -p pallet-pocw -p pallet-flox --features runtime-benchmarks

# The runtime fuzzer (docs/reliability.md): SECONDS of random blocks, from SEED (from the clock
# if unset; every run prints its seed). `make test-rust` runs it too, for 60 s.
SECONDS ?= 600
SEED ?=
fuzz: bootstrap
	$(ENV) FUZZ_SECONDS=$(SECONDS) FUZZ_SEED=$(SEED) cargo test --release --locked -p fluxomics-runtime --test fuzz -- --nocapture

# The Power path against the stock fee path, side by side (docs/performance.md). Not part of
# `make test`: it builds the runtime a second time, with `--features stock-fees`.
bench: build
	scripts/bench.sh

# The economics simulator (docs/economics.md). `make sim` regenerates the plots of the shipped
# scenarios in docs/img/sim/; `make sim SCENARIO=file.json COMPARE="power.alpha.msg=2000"` runs
# one scenario, with and without the change, into OUT (default sim-output/<name>).
SCENARIO ?=
COMPARE ?=
OUT ?=
SIM := $(CARGO_TARGET_DIR)/release/fluxomics-sim
sim: bootstrap
	$(CARGO) build --release --locked -p fluxomics-sim
	if [ -n "$(SCENARIO)" ]; then \
	  $(SIM) $(SCENARIO) $(foreach c,$(COMPARE),--compare $(c)) $(if $(OUT),--out $(OUT)); \
	else \
	  for s in day1-30 heavy-week; do $(SIM) crates/sim/scenarios/$$s.json --out docs/img/sim/$$s; done; \
	  $(SIM) crates/sim/scenarios/day1-30.json --compare power.alpha.exec=2000 --out docs/img/sim/day1-30-alpha-exec; \
	fi

test-e2e: bootstrap
	cd e2e && FLUXOMICS_NODE=$(NODE_BIN) node --test --test-concurrency=1 tests/

# The wasm runtime is not needed to lint it.
clippy: bootstrap
	$(ENV) SKIP_WASM_BUILD=1 cargo clippy --release --locked --workspace --exclude fluxomics-runtime-stock --all-targets -- -D warnings
	$(ENV) SKIP_WASM_BUILD=1 cargo clippy --release --locked -p fluxomics-runtime --features stock-fees --all-targets -- -D warnings

fmt:
	cargo fmt --all
