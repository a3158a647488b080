//! The independent readers Word and Excel files are checked with: python-docx and openpyxl in
//! the virtual environment `scripts/test.sh` sets up (`TRUSTGAP_PYTHON`), so a test sees the file
//! as another program does, not as our writer believes it wrote it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python with the readers: `TRUSTGAP_PYTHON`, else the environment under target/.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("TRUSTGAP_PYTHON") {
        return PathBuf::from(p);
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python");
    assert!(
        p.exists(),
        "the document readers are missing: run scripts/test.sh once (it creates {}), \
         or set TRUSTGAP_PYTHON to a Python with openpyxl and python-docx",
        p.display()
    );
    p
}

/// Runs `script` (Python source, which gets the file as `sys.argv[1]` and prints JSON) on
/// `file` and parses what it printed. Panics with the reader's error output when it fails.
pub fn read_with(script: &str, file: &Path) -> serde_json::Value {
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
        .expect("run the Python reader");
    assert!(
        out.status.success(),
        "the reader failed on {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}

#[test]
fn the_readers_are_installed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("empty.txt");
    std::fs::write(&file, "").expect("write");
    let v = read_with(
        "import sys, json, openpyxl, docx; print(json.dumps([openpyxl.__version__, sys.argv[1]]))",
        &file,
    );
    assert_eq!(v[1].as_str(), file.to_str());
}
