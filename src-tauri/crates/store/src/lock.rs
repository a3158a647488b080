//! One writer per workspace: an exclusive lock on `workspace.lock` beside the database, held by
//! the app for its lifetime and by CLI commands that write.

use super::{Result, StoreError};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// Held while this process may write the workspace; released when dropped (or the process dies).
#[derive(Debug)]
pub struct WorkspaceLock {
    _file: File,
    pub path: PathBuf,
}

impl WorkspaceLock {
    pub fn acquire(dir: &Path) -> Result<WorkspaceLock> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
            path: dir.to_owned(),
            source,
        })?;
        let path = dir.join("workspace.lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| StoreError::Folder {
                path: path.clone(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(WorkspaceLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                dir: dir.to_owned(),
            }),
            Err(TryLockError::Error(source)) => Err(StoreError::Folder { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_folder_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = WorkspaceLock::acquire(dir.path()).expect("first");
        assert!(matches!(
            WorkspaceLock::acquire(dir.path()),
            Err(StoreError::Locked { .. })
        ));
        drop(first);
        WorkspaceLock::acquire(dir.path()).expect("free again");
    }
}
