#!/usr/bin/env bash
# Measures the Fluxomics pallets and writes their `weights.rs`.
#
#   scripts/benchmark.sh                 # every Fluxomics pallet
#   scripts/benchmark.sh pallet_flux     # one pallet
#
# Builds the node with `--features runtime-benchmarks` (a build of its own: the features change
# most of the dependency graph) and runs `fluxomics-node benchmark pallet` against the dev
# runtime, with the template in scripts/frame-weight-template.hbs.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
# The same target directory as `make build`: crates the feature does not touch are shared; the
# next `make build` relinks the node without the feature.
bench_target="${BENCH_TARGET_DIR:-$CARGO_TARGET_DIR}"

# frame-benchmarking-cli's own test runtime (for `benchmark storage`, which this node does not
# offer) cannot find itself in this workspace's metadata: skip its wasm.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
CARGO_TARGET_DIR="$bench_target" cargo build --release --locked -p fluxomics-node --features runtime-benchmarks
node="$bench_target/release/fluxomics-node"

pallets=("$@")
[ "${#pallets[@]}" -gt 0 ] || pallets=(pallet_flux pallet_power pallet_power_metering pallet_power_market pallet_pocw pallet_flox)
for pallet in "${pallets[@]}"; do
  case "$pallet" in
    pallet_flux) dir=pallets/flux ;;
    pallet_power) dir=pallets/power ;;
    pallet_power_metering) dir=pallets/power-metering ;;
    pallet_power_market) dir=pallets/power-market ;;
    pallet_pocw) dir=pallets/pocw ;;
    pallet_flox) dir=pallets/flox ;;
    *) echo "unknown pallet: $pallet" >&2; exit 2 ;;
  esac
  echo "benchmarking $pallet -> $dir/src/weights.rs"
  "$node" benchmark pallet \
    --runtime "$bench_target/release/wbuild/fluxomics-runtime/fluxomics_runtime.compact.compressed.wasm" \
    --genesis-builder runtime --genesis-builder-preset development \
    --pallet "$pallet" --extrinsic '*' \
    --steps "${STEPS:-20}" --repeat "${REPEAT:-10}" \
    --template scripts/frame-weight-template.hbs \
    --output "$dir/src/weights.rs"
done
