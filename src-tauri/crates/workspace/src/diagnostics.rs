//! The log file (one line per command, errors with their causes) and the diagnostics a user
//! copies into a support request.
//!
//! Lines name commands, durations, outcome codes and error messages, never answer text or notes:
//! those are the client's confidential data. The file rotates at [`MAX_LOG_BYTES`], keeping
//! [`KEPT_LOGS`] older files, so it never grows without bound.

use crate::{ApiError, ErrorCode};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

/// The log's folder inside the data folder.
pub const LOG_DIR: &str = "logs";
/// The current log file's name; older ones end in `.1`, `.2`, ….
pub const LOG_FILE: &str = "trustgap.log";
/// Size at which the log rotates.
pub const MAX_LOG_BYTES: u64 = 1024 * 1024;
/// Rotated files kept besides the current one.
pub const KEPT_LOGS: usize = 3;
/// Log lines the diagnostics carry.
pub const DIAGNOSTIC_LINES: usize = 40;

/// Where the log of the workspace in `data_dir` is written.
pub fn log_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_DIR).join(LOG_FILE)
}

/// A `log` backend appending to a file and rotating it.
struct FileLog {
    path: PathBuf,
    file: Mutex<Option<File>>,
}

impl FileLog {
    fn open(path: &Path) -> std::io::Result<File> {
        OpenOptions::new().create(true).append(true).open(path)
    }

    /// Moves `trustgap.log` to `.1` (and `.1` to `.2` …), dropping the oldest.
    fn rotate(&self) -> std::io::Result<File> {
        let numbered = |n: usize| self.path.with_extension(format!("log.{n}"));
        for n in (1..KEPT_LOGS).rev() {
            if numbered(n).exists() {
                std::fs::rename(numbered(n), numbered(n + 1))?;
            }
        }
        std::fs::rename(&self.path, numbered(1))?;
        FileLog::open(&self.path)
    }
}

impl log::Log for FileLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        // Ours at info and above; the libraries' only when they warn.
        metadata.level() <= log::Level::Warn
            || (metadata.target().starts_with("trustgap") && metadata.level() <= log::Level::Info)
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {:<5} {}: {}\n",
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"),
            record.level(),
            record.target(),
            one_line(&record.args().to_string())
        );
        let mut guard = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let too_big = guard
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.len() + line.len() as u64 > MAX_LOG_BYTES);
        if too_big {
            // A rotation that fails keeps writing to the current file rather than losing lines.
            if let Ok(file) = self.rotate() {
                *guard = Some(file);
            }
        }
        if let Some(file) = guard.as_mut() {
            // Logging never fails the command it describes.
            let _ = file.write_all(line.as_bytes());
        }
    }

    fn flush(&self) {
        if let Some(file) = self
            .file
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_mut()
        {
            let _ = file.flush();
        }
    }
}

/// Newlines and other control characters escaped, so each record stays one line.
fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => line.push_str("\\n"),
            c if c.is_control() => line.push('?'),
            c => line.push(c),
        }
    }
    line
}

/// Starts writing the process's log to the workspace's log file. Only the first call of a
/// process installs it; a log that cannot be opened leaves the app running without one.
pub fn start_log(data_dir: &Path) -> Result<PathBuf, ApiError> {
    let path = log_path(data_dir);
    let dir = data_dir.join(LOG_DIR);
    std::fs::create_dir_all(&dir)
        .map_err(|e| ApiError::io(format!("Could not create the log folder: {e}")))?;
    let file = FileLog::open(&path)
        .map_err(|e| ApiError::io(format!("Could not open the log file: {e}")))?;
    let logger = FileLog {
        path: path.clone(),
        file: Mutex::new(Some(file)),
    };
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
    Ok(path)
}

/// Runs one command of a front door and logs its name, duration and outcome.
pub fn logged<T>(command: &str, f: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
    let started = Instant::now();
    let outcome = f();
    record(command, started, &outcome);
    outcome
}

/// Logs a command that ran since `started`: one line with its duration and outcome.
pub fn record<T>(command: &str, started: Instant, outcome: &Result<T, ApiError>) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match outcome {
        Ok(_) => log::info!(target: "trustgap::command", "{command} ok in {ms:.1} ms"),
        Err(e) => {
            let level = match e.code {
                // What the user typed or chose: expected, not a fault.
                ErrorCode::Validation | ErrorCode::NotFound | ErrorCode::Conflict => {
                    log::Level::Info
                }
                ErrorCode::Io | ErrorCode::Internal => log::Level::Error,
            };
            log::log!(target: "trustgap::command", level,
                "{command} failed in {ms:.1} ms: {:?}: {}", e.code, e.message);
        }
    }
}

/// An error and its causes, outermost first ("a: b: c"), for the log.
pub fn cause_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// What a user pastes into a support request: versions, system, where the files are and the last
/// lines of the log. Holds no answer text (the log never does).
pub fn diagnostics(data_dir: &Path) -> String {
    let bank = trustgap_domain::catalog::embedded()
        .map(|c| c.version.clone())
        .unwrap_or_else(|e| format!("unreadable ({e})"));
    let path = log_path(data_dir);
    let mut text = format!(
        "Trustgap {}\nquestion bank {bank}\nsystem {} ({} {})\ndata folder {}\nlog {}\n",
        env!("CARGO_PKG_VERSION"),
        os_name(),
        std::env::consts::OS,
        std::env::consts::ARCH,
        data_dir.display(),
        path.display()
    );
    let lines = last_lines(&path, DIAGNOSTIC_LINES);
    text.push_str(&format!("\nlast {} log lines:\n", lines.len()));
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The distribution's name on Linux (`PRETTY_NAME` of os-release), else the OS family.
fn os_name() -> String {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| std::env::consts::FAMILY.to_owned())
}

/// The last `n` lines of a text file (none when it cannot be read).
fn last_lines(path: &Path, n: usize) -> Vec<String> {
    let Ok(file) = File::open(path) else {
        return Vec::new();
    };
    let mut lines: std::collections::VecDeque<String> = std::collections::VecDeque::new();
    for line in BufReader::new(file).lines().map_while(Result::ok) {
        if lines.len() == n {
            lines.pop_front();
        }
        lines.push_back(line);
    }
    lines.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use log::Log;

    fn logger(dir: &Path) -> FileLog {
        let path = dir.join(LOG_FILE);
        FileLog {
            file: Mutex::new(Some(FileLog::open(&path).expect("open"))),
            path,
        }
    }

    fn write(log: &FileLog, text: &str) {
        log.log(
            &log::Record::builder()
                .level(log::Level::Info)
                .target("trustgap::command")
                .args(format_args!("{text}"))
                .build(),
        );
    }

    #[test]
    fn records_stay_on_one_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = logger(dir.path());
        write(&log, "first\nsecond\r");
        let text = std::fs::read_to_string(dir.path().join(LOG_FILE)).expect("read");
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.contains("first\\nsecond?"), "{text}");
    }

    #[test]
    fn the_log_rotates_and_keeps_a_bounded_number_of_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = logger(dir.path());
        let chunk = "x".repeat(64 * 1024);
        for _ in 0..(KEPT_LOGS + 2) * 17 {
            write(&log, &chunk);
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), KEPT_LOGS + 1, "{names:?}");
        for name in &names {
            let size = std::fs::metadata(dir.path().join(name))
                .expect("size")
                .len();
            assert!(size <= MAX_LOG_BYTES, "{name} holds {size} bytes");
        }
    }

    #[test]
    fn libraries_log_only_warnings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = logger(dir.path());
        let meta = |level, target| log::Metadata::builder().level(level).target(target).build();
        assert!(log.enabled(&meta(log::Level::Info, "trustgap::command")));
        assert!(!log.enabled(&meta(log::Level::Info, "tao::platform")));
        assert!(log.enabled(&meta(log::Level::Warn, "tao::platform")));
        assert!(!log.enabled(&meta(log::Level::Debug, "trustgap::command")));
    }

    #[test]
    fn the_cause_chain_lists_every_source() {
        #[derive(Debug, thiserror::Error)]
        #[error("outer")]
        struct Outer(#[source] std::io::Error);
        let e = Outer(std::io::Error::other("disk full"));
        assert_eq!(cause_chain(&e), "outer: disk full");
    }

    #[test]
    fn diagnostics_carry_versions_and_the_last_lines() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join(LOG_DIR)).expect("dir");
        let lines: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
        std::fs::write(log_path(dir.path()), lines.join("\n")).expect("write");
        let text = diagnostics(dir.path());
        assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
        assert!(text.contains("question bank"), "{text}");
        assert!(text.contains("line 99"), "{text}");
        assert!(
            !text.contains("line 59\n"),
            "only the last {DIAGNOSTIC_LINES}: {text}"
        );
    }
}
