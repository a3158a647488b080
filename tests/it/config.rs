//! The shipped security configuration: CSP, global API, capabilities, plugins, symbols.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(path)).expect("read");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn csp_is_strict_and_the_global_api_is_off() {
    let conf = json("tauri.conf.json");
    assert_eq!(conf["app"]["withGlobalTauri"], serde_json::json!(false));
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    let all = csp.to_string();
    for banned in ["unsafe-inline", "unsafe-eval", "http:", "https:", "*"] {
        let allowed_ipc = all.replace("http://ipc.localhost", "");
        assert!(!allowed_ipc.contains(banned), "CSP allows {banned}: {all}");
    }
    assert!(
        conf["app"]["windows"].as_array().is_some_and(Vec::is_empty),
        "the window is built in Rust"
    );
}

#[test]
fn the_capability_grants_exactly_the_apps_commands() {
    let cap = json("src-tauri/capabilities/main.json");
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("string").to_owned())
        .collect();
    granted.sort();
    let ts = trustgap::commands::typescript_bindings().expect("bindings");
    let mut commands: Vec<String> = ts
        .match_indices("TAURI_INVOKE(\"")
        .map(|(at, m)| {
            let rest = &ts[at + m.len()..];
            format!(
                "allow-{}",
                rest[..rest.find('"').expect("quote")].replace('_', "-")
            )
        })
        .collect();
    commands.sort();
    commands.dedup();
    assert_eq!(granted, commands);
    let files = std::fs::read_dir(root().join("src-tauri/capabilities"))
        .expect("dir")
        .count();
    assert_eq!(files, 1, "one capability file");
}

#[test]
fn the_deb_ships_the_headless_command_line_built_in_release() {
    let conf = json("tauri.conf.json");
    assert_eq!(
        conf["bundle"]["linux"]["deb"]["files"]["/usr/bin/trustgap-cli"],
        "target/release/trustgap-cli"
    );
    // The Tauri CLI builds the app's binary only: the script must build trustgap-cli first.
    let script = std::fs::read_to_string(root().join("scripts/bundle.sh")).expect("bundle.sh");
    let build = script
        .find("cargo build --release --quiet -p trustgap-cli")
        .expect("bundle.sh builds trustgap-cli in release");
    let bundle = script
        .find("tauri\" build")
        .expect("bundle.sh runs tauri build");
    assert!(build < bundle, "trustgap-cli is built before the bundle");
}

#[test]
fn no_file_system_shell_or_http_plugin_is_linked() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    for banned in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(
            !manifest.contains(banned),
            "{banned} must not be a dependency"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn the_binary_exports_no_sqlite_symbols() {
    // WebKitGTK loads the system SQLite into the same process: our bundled copy must stay private.
    let out = std::process::Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(crate::support::binary())
        .output()
        .expect("nm (binutils) is needed");
    assert!(out.status.success());
    let symbols = String::from_utf8_lossy(&out.stdout);
    let leaked: Vec<&str> = symbols
        .lines()
        .filter(|l| l.contains(" sqlite3_"))
        .take(5)
        .collect();
    assert!(leaked.is_empty(), "exported: {leaked:?}");
}
