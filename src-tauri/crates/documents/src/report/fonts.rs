//! The report typeface and text measuring: the embedded DejaVu Sans (free licence in
//! assets/fonts) first, then, per character, an installed system font that has it
//! ([`super::fallback`]), and a visible "?" only when no installed font has the character.
//!
//! [`Face::width`] measures each character with the font that will draw it, so wrapping and
//! alignment stay right in any script; [`Face::runs`] splits a line into the runs drawn with one
//! font each.

use super::fallback::{self, Fallback};
use printpdf::ParsedFont;
use std::sync::{Arc, OnceLock};

static REGULAR_TTF: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Drawn for a character no installed font has.
pub const MISSING: char = '?';

/// The two weights a report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One parsed font file with the metrics needed for layout.
pub struct Font {
    pub parsed: ParsedFont,
    units_per_em: f32,
}

impl Font {
    pub fn new(parsed: ParsedFont) -> Font {
        let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
        Font {
            parsed,
            units_per_em,
        }
    }

    pub fn glyph(&self, c: char) -> Option<u16> {
        self.parsed
            .lookup_glyph_index(u32::from(c))
            .filter(|&g| g != 0)
    }

    fn advance(&self, glyph: u16, size: f32) -> f32 {
        self.scaled(self.parsed.get_horizontal_advance(glyph), size)
    }

    /// `units` of this font's em at `size` points, in points.
    fn scaled(&self, units: u16, size: f32) -> f32 {
        f32::from(units) * size / self.units_per_em
    }
}

/// Characters below this have their embedded advance looked up in a table (Latin, Greek and
/// the like: nearly every character of a report), not in the font's tables.
const TABLED: usize = 0x590;
/// In the advance table: the embedded face has no glyph for the character.
const NOT_EMBEDDED: u16 = u16::MAX;

/// An embedded weight of DejaVu Sans and the fallbacks behind it: what reports measure and draw
/// text with.
pub struct Face {
    pub font: Font,
    weight: Weight,
    /// The embedded advance (font units) of each character below [`TABLED`]: measuring is
    /// most of a report's layout time, and a cmap lookup per character is most of measuring.
    advances: Box<[u16; TABLED]>,
}

/// Which font draws a run.
#[derive(Clone)]
pub enum Source {
    /// The embedded DejaVu Sans of the face's weight.
    Embedded,
    /// An installed system font.
    Fallback(Arc<Fallback>),
}

impl Source {
    fn same(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Embedded, Source::Embedded) => true,
            (Source::Fallback(a), Source::Fallback(b)) => a.id == b.id,
            _ => false,
        }
    }
}

/// Consecutive characters drawn with one font.
#[derive(Clone)]
pub struct Run {
    pub source: Source,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
#[error("the embedded {0} font could not be read")]
pub struct FontError(&'static str);

fn load(name: &'static str, bytes: &'static [u8], weight: Weight) -> Result<Face, FontError> {
    let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(FontError(name))?;
    let font = Font::new(parsed);
    let mut advances = Box::new([NOT_EMBEDDED; TABLED]);
    for (code, slot) in advances.iter_mut().enumerate() {
        let glyph = char::from_u32(code as u32).and_then(|c| font.glyph(c));
        if let Some(g) = glyph {
            *slot = font.parsed.get_horizontal_advance(g).min(NOT_EMBEDDED - 1);
        }
    }
    Ok(Face {
        font,
        weight,
        advances,
    })
}

/// The faces, parsed once per process.
pub fn face(weight: Weight) -> Result<&'static Face, FontError> {
    static REGULAR: OnceLock<Result<Face, FontError>> = OnceLock::new();
    static BOLD: OnceLock<Result<Face, FontError>> = OnceLock::new();
    let (cell, name, bytes) = match weight {
        Weight::Regular => (&REGULAR, "regular", REGULAR_TTF),
        Weight::Bold => (&BOLD, "bold", BOLD_TTF),
    };
    cell.get_or_init(|| load(name, bytes, weight))
        .as_ref()
        .map_err(|e| FontError(e.0))
}

/// Invisible format characters (bidi controls, zero-width joiners and spaces, soft hyphen,
/// variation selectors, byte order mark): they steer layout but have no glyph to draw, so they
/// are neither drawn nor reported missing.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E0FFF}')
}

impl Face {
    /// The source that draws `c`, or None when no installed font has it. The embedded face is
    /// asked first, so all-Latin text never looks at system fonts.
    fn source(&self, c: char) -> Option<(Source, u16)> {
        if let Some(g) = self.font.glyph(c) {
            return Some((Source::Embedded, g));
        }
        let fb = fallback::for_char(c, self.weight)?;
        let g = fb.font.glyph(c)?;
        Some((Source::Fallback(fb), g))
    }

    /// `text` with control characters dropped (everything else is kept: characters no font
    /// has are replaced when drawn, so they can be reported).
    pub fn printable(&self, text: &str) -> String {
        text.chars().filter(|c| !c.is_control()).collect()
    }

    /// Advance width of `text` at `size` points, in points, each character measured with the
    /// font that draws it ("?" for one no font has).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.widen(0.0, text, size)
    }

    /// `width`, the width of some text, plus that of `more` after it: the same sum, character
    /// by character, as measuring the whole (wrapping grows a line a word at a time).
    pub fn widen(&self, width: f32, more: &str, size: f32) -> f32 {
        more.chars()
            .filter(|&c| !c.is_control() && !is_invisible(c))
            .fold(width, |w, c| w + self.char_width(c, size))
    }

    fn char_width(&self, c: char, size: f32) -> f32 {
        self.tabled(c, size)
            .unwrap_or_else(|| self.measured(c, size))
    }

    /// The width of `c` from the advance table, when it is there.
    fn tabled(&self, c: char, size: f32) -> Option<f32> {
        let units = *self.advances.get(c as usize)?;
        (units != NOT_EMBEDDED).then(|| self.font.scaled(units, size))
    }

    /// The width of `c` from the fonts themselves.
    fn measured(&self, c: char, size: f32) -> f32 {
        match self.source(c) {
            Some((Source::Fallback(fb), g)) => fb.font.advance(g, size),
            Some((Source::Embedded, g)) => self.font.advance(g, size),
            None => self
                .font
                .glyph(MISSING)
                .map_or(0.0, |g| self.font.advance(g, size)),
        }
    }

    /// Splits already visually ordered `text` into runs of one font each. Characters no
    /// installed font has become "?" in the embedded face and are added to `missing`.
    pub fn runs(&self, text: &str, missing: &mut Vec<char>) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for c in text.chars() {
            if c.is_control() || is_invisible(c) {
                continue;
            }
            let found = match self.tabled(c, 1.0) {
                Some(_) => Some(Source::Embedded),
                None => self.source(c).map(|(source, _)| source),
            };
            let (source, drawn) = match found {
                Some(source) => (source, c),
                None => {
                    missing.push(c);
                    (Source::Embedded, MISSING)
                }
            };
            match runs.last_mut() {
                Some(run) if run.source.same(&source) => run.text.push(drawn),
                _ => runs.push(Run {
                    source,
                    text: drawn.to_string(),
                }),
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts_of(runs: &[Run]) -> Vec<(bool, &str)> {
        runs.iter()
            .map(|r| (matches!(r.source, Source::Embedded), r.text.as_str()))
            .collect()
    }

    #[test]
    fn controls_vanish_and_latin_stays_in_one_embedded_run() {
        let f = face(Weight::Regular).expect("font");
        assert_eq!(f.printable("Café Ωmega"), "Café Ωmega");
        assert_eq!(f.printable("a\u{7}b"), "ab");
        let mut missing = Vec::new();
        let runs = f.runs("Café Ωmega Ольга שלום", &mut missing);
        assert_eq!(fonts_of(&runs), vec![(true, "Café Ωmega Ольга שלום")]);
        assert!(missing.is_empty());
    }

    #[test]
    fn characters_no_font_has_become_question_marks_and_are_reported() {
        let f = face(Weight::Bold).expect("font");
        let mut missing = Vec::new();
        let runs = f.runs("a\u{10FFFD}b\u{200F}", &mut missing);
        assert_eq!(fonts_of(&runs), vec![(true, "a?b")]);
        assert_eq!(missing, vec!['\u{10FFFD}']);
        // Measured as the "?" that is drawn; invisible marks take no room.
        let q = f.width("?", 10.0);
        assert!((f.width("\u{10FFFD}\u{200F}", 10.0) - q).abs() < 0.001);
    }

    /// Needs an installed font with Japanese (the test machine has IPAGothic).
    #[test]
    fn japanese_runs_use_an_installed_font_measured_with_its_own_widths() {
        let f = face(Weight::Regular).expect("font");
        let mut missing = Vec::new();
        let runs = f.runs("株式会社テスト (Tokyo)", &mut missing);
        assert!(missing.is_empty(), "{missing:?}");
        assert_eq!(
            fonts_of(&runs),
            vec![(false, "株式会社テスト"), (true, " (Tokyo)")]
        );
        // Full-width ideographs are about one em wide, wider than DejaVu's "?".
        let w = f.width("株", 10.0);
        assert!(w > 8.0 && w <= 10.5, "{w}");
        // Bold falls back to the regular face when the family has no bold.
        let bold = face(Weight::Bold).expect("font");
        let mut missing = Vec::new();
        let runs = bold.runs("株", &mut missing);
        assert!(matches!(runs[0].source, Source::Fallback(_)));
    }

    #[test]
    fn the_advance_table_measures_as_the_fonts_do() {
        for weight in [Weight::Regular, Weight::Bold] {
            let f = face(weight).expect("font");
            let mut tabled = 0;
            for c in (0..TABLED as u32).filter_map(char::from_u32) {
                if let Some(w) = f.tabled(c, 9.5) {
                    assert_eq!(w, f.measured(c, 9.5), "{c:?}");
                    tabled += 1;
                }
            }
            assert!(tabled > 1000, "only {tabled} characters in the table");
            assert_eq!(f.tabled('\u{10FFFD}', 9.5), None);
        }
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let f = face(Weight::Bold).expect("font");
        let w = f.width("Readiness", 10.0);
        assert!(w > 30.0 && w < 80.0, "{w}");
        assert!((f.width("Readiness", 20.0) - 2.0 * w).abs() < 0.01);
        assert_eq!(f.width("", 12.0), 0.0);
    }
}
