//! Turning docx-rs's parts into the file: repeating header rows, our core properties, Normal as
//! the default style, paragraph ids numbered per document, then the ZIP (docx-rs stores its entries with zip's fixed
//! 1980 time stamp, so the archive depends on the content only).

use super::WordError;
use crate::doc::Meta;
use docx_rs::Docx;

pub fn pack(d: Docx, meta: &Meta) -> Result<Vec<u8>, WordError> {
    let mut xml = d.build();
    xml.document = repeat_header_rows(&renumber_para_ids(&xml.document, 0x0100_0000));
    for (i, h) in xml.headers.iter_mut().enumerate() {
        *h = renumber_para_ids(h, 0x0200_0000 + 0x1_0000 * i as u32);
    }
    for (i, f) in xml.footers.iter_mut().enumerate() {
        *f = renumber_para_ids(f, 0x0300_0000 + 0x1_0000 * i as u32);
    }
    xml.doc_props.core = core_properties(meta).into_bytes();
    // docx-rs cannot mark a default style: Normal is, for paragraphs that name none.
    xml.styles = String::from_utf8_lossy(&xml.styles)
        .replacen(
            "<w:style w:type=\"paragraph\" w:styleId=\"Normal\">",
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">",
            1,
        )
        .into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| WordError(e.to_string()))?;
    Ok(out.into_inner())
}

const CANT_SPLIT: &str = "<w:cantSplit />";

/// Header rows are the only rows built with `cantSplit`: each becomes a header row that Word
/// repeats at the top of every page the table runs onto.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(xml)
        .replace(CANT_SPLIT, "<w:cantSplit /><w:tblHeader />")
        .into_bytes()
}

/// Replaces every `w14:paraId="…"` with a number counted from `base` in document order, so the
/// ids do not depend on how many paragraphs the thread created before.
fn renumber_para_ids(xml: &[u8], base: u32) -> Vec<u8> {
    const KEY: &str = "w14:paraId=\"";
    // Control characters a user typed cannot be carried by XML 1.0: drop them here, where
    // every run of text has already been escaped.
    let text: String = String::from_utf8_lossy(xml)
        .chars()
        .filter(|c| *c as u32 >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    let mut n = base;
    while let Some(i) = rest.find(KEY) {
        let after = &rest[i + KEY.len()..];
        let Some(end) = after.find('"') else { break };
        out.push_str(&rest[..i + KEY.len()]);
        out.push_str(&format!("{n:08X}"));
        n += 1;
        rest = &after[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot carry at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// docProps/core.xml with the title, subject, author, keywords and the stamp as both dates.
fn core_properties(meta: &Meta) -> String {
    let when = meta.generated_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
<cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified>\
</cp:coreProperties>",
        escape(&meta.title),
        escape(&meta.subject),
        escape(&meta.author),
        escape(&meta.keywords.join(", ")),
        escape(&meta.author),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_ids_are_counted_per_part() {
        let xml = br#"<w:p w14:paraId="0000002A"><w:p w14:paraId="00000099">"#;
        let out = String::from_utf8(renumber_para_ids(xml, 0x10)).expect("utf8");
        assert_eq!(
            out,
            r#"<w:p w14:paraId="00000010"><w:p w14:paraId="00000011">"#
        );
    }

    #[test]
    fn header_rows_repeat_and_property_text_is_escaped() {
        let out = repeat_header_rows(b"<w:trPr><w:cantSplit /></w:trPr>");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"
        );
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
