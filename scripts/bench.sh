#!/usr/bin/env bash
# `make bench`: the Power path side by side with the stock fee path (`pallet-transaction-payment`,
# the runtime's `stock-fees` feature) in one run, and Flox's fold of a full block; prints the
# table docs/performance.md shows.
#
# 1. Block capacity: the runtime's `block_capacity` test fills a block with transfers and with
#    messages, Power path and Flux path, natively, in each build (SKIP_WASM_BUILD=1: the stock
#    build never touches the node's wasm), and writes the blocks it built.
# 2. Build and import time, in wasm: `fluxomics-node bench-blocks` times each of those blocks with
#    its runtime's blob (the node's, and `fluxomics-runtime-stock`'s, a crate of its own so that
#    its blob has its own path).
# 3. Flox: the `flox_full_block` test folds a full block of transfers.
#
# Needs `make build` (the node and its runtime blob) first; `make bench` does both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/bootstrap.sh --no-npm
# shellcheck disable=SC1091
source .bootstrap.env
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/fluxomics/target}"
export WASM_BUILD_WORKSPACE_HINT="$root"
node="$CARGO_TARGET_DIR/release/fluxomics-node"
wasm="$CARGO_TARGET_DIR/release/wbuild/fluxomics-runtime/fluxomics_runtime.compact.compressed.wasm"
stock_wasm="$CARGO_TARGET_DIR/release/wbuild/fluxomics-runtime-stock/fluxomics_runtime_stock.compact.compressed.wasm"
[ -x "$node" ] && [ -f "$wasm" ] || { echo "bench: run \`make build\` first" >&2; exit 2; }
REPEAT="${REPEAT:-5}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/lines"

echo "bench: the stock-fee runtime's blob" >&2
cargo build --release --locked -p fluxomics-runtime-stock >&2
for features in "" "stock-fees"; do
  echo "bench: block capacity, ${features:-Power path} build" >&2
  BENCH_OUT="$out" BENCH_BLOCKS="$work" SKIP_WASM_BUILD=1 \
    cargo test --release --locked -p fluxomics-runtime ${features:+--features "$features"} \
    --test block_capacity -- --ignored --nocapture --test-threads 1 | grep -o 'CAPACITY.*' >&2
done
for file in "$work"/*.blocks; do
  name=$(basename "$file" .blocks)
  case "$name" in stock-*) blob="$stock_wasm" ;; *) blob="$wasm" ;; esac
  echo "bench: build and import in wasm, $name" >&2
  line=$("$node" bench-blocks --runtime "$blob" --blocks "$file" --repeat "$REPEAT")
  echo "$line" >&2
  echo "TIMES ${name//-/ } ${line#BLOCKS }" >> "$out"
done
echo "bench: Flox's fold of a full block" >&2
SKIP_WASM_BUILD=1 cargo test --release --locked -p fluxomics-runtime --test flox_full_block \
  -- --nocapture --test-threads 1 | grep -o 'FOLD.*' >> "$out"

awk '
  function ms(s) { sub(/^[a-z]+=/, "", s); sub(/ms$/, "", s); return s + 0 }
  $1 == "CAPACITY" { n[$2, $3, $4] = $5; w[$2, $3, $4] = $7; l[$2, $3, $4] = $8 }
  $1 == "TIMES" { x[$2, $3, $4] = $5; b[$2, $3, $4] = ms($6); i[$2, $3, $4] = ms($7) }
  $1 == "FOLD" { fold = $0 }
  END {
    split("transfer message", kinds, " ")
    split("power flux", paths, " ")
    print "| in one full block | Fluxomics | stock | ratio |"
    print "|---|---|---|---|"
    for (k = 1; k <= 2; k++) for (p = 1; p <= 2; p++) {
      K = kinds[k]; P = paths[p]
      label = (P == "power") ? "Power path" : "Flux path"
      a = n["fluxomics", K, P]; s = n["stock", K, P]
      printf "| %ss, %s: transactions (weight, length used) | %d (%s, %s) | %d (%s, %s) | **%.3f** |\n", \
        K, label, a, w["fluxomics", K, P], l["fluxomics", K, P], s, w["stock", K, P], l["stock", K, P], \
        (s > 0 ? a / s : 0)
      fb = b["fluxomics", K, P]; sb = b["stock", K, P]; fi = i["fluxomics", K, P]; si = i["stock", K, P]
      if (fb > 0 && sb > 0) {
        printf "| %ss, %s: build, wasm (transactions a second) | %.1f ms (%d/s) | %.1f ms (%d/s) | **%.3f** |\n", \
          K, label, fb, 1000 * x["fluxomics", K, P] / fb, sb, 1000 * x["stock", K, P] / sb, \
          (x["fluxomics", K, P] / fb) / (x["stock", K, P] / sb)
        printf "| %ss, %s: import, wasm (transactions a second) | %.1f ms (%d/s) | %.1f ms (%d/s) | **%.3f** |\n", \
          K, label, fi, 1000 * x["fluxomics", K, P] / fi, si, 1000 * x["stock", K, P] / si, \
          (x["fluxomics", K, P] / fi) / (x["stock", K, P] / si)
      }
    }
    if (fold != "") { sub(/^FOLD /, "", fold); print ""; print "Flox: " fold "." }
  }' "$out"
