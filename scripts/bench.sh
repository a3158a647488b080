#!/usr/bin/env bash
# Runs every benchmark and writes the results into BENCHMARKS.md (between its result markers):
# in-process figures (answer saves, reports, a large workspace) and whole-app start-up time and
# memory against a bare Tauri window, under Xvfb. Release builds; takes 15–20 minutes from cold.
# TRUSTGAP_BENCH_LAUNCHES=N changes the launches per program (default 12).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${RUN_PACKAGES[@]}" xvfb xauth dbus
ensure_toolchains
ensure_ui_deps
build_ui
cd "$ROOT"
say "building the app and the bare window (release)"
cargo build --release --quiet --bin trustgap --example bare_window
say "building the benchmarks"
cargo bench --quiet --no-run

results="$(mktemp)"
log="$ROOT/target/bench-xvfb.log"
trap 'rm -f "$results"' EXIT
{
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') on: $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
    "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM;" \
    "$( (. /etc/os-release && echo "$PRETTY_NAME") ), kernel $(uname -r);" \
    "WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?');" \
    "$(rustc --version | cut -d' ' -f1-2)."
  echo
  echo "Release binary: $(du -k target/release/trustgap | cut -f1) KB (bare window:" \
    "$(du -k target/release/examples/bare_window | cut -f1) KB)."
  for deb in target/release/bundle/deb/*.deb; do
    [ -f "$deb" ] && echo ".deb from scripts/bundle.sh: $(du -k "$deb" | cut -f1) KB ($(basename "$deb"))."
  done
} >"$results"

say "in-process benchmarks"
cargo bench --quiet --bench inprocess | tee -a "$results"
say "start-up benchmark (under Xvfb; its log: $log)"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  cargo bench --quiet --bench startup 2>"$log" |
  grep --line-buffered -E '^(\||#|$)' | tee -a "$results" # D-Bus helpers chat on stdout too

# Replace what lies between the markers in BENCHMARKS.md with this run's results.
awk -v file="$results" '
  /<!-- results:begin -->/ { print; while ((getline line < file) > 0) print line; skip = 1; next }
  /<!-- results:end -->/ { skip = 0 }
  !skip { print }
' BENCHMARKS.md >BENCHMARKS.md.new && mv BENCHMARKS.md.new BENCHMARKS.md
say "results written to BENCHMARKS.md"
