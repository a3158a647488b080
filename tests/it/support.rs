//! Shared helpers: temporary workspaces, the built binary, external PDF tools.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use trustgap_workspace::Workspace;

/// A workspace in a fresh temporary folder, removed when dropped.
pub struct TempWorkspace {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
}

impl TempWorkspace {
    /// A second connection to the same database, for tests of the store itself.
    pub fn store(&self) -> trustgap_store::Store {
        trustgap_store::Store::open_dir(self.dir.path()).expect("open store")
    }
}

pub fn workspace() -> TempWorkspace {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = trustgap_workspace::Workspace::open(dir.path()).expect("open workspace");
    TempWorkspace { dir, ws }
}

/// The app binary built for these tests.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_trustgap"))
}

/// Runs the CLI with `args` against the workspace folder `data_dir`, with no inherited override.
pub fn cli(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .env("TRUSTGAP_DATA_DIR", data_dir)
        .output()
        .expect("run trustgap")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs an external tool (pdftotext, pdffonts, qpdf, …) and returns its stdout; fails the test
/// with the tool's own message when it is missing or fails.
pub fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed for this test ({e}); run scripts/test.sh"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
}
