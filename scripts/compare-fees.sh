#!/usr/bin/env bash
# Measures ChargePower against the stock ChargeTransactionPayment in one process, on this machine,
# and prints both times and their ratio (see docs/performance.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/bootstrap.sh --no-npm
# shellcheck disable=SC1091
source .bootstrap.env
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/fluxomics/target}"
SKIP_WASM_BUILD=1 cargo test --release --locked -p pallet-power-metering --lib \
  tests::comparison -- --ignored --nocapture --test-threads 1
