//! The one error shape the UI and the CLI see: a closed set of codes plus a human message.
//!
//! Each layer keeps its own precise error enum; this module is the only place they are mapped
//! to codes, so the contract is pinned by the tests below.

use serde::Serialize;
use specta::Type;
use std::fmt;
use trustgap_documents::report::ReportError;
use trustgap_documents::workbook::WorkbookError;
use trustgap_domain::catalog::CatalogError;
use trustgap_domain::DomainError;
use trustgap_store::{ErrorKind as StoreKind, StoreError};

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

    /// A fault of ours: its causes go to the log, a short form to the user.
    fn internal(detail: &dyn std::error::Error) -> ApiError {
        log::error!(target: "trustgap::error", "{}", crate::diagnostics::cause_chain(detail));
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
        let code = match e.kind() {
            StoreKind::NotFound => ErrorCode::NotFound,
            StoreKind::Invalid => ErrorCode::Validation,
            StoreKind::Conflict => ErrorCode::Conflict,
            StoreKind::Io => ErrorCode::Io,
            StoreKind::Internal => return ApiError::internal(&e),
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> ApiError {
        match e {
            DomainError::Invalid(m) => ApiError::validation(m),
            DomainError::Unknown(m) => ApiError::not_found(m),
        }
    }
}

impl From<ReportError> for ApiError {
    fn from(e: ReportError) -> ApiError {
        ApiError::internal(&e)
    }
}

impl From<WorkbookError> for ApiError {
    fn from(e: WorkbookError) -> ApiError {
        ApiError::internal(&e)
    }
}

impl From<trustgap_documents::word::WordError> for ApiError {
    fn from(e: trustgap_documents::word::WordError) -> ApiError {
        ApiError::internal(&e)
    }
}

impl From<&CatalogError> for ApiError {
    fn from(e: &CatalogError) -> ApiError {
        ApiError::internal(e)
    }
}

impl From<std::io::Error> for ApiError {
    fn from(e: std::io::Error) -> ApiError {
        log::error!(target: "trustgap::error", "{}", crate::diagnostics::cause_chain(&e));
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
        assert_eq!(
            code(StoreError::Locked { dir: "d".into() }),
            ErrorCode::Conflict
        );
        assert_eq!(
            ApiError::from(DomainError::invalid("too long")),
            ApiError::validation("too long")
        );
        assert_eq!(
            ApiError::from(DomainError::Unknown("SCP-99".into())).code,
            ErrorCode::NotFound
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
