#!/usr/bin/env bash
# Runs every benchmark and writes the results into BENCHMARKS.md (between its result markers):
# in-process figures (answer saves, reports, a large workspace), the evidence locker (add and
# pack against cp + sha256sum and zip -0), the command line's start
# (`--version` of trustgap-cli and of the app binary) and whole-app start-up time and memory
# against a bare Tauri window, under Xvfb; each figure beside its floor. Release builds; takes
# 15–20 minutes from cold.
#
#   scripts/bench.sh                   every part, the whole results section rewritten
#   scripts/bench.sh startup cli       only these parts (inprocess, evidence, cli, startup): their blocks
#                                      are replaced and marked as re-run, the rest is kept
#
# TRUSTGAP_BENCH_LAUNCHES=N changes the start-up launches per program (default 12).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(inprocess evidence cli startup)
for p in "${parts[@]}"; do
  case "$p" in inprocess | evidence | cli | startup) ;; *) fail "unknown part '$p' (inprocess, evidence, cli, startup)" ;; esac
done

# time: GNU time, for the command line's peak memory; poppler-utils: the reports' text floor;
# zip: the evidence pack's floor.
ensure_packages "${RUN_PACKAGES[@]}" xvfb xauth dbus time poppler-utils zip
ensure_toolchains
ensure_ui_deps
build_ui
cd "$ROOT"
say "building the app, trustgap-cli and the bare window (release)"
cargo build --release --quiet --bin trustgap --bin trustgap-cli --example bare_window
say "building the benchmarks"
cargo bench --quiet --no-run

machine() {
  echo "$(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
    "$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM;" \
    "$( (. /etc/os-release && echo "$PRETTY_NAME") ), kernel $(uname -r);" \
    "WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?');" \
    "$(rustc --version | cut -d' ' -f1-2)"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

tmp="$(mktemp -d)"
log="$ROOT/target/bench-xvfb.log"
trap 'rm -rf "$tmp"' EXIT

run_part() {
  local part="$1" out="$tmp/$1"
  : >"$out"
  [ ${#parts[@]} -eq 4 ] || echo "*Re-run $(date -u +'%Y-%m-%d %H:%M UTC') on its own (load average $(load)).*" >>"$out"
  case "$part" in
    inprocess)
      say "in-process benchmarks"
      cargo bench --quiet --bench inprocess | tee -a "$out"
      ;;
    evidence)
      say "evidence locker (writes about 4 GB of scratch files)"
      cargo bench --quiet --bench evidence | tee -a "$out"
      ;;
    cli)
      say "command line start"
      cargo bench --quiet --bench cli | tee -a "$out"
      ;;
    startup)
      say "start-up benchmark (under Xvfb; its log: $log)"
      # D-Bus helpers chat on stdout too: keep the result lines only.
      xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        cargo bench --quiet --bench startup 2>"$log" |
        grep --line-buffered -E '^(\||#|$)' | tee -a "$out"
      ;;
  esac
}

if [ ${#parts[@]} -eq 4 ]; then
  {
    echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') on: $(machine). Load average at the start:" \
      "$(load) (other work on the machine shows up as noise; compare ratios)."
    echo
    echo "Release binaries: trustgap $(du -k target/release/trustgap | cut -f1) KB," \
      "trustgap-cli $(du -k target/release/trustgap-cli | cut -f1) KB (bare window:" \
      "$(du -k target/release/examples/bare_window | cut -f1) KB)."
    for deb in target/release/bundle/deb/*.deb; do
      [ -f "$deb" ] && echo ".deb from scripts/bundle.sh: $(du -k "$deb" | cut -f1) KB ($(basename "$deb"))."
    done
  } >"$tmp/head"
fi
for p in "${parts[@]}"; do run_part "$p"; done

# Rewrite the results section of BENCHMARKS.md: the whole of it after a full run, or only the
# blocks (<!-- bench:PART -->) of the parts that ran.
awk -v dir="$tmp" -v full="$([ ${#parts[@]} -eq 4 ] && echo 1 || echo 0)" '
  function emit(part, file, line) {
    file = dir "/" part
    print "<!-- bench:" part " -->"
    while ((getline line < file) > 0) print line
    close(file)
  }
  function ran(part) { return (system("test -f \"" dir "/" part "\"") == 0) }
  /<!-- results:begin -->/ {
    print
    if (full) {
      while ((getline line < (dir "/head")) > 0) print line
      emit("inprocess"); emit("evidence"); emit("cli"); emit("startup")
      skip = 1
    }
    next
  }
  /<!-- results:end -->/ { skip = 0; print; next }
  /<!-- bench:[a-z]+ -->/ {
    part = $0; sub(/.*bench:/, "", part); sub(/ -->.*/, "", part)
    if (!full && ran(part)) { emit(part); skip = 1 } else { skip = full; if (!full) print }
    next
  }
  !skip { print }
' BENCHMARKS.md >BENCHMARKS.md.new && mv BENCHMARKS.md.new BENCHMARKS.md
say "results written to BENCHMARKS.md"
