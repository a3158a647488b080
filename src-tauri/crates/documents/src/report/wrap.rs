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
    let mut one = [0u8; 4];
    for raw in text.split('\n') {
        let start = lines.len();
        // The line so far and its width, grown a word at a time: measured as a whole each
        // time, a line of n words cost n² character lookups.
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in f.printable(raw).split_whitespace() {
            let candidate = if line.is_empty() {
                f.width(word, size)
            } else {
                f.widen(f.widen(line_width, " ", size), word, size)
            };
            if candidate <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line_width = 0.0;
            for c in word.chars() {
                let wider = f.widen(line_width, c.encode_utf8(&mut one), size);
                if wider > width && !line.is_empty() {
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                    line_width = f.width(&line, size);
                } else {
                    line.push(c);
                    line_width = wider;
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
        // Greedy: no line could have taken the next line's first word.
        for pair in lines.windows(2) {
            let next = pair[1].split(' ').next().expect("a word");
            let longer = format!("{} {next}", pair[0]);
            assert!(f.width(&longer, 10.0) > 120.0, "{longer:?} fits");
        }
    }

    #[test]
    fn wrap_splits_a_word_longer_than_the_line_and_keeps_breaks() {
        let f = face(Weight::Regular).expect("font");
        let long = "x".repeat(200);
        let lines = wrap(f, &long, 10.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
        assert!(lines.iter().all(|l| f.width(l, 10.0) <= 100.0));
        assert!(
            f.width(&format!("{}x", lines[0]), 10.0) > 100.0,
            "the first line is full"
        );
        assert_eq!(wrap(f, "a\nb", 10.0, 100.0), vec!["a", "b"]);
    }
}
