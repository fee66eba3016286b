# Sourced by the scripts that build: moves to the repository's root (`$root`), installs what is
# missing (scripts/bootstrap.sh, without npm packages), loads the toolchain environment, and
# shares the build cache with `make` and CI.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/bootstrap.sh --no-npm
# shellcheck disable=SC1091
source .bootstrap.env
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/fluxomics/target}"
export WASM_BUILD_WORKSPACE_HINT="$root"
