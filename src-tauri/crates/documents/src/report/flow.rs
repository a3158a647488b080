//! Page flow: a cursor moving down A4 pages inside fixed margins, with automatic page breaks.
//!
//! Everything the reports place goes through here: paragraphs wrapped with the font's own glyph
//! widths (no orphan or widow line left alone at a page edge), headings kept with what follows
//! them, atomic blocks (charts, callouts) that move whole to the next page, and the anchors that
//! the table of contents, the links and the PDF outline are built from.

use super::fonts::Weight;
use super::fonts::{face, FontError};
use super::layout::{wrap, Canvas, Document, Style, CONTENT_WIDTH, MARGIN, PAGE_HEIGHT};
use super::theme::{style, BRAND, INK, MUTED, RULE};

/// Top of the content area (the running header sits above it).
pub const TOP: f32 = 78.0;
/// Bottom of the content area (the footer sits below it).
pub const BOTTOM: f32 = PAGE_HEIGHT - 68.0;
pub const LEFT: f32 = MARGIN;
pub const WIDTH: f32 = CONTENT_WIDTH;

/// Vertical room a heading asks for below itself by default: about three lines of body text.
pub const KEEP_DEFAULT: f32 = 42.0;

/// A place in the document a reader can jump to: a chapter or a section heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// "3", "3.2", "A" or "" for unnumbered entries.
    pub number: String,
    pub title: String,
    /// 0 for chapters (one per page start, in the PDF outline), 1 for sections, 2 below.
    pub level: u8,
    /// 1-based page.
    pub page: usize,
    /// Points from the page's top edge.
    pub y: f32,
    /// Listed in the table of contents.
    pub in_toc: bool,
}

impl Anchor {
    /// "3.2 Availability", or the bare title when unnumbered.
    pub fn label(&self) -> String {
        if self.number.is_empty() {
            self.title.clone()
        } else {
            format!("{} {}", self.number, self.title)
        }
    }
}

/// The pages being laid out and the cursor on the last one.
pub struct Flow {
    proto: Canvas,
    pages: Vec<Canvas>,
    y: f32,
    /// Nothing has been placed on the current page yet.
    fresh: bool,
    anchors: Vec<Anchor>,
    /// In front matter: headings stay out of the contents.
    front: bool,
}

impl Flow {
    pub fn new(doc: &Document) -> Flow {
        let proto = doc.canvas();
        let first = proto.sibling();
        Flow {
            proto,
            pages: vec![first],
            y: TOP,
            fresh: true,
            anchors: Vec::new(),
            front: false,
        }
    }

    /// The 1-based number of the page being filled.
    pub fn page_number(&self) -> usize {
        self.pages.len()
    }

    /// The page being filled.
    pub fn canvas(&mut self) -> &mut Canvas {
        self.fresh = false;
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Where the next block starts, in points from the page's top edge.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Room left on the current page.
    pub fn remaining(&self) -> f32 {
        (BOTTOM - self.y).max(0.0)
    }

    /// Moves the cursor down by `h` (no page break; callers checked the room).
    pub fn advance(&mut self, h: f32) {
        self.y += h;
    }

    pub fn new_page(&mut self) {
        self.pages.push(self.proto.sibling());
        self.y = TOP;
        self.fresh = true;
    }

    /// Starts a new page unless `h` points fit below the cursor (or the page is still empty, in
    /// which case breaking would not help). Returns whether it broke.
    pub fn ensure(&mut self, h: f32) -> bool {
        if self.y + h > BOTTOM && !self.fresh {
            self.new_page();
            return true;
        }
        false
    }

    /// Vertical space; dropped at the top of a page.
    pub fn space(&mut self, h: f32) {
        if !self.fresh {
            self.y = (self.y + h).min(BOTTOM);
        }
    }

    /// Records an anchor at the cursor.
    pub fn anchor(&mut self, number: &str, title: &str, level: u8, in_toc: bool) {
        self.anchors.push(Anchor {
            number: number.to_owned(),
            title: title.to_owned(),
            level,
            page: self.page_number(),
            y: (self.y - 12.0).max(0.0),
            in_toc,
        });
    }

    /// A block of known height drawn by `draw(canvas, x, top)`, moved whole to the next page
    /// when it does not fit.
    pub fn block<E>(
        &mut self,
        h: f32,
        draw: impl FnOnce(&mut Canvas, f32, f32) -> Result<(), E>,
    ) -> Result<(), E> {
        self.ensure(h);
        let top = self.y;
        draw(self.canvas(), LEFT, top)?;
        self.y += h;
        Ok(())
    }

    /// The height a full-width paragraph of `text` takes.
    pub fn paragraph_height(&self, style: Style, text: &str) -> Result<f32, FontError> {
        let lines = wrap(face(style.weight)?, text, style.size, WIDTH).len();
        Ok(lines as f32 * style.leading())
    }

    /// A paragraph across the full content width (the tests' filler; documents say paragraphs
    /// as model blocks).
    #[cfg(test)]
    pub fn paragraph(&mut self, style: Style, text: &str) -> Result<(), FontError> {
        self.paragraph_at(0.0, WIDTH, style, text)
    }

    /// A paragraph indented by `indent` and `width` wide, broken across pages as needed.
    pub fn paragraph_at(
        &mut self,
        indent: f32,
        width: f32,
        style: Style,
        text: &str,
    ) -> Result<(), FontError> {
        let lines = wrap(face(style.weight)?, text, style.size, width);
        self.lines(indent, &lines, style)
    }

    /// Already-wrapped lines, with orphan and widow control: a paragraph never leaves a single
    /// line alone at the bottom or the top of a page (unless it is one line long).
    pub fn lines(&mut self, indent: f32, lines: &[String], style: Style) -> Result<(), FontError> {
        self.lines_with(lines.len(), style.leading(), |c, i, baseline| {
            c.text(LEFT + indent, baseline, style, &lines[i])
                .map(|_| ())
        })
    }

    /// `count` lines `lead` apart, each drawn by `draw(canvas, index, baseline)`, broken across
    /// pages with the orphan and widow control of [`Flow::lines`].
    pub fn lines_with(
        &mut self,
        count: usize,
        lead: f32,
        mut draw: impl FnMut(&mut Canvas, usize, f32) -> Result<(), FontError>,
    ) -> Result<(), FontError> {
        let offset = lead * 0.76;
        let mut i = 0;
        while i < count {
            let left = count - i;
            let fit = (self.remaining() / lead).floor() as usize;
            let mut take = fit.min(left);
            if take < left {
                // Orphan: a first line alone at the bottom.
                if take < 2 && !self.fresh {
                    self.new_page();
                    continue;
                }
                // Widow: a last line alone at the top of the next page.
                if left - take == 1 && take > 2 {
                    take -= 1;
                }
            }
            let take = take.max(1);
            for n in i..i + take {
                let baseline = self.y + offset;
                draw(self.canvas(), n, baseline)?;
                self.y += lead;
            }
            i += take;
            if i < count {
                self.new_page();
            }
        }
        Ok(())
    }

    /// Starts a chapter on a new page: a large title, an anchor in the contents and the outline.
    pub fn chapter(&mut self, number: &str, title: &str) -> Result<(), FontError> {
        self.chapter_with(number, title, true)
    }

    /// Front matter (document control, contents): a chapter in the outline but not listed in
    /// the contents.
    pub fn front_matter(&mut self, title: &str) -> Result<(), FontError> {
        self.chapter_with("", title, false)
    }

    /// A page drawn by hand (the cover): in the outline, with no title drawn.
    pub fn bare_page(&mut self, title: &str) {
        if !self.fresh {
            self.new_page();
        }
        self.y = 0.0;
        self.anchor("", title, 0, false);
        self.fresh = false;
    }

    fn chapter_with(&mut self, number: &str, title: &str, in_toc: bool) -> Result<(), FontError> {
        if !self.fresh {
            self.new_page();
        }
        self.front = !in_toc;
        self.anchor(number, title, 0, in_toc);
        let big = style(20.0, Weight::Bold, INK);
        let baseline = self.y + 18.0;
        let mut x = LEFT;
        if !number.is_empty() {
            let num = style(20.0, Weight::Bold, BRAND);
            x += self.canvas().text(x, baseline, num, number)? + 10.0;
        }
        self.canvas().text(x, baseline, big, title)?;
        self.canvas().rule(
            LEFT,
            baseline + 12.0,
            LEFT + WIDTH,
            baseline + 12.0,
            1.2,
            BRAND,
        );
        self.y = baseline + 34.0;
        Ok(())
    }

    /// A section (level 1) or sub-section (level 2+) heading, kept on the same page as the
    /// first `keep` points of what follows it.
    pub fn heading(
        &mut self,
        number: &str,
        title: &str,
        level: u8,
        keep: f32,
    ) -> Result<(), FontError> {
        let (size, before, after, color) = match level {
            0 | 1 => (13.0, 18.0, 12.0, INK),
            2 => (10.5, 12.0, 7.0, INK),
            _ => (9.5, 9.0, 5.0, MUTED),
        };
        let head = style(size, Weight::Bold, color);
        let width = WIDTH - if number.is_empty() { 0.0 } else { 40.0 };
        let lines = wrap(face(Weight::Bold)?, title, size, width);
        let h = lines.len() as f32 * head.leading() + after;
        self.space(before);
        self.ensure(h + keep);
        self.anchor(number, title, level.max(1), level <= 1 && !self.front);
        let mut x = LEFT;
        if !number.is_empty() {
            let num = style(size, Weight::Bold, BRAND);
            let baseline = self.y + baseline_offset(head);
            let w = self.canvas().text(x, baseline, num, number)?;
            x += (w + 8.0).max(if level <= 1 { 30.0 } else { 0.0 });
        }
        for line in &lines {
            let baseline = self.y + baseline_offset(head);
            self.canvas().text(x, baseline, head, line)?;
            self.y += head.leading();
        }
        if level <= 1 {
            let y = self.y + 2.0;
            self.canvas().rule(LEFT, y, LEFT + WIDTH, y, 0.6, RULE);
        }
        self.y += after;
        Ok(())
    }

    /// The laid-out pages and the anchors placed on them.
    pub fn finish(self) -> (Vec<Canvas>, Vec<Anchor>) {
        (self.pages, self.anchors)
    }
}

/// Distance from a line box's top to its baseline.
pub fn baseline_offset(style: Style) -> f32 {
    style.leading() * 0.76
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::theme::BODY;

    fn flow() -> Flow {
        Flow::new(&Document::new("test").expect("fonts"))
    }

    fn all_text(pages: &[Canvas]) -> Vec<String> {
        pages.iter().map(|p| p.texts().join(" ")).collect()
    }

    #[test]
    fn long_paragraphs_break_across_pages_without_losing_words() {
        let mut f = flow();
        let text = (0..900)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        f.paragraph(BODY, &text).expect("paragraph");
        let (pages, _) = f.finish();
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let joined = all_text(&pages).join(" ");
        assert_eq!(joined.split_whitespace().count(), 900);
        assert!(joined.ends_with("word899"));
    }

    #[test]
    fn no_single_line_is_left_at_the_bottom_or_top_of_a_page() {
        for start in [0.0, 3.0, 7.0, 11.0] {
            let mut f = flow();
            // Fill the page to just above the bottom, leaving room for about one line.
            f.advance(BOTTOM - TOP - BODY.leading() * 1.5 - start);
            f.canvas();
            let lines: Vec<String> = (0..5).map(|i| format!("line{i}")).collect();
            f.lines(0.0, &lines, BODY).expect("lines");
            let (pages, _) = f.finish();
            for p in &pages {
                let n = p.texts().len();
                assert!(
                    n == 0 || n >= 2,
                    "a page holds {n} line(s) of the paragraph"
                );
            }
        }
    }

    #[test]
    fn headings_move_to_the_next_page_with_what_follows() {
        let mut f = flow();
        f.advance(BOTTOM - TOP - 30.0);
        f.canvas();
        f.heading("2.1", "Availability", 1, KEEP_DEFAULT)
            .expect("heading");
        assert_eq!(f.page_number(), 2);
        let (pages, anchors) = f.finish();
        assert!(pages[0].texts().is_empty());
        assert_eq!(anchors[0].page, 2);
        assert_eq!(anchors[0].label(), "2.1 Availability");
    }

    #[test]
    fn chapters_start_on_a_new_page_and_blocks_move_whole() {
        let mut f = flow();
        f.chapter("1", "First").expect("chapter");
        assert_eq!(f.page_number(), 1, "an empty first page is used");
        f.block(BOTTOM - TOP - 100.0, |_, _, _| Ok::<(), FontError>(()))
            .expect("block");
        f.block(120.0, |_, _, _| Ok::<(), FontError>(()))
            .expect("block");
        assert_eq!(f.page_number(), 2);
        f.chapter("2", "Second").expect("chapter");
        assert_eq!(f.page_number(), 3);
        let (_, anchors) = f.finish();
        assert_eq!(
            anchors.iter().map(|a| a.page).collect::<Vec<_>>(),
            vec![1, 3]
        );
    }
}
