#!/usr/bin/env bash
# Builds the installable package with the release profile: on Linux the .deb, in
# target/release/bundle/deb/, with the app (/usr/bin/trustgap) and the headless command line
# (/usr/bin/trustgap-cli). Installs what the build needs on Debian/Ubuntu.
# Other formats, by machine (arguments are passed to `tauri build`):
#   scripts/bundle.sh --bundles appimage     Linux; downloads linuxdeploy, so it needs the network
#   scripts/bundle.sh --bundles app,dmg      on macOS
#   scripts/bundle.sh --bundles msi,nsis     on Windows (from Git Bash)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${RUN_PACKAGES[@]}"
ensure_toolchains
ensure_ui_deps
cd "$ROOT"
# The Tauri CLI (an npm package of the UI) looks for the app here: the Rust package and
# tauri.conf.json at the root, the front end in ui/. It runs the UI build itself.
export TAURI_APP_PATH="$ROOT" TAURI_FRONTEND_PATH="$ROOT/ui"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--bundles deb)
# The headless command line ships beside the app (/usr/bin/trustgap-cli in the .deb, from
# tauri.conf.json's bundle.linux.deb.files); the Tauri CLI builds only the app's own binary.
say "building trustgap-cli (release)"
cargo build --release --quiet -p trustgap-cli
say "building the bundle (${args[*]})"
"$ROOT/ui/node_modules/.bin/tauri" build "${args[@]}"
for f in "$ROOT"/target/release/bundle/deb/*.deb; do
  [ -f "$f" ] && say "$(du -h "$f" | cut -f1)  $f"
done
