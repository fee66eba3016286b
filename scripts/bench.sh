#!/usr/bin/env bash
# `make bench`: the Power path side by side with the stock fee path (`pallet-transaction-payment`,
# the runtime's `stock-fees` feature) in one run, and Flox's fold of a full block; prints the
# table docs/performance.md shows.
#
# 1. Block capacity: the runtime's `block_capacity` test fills a block with transfers and with
#    messages, Power path and Flux path, natively, in each build (SKIP_WASM_BUILD=1: the stock
#    build never touches the node's wasm), and writes the blocks it built.
# 2. Build, import and validation time, in wasm: `fluxomics-node bench-blocks` times each of
#    those blocks with its runtime's blob (the node's, and `fluxomics-runtime-stock`'s, a crate
#    of its own so that its blob has its own path).
# 3. Through the RPC: a dev node and a network of two validators of each build, a burst of
#    pre-signed transfers (`runtime/tests/rpc_tps.rs`, several connections), counted by
#    inclusion.
# 4. Flox: the `flox_full_block` test folds a full block of transfers.
# 5. Cost at scale: the `cost_at_scale` test times `stake`, a charge, a `rent` and a `claimTask`
#    with 1, 10 000 and 1 000 000 staked accounts on chain (about 2 minutes and 5.5 GiB).
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
# BENCH_PARTS: which parts to run (default all): blocks (1 and 2), rpc (3), flox (4), scale (5).
BENCH_PARTS="${BENCH_PARTS:-blocks rpc flox scale}"
# BENCH_NETS: which chains the RPC part runs (default both): dev, local.
BENCH_NETS="${BENCH_NETS:-dev local}"
net() { [[ " $BENCH_NETS " == *" $1 "* ]]; }
part() { [[ " $BENCH_PARTS " == *" $1 "* ]]; }

work=$(mktemp -d)
nodes=()
cleanup() { for p in "${nodes[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
out="$work/lines"

echo "bench: the stock-fee runtime's blob" >&2
cargo build --release --locked -p fluxomics-runtime-stock >&2
if part blocks; then
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
fi
# 3. Transactions a second through the RPC, on the dev node and on a network of two validators
#    (`--chain local`: Alice and Bob, 6 s slots), of each build. The stock chains are the same
#    node binary with the chain spec's `:code` replaced by the stock blob. The local spec's Power
#    generation is the dev one (α = 86 400 PU a Flux a day, cap in 60 s) so that the senders'
#    stakes fill within the sender's minute of waiting; nothing else differs from `--chain local`.
free_port() { node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})"; }
rpc_up() {
  node -e "fetch('http://127.0.0.1:$1',{method:'POST',headers:{'content-type':'application/json'},
    body:JSON.stringify({jsonrpc:'2.0',id:1,method:'system_health',params:[]})})
    .then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
}
# with_code SPEC OUT: SPEC (raw) with the stock blob as `:code`, written to OUT.
with_code() {
  node -e "
    const fs = require('fs');
    const spec = JSON.parse(fs.readFileSync('$1'));
    const top = spec.genesis.raw && spec.genesis.raw.top;
    if (!top || !top['0x3a636f6465']) throw new Error('$1 has no raw :code');
    top['0x3a636f6465'] = '0x' + fs.readFileSync('$stock_wasm').toString('hex');
    fs.writeFileSync('$2', JSON.stringify(spec));"
}
"$node" export-chain-spec --chain dev --raw > "$work/dev.json" 2>/dev/null
with_code "$work/dev.json" "$work/stock-dev.json"
"$node" export-chain-spec --chain local > "$work/local-plain.json" 2>/dev/null
node -e "
  const fs = require('fs');
  const spec = JSON.parse(fs.readFileSync('$work/local-plain.json'));
  const power = spec.genesis.runtimeGenesis.patch.power.params;
  power.alpha = { exec: '86400000000000000000000', msg: '86400000000000000000000' };
  power.cap_period = 60000;
  fs.writeFileSync('$work/local-fast.json', JSON.stringify(spec));"
"$node" export-chain-spec --chain "$work/local-fast.json" --raw > "$work/local.json" 2>/dev/null
with_code "$work/local.json" "$work/stock-local.json"
# start_node LOG ARGS...: starts a node on free ports; sets `port` (RPC) and `p2p`.
start_node() {
  local log=$1; shift
  port=$(free_port); p2p=$(free_port)
  "$node" "$@" --tmp --rpc-port "$port" --port "$p2p" --no-prometheus --no-telemetry --no-mdns \
    > "$log" 2>&1 &
  nodes+=("$!")
  for _ in $(seq 1 120); do rpc_up "$port" && break; sleep 0.5; done
  rpc_up "$port" || { tail -20 "$log" >&2; exit 1; }
}
stop_nodes() { for p in "${nodes[@]}"; do kill -INT "$p" 2>/dev/null || true; wait "$p" || true; done; nodes=(); }
# send FEATURES LABEL COUNT HOSTS [RATE]: the sender of that build against HOSTS (at RATE
# transfers a second; at once without it).
send() {
  echo "bench: transfers through the RPC, $2, ${1:-Power path} build" >&2
  BENCH_OUT="$out" TPS_RPC="$4" TPS_LABEL="$2" TPS_COUNT="$3" TPS_RATE="${5:-0}" \
    TPS_CONNECTIONS="${TPS_CONNECTIONS:-4}" TPS_REPEAT="${TPS_REPEAT:-1}" SKIP_WASM_BUILD=1 \
    cargo test --release --locked -p fluxomics-runtime ${1:+--features "$1"} \
    --test rpc_tps -- --ignored --nocapture --test-threads 1 | grep -o 'TPS.*' >&2
}
alice_key=$(printf '%064d' 1)
alice_peer=$("$node" key inspect-node-key --file <(printf '%s' "$alice_key"))
if part rpc; then
for features in "" "stock-fees"; do
  case "$features" in stock-fees) dev="$work/stock-dev.json"; local_spec="$work/stock-local.json" ;;
    *) dev=dev; local_spec="$work/local.json" ;; esac
  tag=${features:-power}
  if net dev; then
  start_node "$work/dev-$tag.log" --chain "$dev" --alice --node-key "$alice_key"
  # The fastest of three bursts (the sender shares the 2 cores with the node).
  TPS_REPEAT=3 send "$features" dev 6000 "127.0.0.1:$port"
  stop_nodes
  fi
  net local || continue
  # Pools that hold the backlog: each node holds its own half and the half gossiped from the
  # other, and the default (8 192 ready and 819 future transactions) evicts accepted transfers
  # under this load. The dev node's own pool holds 65 536 (node.md).
  pool=(--pool-limit 65536 --pool-kbytes 65536 ${BENCH_POOL:+--pool-type "$BENCH_POOL"})
  start_node "$work/alice-$tag.log" --chain "$local_spec" --alice --validator \
    --node-key "$alice_key" "${pool[@]}"
  hosts="127.0.0.1:$port"; alice_p2p=$p2p
  start_node "$work/bob-$tag.log" --chain "$local_spec" --bob --validator "${pool[@]}" \
    --node-key "$(printf '%064d' 2)" \
    --bootnodes "/ip4/127.0.0.1/tcp/$alice_p2p/p2p/$alice_peer"
  hosts="$hosts,127.0.0.1:$port"
  # Paced at 600 a second, half to each node over one connection each (in nonce order): above
  # the network's capacity (a block of about 2 300 transfers every 6 s), below the burst that
  # clogs the nodes' gossip, and without the nonce gaps that fill a pool's future queue.
  TPS_CONNECTIONS=2 send "$features" local 24000 "$hosts" 600
  stop_nodes
done
fi

if part flox; then
echo "bench: Flox's fold of a full block" >&2
SKIP_WASM_BUILD=1 cargo test --release --locked -p fluxomics-runtime --test flox_full_block \
  -- --nocapture --test-threads 1 | grep -o 'FOLD.*' >> "$out"
fi

if part scale; then
echo "bench: cost at scale (1, 10 000 and 1 000 000 accounts)" >&2
BENCH_OUT="$out" SKIP_WASM_BUILD=1 cargo test --release --locked -p fluxomics-runtime \
  --test cost_at_scale -- --ignored --nocapture --test-threads 1 | grep -o 'SCALE.*' >&2
fi

# BENCH_KEEP: a file to keep the measured lines in (the table is made from them).
[ -n "${BENCH_KEEP:-}" ] && cp "$out" "$BENCH_KEEP"
awk '
  function ms(s) { sub(/^[a-z]+=/, "", s); sub(/ms$/, "", s); return s + 0 }
  function us(v, s) { sub(/^[a-z]+=/, "", s); sub(/us$/, "", s); v[1] = s + 0 }
  $1 == "CAPACITY" { n[$2, $3, $4] = $5; w[$2, $3, $4] = $7; l[$2, $3, $4] = $8 }
  $1 == "TIMES" { x[$2, $3, $4] = $5; b[$2, $3, $4] = ms($6); i[$2, $3, $4] = ms($7); v[$2, $3, $4] = ms($8) }
  $1 == "FOLD" { fold = $0 }
  $1 == "SCALE" { us(ua, $4); us(ur, $5); apply[$3, $2] = ua[1]; root[$3, $2] = ur[1] }
  $1 == "TPS" { tps[$2, $3] = $6; sent[$2, $3] = substr($7, 6); got[$2, $3] = $4; secs[$2, $3] = $5
    nb[$2, $3] = substr($8, 8); chain[$2, $3] = substr($9, 7) + 0 }
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
      fv = v["fluxomics", K, P]; sv = v["stock", K, P]
      if (fv > 0 && sv > 0)
        printf "| %ss, %s: validate, wasm (transactions a second) | %.1f ms (%d/s) | %.1f ms (%d/s) | **%.3f** |\n", \
          K, label, fv, 1000 * (x["fluxomics", K, P] - 1) / fv, sv, 1000 * (x["stock", K, P] - 1) / sv, \
          ((x["fluxomics", K, P] - 1) / fv) / ((x["stock", K, P] - 1) / sv)
    }
    f = "fluxomics"; t = "stock"
    if (tps[f, "dev"] > 0 && tps[t, "dev"] > 0)
      printf "| transfers through the RPC, dev node: included a second | %d/s (%d in %s s, %d blocks; sent at %s) | %d/s (%d in %s s, %d blocks; sent at %s) | **%.3f** |\n", \
        tps[f, "dev"], got[f, "dev"], secs[f, "dev"], nb[f, "dev"], sent[f, "dev"], \
        tps[t, "dev"], got[t, "dev"], secs[t, "dev"], nb[t, "dev"], sent[t, "dev"], tps[f, "dev"] / tps[t, "dev"]
    if (chain[f, "local"] > 0 && chain[t, "local"] > 0)
      printf "| transfers through the RPC, two validators: included a second of chain time | %d/s (%d in %d blocks; sent at %s) | %d/s (%d in %d blocks; sent at %s) | **%.3f** |\n", \
        chain[f, "local"], got[f, "local"], nb[f, "local"], sent[f, "local"], \
        chain[t, "local"], got[t, "local"], nb[t, "local"], sent[t, "local"], chain[f, "local"] / chain[t, "local"]
    if (fold != "") { sub(/^FOLD /, "", fold); print ""; print "Flox: " fold "." }
    if (apply["stake", 1] > 0 && apply["stake", 1000000] > 0) {
      print ""
      print "| µs per extrinsic: apply + state root | 1 account | 10 000 | 1 000 000 | 1 000 000 / 1 |"
      print "|---|---|---|---|---|"
      split("stake charge rent claim", calls, " ")
      for (c = 1; c <= 4; c++) {
        C = calls[c]
        printf "| %s | %.0f + %.0f | %.0f + %.0f | %.0f + %.0f | **%.2f** |\n", C, \
          apply[C, 1], root[C, 1], apply[C, 10000], root[C, 10000], apply[C, 1000000], \
          root[C, 1000000], (apply[C, 1000000] + root[C, 1000000]) / (apply[C, 1] + root[C, 1])
      }
    }
  }' "$out"
