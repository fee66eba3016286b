#!/usr/bin/env bash
# Flox ranking speed: the flox-rank library against scipy's float64 CSR mat-vec doing the same
# alternating iterations (sqrt, boost, normalization, L1 change) on the same graph.
#
#   scripts/flox-speed.sh [EDGES TARGETS CALLERS ITERATIONS ROUNDS]
#                                       (default 10000000 100000 1000000 20 3)
#
# Installs numpy and scipy if missing. The Rust example generates the graph (splitmix64, seed 42),
# times the library and dumps the raw edges and boosts; Python loads the same file, builds the CSR
# matrices (duplicates summed, int32 indices, float64 values) and times its own iterations.
# Prints the rates (edge-iterations per second, both half-steps counted) and library / scipy, for
# the library on one thread and with `rank` (all the machine's threads, up to 8; scipy's mat-vec
# uses one). Each side times its ranking ROUNDS times on the same graph and keeps its fastest
# round (other processes only ever add time; both sides are treated alike).
set -euo pipefail
cd "$(dirname "$0")/.."

EDGES=${1:-10000000}
TARGETS=${2:-100000}
CALLERS=${3:-1000000}
ITERATIONS=${4:-20}
ROUNDS=${5:-3}

if ! python3 -c 'import numpy, scipy' 2>/dev/null; then
	echo "installing numpy and scipy" >&2
	python3 -m pip install --quiet --break-system-packages numpy scipy 2>/dev/null \
		|| python3 -m pip install --quiet numpy scipy 2>/dev/null \
		|| { apt-get update -qq && apt-get install -y -qq python3-numpy python3-scipy; }
fi

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/root/.cache/fluxomics/target}
export SKIP_WASM_BUILD=1
DUMP=$(mktemp /tmp/flox-graph.XXXXXX)
trap 'rm -f "$DUMP"' EXIT

LIB_OUT=$(FLOX_SPEED_ROUNDS=$ROUNDS cargo run --quiet --release -p flox-rank --example speed -- \
	"$EDGES" "$TARGETS" "$CALLERS" "$ITERATIONS" "$DUMP")
echo "$LIB_OUT"
LIB_RATE=$(echo "$LIB_OUT" | awk '/^library_rate/ {print $2}')
SINGLE_RATE=$(echo "$LIB_OUT" | awk '/^single_thread_rate/ {print $2}')

SCIPY_RATE=$(python3 - "$DUMP" "$ITERATIONS" "$ROUNDS" <<'PY'
import sys, time
import numpy as np
import scipy.sparse as sp

path, iterations, rounds = sys.argv[1], int(sys.argv[2]), max(1, int(sys.argv[3]))
with open(path, "rb") as f:
    m, nt, nc = np.frombuffer(f.read(24), dtype="<u8")
    m, nt, nc = int(m), int(nt), int(nc)
    t = np.frombuffer(f.read(4 * m), dtype="<u4").astype(np.int32)
    c = np.frombuffer(f.read(4 * m), dtype="<u4").astype(np.int32)
    g = np.frombuffer(f.read(8 * m), dtype="<u8").astype(np.float64)
    bt = np.frombuffer(f.read(8 * nt), dtype="<u8").astype(np.float64)
    bc = np.frombuffer(f.read(8 * nc), dtype="<u8").astype(np.float64)
t0 = time.perf_counter()
A = sp.csr_matrix((g / g.sum(), (t, c)), shape=(nt, nc))  # duplicates summed
A.sum_duplicates()
AT = A.T.tocsr()
bt, bc = bt / bt.max(), bc / bc.max()
build = time.perf_counter() - t0
def run():
    rt = np.full(nt, 1.0 / nt)
    rc = np.full(nc, 1.0 / nc)
    t1 = time.perf_counter()
    for _ in range(iterations):
        acc = A @ (bc * np.sqrt(rc))
        new = acc / acc.sum()
        dt = np.abs(new - rt).sum()
        rt = new
        acc = AT @ (bt * np.sqrt(rt))
        new = acc / acc.sum()
        dc = np.abs(new - rc).sum()
        rc = new
    return time.perf_counter() - t1, rt
times = []
for r in range(rounds):
    secs, rt = run()
    times.append(secs)
    print(f"scipy round {r + 1}: {secs:.3f} s", file=sys.stderr)
secs = min(times)
rate = 2.0 * A.nnz * iterations / secs / 1e6
print(f"scipy: edges {A.nnz} (distinct) iterations {iterations} build {build:.3f} s "
      f"rank {secs:.3f} s (fastest of {rounds} rounds) top-target {rt.max():.6e}", file=sys.stderr)
print(f"{rate:.1f}")
PY
)
echo "scipy_rate ${SCIPY_RATE} M edge-iterations/s"
awk -v a="$SINGLE_RATE" -v b="$SCIPY_RATE" 'BEGIN { printf "ratio library (one thread)/scipy %.2f\n", a / b }'
awk -v a="$LIB_RATE" -v b="$SCIPY_RATE" -v n="$(nproc)" \
	'BEGIN { printf "ratio library/scipy %.2f (library on up to %d threads)\n", a / b, n < 8 ? n : 8 }'
