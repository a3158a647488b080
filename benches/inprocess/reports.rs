//! Reports: the readiness report, the remediation plan and the board brief for the sample
//! assessment and for the same company answering a bank five times as large, each against its floor: the same PDF's
//! text written without layout. The plan as Word is measured against its PDF (`word`).
//!
//! The floor takes the text a reader extracts from the finished report (`pdftotext`, one line
//! per printed line, outside the timing) and writes it with printpdf in the same embedded
//! DejaVu Sans, one line after the other at a fixed leading, 60 lines a page: no measuring,
//! wrapping, tables, charts, contents passes or page chrome. What is left is what any PDF of that
//! text costs: printpdf's operations, font subsetting, compression and serialisation.

use super::{check, fail, header, ms, row, summarize, today, Scratch};
use chrono::{TimeZone, Utc};
use printpdf::{
    Color, FontId, Mm, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rgb, TextItem,
};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;
use trustgap_domain::assessment::Response;
use trustgap_domain::catalog::Catalog;
use trustgap_workspace::{ReportKind, ReportOptions, SaveAnswerInput, Workspace};

static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The report's target against its text without layout.
const LAYOUT_TARGET: f64 = 3.0;

/// The sample assessment, and the same company answering a bank five times as large.
pub fn reports(catalog: &'static Catalog, quick: bool) {
    let rounds = if quick { 2 } else { 10 };
    let demo_dir = Scratch::new("reports");
    let mut demo = check("workspace", Workspace::open_with(demo_dir.path(), catalog));
    let sample = check("sample", demo.create_sample(today())).id;

    let large_catalog: &'static Catalog = Box::leak(Box::new(scaled(catalog, 5)));
    let large_dir = Scratch::new("reports-large");
    let mut large = check(
        "workspace",
        Workspace::open_with(large_dir.path(), large_catalog),
    );
    let large_id = check("sample", large.create_sample(today())).id;
    copy_answers_to_copies(&mut large, large_id);
    let fonts = Fonts::load();

    header(&format!(
        "Reports (median of {rounds} renders after a warm-up, appendix included; floor: the \
         same PDF's text written without layout)"
    ));
    for (label, kind, absolute) in [
        ("readiness report", ReportKind::Readiness, Some(150.0)),
        ("remediation plan", ReportKind::Plan, None),
    ] {
        let d = render(&demo, sample, kind, rounds);
        let l = render(&large, large_id, kind, rounds);
        for (size, r) in [("sample assessment", &d), ("5× larger assessment", &l)] {
            let floor = text_floor(&fonts, &r.bytes, rounds, demo_dir.path());
            let ratio = r.ms / floor.ms;
            let target = match absolute.filter(|_| size == "sample assessment") {
                Some(limit) => format!(
                    "≤ {LAYOUT_TARGET}× (absolute ≤ {limit} ms: {})",
                    if r.ms <= limit { "met" } else { "missed" }
                ),
                None => format!("≤ {LAYOUT_TARGET}×"),
            };
            row(
                &format!("{label}, {size}"),
                &format!(
                    "{:.1} ms ({} pages, {} KB)",
                    r.ms,
                    floor.pages,
                    r.bytes.len() / 1024
                ),
                &format!(
                    "{:.1} ms ({} lines, {} KB)",
                    floor.ms,
                    floor.lines,
                    floor.size / 1024
                ),
                &format!("{ratio:.2}×"),
                &target,
                Some(ratio <= LAYOUT_TARGET),
            );
        }
        super::word::word_row(
            label,
            kind,
            "sample assessment",
            &demo,
            sample,
            d.ms,
            rounds,
        );
        super::word::word_row(
            label,
            kind,
            "5× larger assessment",
            &large,
            large_id,
            l.ms,
            rounds,
        );
        row(
            &format!("{label}, growth: 5× larger against the sample"),
            &format!("{:.1} ms", l.ms),
            &format!("{:.1} ms", d.ms),
            &format!("{:.2}×", l.ms / d.ms),
            "grows about linearly (≤ 5×)",
            Some(l.ms / d.ms <= 5.5),
        );
    }
    for (size, ws, id) in [
        ("sample assessment", &demo, sample),
        ("5× larger assessment", &large, large_id),
    ] {
        let b = brief(ws, id, rounds);
        let floor = text_floor(&fonts, &b.bytes, rounds, demo_dir.path());
        let ratio = b.ms / floor.ms;
        row(
            &format!("board brief (PDF), {size}"),
            &format!(
                "{:.1} ms ({} page(s), {} KB)",
                b.ms,
                floor.pages,
                b.bytes.len() / 1024
            ),
            &format!("{:.1} ms ({} lines)", floor.ms, floor.lines),
            &format!("{ratio:.2}×"),
            // The brief's time is mostly the plan it states (fit, effort): the ratio is shown,
            // the target is the one page.
            "one page",
            Some(floor.pages == 1),
        );
    }
    super::workbooks::workbooks((&demo, sample), (&large, large_id), rounds);
    schedule(&large, large_id, rounds * 5);
}

/// Renders the board brief as PDF `rounds` times after one warm-up: the median and the file.
fn brief(ws: &Workspace, id: i64, rounds: usize) -> Rendered {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for round in 0..=rounds {
        let start = Instant::now();
        let (_, pdf) = check(
            "brief",
            ws.brief(id, trustgap_workspace::DocFormat::Pdf, at, today()),
        );
        if round > 0 {
            times.push(ms(start.elapsed()));
        }
        bytes = pdf;
    }
    Rendered {
        ms: summarize(&times).median,
        bytes,
    }
}

/// The plan of the 5× larger assessment (gaps, merged actions, dependencies, capacity, the
/// calendar, preparation tasks, the verdict) against its floor: reading the same assessment's
/// answers and scorecard, which any plan starts from.
fn schedule(ws: &Workspace, id: i64, rounds: usize) {
    let median = |f: &dyn Fn()| {
        let mut times = Vec::new();
        for round in 0..=rounds {
            let start = Instant::now();
            f();
            if round > 0 {
                times.push(ms(start.elapsed()));
            }
        }
        summarize(&times).median
    };
    let plan = check("plan", ws.plan(id, today()));
    let plan_ms = median(&|| drop(check("plan", ws.plan(id, today()))));
    let floor_ms = median(&|| drop(check("detail", ws.detail(id))));
    header(&format!(
        "Plan scheduling (median of {rounds}; floor: reading the same assessment's answers and \
         scorecard)"
    ));
    row(
        &format!(
            "schedule the plan, 5× larger assessment ({} actions, {} preparation tasks)",
            plan.actions.len(),
            plan.prep.len()
        ),
        &format!("{plan_ms:.1} ms"),
        &format!("{floor_ms:.1} ms"),
        &format!("{:.2}×", plan_ms / floor_ms),
        "≤ 50 ms",
        Some(plan_ms <= 50.0),
    );
}

struct Rendered {
    ms: f64,
    bytes: Vec<u8>,
}

/// Renders a report `rounds` times after one warm-up: the median and the last file.
fn render(ws: &Workspace, id: i64, kind: ReportKind, rounds: usize) -> Rendered {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for round in 0..=rounds {
        let start = Instant::now();
        let (_, pdf) = check("report", ws.report_pdf(id, kind, &options, at, today()));
        if round > 0 {
            times.push(ms(start.elapsed()));
        }
        bytes = pdf;
    }
    Rendered {
        ms: summarize(&times).median,
        bytes,
    }
}

/// The embedded faces, parsed once (as the report engine parses them once per process).
struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

impl Fonts {
    fn load() -> Fonts {
        let parse = |bytes| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .unwrap_or_else(|| fail("the embedded font could not be read"))
        };
        Fonts {
            regular: parse(REGULAR_TTF),
            bold: parse(BOLD_TTF),
        }
    }
}

struct Floor {
    ms: f64,
    /// The report's pages (pdftotext ends each with a form feed).
    pages: usize,
    lines: usize,
    size: usize,
}

/// The text of `report` (extracted with pdftotext, untimed) written as plain lines: the median
/// of `rounds` writes after a warm-up.
fn text_floor(fonts: &Fonts, report: &[u8], rounds: usize, scratch: &Path) -> Floor {
    let file = scratch.join("floor-source.pdf");
    check("write the report", std::fs::write(&file, report));
    let out = check(
        "pdftotext (install poppler-utils)",
        std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&file)
            .arg("-")
            .output(),
    );
    if !out.status.success() {
        fail("pdftotext could not read the report");
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let pages = text.matches('\u{c}').count();
    let lines: Vec<String> = text
        .split(['\n', '\u{c}'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let mut times = Vec::new();
    let mut size = 0;
    for round in 0..=rounds {
        let start = Instant::now();
        let pdf = plain_pdf(fonts, &lines);
        if round > 0 {
            times.push(ms(start.elapsed()));
        }
        size = pdf.len();
    }
    Floor {
        ms: summarize(&times).median,
        pages,
        lines: lines.len(),
        size,
    }
}

/// `lines` written one under the other, 60 to an A4 page, in the regular face at 9.5 pt.
fn plain_pdf(fonts: &Fonts, lines: &[String]) -> Vec<u8> {
    let mut pdf = PdfDocument::new("floor");
    let mut add = |name: &str, f: &ParsedFont| {
        let id = FontId(name.to_owned());
        pdf.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(f.clone()));
        id
    };
    let regular = add("TGREGU", &fonts.regular);
    add("TGBOLD", &fonts.bold);
    let ink = Color::Rgb(Rgb {
        r: 0.1,
        g: 0.1,
        b: 0.1,
        icc_profile: None,
    });
    let pages: Vec<PdfPage> = lines
        .chunks(60)
        .map(|chunk| {
            let mut ops = Vec::with_capacity(chunk.len() * 6);
            for (i, line) in chunk.iter().enumerate() {
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFillColor { col: ink.clone() },
                    Op::SetFont {
                        font: PdfFontHandle::External(regular.clone()),
                        size: Pt(9.5),
                    },
                    Op::SetTextCursor {
                        pos: Point {
                            x: Pt(56.0),
                            y: Pt(785.0 - 12.5 * i as f32),
                        },
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(line.clone())],
                    },
                    Op::EndTextSection,
                ]);
            }
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    pdf.with_pages(pages);
    pdf.save(&PdfSaveOptions::default(), &mut Vec::new())
}

/// A bank with `factor` copies of every question and remediation (new ids and keys, the same
/// criteria, listed in the coverage map beside their originals), so an assessment of it is
/// `factor` times as large in every part of the reports.
fn scaled(catalog: &Catalog, factor: u32) -> Catalog {
    let copy_id = |id: &str, k: u32| {
        let (prefix, number) = id.split_once('-').unwrap_or((id, "0"));
        let number: u32 = number.parse().unwrap_or(0);
        format!("{prefix}-{:03}", number + 200 * k)
    };
    let mut c = catalog.clone();
    for k in 1..factor {
        for q in &catalog.questions {
            let mut copy = q.clone();
            copy.id = copy_id(&q.id, k);
            copy.remediation = format!("{}-copy{k}", q.remediation);
            c.questions.push(copy);
        }
        for r in &catalog.remediations {
            let mut copy = r.clone();
            copy.key = format!("{}-copy{k}", r.key);
            c.remediations.push(copy);
        }
    }
    for topic in c.coverage.iter_mut().flat_map(|cov| cov.topics.iter_mut()) {
        let copies: Vec<String> = topic
            .questions
            .iter()
            .flat_map(|q| (1..factor).map(|k| copy_id(q, k)))
            .collect();
        topic.questions.extend(copies);
    }
    check("scaled catalog", c.checked())
}

/// Answers each copied question as its original was answered in the sample.
fn copy_answers_to_copies(ws: &mut Workspace, id: i64) {
    let responses = check("responses", ws.detail(id)).responses;
    let originals: HashMap<&str, &Response> = responses
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let copies: Vec<(String, String)> = ws
        .catalog
        .questions
        .iter()
        .filter_map(|q| {
            let (prefix, number) = q.id.split_once('-')?;
            let number: u32 = number.parse().ok()?;
            (number > 200).then(|| (q.id.clone(), format!("{prefix}-{:03}", number % 200)))
        })
        .collect();
    for (copy, original) in copies {
        let Some(r) = originals.get(original.as_str()) else {
            continue;
        };
        let input = SaveAnswerInput {
            assessment_id: id,
            question_id: copy,
            answer: r.answer,
            note: r.note.clone(),
            flagged: r.flagged,
            owner: r.owner.clone(),
            evidence: r.evidence.clone(),
            since: r.since,
            cadence: r.cadence,
            verified: r.verified,
        };
        check("copy answer", ws.save_answer(&input));
    }
}
