//! The characters a document could not draw because no installed font has them (they print as
//! "?"), collected while it is rendered so the export can warn about them.
//!
//! Rendering is synchronous on one thread, so the collection is scoped to the calling thread:
//! [`collect_missing_glyphs`] wraps a render and returns what its canvases could not draw. This
//! keeps the report modules unaware of it (no collector threaded through every drawing call).

use std::cell::RefCell;
use std::collections::BTreeSet;

thread_local! {
    static SCOPES: RefCell<Vec<BTreeSet<char>>> = const { RefCell::new(Vec::new()) };
}

/// Records characters drawn as "?" in the innermost open collection (none: dropped).
pub(super) fn record(chars: &[char]) {
    if chars.is_empty() {
        return;
    }
    SCOPES.with(|s| {
        if let Some(top) = s.borrow_mut().last_mut() {
            top.extend(chars.iter().copied());
        }
    });
}

/// Closes the collection it opened even when the render panics or returns early.
struct Scope;

impl Drop for Scope {
    fn drop(&mut self) {
        SCOPES.with(|s| s.borrow_mut().pop());
    }
}

/// Runs `render` and returns its result with the characters it drew as "?" because no
/// installed font has them, sorted and without repeats.
pub fn collect_missing_glyphs<T>(render: impl FnOnce() -> T) -> (T, Vec<char>) {
    SCOPES.with(|s| s.borrow_mut().push(BTreeSet::new()));
    let scope = Scope;
    let out = render();
    let missing = SCOPES.with(|s| s.borrow_mut().last_mut().map(std::mem::take));
    drop(scope);
    (out, missing.unwrap_or_default().into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_nest_and_nothing_is_recorded_outside_one() {
        record(&['x']);
        let ((), outer) = collect_missing_glyphs(|| {
            record(&['b', 'a', 'b']);
            let ((), inner) = collect_missing_glyphs(|| record(&['z']));
            assert_eq!(inner, vec!['z']);
        });
        assert_eq!(outer, vec!['a', 'b']);
        let ((), none) = collect_missing_glyphs(|| ());
        assert!(none.is_empty());
    }
}
