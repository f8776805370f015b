#!/usr/bin/env bash
# Installs whatever is missing, builds the app and serves it on http://127.0.0.1:8080.
# Extra arguments go to `trunk serve` (e.g. --release).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
say "serving on http://127.0.0.1:8080"
exec trunk serve --offline "$@"
