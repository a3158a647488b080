//! The domain's one error type: input that breaks a rule, or names something that does not
//! exist. Messages are written for the person who typed the input; the use-case layer maps the
//! variants to wire codes.

/// Why the domain refused an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// The input breaks a rule (too long, out of range, inconsistent).
    #[error("{0}")]
    Invalid(String),
    /// The input names something that does not exist (a question, a scoping question).
    #[error("{0}")]
    Unknown(String),
}

impl DomainError {
    pub fn invalid(message: impl Into<String>) -> DomainError {
        DomainError::Invalid(message.into())
    }
}

pub type Result<T, E = DomainError> = std::result::Result<T, E>;
