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
    #[cfg(test)]
    LOOKUPS.with(|n| n.set(n.get() + 1));
    let reg = registry();
    let mut state = lock(&reg.state);
    if let Some(found) = state.chosen.get(&(c, weight)) {
        return found.map(|id| Arc::clone(&state.loaded[id]));
    }
    let regular = pick(reg, &mut state, c, |cand| !cand.bold, None)
        .or_else(|| pick(reg, &mut state, c, |_| true, None));
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
        .filter(|bytes| has_plain_outlines(bytes, cand.index))
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

/// Whether face `index` of the font file `bytes` draws with outlines a PDF can embed (TrueType
/// or CFF) and has no colour glyph tables: a colour emoji font would embed as blank glyphs,
/// printed neither as the character nor as a "?" with a warning.
fn has_plain_outlines(bytes: &[u8], index: usize) -> bool {
    let u32_at = |at: usize| -> Option<usize> {
        let b = bytes.get(at..at + 4)?;
        usize::try_from(u32::from_be_bytes([b[0], b[1], b[2], b[3]])).ok()
    };
    let offset = if bytes.starts_with(b"ttcf") {
        match u32_at(12 + 4 * index) {
            Some(o) => o,
            None => return false,
        }
    } else {
        0
    };
    let Some(count) = bytes
        .get(offset + 4..offset + 6)
        .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
    else {
        return false;
    };
    let tags: Vec<&[u8]> = (0..count)
        .filter_map(|i| bytes.get(offset + 12 + 16 * i..offset + 16 + 16 * i))
        .collect();
    let has = |t: &[u8; 4]| tags.iter().any(|x| *x == t);
    (has(b"glyf") || has(b"CFF ") || has(b"CFF2"))
        && !(has(b"CBDT") || has(b"sbix") || has(b"COLR") || has(b"SVG "))
}

/// Canvases name a fallback font by its process-wide id; documents rename it to a local name,
/// numbered by first use in the document ([`localize`]), so a file does not depend on what the
/// process drew before it.
const KEY_PREFIX: &str = "fallback-";

/// The canvas-level font key of `fb`.
pub fn key(fb: &Fallback) -> String {
    format!("{KEY_PREFIX}{}", fb.id)
}

/// The document-local resource name of the `n`th fallback font: six upper-case letters, as they
/// become the subset tag ("TGFAAA", "TGFAAB", ...).
fn local_name(n: usize) -> String {
    let letter = |k: usize| char::from(b'A' + u8::try_from(k % 26).unwrap_or(0));
    format!("TGF{}{}{}", letter(n / 676), letter(n / 26), letter(n))
}

/// For a canvas font `key` naming a fallback: its local name in a document that has used the
/// fallbacks `used` (process ids, in order of first use), and the font to embed when it is
/// new there. None for any other key.
pub fn localize(key: &str, used: &mut Vec<usize>) -> Option<(String, Option<Arc<Fallback>>)> {
    let id: usize = key.strip_prefix(KEY_PREFIX)?.parse().ok()?;
    if let Some(n) = used.iter().position(|&u| u == id) {
        return Some((local_name(n), None));
    }
    let fb = lock(&registry().state).loaded.get(id).cloned()?;
    used.push(id);
    Some((local_name(used.len() - 1), Some(fb)))
}

#[cfg(test)]
thread_local! {
    /// Fallback lookups made on this thread: the system fonts are scanned on the first one.
    pub static LOOKUPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
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
    fn latin_text_never_looks_up_system_fonts_and_other_scripts_draw_in_runs() {
        use crate::report::theme::BODY;
        let doc = crate::report::layout::Document::new("test").expect("fonts");
        let mut c = doc.canvas();
        let before = LOOKUPS.with(std::cell::Cell::get);
        let latin = "Zoë Ålesund, Ольга Иванова, Ωmega: «quoted» — 50 % done… שלום محمد";
        c.paragraph(0.0, 0.0, 200.0, BODY, latin).expect("text");
        c.text_right(300.0, 10.0, BODY, latin).expect("text");
        assert_eq!(LOOKUPS.with(std::cell::Cell::get), before, "no font scan");
        // Japanese needs a fallback: the line is drawn as runs in two fonts, in one section.
        c.text(0.0, 40.0, BODY, "株式会社 Acme").expect("text");
        assert!(LOOKUPS.with(std::cell::Cell::get) > before);
        let fonts: Vec<&str> = c
            .ops
            .iter()
            .rev()
            .take_while(|op| !matches!(op, printpdf::Op::StartTextSection))
            .filter_map(|op| match op {
                printpdf::Op::SetFont {
                    font: printpdf::PdfFontHandle::External(id),
                    ..
                } => Some(id.0.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(fonts.len(), 2, "{fonts:?}");
        assert!(fonts[1].starts_with(KEY_PREFIX) && fonts[0] == "TGREGU");
        assert_eq!(c.texts().last().map(String::as_str), Some("株式会社 Acme"));
    }

    #[test]
    fn colour_and_broken_fonts_are_not_fallbacks() {
        let sfnt = |tags: &[&[u8; 4]]| {
            let mut b = vec![0, 1, 0, 0];
            b.extend(u16::try_from(tags.len()).expect("few").to_be_bytes());
            b.extend([0; 6]);
            for t in tags {
                b.extend(*t);
                b.extend([0; 12]);
            }
            b
        };
        assert!(has_plain_outlines(&sfnt(&[b"cmap", b"glyf"]), 0));
        assert!(has_plain_outlines(&sfnt(&[b"CFF ", b"cmap"]), 0));
        assert!(!has_plain_outlines(&sfnt(&[b"cmap", b"CBDT", b"glyf"]), 0));
        assert!(!has_plain_outlines(&sfnt(&[b"cmap", b"COLR", b"glyf"]), 0));
        assert!(!has_plain_outlines(&sfnt(&[b"cmap"]), 0));
        assert!(!has_plain_outlines(b"ttcf", 3));
        assert!(!has_plain_outlines(b"", 0));
        let dejavu = include_bytes!("../../../../../assets/fonts/DejaVuSans.ttf");
        assert!(has_plain_outlines(dejavu, 0));
    }

    #[test]
    fn local_names_are_six_capitals_numbered_by_first_use() {
        assert_eq!(local_name(0), "TGFAAA");
        assert_eq!(local_name(27), "TGFABB");
        assert!(localize("TGREGU", &mut Vec::new()).is_none());
        assert!(localize("fallback-999999", &mut Vec::new()).is_none());
    }

    #[test]
    fn a_private_use_character_has_no_fallback() {
        assert!(for_char('\u{10FFFD}', Weight::Regular).is_none());
        assert!(for_char('\u{10FFFD}', Weight::Bold).is_none());
    }
}
