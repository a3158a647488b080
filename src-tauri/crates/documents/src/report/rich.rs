//! Paragraphs with inline emphasis: a model `Text` (spans that are bold, emphasised, both or
//! neither) wrapped into lines of styled segments, each measured with the face that draws it.
//! Emphasis is drawn oblique (the text matrix slants the regular or bold face), as the report
//! embeds no italic face.
//!
//! Right-to-left paragraphs are not split into segments: a line reordered for display cannot
//! keep its runs' positions, so callers print them plain, in the right order.

use super::bidi::is_rtl;
use super::fonts::{face, FontError, Weight};
use super::layout::{Canvas, Style};
use crate::doc::Text;

/// A stretch of one line drawn in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Seg {
    pub text: String,
    pub bold: bool,
    pub oblique: bool,
}

impl Seg {
    fn style(&self, base: Style) -> Style {
        let weight = if self.bold { Weight::Bold } else { base.weight };
        Style {
            weight,
            oblique: self.oblique,
            ..base
        }
    }
}

/// Whether `text` needs the segmented path: some emphasis, on left-to-right text.
pub fn is_rich(text: &Text) -> bool {
    let styled = text.0.iter().any(|s| s.emphasis) || {
        let strong = text.0.iter().filter(|s| s.strong).count();
        strong > 0 && strong < text.0.len()
    };
    styled && !text.0.iter().any(|s| s.text.chars().any(is_rtl))
}

/// A word: the pieces between two spaces, each in its span's style.
type Word = Vec<Seg>;

fn words(text: &Text) -> Vec<Word> {
    let mut out: Vec<Word> = vec![Vec::new()];
    for span in &text.0 {
        for c in span.text.chars() {
            if c.is_whitespace() {
                if out.last().is_some_and(|w| !w.is_empty()) {
                    out.push(Vec::new());
                }
                continue;
            }
            if c.is_control() {
                continue;
            }
            let word = out.last_mut().expect("never empty");
            match word.last_mut() {
                Some(seg) if seg.bold == span.strong && seg.oblique == span.emphasis => {
                    seg.text.push(c);
                }
                _ => word.push(Seg {
                    text: c.to_string(),
                    bold: span.strong,
                    oblique: span.emphasis,
                }),
            }
        }
    }
    out.retain(|w| !w.is_empty());
    out
}

fn width(seg: &Seg, base: Style) -> Result<f32, FontError> {
    let st = seg.style(base);
    Ok(face(st.weight)?.width(&seg.text, st.size))
}

/// Appends `seg` to `line`, merged into the last segment when the style is the same.
fn push(line: &mut Vec<Seg>, seg: Seg) {
    match line.last_mut() {
        Some(last) if last.bold == seg.bold && last.oblique == seg.oblique => {
            last.text.push_str(&seg.text);
        }
        _ => line.push(seg),
    }
}

/// Greedy wrap by measured width; a word wider than the line is split by characters.
pub fn wrap_rich(text: &Text, base: Style, max: f32) -> Result<Vec<Vec<Seg>>, FontError> {
    let mut lines: Vec<Vec<Seg>> = Vec::new();
    let mut line: Vec<Seg> = Vec::new();
    let mut used = 0.0;
    for word in words(text) {
        let mut w = 0.0;
        for seg in &word {
            w += width(seg, base)?;
        }
        let space = match line.last() {
            Some(last) => width(
                &Seg {
                    text: " ".into(),
                    ..last.clone()
                },
                base,
            )?,
            None => 0.0,
        };
        if !line.is_empty() && used + space + w > max {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        } else if let Some(last) = line.last_mut() {
            last.text.push(' ');
            used += space;
        }
        if w <= max {
            used += w;
            word.into_iter().for_each(|s| push(&mut line, s));
            continue;
        }
        for seg in word {
            for c in seg.text.chars() {
                let piece = Seg {
                    text: c.to_string(),
                    ..seg.clone()
                };
                let cw = width(&piece, base)?;
                if used + cw > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0.0;
                }
                used += cw;
                push(&mut line, piece);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// Draws one wrapped line from `x` on the baseline `y`.
pub fn draw_line(
    c: &mut Canvas,
    x: f32,
    y: f32,
    base: Style,
    line: &[Seg],
) -> Result<(), FontError> {
    let mut at = x;
    for seg in line {
        at += c.text(at, y, seg.style(base), &seg.text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Span;
    use crate::report::layout::{Document, OBLIQUE_SHEAR, PAGE_HEIGHT};
    use crate::report::theme::BODY;
    use printpdf::Op;

    fn sample() -> Text {
        Text(vec![
            Span::new("Access ", false, false),
            Span::new("must", true, false),
            Span::new(" follow ", false, false),
            Span::new("least privilege", false, true),
            Span::new(", always and everywhere in the company.", false, false),
        ])
    }

    fn flat(lines: &[Vec<Seg>]) -> String {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn runs_wrap_within_the_width_and_keep_every_word_and_style() {
        let lines = wrap_rich(&sample(), BODY, 90.0).expect("wrap");
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            let w: f32 = l.iter().map(|s| width(s, BODY).expect("w")).sum();
            assert!(w <= 90.0 + 3.0, "{l:?} is {w} wide");
        }
        let joined = flat(&lines).replace("|", " ").replace("  ", " ");
        assert_eq!(joined.trim(), sample().flat());
        assert!(lines
            .iter()
            .flatten()
            .any(|s| s.bold && s.text.trim() == "must"));
        assert!(lines
            .iter()
            .flatten()
            .any(|s| s.oblique && s.text.contains("privilege")));
        // Punctuation after an emphasised word stays on its line, without a space.
        assert!(flat(&lines).contains("privilege,"), "{}", flat(&lines));
    }

    #[test]
    fn a_long_word_is_split_and_hebrew_or_plain_text_is_not_rich() {
        let long = Text(vec![Span::new("x".repeat(300), true, true)]);
        let lines = wrap_rich(&long, BODY, 100.0).expect("wrap");
        assert!(lines.len() > 1);
        assert_eq!(flat(&lines).replace('|', ""), "x".repeat(300));
        assert!(is_rich(&sample()));
        assert!(!is_rich(&Text::plain("plain")));
        assert!(!is_rich(&Text(vec![Span::new("all bold", true, false)])));
        assert!(!is_rich(&Text(vec![
            Span::new("שלום", false, true),
            Span::new(" Ltd", false, false)
        ])));
    }

    #[test]
    fn oblique_text_is_sheared_by_the_text_matrix_and_upright_text_is_not() {
        let mut c = Document::new("test").expect("fonts").canvas();
        let slanted = Style {
            oblique: true,
            ..BODY
        };
        c.text(10.0, 20.0, slanted, "must").expect("text");
        c.text(10.0, 40.0, BODY, "plain").expect("text");
        let shears: Vec<[f32; 6]> = c
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::SetTextMatrix { matrix } => Some(matrix.as_array()),
                _ => None,
            })
            .collect();
        assert_eq!(shears.len(), 1, "only the oblique line sets a matrix");
        assert_eq!(shears[0][2], OBLIQUE_SHEAR);
        assert_eq!(shears[0][4], 10.0);
        assert!((shears[0][5] - (PAGE_HEIGHT - 20.0)).abs() < 0.01);
        assert_eq!(c.texts(), vec!["must", "plain"]);
    }
}
