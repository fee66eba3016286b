#!/usr/bin/env bash
# Prepare this machine to build and test Fluxomics. Idempotent: on a ready machine it only checks.
#
# What it does, in order:
#   1. installs the Debian packages the build needs (only those missing);
#   2. finds a Rust toolchain that can build the runtime for wasm:
#        - rustup's own toolchain if it already has a wasm target installed, else
#        - Debian's Rust (`rustc-web`), linked into rustup as `debian-web`, with `core`, `alloc` and
#          `compiler_builtins` for `wasm32v1-none` built once from Debian's library source;
#   3. writes the result to `.bootstrap.env` (read by the Makefile): WASM_BUILD_TOOLCHAIN, if needed;
#   4. installs the end-to-end suite's npm packages from its lockfile (`npm ci`) when they changed.
#
# Usage: scripts/bootstrap.sh [--no-npm]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
env_file="$root/.bootstrap.env"
want_npm=1
[ "${1:-}" = "--no-npm" ] && want_npm=0

say() { printf '[bootstrap] %s\n' "$*" >&2; }

sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi

# --- 1. Debian packages -------------------------------------------------------------------------
apt_packages=(protobuf-compiler clang libclang-dev make)
rustup_has_wasm() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qE '^wasm32(v1-none|-unknown-unknown)$'
}
if ! rustup_has_wasm; then
  apt_packages+=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
fi
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs npm)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
command -v cargo >/dev/null 2>&1 || { say "error: no cargo on PATH (install Rust with rustup)"; exit 1; }

# --- 2. A wasm-capable toolchain --------------------------------------------------------------------
wasm_toolchain=""
if rustup_has_wasm; then
  say "rustup already has a wasm target: using it"
else
  wasm_toolchain=debian-web
  if ! rustup toolchain list | grep -q "^${wasm_toolchain}"; then
    say "linking Debian's Rust as rustup toolchain '${wasm_toolchain}'"
    rustup toolchain link "$wasm_toolchain" /usr
  fi
  sysroot=$(rustup run "$wasm_toolchain" rustc --print sysroot)
  libdir="$sysroot/lib/rustlib/wasm32v1-none/lib"
  have() { compgen -G "$libdir/lib$1-*.rlib" >/dev/null; }
  if ! { have core && have alloc && have compiler_builtins; }; then
    say "building core, alloc and compiler_builtins for wasm32v1-none (once, ~1 min)"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/src"
    cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-sysroot"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
    printf '#![no_std]\nextern crate alloc;\n' >"$work/src/lib.rs"
    (cd "$work" && RUSTC_BOOTSTRAP=1 RUSTFLAGS='-C embed-bitcode=yes' CARGO_TARGET_DIR="$work/target" \
      rustup run "$wasm_toolchain" cargo build --quiet --release \
      -Zbuild-std=core,alloc -Zbuild-std-features=compiler-builtins-mem --target wasm32v1-none)
    mkdir -p "$libdir"
    deps="$work/target/wasm32v1-none/release/deps"
    for lib in core alloc compiler_builtins; do
      rm -f "$libdir/lib$lib-"*.rlib
      cp "$deps/lib$lib-"*.rlib "$libdir/"
    done
    # A runtime built against older rlibs must be rebuilt: drop substrate-wasm-builder's targets.
    for t in "${CARGO_TARGET_DIR:-$root/target}"/*/wbuild/*/target; do
      [ -d "$t" ] && rm -rf "$t"
    done
    say "installed wasm32v1-none rlibs into $libdir"
  fi
fi

{
  echo "# written by scripts/bootstrap.sh; do not edit"
  if [ -n "$wasm_toolchain" ]; then echo "export WASM_BUILD_TOOLCHAIN=$wasm_toolchain"; fi
} >"$env_file.tmp"
mv "$env_file.tmp" "$env_file"

# --- 3. npm packages for the end-to-end suite -------------------------------------------------------
if [ "$want_npm" = 1 ] && [ -f "$root/e2e/package-lock.json" ]; then
  stamp="$root/e2e/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/e2e/package-lock.json" "$stamp"; then
    say "installing e2e npm packages (npm ci)"
    (cd "$root/e2e" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$root/e2e/package-lock.json" "$stamp"
  fi
fi
say "ready"
