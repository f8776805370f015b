#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test layer of ims-matrix:
#   format and lints, native tests (unit, integration, SSR, doc), browser component tests
#   (wasm-bindgen-test in headless Chromium), the release build with its size report, and the
#   end-to-end tests on the built dist/ in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_test
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TERM_COLOR=never

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy (native, all targets)"
cargo clippy --all-targets --locked -- -D warnings

say "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

say "native tests"
cargo test --locked

say "browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --locked --test browser

say "release build (trunk, wasm-opt -Oz)"
trunk build --release --offline

say "first-visit download size"
node scripts/size-report.mjs dist

say "browser benchmark (figures only)"
node benches/browser.mjs

say "end-to-end tests (dist/ in headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
