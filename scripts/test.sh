#!/usr/bin/env bash
# Everything CI runs: setup, lint, native tests, the Rust docs, short fuzz runs, the wasm build,
# wasm tests in Node and headless Chromium, and the package tests. `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step setup
bash scripts/setup.sh

step "cargo clippy (panic-free policy)"
cargo clippy --all-targets -- -D warnings
# --all-targets: the wasm-only tests (the SIMD code's, tests/wasm.rs) are linted too.
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
# The core alone in a wasm32 build (default features off: no binding, no allocator).
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "cargo test (native core)"
cargo test

step "cargo doc (broken links and doc errors fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

step "fuzz: every cargo-fuzz target for ${FUZZ_SECONDS:=10}s (longer: bash scripts/fuzz.sh 600)"
bash scripts/fuzz.sh "$FUZZ_SECONDS"

step "build the npm package"
node scripts/build.mjs

step "wasm-pack test --node"
wasm-pack test --node

step "wasm-pack test --headless --chrome"
# WASM_BINDGEN_USE_BROWSER runs the same (Node-configured) wasm tests in the browser.
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome

step "package tests (node:test)"
node --test --test-reporter=spec pkg-tests/
