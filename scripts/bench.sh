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
# 3. Through the RPC: a dev node of each build, a burst of pre-signed transfers
#    (`runtime/tests/rpc_tps.rs`), counted by inclusion.
# 4. Flox: the `flox_full_block` test folds a full block of transfers.
#
# Needs `make build` (the node and its runtime blob) first; `make bench` does both.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
node="$CARGO_TARGET_DIR/release/fluxomics-node"
wasm="$CARGO_TARGET_DIR/release/wbuild/fluxomics-runtime/fluxomics_runtime.compact.compressed.wasm"
stock_wasm="$CARGO_TARGET_DIR/release/wbuild/fluxomics-runtime-stock/fluxomics_runtime_stock.compact.compressed.wasm"
[ -x "$node" ] && [ -f "$wasm" ] || { echo "bench: run \`make build\` first" >&2; exit 2; }
REPEAT="${REPEAT:-5}"

work=$(mktemp -d)
nodes=()
cleanup() { for p in "${nodes[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
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
# 3. Transactions a second through the RPC, on the dev node of each build. The stock node is the
#    same node binary with the dev chain spec's `:code` replaced by the stock blob.
free_port() { node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})"; }
rpc_up() {
  node -e "fetch('http://127.0.0.1:$1',{method:'POST',headers:{'content-type':'application/json'},
    body:JSON.stringify({jsonrpc:'2.0',id:1,method:'system_health',params:[]})})
    .then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
}
"$node" export-chain-spec --chain dev --raw > "$work/dev.json" 2>/dev/null
node -e "
  const fs = require('fs');
  const spec = JSON.parse(fs.readFileSync('$work/dev.json'));
  const top = spec.genesis.raw && spec.genesis.raw.top;
  if (!top || !top['0x3a636f6465']) throw new Error('the dev spec has no raw :code');
  top['0x3a636f6465'] = '0x' + fs.readFileSync('$stock_wasm').toString('hex');
  fs.writeFileSync('$work/stock-dev.json', JSON.stringify(spec));"
run_tps() {
  local features=$1 label=$2; shift 2
  local port p2p pid
  port=$(free_port); p2p=$(free_port)
  "$node" "$@" --tmp --rpc-port "$port" --port "$p2p" --no-prometheus --no-telemetry --no-mdns \
    > "$work/$label-${features:-power}.log" 2>&1 &
  pid=$!
  nodes+=("$pid")
  for _ in $(seq 1 120); do rpc_up "$port" && break; sleep 0.5; done
  rpc_up "$port" || { tail -20 "$work/$label-${features:-power}.log" >&2; kill "$pid"; exit 1; }
  echo "bench: transfers through the RPC, $label, ${features:-Power path} build" >&2
  BENCH_OUT="$out" TPS_RPC="127.0.0.1:$port" TPS_LABEL="$label" SKIP_WASM_BUILD=1 \
    cargo test --release --locked -p fluxomics-runtime ${features:+--features "$features"} \
    --test rpc_tps -- --ignored --nocapture --test-threads 1 | grep -o 'TPS.*' >&2
  kill -INT "$pid"; wait "$pid" || true
}
run_tps "" dev --dev
run_tps stock-fees dev --chain "$work/stock-dev.json" --alice --node-key "$(printf '%064d' 1)"

echo "bench: Flox's fold of a full block" >&2
SKIP_WASM_BUILD=1 cargo test --release --locked -p fluxomics-runtime --test flox_full_block \
  -- --nocapture --test-threads 1 | grep -o 'FOLD.*' >> "$out"

awk '
  function ms(s) { sub(/^[a-z]+=/, "", s); sub(/ms$/, "", s); return s + 0 }
  $1 == "CAPACITY" { n[$2, $3, $4] = $5; w[$2, $3, $4] = $7; l[$2, $3, $4] = $8 }
  $1 == "TIMES" { x[$2, $3, $4] = $5; b[$2, $3, $4] = ms($6); i[$2, $3, $4] = ms($7) }
  $1 == "FOLD" { fold = $0 }
  $1 == "TPS" { tps[$2, $3] = $6; sent[$2, $3] = substr($7, 6); got[$2, $3] = $4; secs[$2, $3] = $5 }
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
    if (tps["fluxomics", "dev"] > 0 && tps["stock", "dev"] > 0) {
      a = tps["fluxomics", "dev"]; s = tps["stock", "dev"]
      f = "fluxomics"; t = "stock"
      printf "| transfers through the RPC, dev node: included a second | %d/s (%d in %s s, sent at %s) | %d/s (%d in %s s, sent at %s) | **%.3f** |\n", \
        a, got[f, "dev"], secs[f, "dev"], sent[f, "dev"], s, got[t, "dev"], secs[t, "dev"], sent[t, "dev"], a / s
    }
    if (fold != "") { sub(/^FOLD /, "", fold); print ""; print "Flox: " fold "." }
  }' "$out"
