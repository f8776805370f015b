#!/usr/bin/env bash
# Installs what building and testing ims-matrix needs, from package registries only, and skips
# whatever is already at the right version. Sourced by scripts/serve.sh and scripts/test.sh.
#   setup_build  wasm32 target, Trunk, wasm-bindgen-cli (the Cargo.lock version), npm tools
#   setup_test   setup_build plus Debian's Chromium, ChromeDriver and LibreOffice Calc
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
    say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]] ||
     [[ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $version" ]]; then
    say "installing wasm-bindgen-cli $version (about 5 minutes)"
    # Not --locked: the CLI's own lock file names a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$version" --force
  fi
  if ! grep -q "wasm_bindgen = \"$version\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml [tools] wasm_bindgen must be \"$version\" (the Cargo.lock version)" >&2
    exit 1
  fi
}

ensure_node_tools() {
  if ! [[ -x "$ROOT/node_modules/.bin/wasm-opt" ]] ||
     ! "$ROOT/node_modules/.bin/wasm-opt" --version | grep -q 'version_132' ||
     ! [[ -d "$ROOT/node_modules/playwright-core" && -d "$ROOT/node_modules/axe-core" && -d "$ROOT/node_modules/esbuild" ]]; then
    say "installing npm tools (binaryen for wasm-opt, esbuild, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

apt_install() {
  say "installing Debian packages: $*"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q "$@"
}

ensure_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
  # pdftotext and pdfinfo read the printed report back in the end-to-end tests.
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
}

setup_build() {
  ensure_wasm_target
  ensure_node_tools
  ensure_trunk
  ensure_wasm_bindgen
}

setup_test() {
  setup_build
  ensure_browser
}
