//! A rendered PDF and what its reader should know about it: the characters no installed font
//! could draw, which print as "?".

use trustgap_documents::report::collect_missing_glyphs;

/// A PDF ready to save.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    /// The file name to suggest.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Characters printed as "?" because no installed font has them, sorted, each once.
    pub missing_glyphs: Vec<char>,
}

/// How many missing characters a warning names before summarising the rest.
const NAMED: usize = 8;

impl RenderedPdf {
    /// Renders with `render` (name and bytes), collecting the characters it could not draw.
    pub(crate) fn collect<E>(
        render: impl FnOnce() -> Result<(String, Vec<u8>), E>,
    ) -> Result<RenderedPdf, E> {
        let (out, missing_glyphs) = collect_missing_glyphs(render);
        let (name, bytes) = out?;
        Ok(RenderedPdf {
            name,
            bytes,
            missing_glyphs,
        })
    }

    /// Sentences for the person exporting: empty when every character was drawn.
    pub fn warnings(&self) -> Vec<String> {
        missing_glyphs_warning(&self.missing_glyphs)
            .into_iter()
            .collect()
    }
}

/// "No installed font has 2 characters of this document; they print as "?": "" (U+10FFFD) …"
pub fn missing_glyphs_warning(missing: &[char]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let mut named: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|c| format!("\"{c}\" (U+{:04X})", u32::from(*c)))
        .collect();
    if missing.len() > NAMED {
        named.push(format!("and {} more", missing.len() - NAMED));
    }
    let (count, they) = match missing.len() {
        1 => ("1 character".to_owned(), "it prints"),
        n => (format!("{n} characters"), "they print"),
    };
    Some(format!(
        "No installed font has {count} of this document, so {they} as \"?\": {}. Install a \
         font for that script and export again to print {}.",
        named.join(", "),
        if missing.len() == 1 { "it" } else { "them" }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_names_each_character_with_its_code_point_and_caps_the_list() {
        assert_eq!(missing_glyphs_warning(&[]), None);
        let one = missing_glyphs_warning(&['\u{10FFFD}']).expect("warning");
        assert!(one.contains("1 character of"), "{one}");
        assert!(one.contains("(U+10FFFD)"), "{one}");
        let many: Vec<char> = ('\u{E000}'..='\u{E00B}').collect();
        let text = missing_glyphs_warning(&many).expect("warning");
        assert!(text.contains("12 characters"), "{text}");
        assert!(
            text.contains("U+E007") && !text.contains("U+E008"),
            "{text}"
        );
        assert!(text.contains("and 4 more"), "{text}");
    }
}
