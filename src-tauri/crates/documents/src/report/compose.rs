//! Putting a multi-page report together: the two-pass layout that gives the table of contents
//! its page numbers, the running header and "Page X of Y" footer, the PDF outline (bookmarks)
//! and the document metadata.
//!
//! A report is a `build` function over a [`Flow`] that also receives the anchors of the previous
//! pass. The first pass has none, so the contents page is short; layout is repeated until the
//! anchors stop moving (normally three passes), and the last pass's pages are the output.

use super::brand::{draw_logo, register_logo, Palette};
use super::flow::{baseline_offset, Anchor, Flow, LEFT, WIDTH};
use super::fonts::{face, FontError, Weight};
use super::layout::{Canvas, Document, CONTENT_WIDTH, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use super::theme::{style, BRAND, FAINT, INK, MUTED, RULE, SMALL};
use super::ReportError;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use trustgap_domain::branding::Branding;

/// Most layout passes before giving up on a stable table of contents.
const MAX_PASSES: usize = 5;

/// What the reader's PDF viewer shows about the file, and the page chrome.
pub struct Meta {
    pub title: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// Author field: the assessor, or "Trustgap".
    pub author: String,
    pub generated_at: DateTime<Utc>,
    /// Left of the running header, e.g. the client and the report name.
    pub running_head: String,
    /// Right of the running header: the confidentiality marking.
    pub marking: String,
    /// Left of the footer.
    pub footer: String,
    /// The firm's logo (running header), accent (brand colours) and footer text (every page).
    pub branding: Branding,
}

/// One entry of a report's outline, as shown in the app before exporting.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct OutlineEntry {
    /// "3.2", "Appendix A" or "" for unnumbered entries.
    pub number: String,
    /// "Availability"
    pub title: String,
    /// 0 for chapters, 1 for sections.
    pub level: u8,
    pub page: u32,
}

/// A laid-out report: its pages and anchors, ready to be written as PDF.
pub struct Composed {
    doc: Document,
    pages: Vec<Canvas>,
    anchors: Vec<Anchor>,
    passes: usize,
}

/// A finished report: its layout and what its PDF says about itself.
pub struct Report {
    composed: Composed,
    meta: Meta,
}

impl Report {
    pub fn new(composed: Composed, meta: Meta) -> Report {
        Report { composed, meta }
    }

    pub fn page_count(&self) -> usize {
        self.composed.page_count()
    }

    pub fn outline(&self) -> Vec<OutlineEntry> {
        self.composed.outline()
    }

    pub fn into_pdf(self) -> Result<Vec<u8>, ReportError> {
        self.composed.into_pdf(&self.meta)
    }
}

/// Lays out a report until its table of contents is stable.
pub fn compose<F>(title: &str, mut build: F) -> Result<Composed, ReportError>
where
    F: FnMut(&mut Flow, &[Anchor]) -> Result<(), ReportError>,
{
    let doc = Document::new(title)?;
    let mut prev: Vec<Anchor> = Vec::new();
    let mut passes = 0;
    loop {
        passes += 1;
        let mut flow = Flow::new(&doc);
        build(&mut flow, &prev)?;
        let (pages, anchors) = flow.finish();
        if anchors == prev || passes >= MAX_PASSES {
            return Ok(Composed {
                doc,
                pages,
                anchors,
                passes,
            });
        }
        prev = anchors;
    }
}

impl Composed {
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }

    /// How many layout passes it took (2 or 3 when the contents settle normally).
    pub fn passes(&self) -> usize {
        self.passes
    }

    /// The chapters and sections with their pages, as the contents page lists them.
    pub fn outline(&self) -> Vec<OutlineEntry> {
        self.anchors
            .iter()
            .filter(|a| a.in_toc || a.level == 0)
            .map(|a| OutlineEntry {
                number: a.number.clone(),
                title: a.title.clone(),
                level: a.level.min(1),
                page: u32::try_from(a.page).unwrap_or(u32::MAX),
            })
            .collect()
    }

    /// Adds the page chrome (not on the cover), the outline and the metadata; returns the PDF.
    pub fn into_pdf(self, meta: &Meta) -> Result<Vec<u8>, ReportError> {
        self.into_pdf_from(meta, 1)
    }

    /// As [`Composed::into_pdf`], with the chrome from the page at 0-based index `first_chrome`
    /// on (0: every page, for documents without a cover).
    pub fn into_pdf_from(self, meta: &Meta, first_chrome: usize) -> Result<Vec<u8>, ReportError> {
        let Composed {
            mut doc,
            mut pages,
            anchors,
            ..
        } = self;
        let total = pages.len();
        let logo = register_logo(&mut doc, &meta.branding)?;
        for (i, page) in pages.iter_mut().enumerate().skip(first_chrome) {
            chrome(page, meta, logo, i + 1, total)?;
        }
        if let Some(palette) = Palette::of(meta.branding.accent) {
            for page in &mut pages {
                palette.apply(page);
            }
        }
        for page in pages {
            doc.push(page);
        }
        let mut seen_page = 0;
        for a in anchors.iter().filter(|a| a.level == 0) {
            // printpdf orders bookmarks by page, then name: keep one per page so the outline
            // stays in reading order (chapters start on a new page, so this drops nothing).
            if a.page != seen_page {
                doc.bookmark(&a.label(), a.page);
                seen_page = a.page;
            }
        }
        let when = printpdf::DateTime::from_unix_timestamp(meta.generated_at.timestamp())
            .unwrap_or(printpdf::DateTime::epoch());
        let info = doc.info();
        info.document_title = meta.title.clone();
        info.author = meta.author.clone();
        // The one place a branded document names the tool that generated it: the file's
        // producer, which PDF viewers show only in the document properties.
        info.creator = if meta.branding.firm.is_empty() {
            "Trustgap".to_owned()
        } else {
            meta.branding.firm.clone()
        };
        info.producer = format!("Trustgap {}", env!("CARGO_PKG_VERSION"));
        info.subject = meta.subject.clone();
        info.keywords = meta.keywords.clone();
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
        Ok(doc.finish())
    }
}

/// `text` cut with an ellipsis to fit `room` points (keeping at least four characters).
/// Characters are taken from the text itself, never from the ellipsis added in the previous
/// step: cutting the ellipsis and adding it back would go round for ever.
pub(crate) fn fit(f: &super::fonts::Face, text: &str, size: f32, room: f32) -> String {
    let full = f.printable(text);
    if f.width(&full, size) <= room {
        return full;
    }
    let mut kept: Vec<char> = full.chars().collect();
    loop {
        kept.pop();
        let cut = format!("{}…", kept.iter().collect::<String>().trim_end());
        if f.width(&cut, size) <= room || kept.len() <= 4 {
            return cut;
        }
    }
}

/// Running header and footer of one page; `logo` is the registered logo's size in pixels.
fn chrome(
    c: &mut Canvas,
    meta: &Meta,
    logo: Option<(u32, u32)>,
    page: usize,
    total: usize,
) -> Result<(), FontError> {
    let right = PAGE_WIDTH - MARGIN;
    let head = style(7.5, Weight::Regular, MUTED);
    let mark = style(7.5, Weight::Bold, BRAND);
    let f = face(Weight::Regular)?;
    // The firm's logo, small, starts the running header; the text moves right of it.
    let x = match logo {
        Some(size) => MARGIN + draw_logo(c, size, MARGIN, 27.0, 64.0, 16.0, false) + 8.0,
        None => MARGIN,
    };
    let running = fit(
        f,
        &meta.running_head,
        head.size,
        CONTENT_WIDTH - 110.0 - (x - MARGIN),
    );
    c.text(x, 40.0, head, &running)?;
    c.text_right(right, 40.0, mark, &meta.marking.to_uppercase())?;
    c.rule(MARGIN, 48.0, right, 48.0, 0.5, RULE);
    let foot_y = PAGE_HEIGHT - 38.0;
    c.rule(MARGIN, foot_y - 12.0, right, foot_y - 12.0, 0.5, RULE);
    c.text(
        MARGIN,
        foot_y,
        SMALL,
        &fit(f, &meta.footer, SMALL.size, CONTENT_WIDTH - 70.0),
    )?;
    let note = meta.branding.footer.trim();
    if !note.is_empty() {
        let small = style(7.0, Weight::Regular, FAINT);
        c.text(
            MARGIN,
            foot_y + 11.0,
            small,
            &fit(f, note, small.size, CONTENT_WIDTH),
        )?;
    }
    c.text_right(
        right,
        foot_y,
        style(8.0, Weight::Bold, INK),
        &format!("Page {page} of {total}"),
    )?;
    Ok(())
}

/// The table of contents: chapters and their sections with page numbers and dot leaders, each
/// line a link to its page. `prev` is the previous pass's anchors.
pub fn contents(flow: &mut Flow, prev: &[Anchor]) -> Result<(), FontError> {
    let entries: Vec<&Anchor> = prev.iter().filter(|a| a.in_toc).collect();
    for a in entries {
        let (st, indent, h, gap) = if a.level == 0 {
            (style(10.5, Weight::Bold, INK), 0.0, 17.0, 7.0)
        } else {
            (style(9.5, Weight::Regular, INK), 28.0, 14.5, 0.0)
        };
        if a.level == 0 {
            flow.space(gap);
        }
        flow.ensure(h);
        let top = flow.y();
        let baseline = top + baseline_offset(st);
        let page_text = a.page.to_string();
        let c = flow.canvas();
        let num_w = if a.number.is_empty() {
            0.0
        } else {
            let numst = style(st.size, Weight::Bold, BRAND);
            let w = c.text(LEFT + indent, baseline, numst, &a.number)?;
            (w + 10.0).max(if a.level == 0 { 28.0 } else { 30.0 })
        };
        let f = face(st.weight)?;
        let title = fit(f, &a.title, st.size, WIDTH - indent - num_w - 60.0);
        let x = LEFT + indent + num_w;
        let tw = c.text(x, baseline, st, &title)?;
        let pw = f.width(&page_text, st.size);
        c.text_right(LEFT + WIDTH, baseline, st, &page_text)?;
        // Dot leaders between the title and the number.
        let dots = style(st.size, Weight::Regular, FAINT);
        let dot_w = face(Weight::Regular)?.width(". ", dots.size).max(1.0);
        let from = x + tw + 6.0;
        let to = LEFT + WIDTH - pw - 6.0;
        if to > from {
            let n = ((to - from) / dot_w).floor() as usize;
            let leader = ". ".repeat(n);
            c.text(to - n as f32 * dot_w, baseline, dots, leader.trim_end())?;
        }
        c.link(LEFT, top, WIDTH, h, a.page, a.y);
        flow.advance(h);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::theme::BODY;

    fn build(flow: &mut Flow, prev: &[Anchor]) -> Result<(), ReportError> {
        flow.chapter("", "Contents")?;
        contents(flow, prev)?;
        for ch in 1..=6 {
            flow.chapter(&ch.to_string(), &format!("Chapter {ch}"))?;
            for s in 1..=4 {
                flow.heading(&format!("{ch}.{s}"), &format!("Section {ch}.{s}"), 1, 40.0)?;
                flow.paragraph(BODY, &"Some words to fill the page. ".repeat(40))?;
            }
        }
        Ok(())
    }

    #[test]
    fn contents_settle_and_point_at_the_pages_of_their_headings() {
        let composed = compose("test", build).expect("compose");
        assert!(composed.passes() <= 3, "{} passes", composed.passes());
        let outline = composed.outline();
        assert_eq!(outline.len(), 1 + 6 + 24);
        // Every heading's own page holds its text.
        for a in composed.anchors() {
            let page = &composed.pages[a.page - 1];
            assert!(
                page.texts().iter().any(|t| t == &a.title),
                "{} not on page {}",
                a.title,
                a.page
            );
        }
        // The contents page lists each section with its page number.
        let toc = composed.pages[0].texts();
        let i = toc.iter().position(|t| t == "Section 3.2").expect("listed");
        let page = composed
            .anchors()
            .iter()
            .find(|a| a.title == "Section 3.2")
            .map(|a| a.page.to_string());
        assert_eq!(toc.get(i + 1), page.as_ref(), "{toc:?}");
    }

    fn meta() -> Meta {
        Meta {
            title: "t".into(),
            subject: "s".into(),
            keywords: vec!["SOC 2".into()],
            author: "Trustgap".into(),
            generated_at: DateTime::from_timestamp(1_800_000_000, 0).expect("time"),
            running_head: "Client · report".into(),
            marking: "Confidential".into(),
            footer: "Prepared with Trustgap".into(),
            branding: Branding::default(),
        }
    }

    #[test]
    fn long_text_is_cut_to_fit_and_the_cut_ends() {
        let f = face(Weight::Regular).expect("font");
        let long = "Brightwave Analytics (sample) · SOC 2 readiness report · ".repeat(6);
        let cut = fit(f, &long, 10.0, 120.0);
        assert!(cut.ends_with('…') && f.width(&cut, 10.0) <= 120.0, "{cut}");
        assert_eq!(fit(f, "short", 10.0, 120.0), "short");
        // Room for nothing: at least four characters and the ellipsis, not an endless loop.
        assert_eq!(fit(f, "abcdefgh", 10.0, 1.0).chars().count(), 5);
    }

    #[test]
    fn every_page_but_the_cover_says_page_x_of_y() {
        let doc = Document::new("t").expect("fonts");
        let mut page = doc.canvas();
        chrome(&mut page, &meta(), None, 3, 7).expect("chrome");
        let texts = page.texts();
        assert!(texts.contains(&"Page 3 of 7".to_owned()), "{texts:?}");
        assert!(texts.contains(&"CONFIDENTIAL".to_owned()));
        assert!(texts.contains(&"Client · report".to_owned()));
    }

    #[test]
    fn footers_count_every_page_and_the_file_is_reproducible() {
        let meta = meta();
        let a = compose("t", build).expect("compose");
        let pages = a.page_count();
        let bytes = a.into_pdf(&meta).expect("pdf");
        let again = compose("t", build)
            .expect("compose")
            .into_pdf(&meta)
            .expect("pdf");
        assert!(bytes == again, "identical bytes");
        assert!(pages > 6);
    }
}
