#!/usr/bin/env bash
# Runs every test: UI type checks and unit tests, Rust format/lint/unit/integration tests, and the
# end-to-end journey on the real window (WebDriver under Xvfb). Installs what it needs on
# Debian/Ubuntu. Failure screenshots land in tests/e2e/artifacts/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_toolchains
ensure_ui_deps
ensure_tauri_driver
ensure_py_readers
cd "$ROOT"
report_disk_space

say "UI: svelte-check (strict TypeScript)"
(cd ui && npm run --silent check)
say "UI: lint (eslint, prettier --check)"
(cd ui && npm run --silent lint)
say "UI: unit tests (vitest)"
(cd ui && npx vitest run --reporter=dot)
build_ui

say "Rust: format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
say "Rust: unit and integration tests"
cargo test --quiet

say "end-to-end: the real window over WebDriver"
# `cargo test` above already built the app (target/debug/trustgap, default features). A separate
# `cargo build` would compile half the crate graph again, without the dev-dependencies' features.
[ -x target/debug/trustgap ] || fail "target/debug/trustgap was not built by cargo test"
for tool in Xvfb WebKitWebDriver dbus-run-session xvfb-run; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (install: ${TEST_PACKAGES[*]})"
done
rm -rf tests/e2e/artifacts
TRUSTGAP_E2E_APP="$ROOT/target/debug/trustgap" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/
