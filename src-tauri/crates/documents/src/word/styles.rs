//! The Word styles a model document uses: Normal, Title, real Heading 1–3 (built-in names, so
//! Word's navigation pane and the contents field find them), notes, list items and the table
//! header. Colours match the PDF theme.

use docx_rs::{LineSpacing, RunFonts, Style, StyleType, Styles};

pub const INK: &str = "1D2433";
pub const MUTED: &str = "5B6475";
pub const BRAND: &str = "1F4E79";
pub const WHITE: &str = "FFFFFF";

/// Style ids used by the renderer.
pub const TITLE: &str = "Title";
pub const KICKER: &str = "Kicker";
pub const SUBTITLE: &str = "Subtitle";
pub const NOTE: &str = "Note";
pub const LIST: &str = "ListItem";
pub const CELL: &str = "TableText";
/// Front matter titles (document control, contents): a chapter's look, out of the contents.
pub const FRONT: &str = "FrontTitle";

/// The heading style id for a model level: 0 (chapter) → Heading1, 1 → Heading2, 2+ → Heading3.
pub fn heading(level: u8) -> &'static str {
    match level {
        0 => "Heading1",
        1 => "Heading2",
        _ => "Heading3",
    }
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

pub fn styles() -> Styles {
    let normal = Style::new("Normal", StyleType::Paragraph)
        .name("Normal")
        .size(20)
        .color(INK)
        .line_spacing(spacing(0, 100));
    // A sans face Word has everywhere (LibreOffice substitutes its metric twin); other scripts
    // fall back to the system's fonts for them.
    let sans = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri");
    let mut s = Styles::new()
        .default_size(20)
        .default_fonts(sans)
        .add_style(normal);
    for (level, size, before) in [(1usize, 30usize, 240u32), (2, 24, 200), (3, 21, 160)] {
        s = s.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(size)
                .color(if level == 3 { MUTED } else { BRAND })
                .outline_lvl(level - 1)
                .line_spacing(spacing(before, 80)),
        );
    }
    s.add_style(
        Style::new(FRONT, StyleType::Paragraph)
            .name("Front matter title")
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(30)
            .color(BRAND)
            .line_spacing(spacing(240, 80)),
    )
    .add_style(
        Style::new(TITLE, StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .q_format(true)
            .bold()
            .size(38)
            .color(INK)
            .line_spacing(spacing(0, 40)),
    )
    .add_style(
        Style::new(KICKER, StyleType::Paragraph)
            .name("Kicker")
            .based_on("Normal")
            .bold()
            .size(15)
            .color(MUTED)
            .line_spacing(spacing(0, 20)),
    )
    .add_style(
        Style::new(SUBTITLE, StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .size(19)
            .color(MUTED)
            .line_spacing(spacing(0, 160)),
    )
    .add_style(
        Style::new(NOTE, StyleType::Paragraph)
            .name("Note")
            .based_on("Normal")
            .size(17)
            .color(MUTED),
    )
    .add_style(
        Style::new(LIST, StyleType::Paragraph)
            .name("List item")
            .based_on("Normal")
            .line_spacing(spacing(0, 60)),
    )
    .add_style(
        Style::new(CELL, StyleType::Paragraph)
            .name("Table text")
            .based_on("Normal")
            .size(17)
            .line_spacing(spacing(0, 0)),
    )
}
