#!/usr/bin/env bash
# Idempotent machine setup for building and testing jwt-wasm: installs only what is missing.
# `setup.sh` (npm test, npm run setup) installs everything the tests use; `setup.sh build`
# (npm start, npm run build) only what building the package needs: the wasm32 target,
# wasm-bindgen-cli and the npm dev dependencies (esbuild, binaryen's wasm-opt), not wasm-pack,
# the nightly toolchain, cargo-fuzz or Chromium. Safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-all}
case "$MODE" in all|build) ;; *) echo "usage: setup.sh [build]" >&2; exit 2 ;; esac

# The wasm-bindgen CLI must match the `wasm-bindgen` crate pin in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: the registry lags one of the CLI's locked dependencies.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [ "$MODE" = build ]; then
  say "ready to build"
  exit 0
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

# Fuzzing (scripts/fuzz.sh) needs the nightly toolchain and cargo-fuzz.
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  say "installing the nightly toolchain (for cargo fuzz)"
  rustup toolchain install nightly --profile minimal
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --version 0.13.2
fi

# The Node releases pkg-tests/node-releases.test.mjs runs the package's tests under, beside the
# Node that runs `npm test`: the binaries of npm's node-<platform>-<arch> packages, unpacked into
# node_modules/.cache/node-releases/<version>/ (from the npm registry, like every dependency).
# A platform without such packages skips them (the test says so); any other failure fails setup.
NODE_PLATFORM=$(node -p 'process.platform + "-" + process.arch')
NODE_RELEASES=$(node -p 'require("./scripts/node-releases.json").join(" ")')
for release in $NODE_RELEASES; do
  target="node_modules/.cache/node-releases/$release"
  [ -x "$target/bin/node" ] && continue
  # Only a package the registry does not have (E404) is skipped; any other failure fails setup,
  # so that a registry hiccup cannot quietly leave a release untested.
  if ! lookup=$(npm view "node-$NODE_PLATFORM@$release" version 2>&1); then
    if grep -q E404 <<<"$lookup"; then
      say "no node-$NODE_PLATFORM@$release on the registry: Node $release is not tested here"
      continue
    fi
    printf '%s\n' "$lookup" >&2
    exit 1
  fi
  say "fetching Node $release (node-$NODE_PLATFORM)"
  staging=$(mktemp -d)
  (cd "$staging" && npm pack --silent "node-$NODE_PLATFORM@$release" >/dev/null && tar xzf ./*.tgz)
  rm -rf "$target" && mkdir -p "$(dirname "$target")" && mv "$staging/package" "$target"
  rm -rf "$staging"
  "$target/bin/node" --version >/dev/null
done

# python3: two command-line tool tests use it to hand the tool a closed stderr and a non-blocking
# standard input, which Node cannot set up for a child.
missing=""
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing=" chromium chromium-driver"
# Firefox ESR: the package's checks run in it too, driven through Marionette (below).
[ -x /usr/bin/firefox-esr ] || missing="$missing firefox-esr"
command -v python3 >/dev/null || missing="$missing python3"
if [ -n "$missing" ]; then
  say "installing Debian packages:$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  # shellcheck disable=SC2086 # a list of package names
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
fi
# Marionette's Python client (PyPI), which pkg-tests/runtimes/firefox.py drives Firefox with, in a
# virtual environment of its own under node_modules/.cache.
MARIONETTE_VENV=node_modules/.cache/marionette
if ! "$MARIONETTE_VENV/bin/python" -c 'import marionette_driver' >/dev/null 2>&1; then
  say "installing marionette_driver 3.7.1 (PyPI) for the Firefox tests"
  rm -rf "$MARIONETTE_VENV"
  python3 -m venv "$MARIONETTE_VENV"
  "$MARIONETTE_VENV/bin/pip" install --quiet --disable-pip-version-check marionette_driver==3.7.1
fi
say "ready"
