//! `trustgap-cli`, the binary a script runs: it answers `--version` and its subcommands without a
//! display, explains itself when run bare, and links no GUI library.

use std::path::Path;
use std::process::{Command, Output};

fn cli(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trustgap-cli"))
        .args(args)
        .env("TRUSTGAP_DATA_DIR", data_dir)
        // Headless means headless: nothing may need a display.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run trustgap-cli")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn version_names_this_binary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["--version"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        format!("trustgap-cli {}", env!("CARGO_PKG_VERSION"))
    );
    // --version touches no workspace.
    assert!(!dir.path().join("workspace.sqlite3").exists());
}

#[test]
fn info_runs_headless_on_the_data_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["info"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&out.stdout);
    assert!(info.contains("question bank"), "{info}");
    assert!(info.contains(&dir.path().display().to_string()), "{info}");
    assert!(dir.path().join("workspace.sqlite3").exists());
}

#[test]
fn catalog_json_is_the_question_bank() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["catalog", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let questions = json["questions"].as_array().expect("questions");
    assert!(questions.len() >= 150, "{} questions", questions.len());
    assert!(json["version"].is_string());
}

#[test]
fn without_a_subcommand_it_explains_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("runs subcommands only"), "{err}");
    assert!(err.contains("`trustgap`"), "{err}");
    assert!(out.stdout.is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn links_no_gui_library() {
    let out = Command::new("readelf")
        .args(["-d", env!("CARGO_BIN_EXE_trustgap-cli")])
        .output()
        .expect("readelf (binutils) is needed; scripts/test.sh installs it");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let needed: Vec<String> = text(&out.stdout)
        .lines()
        .filter(|l| l.contains("(NEEDED)"))
        .map(str::to_owned)
        .collect();
    assert!(!needed.is_empty(), "no NEEDED entries: a static binary?");
    for gui in ["gtk", "gdk", "webkit", "soup", "javascriptcore", "cairo"] {
        assert!(
            !needed.iter().any(|l| l.to_lowercase().contains(gui)),
            "trustgap-cli links {gui}: {needed:#?}"
        );
    }
}

#[test]
fn help_says_it_is_the_headless_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = cli(dir.path(), &["--help"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    assert!(help.contains("Usage: trustgap-cli"), "{help}");
    assert!(help.contains("runs subcommands only"), "{help}");
    assert!(!help.contains("Run without a subcommand to open"), "{help}");
}
