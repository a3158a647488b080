//! The one-page readiness summary: overall score and band, categories, weakest criteria, method.

use super::brand::{draw_logo, register_logo, Palette};
use super::compose::fit;
use super::fonts::{face, Weight};
use super::layout::{
    wrap, Canvas, Document, Style, CONTENT_WIDTH, MARGIN, PAGE_HEIGHT, PAGE_WIDTH,
};
use super::theme::{
    band_color, level_color, percent, score_color, BRAND, BRAND_SOFT, INK, MUTED, TRACK, WHITE,
};
use super::ReportError;
use chrono::{DateTime, Utc};
use trustgap_domain::assessment::CompanyProfile;
use trustgap_domain::branding::Branding;
use trustgap_domain::scoring::{Band, Scorecard, Severity, METHOD};
use trustgap_domain::signoff::DocumentVersion;

/// What the summary prints.
pub struct SummaryInput<'a> {
    pub client: &'a str,
    pub assessment: &'a str,
    pub catalog_version: &'a str,
    pub scope: Vec<String>,
    pub card: &'a Scorecard,
    /// The most severe gaps, worst first.
    pub top_gaps: Vec<GapLine>,
    pub generated_at: DateTime<Utc>,
    /// The firm's name, logo, accent and footer.
    pub branding: &'a Branding,
    /// Who led the assessment.
    pub company: &'a CompanyProfile,
    /// The version being printed; `None` for a draft.
    pub version: Option<&'a DocumentVersion>,
}

/// One answered gap as the summary lists it.
pub struct GapLine {
    pub severity: Severity,
    pub criterion: String,
    pub question: String,
    pub answer: String,
}

/// Renders the summary to PDF bytes.
pub fn readiness_summary(input: &SummaryInput<'_>) -> Result<Vec<u8>, ReportError> {
    let title = format!("SOC 2 readiness summary: {}", input.client);
    let mut doc = Document::new(&title)?;
    let when = printpdf::DateTime::from_unix_timestamp(input.generated_at.timestamp())
        .unwrap_or(printpdf::DateTime::epoch());
    let firm = input.branding.firm.trim();
    let info = doc.info();
    info.author = if firm.is_empty() { "Trustgap" } else { firm }.to_owned();
    info.creator = if firm.is_empty() { "Trustgap" } else { firm }.to_owned();
    info.producer = "Trustgap".to_owned();
    info.subject = format!("SOC 2 gap assessment: {}", input.assessment);
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;

    let logo = register_logo(&mut doc, input.branding)?;
    let mut page = doc.canvas();
    draw(&mut page, input, logo)?;
    if let Some(palette) = Palette::of(input.branding.accent) {
        palette.apply(&mut page);
    }
    doc.push(page);
    Ok(doc.finish())
}

fn draw(
    c: &mut Canvas,
    input: &SummaryInput<'_>,
    logo: Option<(u32, u32)>,
) -> Result<(), ReportError> {
    let card = input.card;
    let right = PAGE_WIDTH - MARGIN;
    c.fill_rect(0.0, 0.0, PAGE_WIDTH, 92.0, BRAND);
    c.text(
        MARGIN,
        40.0,
        Style::new(9.0, Weight::Bold, BRAND_SOFT),
        "SOC 2 READINESS SUMMARY",
    )?;
    // The client's name stops short of the logo, cut with an ellipsis if it must be.
    let room = if logo.is_some() {
        CONTENT_WIDTH - 142.0
    } else {
        CONTENT_WIDTH
    };
    // A long name first gets smaller (down to 16 points), then is cut.
    let bold = face(Weight::Bold)?;
    let mut size = 22.0;
    while size > 16.0 && bold.width(&bold.printable(input.client), size) > room {
        size -= 1.0;
    }
    let name_style = Style::new(size, Weight::Bold, WHITE);
    let name = fit(bold, input.client, name_style.size, room);
    c.text(MARGIN, 70.0, name_style, &name)?;
    let mark_right = match logo {
        Some(size) => {
            // The firm's logo on a white plate at the right of the band.
            let (w, h) = (128.0, 60.0);
            c.fill_rect(right - w, 16.0, w, h, WHITE);
            draw_logo(c, size, right - w + 10.0, 26.0, w - 20.0, h - 20.0, false);
            right - w - 14.0
        }
        None => right,
    };
    c.text_right(
        mark_right,
        40.0,
        Style::new(9.0, Weight::Regular, BRAND_SOFT),
        "Confidential",
    )?;

    let meta = Style::new(9.5, Weight::Regular, MUTED);
    let mut y = 122.0;
    let lines = [
        format!("Assessment: {}", input.assessment),
        format!("Scope: {}", input.scope.join(", ")),
        format!(
            "Version {} · generated {} · question bank {} · {}",
            input
                .version
                .map_or_else(|| "draft".to_owned(), DocumentVersion::label),
            input.generated_at.format("%-d %B %Y"),
            input.catalog_version,
            if input.company.assessor_led() {
                format!("led by {}", input.company.led_by_short())
            } else {
                "self-assessment".to_owned()
            }
        ),
    ];
    for line in &lines {
        y = c.paragraph(MARGIN, y, CONTENT_WIDTH, meta, line)?;
    }

    // Headline: the number, the band, and what stands behind them.
    y += 18.0;
    let band_col = band_color(card.band);
    c.text(
        MARGIN,
        y + 44.0,
        Style::new(54.0, Weight::Bold, band_col),
        &percent(card.overall.score),
    )?;
    c.text(
        MARGIN + 170.0,
        y + 14.0,
        Style::new(9.0, Weight::Bold, MUTED),
        "READINESS",
    )?;
    c.text(
        MARGIN + 170.0,
        y + 36.0,
        Style::new(18.0, Weight::Bold, band_col),
        card.band.label(),
    )?;
    let o = &card.overall;
    let facts = format!(
        "{} of {} questions answered · {} not applicable · {} unknown · {}",
        o.answered,
        o.questions,
        o.not_applicable,
        o.unknown,
        plural(card.high_gaps, "high-severity gap", "high-severity gaps")
    );
    c.paragraph(
        MARGIN + 170.0,
        y + 56.0,
        CONTENT_WIDTH - 170.0,
        meta,
        &facts,
    )?;
    y += 96.0;

    y = section(c, y, "Readiness by category")?;
    let label = Style::new(10.0, Weight::Regular, INK);
    for cat in &card.categories {
        bar(c, y, &cat.name, cat.tally.score, label)?;
        y += 24.0;
    }

    y = section(c, y + 10.0, "Weakest criteria")?;
    let mut weakest: Vec<_> = card
        .criteria
        .iter()
        .filter(|c| c.tally.score.is_some())
        .collect();
    weakest.sort_by(|a, b| {
        a.tally
            .score
            .partial_cmp(&b.tally.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if weakest.is_empty() {
        y = c.paragraph(
            MARGIN,
            y,
            CONTENT_WIDTH,
            meta,
            "No criterion has an applicable answer yet.",
        )?;
    }
    for crit in weakest.iter().take(5) {
        c.text(
            MARGIN,
            y,
            Style::new(10.0, Weight::Bold, INK),
            &crit.criterion,
        )?;
        c.text(MARGIN + 48.0, y, label, &crit.topic)?;
        c.text_right(
            right,
            y,
            Style::new(10.0, Weight::Bold, level_color(crit.tally.level)),
            &percent(crit.tally.score),
        )?;
        y += 17.0;
    }

    y = section(c, y + 8.0, "Most severe gaps")?;
    if input.top_gaps.is_empty() {
        y = c.paragraph(
            MARGIN,
            y,
            CONTENT_WIDTH,
            meta,
            "No gap has been recorded yet.",
        )?;
    }
    // The method section and the footer need the last ~150 points of the page.
    let limit = PAGE_HEIGHT - 150.0;
    let question_width = CONTENT_WIDTH - 96.0 - 90.0;
    for gap in &input.top_gaps {
        let lines = wrap(
            face(Weight::Regular)?,
            &gap.question,
            label_style().size,
            question_width,
        )
        .len();
        if y + lines as f32 * label_style().leading() > limit {
            break;
        }
        let (label, color) = match gap.severity {
            Severity::High => ("HIGH", band_color(Band::NotReady)),
            Severity::Medium => ("MEDIUM", band_color(Band::SignificantGaps)),
            Severity::Low => ("LOW", MUTED),
        };
        c.text(MARGIN, y, Style::new(8.0, Weight::Bold, color), label)?;
        c.text(
            MARGIN + 48.0,
            y,
            Style::new(10.0, Weight::Bold, INK),
            &gap.criterion,
        )?;
        c.text_right(
            right,
            y,
            Style::new(8.5, Weight::Regular, MUTED),
            &gap.answer,
        )?;
        y = c.paragraph(
            MARGIN + 96.0,
            y,
            question_width,
            label_style(),
            &gap.question,
        )?;
        y += 3.0;
    }

    y = section(c, y + 10.0, "How the score is calculated")?;
    c.paragraph(MARGIN, y, CONTENT_WIDTH, meta, METHOD)?;

    let foot = Style::new(8.0, Weight::Regular, MUTED);
    c.rule(
        MARGIN,
        PAGE_HEIGHT - 48.0,
        right,
        PAGE_HEIGHT - 48.0,
        0.5,
        TRACK,
    );
    let kind = if input.company.assessor_led() {
        "A readiness assessment, not an audit opinion."
    } else {
        "A self-assessment, not an audit opinion."
    };
    c.text(
        MARGIN,
        PAGE_HEIGHT - 34.0,
        foot,
        &format!("{}. {kind}", input.branding.prepared_line()),
    )?;
    let note = input.branding.footer.trim();
    if !note.is_empty() {
        c.text(
            MARGIN,
            PAGE_HEIGHT - 23.0,
            Style::new(7.0, Weight::Regular, MUTED),
            note,
        )?;
    }
    c.text_right(right, PAGE_HEIGHT - 34.0, foot, "Page 1 of 1")?;
    Ok(())
}

fn label_style() -> Style {
    Style::new(9.0, Weight::Regular, INK)
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn section(c: &mut Canvas, y: f32, title: &str) -> Result<f32, ReportError> {
    c.text(MARGIN, y, Style::new(12.5, Weight::Bold, INK), title)?;
    c.rule(MARGIN, y + 7.0, PAGE_WIDTH - MARGIN, y + 7.0, 0.6, TRACK);
    Ok(y + 28.0)
}

fn bar(
    c: &mut Canvas,
    y: f32,
    name: &str,
    score: Option<f64>,
    label: Style,
) -> Result<(), ReportError> {
    let x0 = MARGIN + 150.0;
    let width = CONTENT_WIDTH - 150.0 - 44.0;
    c.text(MARGIN, y, label, name)?;
    c.fill_rect(x0, y - 9.0, width, 11.0, TRACK);
    if let Some(s) = score {
        c.fill_rect(
            x0,
            y - 9.0,
            width * (s as f32 / 100.0),
            11.0,
            score_color(score),
        );
    }
    c.text_right(
        PAGE_WIDTH - MARGIN,
        y,
        Style::new(10.0, Weight::Bold, INK),
        &percent(score),
    )?;
    Ok(())
}
