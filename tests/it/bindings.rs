//! The committed TypeScript bindings must match the Rust commands.
//!
//! Regenerate with `scripts/gen-bindings` (it sets TRUSTGAP_WRITE_BINDINGS=1 for this test).

use std::path::Path;

#[test]
fn generated_bindings_are_fresh() {
    let fresh = trustgap::commands::typescript_bindings().expect("bindings export");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.gen.ts");
    if std::env::var_os("TRUSTGAP_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.gen.ts is stale: run scripts/gen-bindings and commit the result"
    );
}
