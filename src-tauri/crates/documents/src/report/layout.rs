//! A small drawing layer over printpdf: A4 pages in points with a top-left origin, text in the
//! embedded face and its fallbacks (each line reordered for right-to-left scripts, then split into
//! runs of one font), wrapped paragraphs, filled rectangles and rules.
//!
//! printpdf has no paragraph layout outside its HTML mode; everything that measures or places
//! text lives here so the report modules only say what goes where.

use super::bidi::visual;
use super::fallback;
use super::fonts::{face, Face, FontError, Source, Weight};
pub use super::wrap::wrap;
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

/// The slant of oblique text: about 12 degrees, as sans-serif obliques are drawn.
pub(super) const OBLIQUE_SHEAR: f32 = 0.21;

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 56.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

/// An sRGB colour from a `0xRRGGBB` literal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb8(pub u32);

impl Rgb8 {
    pub(super) fn color(self) -> Color {
        let c = |shift: u32| ((self.0 >> shift) & 0xff) as f32 / 255.0;
        Color::Rgb(Rgb {
            r: c(16),
            g: c(8),
            b: c(0),
            icc_profile: None,
        })
    }
}

/// The text style of one run.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb8,
    /// Slanted (emphasis): there is no italic face, so the text matrix shears the upright one.
    pub oblique: bool,
}

impl Style {
    pub const fn new(size: f32, weight: Weight, color: Rgb8) -> Style {
        Style {
            size,
            weight,
            color,
            oblique: false,
        }
    }

    /// Baseline-to-baseline distance used for wrapped lines.
    pub fn leading(&self) -> f32 {
        self.size * 1.35
    }
}

/// The document under construction: registered fonts and finished pages.
pub struct Document {
    pdf: PdfDocument,
    regular: FontId,
    bold: FontId,
    /// Process-wide ids of the fallback fonts embedded, in order of first use.
    fallbacks: Vec<usize>,
    pages: Vec<PdfPage>,
}

/// One page being drawn; y grows downwards from the top edge.
pub struct Canvas {
    pub(super) ops: Vec<Op>,
    regular: FontId,
    bold: FontId,
}

impl Document {
    pub fn new(title: &str) -> Result<Document, FontError> {
        let mut pdf = PdfDocument::new(title);
        // Fixed resource names instead of printpdf's random ones, for reproducible output; the
        // first six letters become the subset tag, so they are upper case.
        let mut add = |name: &str, f: &Face| {
            let id = FontId(name.to_owned());
            pdf.resources
                .fonts
                .map
                .insert(id.clone(), PdfFont::new(f.font.parsed.clone()));
            id
        };
        let regular = add("TGREGU", face(Weight::Regular)?);
        let bold = add("TGBOLD", face(Weight::Bold)?);
        Ok(Document {
            pdf,
            regular,
            bold,
            fallbacks: Vec::new(),
            pages: Vec::new(),
        })
    }

    pub fn canvas(&self) -> Canvas {
        Canvas {
            ops: Vec::new(),
            regular: self.regular.clone(),
            bold: self.bold.clone(),
        }
    }

    /// Adds an outline entry (bookmark) to 1-based `page`. Ids are numbered, not random, so the
    /// file is reproducible; printpdf lists bookmarks by page, so give each page at most one.
    pub fn bookmark(&mut self, name: &str, page: usize) {
        let id = printpdf::PageAnnotId(format!("tg-bookmark-{:05}", self.pdf.bookmarks.map.len()));
        self.pdf.bookmarks.map.insert(
            id,
            printpdf::PageAnnotation {
                name: name.to_owned(),
                page,
            },
        );
    }

    pub fn push(&mut self, mut canvas: Canvas) {
        for op in &mut canvas.ops {
            if let Op::SetFont {
                font: PdfFontHandle::External(id),
                ..
            } = op
            {
                if let Some(local) = self.fallback_font(id) {
                    *id = local;
                }
            }
        }
        self.pages
            .push(PdfPage::new(Mm(210.0), Mm(297.0), canvas.ops));
    }

    /// The document-local id for a canvas's fallback font key, embedding the font on first use.
    fn fallback_font(&mut self, key: &FontId) -> Option<FontId> {
        let (name, new) = fallback::localize(&key.0, &mut self.fallbacks)?;
        let id = FontId(name);
        if let Some(fb) = new {
            let font = PdfFont::new(fb.font.parsed.clone());
            self.pdf.resources.fonts.map.insert(id.clone(), font);
        }
        Some(id)
    }

    /// The document's resources (images are registered there by `brand`).
    pub(super) fn resources(&mut self) -> &mut printpdf::PdfResources {
        &mut self.pdf.resources
    }

    /// Document information dictionary entries; dates are fixed by the caller for reproducibility.
    pub fn info(&mut self) -> &mut printpdf::PdfDocumentInfo {
        &mut self.pdf.metadata.info
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.pdf.with_pages(std::mem::take(&mut self.pages));
        let mut bytes = self
            .pdf
            .save(&printpdf::PdfSaveOptions::default(), &mut Vec::new());
        stable_file_id(&mut bytes);
        bytes
    }
}

/// printpdf fills the trailer's file identifier with random characters; replace them, in place
/// and at the same length, with a digest of the rest of the file so equal input gives equal bytes.
fn stable_file_id(bytes: &mut [u8]) {
    let Some(at) = bytes.windows(4).rposition(|w| w == b"/ID[") else {
        return;
    };
    let mut spans = Vec::new();
    let mut i = at + 4;
    while spans.len() < 2 && i < bytes.len() {
        match bytes[i] {
            b'(' => {
                let Some(len) = bytes[i + 1..].iter().position(|&b| b == b')') else {
                    return;
                };
                spans.push((i + 1, i + 1 + len));
                i += len + 2;
            }
            b']' => break,
            _ => i += 1,
        }
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (n, b) in bytes.iter().enumerate() {
        if spans.iter().all(|&(s, e)| n < s || n >= e) {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    for (salt, (start, end)) in spans.into_iter().enumerate() {
        let digest = format!("{:016x}{:016x}", hash, hash.rotate_left(17) ^ salt as u64);
        for (slot, c) in bytes[start..end].iter_mut().zip(digest.bytes().cycle()) {
            *slot = c;
        }
    }
}

pub(super) fn point(x: f32, y: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_HEIGHT - y),
    }
}

impl Canvas {
    /// An empty page drawing with the same fonts.
    pub fn sibling(&self) -> Canvas {
        Canvas {
            ops: Vec::new(),
            regular: self.regular.clone(),
            bold: self.bold.clone(),
        }
    }

    /// Every line of text drawn so far, in order, its runs joined (for tests and checks).
    #[cfg(test)]
    pub fn texts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for op in &self.ops {
            match op {
                Op::StartTextSection => out.push(String::new()),
                Op::ShowText { items } => {
                    for item in items {
                        if let (TextItem::Text(t), Some(line)) = (item, out.last_mut()) {
                            line.push_str(t);
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Draws one line of text with its baseline at `y`; returns its width. The line is given in
    /// logical order; it is reordered for display when it holds right-to-left text, then drawn
    /// as runs of one font each, every run continuing where the previous one ended.
    pub fn text(&mut self, x: f32, y: f32, style: Style, text: &str) -> Result<f32, FontError> {
        let f = face(style.weight)?;
        let printable = f.printable(text);
        let width = f.width(&printable, style.size);
        let mut missing = Vec::new();
        let runs = f.runs(&visual(&printable), &mut missing);
        super::missing::record(&missing);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor {
                col: style.color.color(),
            },
        ]);
        for (i, run) in runs.into_iter().enumerate() {
            let font = match (&run.source, style.weight) {
                (Source::Embedded, Weight::Regular) => self.regular.clone(),
                (Source::Embedded, Weight::Bold) => self.bold.clone(),
                (Source::Fallback(fb), _) => FontId(fallback::key(fb)),
            };
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(style.size),
            });
            if i == 0 {
                self.ops.push(if style.oblique {
                    let p = point(x, y);
                    Op::SetTextMatrix {
                        matrix: TextMatrix::Raw([1.0, 0.0, OBLIQUE_SHEAR, 1.0, p.x.0, p.y.0]),
                    }
                } else {
                    Op::SetTextCursor { pos: point(x, y) }
                });
            }
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text)],
            });
        }
        self.ops.push(Op::EndTextSection);
        Ok(width)
    }

    /// Draws text right-aligned so it ends at `right`.
    pub fn text_right(
        &mut self,
        right: f32,
        y: f32,
        style: Style,
        text: &str,
    ) -> Result<(), FontError> {
        let f = face(style.weight)?;
        let w = f.width(&f.printable(text), style.size);
        self.text(right - w, y, style, text).map(|_| ())
    }

    /// Wraps `text` into `width` and draws it from the first baseline at `y`; returns the y
    /// after the last line (one leading below its baseline).
    pub fn paragraph(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        style: Style,
        text: &str,
    ) -> Result<f32, FontError> {
        let lines = wrap(face(style.weight)?, text, style.size, width);
        let mut baseline = y;
        for line in &lines {
            self.text(x, baseline, style, line)?;
            baseline += style.leading();
        }
        Ok(baseline)
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb8) {
        self.ops.push(Op::SetFillColor { col: color.color() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_HEIGHT - y - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    pub fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32, color: Rgb8) {
        self.ops.push(Op::SetOutlineColor { col: color.color() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: point(x1, y1),
                        bezier: false,
                    },
                    LinePoint {
                        p: point(x2, y2),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_fonts_get_document_local_names_in_order_of_first_use() {
        let mut doc = Document::new("test").expect("fonts");
        let mut c = doc.canvas();
        c.text(0.0, 10.0, BODY_STYLE, "テスト").expect("text");
        doc.push(c);
        let names: Vec<String> = doc
            .pdf
            .resources
            .fonts
            .map
            .keys()
            .map(|k| k.0.clone())
            .collect();
        assert_eq!(names, vec!["TGBOLD", "TGFAAA", "TGREGU"]);
        assert_eq!(doc.fallbacks.len(), 1);
    }

    const BODY_STYLE: Style = Style::new(10.0, Weight::Regular, Rgb8(0));

    #[test]
    fn right_to_left_paragraphs_wrap_in_reading_order_and_draw_reordered() {
        let f = face(Weight::Regular).expect("font");
        let text = "אחת שתיים שלוש ארבע Acme Ltd";
        let lines = wrap(f, text, 10.0, 60.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines[0].starts_with("אחת"),
            "the first words read come first"
        );
        let mut c = Document::new("test").expect("fonts").canvas();
        for (i, l) in lines.iter().enumerate() {
            c.text(0.0, 10.0 * i as f32, BODY_STYLE, l).expect("text");
        }
        let drawn = c.texts();
        // The first word read is drawn rightmost, its letters right to left.
        assert_eq!(lines[0], "אחת שתיים");
        assert_eq!(drawn[0], "םייתש תחא");
        // The last line, all Latin, keeps the paragraph's direction and loses the mark.
        assert!(lines.last().is_some_and(|l| l.starts_with('\u{200F}')));
        assert_eq!(drawn.last().map(String::as_str), Some("Acme Ltd"));
    }
}
