//! One window per workspace: a second launch on a folder whose app is already running brings
//! that app's window to the front instead of opening another (Unix; on Windows the second launch
//! says the workspace is in use, as before).
//!
//! tauri-plugin-single-instance keys on the app identifier, but consultants run one window per
//! client (`--data-dir`), so the key here is the workspace folder: the app that holds
//! `workspace.lock` listens on a Unix socket beside it, `workspace.sock`, readable and writable
//! by the user only. It accepts one fixed message and answers it once the window was asked to
//! come forward. Only the lock holder creates the socket, so a socket file found by the lock
//! holder is stale (left by a crash) and replaced; the app removes it when it exits. No network:
//! a file in the user's own data folder.

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The socket's file name in the data folder.
pub const SOCKET_FILE: &str = "workspace.sock";
/// The one request the listener accepts, and its answer.
const REQUEST: &[u8] = b"trustgap/1 focus\n";
const ANSWER: &[u8] = b"ok\n";
/// How long either side waits for the other to read or write.
const IO_TIMEOUT: Duration = Duration::from_secs(2);
/// A second launch right after the first may find the lock taken but the socket not yet there.
const CONNECT_TRIES: u32 = 5;
const CONNECT_PAUSE: Duration = Duration::from_millis(100);

/// The listening socket's file; [`Listener::close`] (or dropping it) removes it.
#[derive(Debug)]
pub struct Listener {
    path: PathBuf,
}

impl Listener {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes the socket file: later launches find nobody listening and say so.
    pub fn close(self) {}
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Listens on `workspace.sock` in `data_dir` and calls `focus` for every valid request, on a
/// thread of its own; `focus` says whether the window could be asked to come forward.
///
/// The caller must hold the workspace lock of `data_dir`: that is what makes an existing socket
/// file stale, and safe to replace.
pub fn listen<F>(data_dir: &Path, focus: F) -> std::io::Result<Listener>
where
    F: Fn() -> bool + Send + 'static,
{
    let path = data_dir.join(SOCKET_FILE);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let socket = UnixListener::bind(&path)?;
    let listener = Listener { path };
    std::fs::set_permissions(listener.path(), std::fs::Permissions::from_mode(0o600))?;
    std::thread::Builder::new()
        .name("trustgap-instance".into())
        .spawn(move || {
            for stream in socket.incoming().flatten() {
                answer(stream, &focus);
            }
        })?;
    Ok(listener)
}

/// Reads one request (a fixed message, anything else is ignored) and answers it.
fn answer(mut stream: UnixStream, focus: &impl Fn() -> bool) {
    if stream.set_read_timeout(Some(IO_TIMEOUT)).is_err()
        || stream.set_write_timeout(Some(IO_TIMEOUT)).is_err()
    {
        return;
    }
    // The whole message and nothing more: the sender closes its side once it has written.
    let mut request = Vec::with_capacity(REQUEST.len() + 1);
    let read = (&mut stream)
        .take(REQUEST.len() as u64 + 1)
        .read_to_end(&mut request);
    if read.is_ok() && request == REQUEST && focus() {
        let _ = stream.write_all(ANSWER);
    }
}

/// What a second launch learnt from the workspace's socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The running app answered: its window was asked to come to the front.
    Focused,
    /// Nobody answered: no socket (an older Trustgap, a CLI command holding the lock, another
    /// OS user's folder) or no answer in time.
    NoAnswer,
}

/// Asks the app running on `data_dir` to bring its window to the front.
pub fn wake(data_dir: &Path) -> Wake {
    let path = data_dir.join(SOCKET_FILE);
    for attempt in 0..CONNECT_TRIES {
        if attempt > 0 {
            std::thread::sleep(CONNECT_PAUSE);
        }
        let Ok(mut stream) = UnixStream::connect(&path) else {
            continue;
        };
        return match ask(&mut stream) {
            Ok(true) => Wake::Focused,
            _ => Wake::NoAnswer,
        };
    }
    Wake::NoAnswer
}

fn ask(stream: &mut UnixStream) -> std::io::Result<bool> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    stream.write_all(REQUEST)?;
    stream.shutdown(std::net::Shutdown::Write)?;
    let mut reply = Vec::new();
    stream.take(ANSWER.len() as u64).read_to_end(&mut reply)?;
    Ok(reply == ANSWER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn counter() -> (Arc<AtomicUsize>, impl Fn() -> bool + Send + 'static) {
        let calls = Arc::new(AtomicUsize::new(0));
        let seen = calls.clone();
        (calls, move || {
            seen.fetch_add(1, Ordering::SeqCst);
            true
        })
    }

    #[test]
    fn a_second_launch_wakes_the_listener_and_is_answered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (calls, focus) = counter();
        let listener = listen(dir.path(), focus).expect("listen");
        assert_eq!(wake(dir.path()), Wake::Focused);
        assert_eq!(wake(dir.path()), Wake::Focused);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        let mode = std::fs::metadata(listener.path())
            .expect("socket")
            .permissions();
        assert_eq!(mode.mode() & 0o777, 0o600, "the user's only");
    }

    #[test]
    fn nobody_listening_is_no_answer() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(wake(dir.path()), Wake::NoAnswer);
        // A socket file left by a crashed app: nobody accepts on it.
        drop(UnixListener::bind(dir.path().join(SOCKET_FILE)).expect("bind"));
        assert!(dir.path().join(SOCKET_FILE).exists());
        assert_eq!(wake(dir.path()), Wake::NoAnswer);
    }

    #[test]
    fn a_stale_socket_is_replaced_and_the_socket_goes_when_closed() {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(UnixListener::bind(dir.path().join(SOCKET_FILE)).expect("stale"));
        let (calls, focus) = counter();
        let listener = listen(dir.path(), focus).expect("listen over a stale socket");
        assert_eq!(wake(dir.path()), Wake::Focused);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        listener.close();
        assert!(!dir.path().join(SOCKET_FILE).exists());
        assert_eq!(wake(dir.path()), Wake::NoAnswer);
    }

    #[test]
    fn anything_but_the_request_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (calls, focus) = counter();
        let _listener = listen(dir.path(), focus).expect("listen");
        let junk: [&[u8]; 5] = [
            b"hello\n",
            b"trustgap/1 focus",
            b"TRUSTGAP/1 FOCUS\n",
            b"trustgap/1 focus\nand more",
            b"",
        ];
        for junk in junk {
            let mut s = UnixStream::connect(dir.path().join(SOCKET_FILE)).expect("connect");
            s.write_all(junk).expect("write");
            s.shutdown(std::net::Shutdown::Write).expect("shutdown");
            let mut reply = Vec::new();
            // Closed unanswered (reset when it left bytes unread).
            let _ = s.read_to_end(&mut reply);
            assert!(reply.is_empty(), "{junk:?} was answered");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        // The listener still serves a real request afterwards.
        assert_eq!(wake(dir.path()), Wake::Focused);
    }

    #[test]
    fn a_window_that_cannot_come_forward_is_no_answer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let _listener = listen(dir.path(), || false).expect("listen");
        assert_eq!(wake(dir.path()), Wake::NoAnswer);
    }
}
