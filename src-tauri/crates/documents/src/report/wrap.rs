//! Word wrap: a paragraph broken into lines that fit a width, measured with the fonts that will
//! draw each character. Lines stay in logical order (the bidi reordering happens per line, when
//! drawn).

use super::bidi::keep_direction;
use super::fonts::Face;

/// Greedy word wrap by measured width; a word wider than the line is split by characters.
/// Explicit line breaks in the text are kept. Lines stay in logical order; each carries its
/// paragraph's direction for [`super::layout::Canvas::text`] to reorder it.
pub fn wrap(f: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for raw in text.split('\n') {
        let start = lines.len();
        let mut line = String::new();
        for word in f.printable(raw).split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if f.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if f.width(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        lines.push(line);
        keep_direction(raw, &mut lines[start..]);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fonts::{face, Weight};

    #[test]
    fn wrap_fits_every_line_and_keeps_every_word() {
        let f = face(Weight::Regular).expect("font");
        let text =
            "Security awareness training is delivered at hire and every year, with records kept.";
        let lines = wrap(f, text, 10.0, 120.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| f.width(l, 10.0) <= 120.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wrap_splits_a_word_longer_than_the_line_and_keeps_breaks() {
        let f = face(Weight::Regular).expect("font");
        let long = "x".repeat(200);
        let lines = wrap(f, &long, 10.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
        assert_eq!(wrap(f, "a\nb", 10.0, 100.0), vec!["a", "b"]);
    }
}
