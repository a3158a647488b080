//! The one error shape the UI and the CLI see: a closed set of codes plus a human message.
//!
//! Each layer keeps its own precise error enum; this module is the only place they are mapped
//! to codes, so the contract is pinned by the tests below.

use crate::catalog::CatalogError;
use crate::report::ReportError;
use crate::store::StoreError;
use serde::Serialize;
use specta::Type;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Validation,
    Conflict,
    Io,
    Internal,
}

/// `{code, message}` on the wire; `message` is written for the person using the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn validation(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::Validation, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::NotFound, message)
    }

    pub fn io(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::Io, message)
    }

    fn internal(detail: impl fmt::Display) -> ApiError {
        ApiError::new(
            ErrorCode::Internal,
            format!("Something went wrong inside Trustgap ({detail}). Nothing was changed."),
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        use rusqlite::ErrorCode as Sql;
        let code = match &e {
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Invalid(_) => ErrorCode::Validation,
            StoreError::NewerSchema { .. }
            | StoreError::NotOurs { .. }
            | StoreError::Conflict(_)
            | StoreError::Locked { .. } => ErrorCode::Conflict,
            StoreError::Corrupt { .. } | StoreError::Folder { .. } => ErrorCode::Io,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
                Sql::DatabaseBusy | Sql::DatabaseLocked => ErrorCode::Conflict,
                Sql::ConstraintViolation => ErrorCode::Validation,
                Sql::DiskFull | Sql::SystemIoFailure | Sql::CannotOpen | Sql::ReadOnly => {
                    ErrorCode::Io
                }
                _ => return ApiError::internal(e),
            },
            StoreError::Sqlite(_) => return ApiError::internal(e),
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> ApiError {
        ApiError::internal(e)
    }
}

impl From<&CatalogError> for ApiError {
    fn from(e: &CatalogError) -> ApiError {
        ApiError::internal(e)
    }
}

impl From<std::io::Error> for ApiError {
    fn from(e: std::io::Error) -> ApiError {
        ApiError::io(format!("Could not write the file: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_shape_is_code_and_message() {
        let json = serde_json::to_value(ApiError::validation("Name is empty.")).expect("json");
        assert_eq!(
            json,
            serde_json::json!({"code": "validation", "message": "Name is empty."})
        );
    }

    #[test]
    fn store_errors_map_to_their_codes() {
        let code = |e: StoreError| ApiError::from(e).code;
        assert_eq!(
            code(StoreError::NotFound("Client 3".into())),
            ErrorCode::NotFound
        );
        assert_eq!(
            code(StoreError::Invalid("bad".into())),
            ErrorCode::Validation
        );
        assert_eq!(
            code(StoreError::NewerSchema {
                found: 9,
                supported: 1
            }),
            ErrorCode::Conflict
        );
        assert_eq!(
            code(StoreError::NotOurs { path: "x".into() }),
            ErrorCode::Conflict
        );
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert_eq!(code(StoreError::Sqlite(busy)), ErrorCode::Conflict);
        assert_eq!(
            code(StoreError::Sqlite(rusqlite::Error::InvalidQuery)),
            ErrorCode::Internal
        );
    }

    #[test]
    fn messages_speak_to_people() {
        let e = ApiError::from(StoreError::NewerSchema {
            found: 4,
            supported: 1,
        });
        assert!(
            e.message.contains("newer version of Trustgap"),
            "{}",
            e.message
        );
        assert!(e.message.contains("left untouched"));
    }
}
