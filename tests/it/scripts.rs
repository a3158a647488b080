//! Reports in any script: Japanese names drawn with an installed font (the test machine has
//! IPAGothic, scripts/lib.sh), Hebrew and Arabic in reading order, "?" and a warning only for a
//! character no installed font has, and byte-identical files whatever the process drew before.
//! Read back with poppler as a reader's viewer would.

use crate::reports::{today, when};
use crate::support::{binary, stderr, tool, workspace, TempWorkspace};
use std::path::{Path, PathBuf};
use std::process::Command;
use trustgap_domain::assessment::Answer;
use trustgap_domain::catalog::CategoryId;
use trustgap_domain::plan::{AuditProfile, AuditType};
use trustgap_workspace::SaveAnswerInput;
use trustgap_workspace::{NewAssessmentInput, RenderedPdf, ReportKind, ReportOptions};

const JAPANESE: &str = "株式会社テスト";
const HEBREW: &str = "שלום Ltd";
/// The last private-use code point of plane 16: no font on the test machine draws it.
const NO_FONT: char = '\u{10FFFD}';

/// A workspace with one assessment for `client`, a few answers (one note in `note`), its id.
fn assessment(client: &str, note: &str) -> (TempWorkspace, i64) {
    let mut t = workspace();
    let c = t.ws.create_client(client).expect("client");
    let a =
        t.ws.create_assessment(&NewAssessmentInput {
            new_client_name: None,
            scoping_yes: Vec::new(),
            client_id: c.id,
            name: "SOC 2 Type I readiness".into(),
            scope: vec![CategoryId::Availability],
            profile: AuditProfile {
                audit_type: AuditType::Type1,
                target_date: None,
                observation_start: None,
            },
            company: Default::default(),
        })
        .expect("assessment");
    let ids: Vec<String> =
        t.ws.catalog
            .questions_in(&[CategoryId::Security])
            .take(6)
            .map(|q| q.id.clone())
            .collect();
    for (i, id) in ids.iter().enumerate() {
        t.ws.save_answer(&SaveAnswerInput {
            assessment_id: a.id,
            question_id: id.clone(),
            answer: Some(Answer::ALL[i % Answer::ALL.len()]),
            note: note.to_owned(),
            ..SaveAnswerInput::default()
        })
        .expect("answer");
    }
    (t, a.id)
}

fn readiness(t: &TempWorkspace, id: i64) -> RenderedPdf {
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    t.ws.render_report(id, ReportKind::Readiness, &options, when(), today())
        .expect("report")
}

fn save(t: &TempWorkspace, name: &str, bytes: &[u8]) -> PathBuf {
    let path = t.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    // A copy to look at: pdftoppm -png -r 60 -f 1 -l 2 target/tmp/<name> /tmp/x
    let _ = std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join(name), bytes);
    path
}

fn text(path: &Path) -> String {
    tool("pdftotext", &[path.to_str().expect("utf8"), "-"])
}

/// pdffonts rows: (name, embedded, subset).
fn fonts(path: &Path) -> Vec<(String, bool, bool)> {
    tool("pdffonts", &[path.to_str().expect("utf8")])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // name type [type2] encoding emb sub uni object ID: emb/sub/uni are the yes/no
            // columns before the last two.
            let n = cols.len();
            (
                cols[0].to_owned(),
                cols[n.saturating_sub(5)] == "yes",
                cols[n.saturating_sub(4)] == "yes",
            )
        })
        .collect()
}

/// The bounding box (points, top-left origin) of the first word pdftotext finds equal to
/// `word` on page 1.
fn word_box(path: &Path, word: &str) -> Option<(f32, f32, f32, f32)> {
    let html = tool(
        "pdftotext",
        &[
            "-bbox",
            "-f",
            "1",
            "-l",
            "1",
            path.to_str().expect("utf8"),
            "-",
        ],
    );
    html.lines().find_map(|l| {
        let l = l.trim();
        let inner = l.strip_prefix("<word ")?;
        let (attrs, rest) = inner.split_once('>')?;
        if rest.strip_suffix("</word>")? != word {
            return None;
        }
        let get = |key: &str| -> Option<f32> {
            let at = attrs.find(&format!("{key}=\""))? + key.len() + 2;
            attrs[at..].split('"').next()?.parse().ok()
        };
        Some((get("xMin")?, get("yMin")?, get("xMax")?, get("yMax")?))
    })
}

/// Renders page 1 at 72 dpi in grey (one pixel per point) and counts the pixels inside `b`
/// that differ clearly from the box's most common shade (its background): ink.
fn ink_in(path: &Path, b: (f32, f32, f32, f32)) -> (usize, usize) {
    let prefix = path.with_extension("cover");
    let p = prefix.to_str().expect("utf8");
    tool(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "72",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path.to_str().expect("utf8"),
            p,
        ],
    );
    let pgm = std::fs::read(format!("{p}.pgm")).expect("pgm");
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let width: usize = fields[1].parse().expect("width");
    let pixels = &pgm[at + 1..];
    let (x0, y0, x1, y1) = (
        b.0 as usize,
        b.1 as usize,
        b.2.ceil() as usize,
        b.3.ceil() as usize,
    );
    let area: Vec<u8> = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| pixels[y * width + x]))
        .collect();
    let mut counts = [0usize; 256];
    for &v in &area {
        counts[usize::from(v)] += 1;
    }
    let background = (0..256).max_by_key(|&v| counts[v]).unwrap_or(255) as i32;
    let ink = area
        .iter()
        .filter(|&&v| (i32::from(v) - background).abs() > 60)
        .count();
    (ink, area.len())
}

#[test]
fn a_japanese_client_prints_in_an_embedded_ipa_subset_on_the_report_and_the_summary() {
    let (t, id) = assessment(JAPANESE, "確認済み: 年次レビュー");
    let report = readiness(&t, id);
    assert!(
        report.missing_glyphs.is_empty(),
        "{:?}",
        report.missing_glyphs
    );
    assert!(report.warnings().is_empty());
    let summary = t.ws.render_summary(id, when()).expect("summary");
    assert!(
        summary.missing_glyphs.is_empty(),
        "{:?}",
        summary.missing_glyphs
    );

    for (name, bytes) in [
        ("ja-report.pdf", &report.bytes),
        ("ja-summary.pdf", &summary.bytes),
    ] {
        let path = save(&t, name, bytes);
        let text = text(&path);
        assert!(text.contains(JAPANESE), "{name}: {text}");
        // No "?" stands in for a character of the name anywhere it is printed.
        for line in text.lines().filter(|l| l.contains("株式会社")) {
            assert!(!line.contains('?'), "{name}: {line}");
        }
        assert!(!text.contains("????"), "{name}");
        let fonts = fonts(&path);
        assert!(
            fonts
                .iter()
                .any(|(f, emb, sub)| f.contains("+IPA") && *emb && *sub),
            "{name}: an embedded IPA subset: {fonts:?}"
        );
        assert!(fonts.iter().all(|(_, emb, _)| *emb), "{name}: {fonts:?}");
        // The name on page 1 is drawn: its box holds ink, not an empty background.
        let b = word_box(&path, JAPANESE).unwrap_or_else(|| panic!("{name}: the name's box"));
        let (ink, area) = ink_in(&path, b);
        assert!(
            area > 0 && ink * 20 > area,
            "{name}: {ink} of {area} pixels inked"
        );
    }
    // The appendix prints the Japanese note too.
    assert!(text(&save(&t, "ja-again.pdf", &report.bytes)).contains("年次レビュー"));
}

/// pdftotext reads right-to-left text back in logical order: poppler sorts the characters of a
/// line by position, sees that they are right-to-left (from their Unicode values, which the
/// ToUnicode maps give) and emits such a run from right to left. So a name drawn correctly
/// (in visual order) extracts as the text the user typed; drawn in logical order, left to right
/// as before this change, it would extract reversed.
#[test]
fn hebrew_and_arabic_names_print_in_reading_order() {
    let client = format!("{HEBREW} / محمد");
    let (t, id) = assessment(&client, "Ольга and 김민준 reviewed this");
    let report = readiness(&t, id);
    let path = save(&t, "he-report.pdf", &report.bytes);
    let text = text(&path);
    assert!(text.contains("שלום"), "{text}");
    assert!(!text.contains("םולש"), "drawn in logical order: {text}");
    assert!(text.contains("محمد") && !text.contains("دمحم"), "{text}");
    assert!(text.contains("Ольга"), "{text}");
    // Hebrew and Arabic are in DejaVu Sans: no "?" unless Korean has no installed font.
    let korean: Vec<char> = "김민준".chars().collect();
    assert!(
        report.missing_glyphs.iter().all(|c| korean.contains(c)),
        "{:?}",
        report.missing_glyphs
    );
    let summary = t.ws.render_summary(id, when()).expect("summary");
    let summary_path = save(&t, "he-summary.pdf", &summary.bytes);
    let summary_text = self::text(&summary_path);
    assert!(summary_text.contains("שלום"), "{summary_text}");
    assert!(
        summary.missing_glyphs.is_empty(),
        "{:?}",
        summary.missing_glyphs
    );
    let b = word_box(&summary_path, "Ltd").expect("the Latin word's box");
    assert!(ink_in(&summary_path, b).0 > 0);
}

#[test]
fn a_character_no_font_has_prints_as_a_question_mark_with_a_warning() {
    let client = format!("Acme {NO_FONT} Ltd");
    let (t, id) = assessment(&client, "fine");
    let report = readiness(&t, id);
    assert_eq!(report.missing_glyphs, vec![NO_FONT]);
    let warnings = report.warnings();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("U+10FFFD"), "{warnings:?}");
    let path = save(&t, "missing.pdf", &report.bytes);
    assert!(text(&path).contains("Acme ? Ltd"));
    let summary = t.ws.render_summary(id, when()).expect("summary");
    assert_eq!(summary.missing_glyphs, vec![NO_FONT]);

    // The command line writes the file, warns on stderr and succeeds.
    let out = t.dir.path().join("cli.pdf");
    let o = Command::new(binary())
        .args([
            "report",
            "readiness",
            "--assessment",
            &id.to_string(),
            "--out",
        ])
        .arg(&out)
        .env("TRUSTGAP_DATA_DIR", t.dir.path())
        .output()
        .expect("run trustgap");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: ") && l.contains("U+10FFFD")),
        "{err}"
    );
    assert!(out.exists());
}

#[test]
fn equal_data_and_stamp_give_equal_bytes_in_any_process() {
    let (t, id) = assessment(&format!("{JAPANESE} {HEBREW}"), "年次レビュー");
    // Draw something else first, so this process has met other fonts before.
    let _ = t.ws.render_summary(id, when()).expect("summary");
    let a = readiness(&t, id).bytes;
    let b = readiness(&t, id).bytes;
    assert!(a == b, "two renders in one process differ");
    // A fresh process with the same stamp writes the same file. The command line issues the
    // report as version 1.0, so the app's side is rendered again once that version is recorded.
    let out = t.dir.path().join("fresh.pdf");
    let o = Command::new(binary())
        .args([
            "report",
            "readiness",
            "--assessment",
            &id.to_string(),
            "--out",
        ])
        .arg(&out)
        .env("TRUSTGAP_DATA_DIR", t.dir.path())
        .env("SOURCE_DATE_EPOCH", when().timestamp().to_string())
        .output()
        .expect("run trustgap");
    assert!(o.status.success(), "{}", stderr(&o));
    let fresh = std::fs::read(&out).expect("read");
    let again = readiness(&t, id).bytes;
    assert!(again != a, "the issued version is printed");
    assert!(
        fresh == again,
        "the command line's file differs from the app's"
    );
}
