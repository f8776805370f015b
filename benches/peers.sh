#!/usr/bin/env bash
# The peer comparison of issue 18: the workspace's xlsx peer benchmark (../shared/bench-peers,
# outside this repository: ExcelJS, SheetJS and write-excel-file in headless Chromium) run with
# the app's own writer (src/export/xlsx, through benches/peer-writer) built as the export worker
# builds it, in the same run, so the ratio to ExcelJS is measured, not guessed. rust_xlsxwriter,
# which wrote the app's workbooks until 5 December 2026, runs beside them as it was built then.
#   benches/peers.sh                    # our writer, rust_xlsxwriter and ExcelJS
#   benches/peers.sh sheetjs            # more library ids of the peer benchmark (its libs.mjs)
#   PEERS=/path/to/bench-peers ROUNDS=7 benches/peers.sh
# The export worker's choices, applied to both Rust adapters:
# - deflate level 1 (`src/export/xlsx/zip.rs`);
# - opt-level "z" with deflate (zlib-rs) at 3, LTO, one codegen unit, panic=abort
#   (`[profile.worker]` in Cargo.toml, copied into benches/peer-writer/Cargo.toml), and
#   wasm-opt -O3 (index.html, `data-wasm-opt="3"`);
# - for rust_xlsxwriter: zip without zopfli (vendor/README.md), opt-level 3 (its adapter's own
#   build, as the worker built it until 5 December 2026).
# The run's tables are kept in target/peers/results.md; `node benches/browser.mjs` prints our
# writer's ratios from there beside its own figures. Needs the wasm toolchain of
# scripts/setup.sh, and installs the peer benchmark's own npm and Python packages into its
# temporary copy.
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

# Our writer: benches/peer-writer, its own lock file and target folder.
echo "== building our writer's adapter (benches/peer-writer: opt-level z, deflate at 3, wasm-opt -O3)"
cargo build --release --locked --target wasm32-unknown-unknown \
  --manifest-path "$ROOT/benches/peer-writer/Cargo.toml" --target-dir "$ROOT/target/peer-writer"
mkdir -p ims-matrix
wasm-bindgen --target web --out-dir ims-matrix --out-name peer_writer \
  "$ROOT/target/peer-writer/wasm32-unknown-unknown/release/ims_matrix_peer_writer.wasm"
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals -o ims-matrix/peer_writer_bg.wasm ims-matrix/peer_writer_bg.wasm
printf '{"name":"ims-matrix","version":"%s"}\n' "$(git -C "$ROOT" rev-parse --short HEAD)" > ims-matrix/package.json
cat > src/ims-matrix.js <<'JS'
// The app's own writer (ims-matrix export::xlsx) compiled to WebAssembly by benches/peers.sh.
// Like rust-wasm.js, the workload object becomes JSON text inside the timed region.
import init, { export_workbook } from '../ims-matrix/peer_writer.js';
import { register } from './common.js';

register({
  id: __ADAPTER_ID__, name: __ADAPTER_NAME__, version: __LIB_VERSION__,
  init: () => init({ module_or_path: 'ims-matrix/peer_writer_bg.wasm' }),
  build: (w) => export_workbook(JSON.stringify(w)),
});
JS
node -e '
const fs = require("fs");
const file = "libs.mjs";
const entry = `  {
    id: "ims-matrix", name: "ims-matrix export::xlsx (wasm, as the export worker)", pkg: "ims-matrix", entry: "ims-matrix",
    packageJson: "ims-matrix/package.json", files: ["ims-matrix/peer_writer_bg.wasm"],
  },
];`;
const text = fs.readFileSync(file, "utf8");
const at = text.lastIndexOf("];");
if (at < 0) { console.error("no library list in libs.mjs"); process.exit(1); }
fs.writeFileSync(file, text.slice(0, at) + entry + text.slice(at + 2));
'

# rust_xlsxwriter: the project's deflate level, right after the workbook is made.
LEVEL=$(grep -o 'const LEVEL: u32 = [0-9]*' "$ROOT/src/export/xlsx/zip.rs" | grep -o '[0-9]*$' | head -1)
[ -n "$LEVEL" ] || { echo "no deflate level found in src/export/xlsx/zip.rs" >&2; exit 1; }
LEVEL="set_zip_compression_level($LEVEL)"
sed -i "s/let mut wb = Workbook::new();/let mut wb = Workbook::new(); wb.$LEVEL;/" wasm/src/lib.rs
grep -q "wb.$LEVEL" wasm/src/lib.rs || { echo "could not apply the deflate level to the adapter" >&2; exit 1; }
# The zip the worker linked with rust_xlsxwriter: without zopfli (vendor/README.md).
printf '\n[patch.crates-io]\nzip = { path = "%s/vendor/zip" }\n' "$ROOT" >> wasm/Cargo.toml

echo "== building the rust_xlsxwriter adapter with the project's choices until 5 December 2026 ($LEVEL, zip without zopfli, opt-level 3, wasm-opt -O3)"
wasm/build.sh
ROUNDS=${ROUNDS:-5} SKIP_LO=${SKIP_LO:-1} ./run.sh ims-matrix rust-wasm exceljs "$@"

mkdir -p "$ROOT/target/peers"
cp results/results.md "$ROOT/target/peers/results.md"
echo
echo "kept in target/peers/results.md"
