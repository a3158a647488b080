//! Right-to-left text: one wrapped line, stored in logical (reading) order, reordered into the
//! left-to-right order it is drawn in with the Unicode bidirectional algorithm (UAX #9, the
//! `unicode-bidi` crate). Lines are wrapped first, in logical order, then each is reordered, so
//! a Hebrew or Arabic paragraph breaks where a reader expects.
//!
//! The base direction of a line comes from its first strong character, so "שלום Ltd" is a
//! right-to-left line ("Ltd" drawn to the left of the Hebrew word) and "Acme שלום" a
//! left-to-right one. Lines stay aligned as the layout places them (left or right edge).
//!
//! Arabic letters are drawn in their isolated forms: contextual shaping (joining forms, lam-alef
//! ligatures) needs a shaping engine, which the report engine does not have. The text is
//! complete, in the right order and copies out correctly, but it does not look like typeset
//! Arabic.

use unicode_bidi::{bidi_class, BidiClass, BidiInfo};

/// Whether `c` can make a line (partly) right-to-left.
pub(super) fn is_rtl(c: char) -> bool {
    // Nothing before Hebrew (U+0590) is right-to-left: most text is decided without a lookup.
    c >= '\u{590}'
        && matches!(
            bidi_class(c),
            BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
        )
}

/// Whether the first strong character of `text` is right-to-left (None: no strong character).
fn starts_rtl(text: &str) -> Option<bool> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    })
}

/// Gives each wrapped line of `paragraph` the paragraph's direction: a line whose own first
/// strong character points the other way (a Latin word starting the second line of a Hebrew
/// paragraph) gets an invisible mark (RLM or LRM) in front, so [`visual`], which sees one line,
/// orders it as part of its paragraph. Paragraphs without right-to-left text are left alone.
pub fn keep_direction(paragraph: &str, lines: &mut [String]) {
    if !paragraph.chars().any(is_rtl) {
        return;
    }
    let Some(rtl) = starts_rtl(paragraph) else {
        return;
    };
    for line in lines {
        if starts_rtl(line).is_some_and(|own| own != rtl) {
            line.insert(0, if rtl { '\u{200F}' } else { '\u{200E}' });
        }
    }
}

/// The mirror image of a paired punctuation mark, for marks drawn inside right-to-left runs
/// (Bidi_Mirrored, rule L4), limited to the pairs report text uses.
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

/// `line` (one line, logical order) in display order, left to right. Text without right-to-left
/// characters is returned unchanged without running the algorithm.
pub fn visual(line: &str) -> String {
    if !line.chars().any(is_rtl) {
        return line.to_owned();
    }
    let info = BidiInfo::new(line, None);
    let mut out = String::with_capacity(line.len());
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let text = &line[run.clone()];
            if levels[run.start].is_rtl() {
                out.extend(text.chars().rev().map(mirror));
            } else {
                out.push_str(text);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{keep_direction, visual};

    #[test]
    fn wrapped_lines_keep_their_paragraphs_direction() {
        let para = "שלום Ltd and Acme";
        let mut lines = vec!["שלום".to_owned(), "Ltd and Acme".to_owned()];
        keep_direction(para, &mut lines);
        assert_eq!(lines[1], "\u{200F}Ltd and Acme");
        assert_eq!(visual("\u{200F}Ltd שלום"), "םולש Ltd\u{200F}");
        let mut latin = vec!["Acme".to_owned(), "שלום".to_owned()];
        keep_direction("Acme שלום", &mut latin);
        assert_eq!(latin[1], "\u{200E}שלום");
        let mut plain = vec!["a".to_owned()];
        keep_direction("a", &mut plain);
        assert_eq!(plain, vec!["a"]);
    }

    #[test]
    fn left_to_right_text_is_untouched() {
        assert_eq!(visual("Acme Ltd (2026)"), "Acme Ltd (2026)");
        assert_eq!(visual("株式会社テスト"), "株式会社テスト");
        assert_eq!(visual(""), "");
    }

    #[test]
    fn hebrew_is_reversed_and_a_right_to_left_line_puts_latin_on_the_left() {
        // Logical "שלום Ltd": the line is right-to-left (first strong letter is Hebrew), so the
        // Latin word comes first from the left and the Hebrew letters run right to left.
        assert_eq!(visual("שלום Ltd"), "Ltd םולש");
        assert_eq!(visual("שלום"), "םולש");
    }

    #[test]
    fn a_left_to_right_line_keeps_its_order_around_an_embedded_hebrew_word() {
        assert_eq!(visual("Client שלום Ltd"), "Client םולש Ltd");
    }

    #[test]
    fn numbers_stay_left_to_right_inside_arabic_and_brackets_mirror() {
        // "محمد 2026": digits keep their order inside the right-to-left line.
        assert_eq!(visual("محمد 2026"), "2026 دمحم");
        // Logical "(שלום)": the brackets are mirrored so they still enclose the word.
        assert_eq!(visual("(שלום)"), "(םולש)");
    }
}
