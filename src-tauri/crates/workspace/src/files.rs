//! Writing files the user chose: atomically, so a crash never leaves half a file behind.

use crate::error::ApiError;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `bytes` to a temporary file beside `path`, syncs it, then renames it over `path`, so a
/// crash never leaves a half-written file under the chosen name.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    write_streamed(path, |out| {
        out.write_all(bytes)
            .map_err(|e| ApiError::io(format!("Could not save {}: {e}", path.display())))
    })
}

/// Like [`write_atomically`], for contents written a piece at a time by `fill` (a file of
/// evidence, a pack): the temporary file is removed when `fill` fails or is cancelled.
pub fn write_streamed<T>(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .ok_or_else(|| ApiError::validation("That is not a file name."))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let cannot =
        |e: std::io::Error| ApiError::io(format!("Could not save {}: {e}", path.display()));
    let result = File::create(&tmp).map_err(cannot).and_then(|f| {
        let mut out = BufWriter::new(f);
        let value = fill(&mut out)?;
        let f = out.into_inner().map_err(|e| cannot(e.into_error()))?;
        f.sync_all().map_err(cannot)?;
        std::fs::rename(&tmp, path).map_err(cannot)?;
        Ok(value)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Refuses `size` bytes over `max` for `what` ("a roster"), in whole megabytes.
pub fn check_import_size(size: u64, max: u64, what: &str) -> Result<(), ApiError> {
    if size > max {
        return Err(ApiError::validation(format!(
            "That file is {} MB; {what} is at most {} MB.",
            size.div_ceil(1024 * 1024),
            max / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Reads a file chosen for import (its name and bytes), its size checked against `max` first.
pub fn read_for_import(path: &Path, max: u64, what: &str) -> Result<(String, Vec<u8>), ApiError> {
    let io = |e: std::io::Error| ApiError::io(format!("Could not read {}: {e}", path.display()));
    check_import_size(std::fs::metadata(path).map_err(io)?.len(), max, what)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((name, std::fs::read(path).map_err(io)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.pdf");
        std::fs::write(&path, b"old").expect("seed");
        write_atomically(&path, b"new").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn reports_a_missing_folder_as_io() {
        let err = write_atomically(Path::new("/nonexistent-trustgap/x.pdf"), b"x")
            .expect_err("no such folder");
        assert_eq!(err.code, crate::error::ErrorCode::Io);
    }
}
