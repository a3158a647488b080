//! The embedded report typeface (DejaVu Sans, free licence in assets/fonts) and text measuring.
//!
//! Every string printed goes through [`Face::printable`], which swaps characters the font lacks
//! for a visible "?" so user text in any script prints without a crash or silent gaps.

use printpdf::ParsedFont;
use std::sync::OnceLock;

static REGULAR_TTF: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The two weights a report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A parsed face with the metrics needed for layout.
pub struct Face {
    pub parsed: ParsedFont,
    units_per_em: f32,
}

#[derive(Debug, thiserror::Error)]
#[error("the embedded {0} font could not be read")]
pub struct FontError(&'static str);

fn load(name: &'static str, bytes: &'static [u8]) -> Result<Face, FontError> {
    let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(FontError(name))?;
    let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
    Ok(Face {
        parsed,
        units_per_em,
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
    cell.get_or_init(|| load(name, bytes))
        .as_ref()
        .map_err(|e| FontError(e.0))
}

impl Face {
    fn glyph(&self, c: char) -> Option<u16> {
        self.parsed
            .lookup_glyph_index(u32::from(c))
            .filter(|&g| g != 0)
    }

    /// `text` with control characters dropped and characters the font lacks replaced by "?".
    pub fn printable(&self, text: &str) -> String {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| if self.glyph(c).is_some() { c } else { '?' })
            .collect()
    }

    /// Advance width of already-printable `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                self.glyph(c)
                    .map_or(0, |g| u32::from(self.parsed.get_horizontal_advance(g)))
            })
            .sum();
        units as f32 * size / self.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_glyphs_become_visible_and_controls_vanish() {
        let f = face(Weight::Regular).expect("font");
        assert_eq!(f.printable("Café Ωmega"), "Café Ωmega");
        assert_eq!(f.printable("a\u{7}b"), "ab");
        // DejaVu Sans has no CJK ideographs.
        assert_eq!(f.printable("日本"), "??");
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
