#!/usr/bin/env bash
# Builds Trustgap and opens its window. Installs what the build needs on Debian/Ubuntu.
# Extra arguments go to the app, e.g. `scripts/run.sh --data-dir ~/clients/acme`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${RUN_PACKAGES[@]}"
ensure_toolchains
ensure_ui_deps
build_ui
say "building the app (release)"
cd "$ROOT"
cargo build --release --quiet
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  fail "no display: run this from a desktop session (or under xvfb-run for a headless check)"
fi
exec "$ROOT/target/release/trustgap" "$@"
