//! Fallback typefaces: for a character the embedded DejaVu Sans lacks (Chinese, Japanese,
//! Korean, and other scripts), an installed system font that has it.
//!
//! Discovery uses `rust-fontconfig` (pinned, already compiled into the tree by printpdf). It was
//! chosen over the `fontconfig` crate, which binds the system libfontconfig: it is pure Rust (no
//! FFI, no -dev package to build), works on macOS and Windows where there is no libfontconfig,
//! and it reads each font's exact cmap coverage. Its cost is that it scans the font folders
//! itself instead of reading fontconfig's cache, so the scan runs at most once per process and
//! only when some text needs a character DejaVu lacks: all-Latin reports never scan.
//!
//! The choice per character is deterministic (candidates sorted by style, family and path, not
//! by discovery order) and cached for the process; each font file is parsed once.

use super::fonts::{Font, Weight};
use printpdf::ParsedFont;
use rust_fontconfig::{FcFontCache, FcPattern, FcWeight, OwnedFontSource, PatternMatch};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// One installed font file (face) that may be drawn as a fallback.
struct Candidate {
    family: String,
    path: String,
    index: usize,
    bold: bool,
    /// Exact coverage from the font's cmap, as sorted inclusive ranges.
    ranges: Vec<(u32, u32)>,
    /// Sort key: lower is preferred.
    rank: (u8, String, String, usize),
}

impl Candidate {
    fn covers(&self, c: char) -> bool {
        let c = u32::from(c);
        self.ranges.iter().any(|&(s, e)| s <= c && c <= e)
    }
}

/// A fallback face loaded for drawing; `id` is its process-wide number.
pub struct Fallback {
    pub id: usize,
    pub family: String,
    pub font: Font,
}

#[derive(Default)]
struct State {
    /// Loaded faces by process-wide id.
    loaded: Vec<Arc<Fallback>>,
    /// Candidate index -> loaded id (None: the file could not be parsed).
    by_candidate: HashMap<usize, Option<usize>>,
    /// The choice per character and weight (None: no installed font has it).
    chosen: HashMap<(char, Weight), Option<usize>>,
}

struct Registry {
    candidates: Vec<Candidate>,
    state: Mutex<State>,
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let cache = FcFontCache::build();
        let mut candidates: Vec<Candidate> = cache
            .list()
            .into_iter()
            .filter_map(|(pattern, id)| match cache.get_font_by_id(&id)? {
                OwnedFontSource::Disk(p) => candidate(&pattern, p.path, p.font_index),
                OwnedFontSource::Memory(_) => None,
            })
            .collect();
        candidates.sort_by(|a, b| a.rank.cmp(&b.rank));
        candidates.dedup_by(|a, b| a.path == b.path && a.index == b.index);
        Registry {
            candidates,
            state: Mutex::new(State::default()),
        }
    })
}

fn candidate(p: &FcPattern, path: String, index: usize) -> Option<Candidate> {
    let family = p.family.clone().or_else(|| p.name.clone())?;
    let italic = p.italic == PatternMatch::True || p.oblique == PatternMatch::True;
    let bold = p.bold == PatternMatch::True || (p.weight as u16) >= (FcWeight::SemiBold as u16);
    let mono = p.monospace == PatternMatch::True;
    let lower = family.to_lowercase();
    // Upright, plain, sans-serif faces first: they sit best next to DejaVu Sans.
    let serif = ["serif", "mincho", "song", "ming", "batang"]
        .iter()
        .any(|m| lower.contains(m) && !lower.contains("sans"));
    let off_weight = (p.weight as u16).abs_diff(FcWeight::Normal as u16) > 100;
    let style = u8::from(italic) * 8 + u8::from(mono) * 4 + u8::from(serif) * 2;
    let style = style + u8::from(off_weight && !bold) + u8::from(bold) * 16;
    Some(Candidate {
        rank: (style, lower, path.clone(), index),
        family,
        path,
        index,
        bold,
        ranges: p.unicode_ranges.iter().map(|r| (r.start, r.end)).collect(),
    })
}

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves only a cache behind: keep using it.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The fallback face that draws `c` in `weight`, if an installed font has it. Bold uses the bold
/// face of the regular choice's family when there is one, otherwise the regular face.
pub fn for_char(c: char, weight: Weight) -> Option<Arc<Fallback>> {
    let reg = registry();
    let mut state = lock(&reg.state);
    if let Some(found) = state.chosen.get(&(c, weight)) {
        return found.map(|id| Arc::clone(&state.loaded[id]));
    }
    let regular = pick(reg, &mut state, c, |cand| !cand.bold, None);
    let found = match (weight, regular) {
        (Weight::Bold, Some(id)) => {
            let family = state.loaded[id].family.clone();
            pick(reg, &mut state, c, |cand| cand.bold, Some(&family)).or(Some(id))
        }
        (_, found) => found,
    };
    state.chosen.insert((c, weight), found);
    found.map(|id| Arc::clone(&state.loaded[id]))
}

/// The first candidate passing `want` (and of `family`, if given) whose font has a glyph for `c`.
fn pick(
    reg: &Registry,
    state: &mut State,
    c: char,
    want: impl Fn(&Candidate) -> bool,
    family: Option<&str>,
) -> Option<usize> {
    for (i, cand) in reg.candidates.iter().enumerate() {
        if !want(cand) || !cand.covers(c) || family.is_some_and(|f| f != cand.family) {
            continue;
        }
        let Some(id) = load(state, i, cand) else {
            continue;
        };
        if state.loaded[id].font.glyph(c).is_some() {
            return Some(id);
        }
    }
    None
}

fn load(state: &mut State, i: usize, cand: &Candidate) -> Option<usize> {
    if let Some(known) = state.by_candidate.get(&i) {
        return *known;
    }
    let parsed = std::fs::read(&cand.path)
        .ok()
        .and_then(|bytes| ParsedFont::from_bytes(&bytes, cand.index, &mut Vec::new()));
    let id = parsed.map(|parsed| {
        let id = state.loaded.len();
        state.loaded.push(Arc::new(Fallback {
            id,
            family: cand.family.clone(),
            font: Font::new(parsed),
        }));
        id
    });
    state.by_candidate.insert(i, id);
    id
}

/// A loaded fallback by its process-wide id (for embedding it in a document).
pub fn by_id(id: usize) -> Option<Arc<Fallback>> {
    lock(&registry().state).loaded.get(id).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_sorted_upright_first_and_deduplicated() {
        let reg = registry();
        for pair in reg.candidates.windows(2) {
            assert!(pair[0].rank <= pair[1].rank);
            assert!(pair[0].path != pair[1].path || pair[0].index != pair[1].index);
        }
    }

    #[test]
    fn a_private_use_character_has_no_fallback() {
        assert!(for_char('\u{10FFFD}', Weight::Regular).is_none());
        assert!(for_char('\u{10FFFD}', Weight::Bold).is_none());
    }
}
