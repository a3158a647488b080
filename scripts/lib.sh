# Shared set-up for scripts/run.sh and scripts/test.sh: checks what the build needs and, on
# Debian/Ubuntu, installs what is missing. Idempotent: a second run installs nothing.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Debian packages the app needs to build and run (Tauri 2 on Linux, WebKitGTK 4.1).
RUN_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev librsvg2-dev
  libxdo-dev libayatana-appindicator3-dev curl file fonts-dejavu-core)
# Extra packages for the tests: a virtual display, the WebKit WebDriver, PDF tools, D-Bus.
# A Japanese font and Python's venv are for the document tests: CJK text must be found through
# fontconfig, and Word and Excel files are read back with python-docx and openpyxl.
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver poppler-utils qpdf dbus binutils
  fonts-ipafont-gothic python3-venv)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "installing system packages needs root: run as root or install sudo, then retry"
  fi
}

is_debian_like() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }

# ensure_packages NAME... : installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  if ! is_debian_like; then
    say "not a Debian/Ubuntu system: cannot install packages automatically."
    say "make sure these (or your system's equivalents) are installed: $*"
    say "see https://v2.tauri.app/start/prerequisites/ for macOS and Windows"
    return 0
  fi
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_toolchains() {
  command -v cargo >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/cargo" ] ||
    fail "Rust is missing: install it from https://rustup.rs (stable toolchain), then retry"
  export PATH="$HOME/.cargo/bin:$PATH"
  command -v node >/dev/null 2>&1 ||
    fail "Node.js is missing: install Node.js 20.19 or newer (https://nodejs.org), then retry"
  local v major minor
  v="$(node --version | sed 's/^v//')"
  major="${v%%.*}"; minor="$(echo "$v" | cut -d. -f2)"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    fail "Node.js $v is too old: the UI build (Vite 8) needs 20.19 or newer"
  fi
}

# Installs the UI's npm packages when the lock file changed since the last install.
ensure_ui_deps() {
  local stamp="$ROOT/ui/node_modules/.trustgap-lock" want
  # sha256sum on Linux and Git Bash, shasum on macOS.
  want="$({ sha256sum "$ROOT/ui/package-lock.json" 2>/dev/null ||
    shasum -a 256 "$ROOT/ui/package-lock.json"; } | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing UI packages (npm ci)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

build_ui() {
  say "building the UI"
  (cd "$ROOT/ui" && npm run --silent build -- --logLevel warn)
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "installing tauri-driver (cargo install)"
    cargo install tauri-driver --version '^2' --locked --quiet
  fi
}

# A clean test build needs ~3 GB in target/; a full disk shows up as a linker error, so say how
# much room there is up front.
report_disk_space() {
  local free_kb
  mkdir -p "$ROOT/target"
  free_kb="$(df -Pk "$ROOT/target" | awk 'NR == 2 { print $4 }')"
  say "free disk space for target/: $((free_kb / 1024 / 1024)) GB"
  [ "$free_kb" -ge $((4 * 1024 * 1024)) ] ||
    say "warning: less than 4 GB free; the build may fail to link"
}

# The independent readers the document tests open Word and Excel files with, in a virtual
# environment under target/ (pinned; reinstalled only when the pins change). The Rust tests find
# it through TRUSTGAP_PYTHON.
PY_READERS=(openpyxl==3.1.5 python-docx==1.1.2)
ensure_py_readers() {
  local env="$ROOT/target/pyenv" stamp want
  stamp="$env/.trustgap-pins"
  want="${PY_READERS[*]}"
  if [ ! -x "$env/bin/python" ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "setting up the document readers (python: ${PY_READERS[*]})"
    rm -rf "$env"
    python3 -m venv "$env"
    "$env/bin/pip" install --quiet --disable-pip-version-check "${PY_READERS[@]}"
    echo "$want" >"$stamp"
  fi
  export TRUSTGAP_PYTHON="$env/bin/python"
}
