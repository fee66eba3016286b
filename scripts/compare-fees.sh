#!/usr/bin/env bash
# Measures ChargePower against the stock ChargeTransactionPayment in one process, on this machine,
# and prints both times and their ratio (see docs/performance.md).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
SKIP_WASM_BUILD=1 cargo test --release --locked -p pallet-power-metering --lib \
  tests::comparison -- --ignored --nocapture --test-threads 1
