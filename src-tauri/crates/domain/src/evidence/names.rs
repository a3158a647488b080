//! Names of evidence files: the name kept from outside (shown, never used as a path), the media
//! type guessed from it, and the safe, unique names a file gets inside an evidence pack.

use crate::error::{DomainError, Result};
use std::collections::HashSet;

/// Longest name kept for a file, in characters.
const MAX_NAME_CHARS: usize = 200;
/// Longest name of a file or folder inside a pack, in characters (extension included).
const MAX_ENTRY_CHARS: usize = 80;

/// The name a file arrived with, as it is kept and shown: the last component only (whatever
/// path a browser or a `.trustgap` file sent with it), control characters dropped, trimmed,
/// at most 200 characters with the extension kept.
pub fn display_name(raw: &str) -> Result<String> {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    if clean.is_empty() || clean.chars().all(|c| c == '.') {
        return Err(DomainError::invalid(
            "An evidence file needs a name (the file's own name is empty).",
        ));
    }
    Ok(shorten(clean, MAX_NAME_CHARS))
}

/// Cuts `name` to `max` characters, keeping a short extension.
fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let (stem, ext) = split_ext(name);
    let keep = max.saturating_sub(ext.chars().count()).max(1);
    let stem: String = stem.chars().take(keep).collect();
    format!("{}{ext}", stem.trim_end())
}

/// `("report", ".pdf")`; an extension is a dot and 1 to 8 letters or digits at the end.
fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i)
            if i > 0
                && (2..=9).contains(&(name.len() - i))
                && name[i + 1..].chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            name.split_at(i)
        }
        _ => (name, ""),
    }
}

/// The media type of a file from its name's extension; `application/octet-stream` when unknown.
/// The type is a label for the auditor's viewer: nothing in Trustgap opens a file by it.
pub fn media_type(name: &str) -> &'static str {
    let ext = split_ext(name)
        .1
        .trim_start_matches('.')
        .to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "md" => "text/markdown",
        "html" | "htm" => "text/html",
        "xml" => "application/xml",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "zip" => "application/zip",
        "eml" => "message/rfc822",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

/// Names reserved by Windows whatever their extension: a pack entry never takes one.
const DEVICE_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// One path component that is safe on every system an auditor may unpack on: letters (any
/// script), digits, space and `-_.()` only; no leading or trailing dot or space; never `..`
/// or a device name; at most 80 characters; never empty.
pub fn safe_component(raw: &str) -> String {
    let mapped: String = raw
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut name = mapped.trim_matches(|c| c == '.' || c == ' ').to_owned();
    if name.is_empty() {
        name = "file".to_owned();
    }
    let stem = split_ext(&name).0.trim_end();
    if DEVICE_NAMES.iter().any(|d| stem.eq_ignore_ascii_case(d)) {
        name = format!("_{name}");
    }
    shorten(&name, MAX_ENTRY_CHARS)
}

/// The names given inside one folder of a pack: each safe ([`safe_component`]) and unique
/// ignoring case ("report.pdf", "report (2).pdf").
#[derive(Debug, Default)]
pub struct PackNames {
    taken: HashSet<String>,
}

impl PackNames {
    pub fn new() -> PackNames {
        PackNames::default()
    }

    /// A safe name for `raw` not yet given in this folder.
    pub fn name(&mut self, raw: &str) -> String {
        let base = safe_component(raw);
        let (stem, ext) = split_ext(&base);
        let (stem, ext) = (stem.to_owned(), ext.to_owned());
        let mut candidate = base.clone();
        let mut n = 2;
        while !self.taken.insert(candidate.to_lowercase()) {
            candidate = shorten(&format!("{stem} ({n}){ext}"), MAX_ENTRY_CHARS + 6);
            n += 1;
        }
        candidate
    }
}
