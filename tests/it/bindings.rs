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

/// Every string-valued enum must serialize exactly as the generated TypeScript spells it: serde
/// and specta once disagreed on names with digits ("first30_days" against "first_30_days").
#[test]
fn enum_spellings_match_the_typescript_bindings() {
    use trustgap_domain::plan::{AuditType, Phase};
    let ts = trustgap::commands::typescript_bindings().expect("bindings");
    let json = |v: serde_json::Value| v.as_str().expect("a string").to_owned();
    let values = [
        json(serde_json::json!(Phase::First30Days)),
        json(serde_json::json!(Phase::Days31To90)),
        json(serde_json::json!(Phase::BeforeAudit)),
        json(serde_json::json!(AuditType::Type1)),
        json(serde_json::json!(AuditType::Type2)),
    ];
    for v in values {
        assert!(
            ts.contains(&format!("\"{v}\"")),
            "{v} is not a value the UI knows"
        );
    }
}

/// Two Rust types of the same name in different modules both became `export type GapKind`, and
/// the UI's build refused the file: every exported name must be declared once.
#[test]
fn every_type_in_the_bindings_is_declared_once() {
    let ts = trustgap::commands::typescript_bindings().expect("bindings");
    let mut seen = std::collections::BTreeSet::new();
    let twice: Vec<&str> = ts
        .lines()
        .filter_map(|l| l.strip_prefix("export type "))
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .filter(|name| !seen.insert(*name))
        .collect();
    assert!(twice.is_empty(), "declared more than once: {twice:?}");
}
