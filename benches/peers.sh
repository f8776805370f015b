#!/usr/bin/env bash
# The peer comparison of issue 18: the workspace's xlsx peer benchmark (../shared/bench-peers,
# outside this repository: ExcelJS, SheetJS and write-excel-file in headless Chromium) run with
# rust_xlsxwriter built with the export worker's choices, in the same run, so the ratio to ExcelJS
# is measured, not guessed. rust_xlsxwriter wrote the app's workbooks until 5 December 2026; the
# app's own writer (src/export/xlsx) is measured by benches/browser.mjs inside the worker.
#   benches/peers.sh                    # rust_xlsxwriter (as the project builds it) and ExcelJS
#   benches/peers.sh sheetjs            # more library ids of the peer benchmark (its libs.mjs)
#   PEERS=/path/to/bench-peers ROUNDS=7 benches/peers.sh
# The project's choices applied to the peer adapter, as in the export worker:
# - deflate level 1 (`src/export/xlsx/zip.rs`);
# - zip without zopfli (vendor/README.md; Cargo.toml's [patch.crates-io]);
# - opt-level 3, LTO, one codegen unit, panic=abort (`[profile.worker]` in Cargo.toml), and
#   wasm-opt -O3 (index.html, `data-wasm-opt="3"`): the adapter's own build already uses these.
# The run's tables are kept in target/peers/results.md; `node benches/browser.mjs` prints the
# ratios from there beside its own figures. Needs the wasm toolchain of scripts/setup.sh, and
# installs the peer benchmark's own npm and Python packages into its temporary copy.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=${PEERS:-$ROOT/../shared/bench-peers}
if [ ! -f "$PEERS/run.sh" ]; then
  echo "the peer benchmark is not at $PEERS (set PEERS to its folder)" >&2
  exit 1
fi
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

COPY=$(mktemp -d)
trap 'rm -rf "$COPY"' EXIT
cp -r "$PEERS" "$COPY/peers"
chmod -R u+w "$COPY/peers"
cd "$COPY/peers"

# The project's deflate level (src/export/xlsx/zip.rs), right after the workbook is made.
LEVEL=$(grep -o 'const LEVEL: u32 = [0-9]*' "$ROOT/src/export/xlsx/zip.rs" | grep -o '[0-9]*$' | head -1)
[ -n "$LEVEL" ] || { echo "no deflate level found in src/export/xlsx/zip.rs" >&2; exit 1; }
LEVEL="set_zip_compression_level($LEVEL)"
sed -i "s/let mut wb = Workbook::new();/let mut wb = Workbook::new(); wb.$LEVEL;/" wasm/src/lib.rs
grep -q "wb.$LEVEL" wasm/src/lib.rs || { echo "could not apply the deflate level to the adapter" >&2; exit 1; }

# The project's zip: without zopfli (vendor/README.md), as the export worker links it.
printf '\n[patch.crates-io]\nzip = { path = "%s/vendor/zip" }\n' "$ROOT" >> wasm/Cargo.toml

echo "== building the rust_xlsxwriter adapter with the project's choices ($LEVEL, zip without zopfli, opt-level 3, wasm-opt -O3)"
wasm/build.sh
ROUNDS=${ROUNDS:-5} SKIP_LO=${SKIP_LO:-1} ./run.sh rust-wasm exceljs "$@"

mkdir -p "$ROOT/target/peers"
cp results/results.md "$ROOT/target/peers/results.md"
echo
echo "kept in target/peers/results.md"
