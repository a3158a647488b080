//! White-label branding: the firm's name, logo, accent, footer and disclaimer on every page of
//! every document, a client's override over the workspace's, hostile logo files, determinism,
//! who led the assessment, and the `trustgap branding` command.

use crate::reports::{sample, today, when};
use crate::support::{cli, stderr, stdout, tool, TempWorkspace};
use std::path::{Path, PathBuf};
use trustgap_domain::signoff::LedBy;
use trustgap_workspace::{BrandingInput, ReportKind, ReportOptions, TextEdit, UpdateDetailsInput};

/// A PNG logo of `width` × `height` (RGBA, a diagonal stripe on transparency), made here.
pub fn png_logo(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().expect("png header");
    let data: Vec<u8> = (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .flat_map(|(x, y)| {
            let on = (x + y) % 12 < 6 || y < height / 3;
            [11, 110, 79, if on { 255 } else { 0 }]
        })
        .collect();
    w.write_image_data(&data).expect("png data");
    drop(w);
    out
}

pub const FIRM: &str = "Meridian Assurance";
const FOOTER: &str = "Meridian Assurance LLP · 1 Harbour Street, Leeds · meridian.example";
const DISCLAIMER: &str = "Prepared for the client's management under our engagement letter. \
    No other party may rely on it.";

/// Sets the workspace's branding: firm, accent, footer, disclaimer and a logo.
pub fn brand(t: &mut TempWorkspace) {
    let set = |s: &str| TextEdit::Set(s.to_owned());
    t.ws.set_branding(
        None,
        &BrandingInput {
            firm: set(FIRM),
            accent: set("#0B6E4F"),
            footer: set(FOOTER),
            disclaimer: set(DISCLAIMER),
            clear_logo: false,
        },
    )
    .expect("branding");
    t.ws.set_logo(None, &png_logo(240, 80)).expect("logo");
}

fn pages(p: &Path) -> usize {
    tool("pdfinfo", &[&p.display().to_string()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_text(p: &Path, page: usize) -> String {
    let n = page.to_string();
    tool(
        "pdftotext",
        &["-layout", "-f", &n, "-l", &n, &p.display().to_string(), "-"],
    )
}

/// The pages `pdfimages -list` finds an image on.
fn image_pages(p: &Path) -> Vec<usize> {
    tool("pdfimages", &["-list", &p.display().to_string()])
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

/// The three documents of the sample, issued, written beside the workspace.
fn issue_all(t: &mut TempWorkspace, id: i64) -> Vec<PathBuf> {
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    let mut files = Vec::new();
    for kind in [ReportKind::Readiness, ReportKind::Plan] {
        let (issued, _) =
            t.ws.issue_report(id, kind, &options, "", when(), today())
                .expect("report");
        let name = issued.name.clone();
        let bytes = issued.bytes;
        files.push((name, bytes));
    }
    let (issued, _) =
        t.ws.issue_summary(id, "", when(), today())
            .expect("summary");
    let name = issued.name.clone();
    let bytes = issued.bytes;
    files.push((name, bytes));
    files
        .into_iter()
        .map(|(name, bytes)| {
            let path = t.dir.path().join(name);
            std::fs::write(&path, &bytes).expect("write");
            let _ = std::fs::write(
                Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
                    "branded-{}",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                )),
                &bytes,
            );
            path
        })
        .collect()
}

#[test]
fn a_firms_branding_is_on_every_page_of_every_document() {
    let (mut t, id) = sample();
    brand(&mut t);
    for path in issue_all(&mut t, id) {
        let n = pages(&path);
        let with_images = image_pages(&path);
        for page in 1..=n {
            let text = page_text(&path, page);
            let at = format!("{} page {page}", path.display());
            assert!(!text.contains("Prepared with Trustgap"), "{at}: {text}");
            assert!(
                text.contains(&format!("Prepared by {FIRM}")),
                "{at}: {text}"
            );
            assert!(
                with_images.contains(&page),
                "{at}: no logo ({with_images:?})"
            );
            // The cover carries no running footer; every other page does.
            if page > 1 || n == 1 {
                assert!(text.contains("Meridian Assurance LLP"), "{at}: {text}");
            }
        }
        // The multi-page reports print the disclaimer on the cover (the one-page summary has
        // no room for it).
        let cover = page_text(&path, 1);
        assert_eq!(
            cover.contains("Prepared for the client's management"),
            n > 1,
            "{cover}"
        );
        let info = tool("pdfinfo", &[&path.display().to_string()]);
        assert!(
            info.contains(FIRM),
            "the author or creator names the firm: {info}"
        );
    }
}

#[test]
fn without_a_firm_the_documents_say_prepared_with_trustgap() {
    let (mut t, id) = sample();
    let (_, bytes) = t.ws.summary_pdf(id, when()).expect("summary");
    let path = t.dir.path().join("plain.pdf");
    std::fs::write(&path, bytes).expect("write");
    assert!(page_text(&path, 1).contains("Prepared with Trustgap"));
    assert!(image_pages(&path).is_empty(), "no logo, no image");
    let view = t.ws.branding(None).expect("branding");
    assert_eq!(view.effective.firm, None);
    let _ = &mut t;
}

#[test]
fn a_clients_override_wins_and_clearing_it_inherits_again() {
    let (mut t, id) = sample();
    brand(&mut t);
    let client = t.ws.detail(id).expect("detail").summary.client_id;
    let view =
        t.ws.set_branding(
            Some(client),
            &BrandingInput {
                firm: TextEdit::Set("Meridian Japan KK".into()),
                ..BrandingInput::default()
            },
        )
        .expect("override");
    assert_eq!(view.own.firm.as_deref(), Some("Meridian Japan KK"));
    assert_eq!(view.own.footer, None, "not overridden: inherited");
    assert_eq!(view.effective.footer.as_deref(), Some(FOOTER));
    let print = |t: &TempWorkspace| {
        let (_, bytes) = t.ws.summary_pdf(id, when()).expect("summary");
        let path = t.dir.path().join("s.pdf");
        std::fs::write(&path, bytes).expect("write");
        page_text(&path, 1)
    };
    let text = print(&t);
    assert!(text.contains("Prepared by Meridian Japan KK"), "{text}");
    assert!(!text.contains(&format!("Prepared by {FIRM}.")), "{text}");
    t.ws.clear_branding(Some(client)).expect("clear");
    assert!(print(&t).contains(&format!("Prepared by {FIRM}")));
}

#[test]
fn hostile_logo_files_are_refused_and_nothing_changes() {
    let (mut t, _) = sample();
    brand(&mut t);
    let before = t.ws.branding(None).expect("branding");
    let dir = t.dir.path().to_owned();
    let mut huge_png = png_logo(4, 4);
    huge_png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    huge_png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let mut over = png_logo(8, 8);
    over.resize(1024 * 1024 + 1, 0);
    let truncated_jpeg = {
        let mut j = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
        j.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        j.extend([0xff, 0xc0, 0, 17, 8, 0, 8, 0, 16, 3, 1, 0x11, 0]);
        j
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("over-1mb.png", over),
        ("logo.gif", b"GIF89a\x10\x00\x10\x00\x80\x00\x00".to_vec()),
        ("huge.png", huge_png),
        ("cut.jpg", truncated_jpeg),
        ("empty.png", Vec::new()),
        ("script.png", b"<script>alert(1)</script>".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).expect("write");
        let e = t.ws.set_logo_file(None, &path).expect_err(name);
        assert_eq!(e.code, trustgap_workspace::ErrorCode::Validation, "{name}");
        assert!(
            e.message.ends_with('.'),
            "{name}: a sentence: {}",
            e.message
        );
        assert_eq!(t.ws.branding(None).expect("branding"), before, "{name}");
    }
    let e =
        t.ws.set_logo_file(None, &dir.join("missing.png"))
            .expect_err("missing");
    assert_eq!(e.code, trustgap_workspace::ErrorCode::Io);
    for (bad, what) in [("#12345", "accent"), ("navy", "accent"), ("a\nb", "footer")] {
        let input = if what == "accent" {
            BrandingInput {
                accent: TextEdit::Set(bad.into()),
                ..BrandingInput::default()
            }
        } else {
            BrandingInput {
                footer: TextEdit::Set(bad.into()),
                ..BrandingInput::default()
            }
        };
        assert!(t.ws.set_branding(None, &input).is_err(), "{bad}");
    }
}

#[test]
fn a_light_accent_is_darkened_for_text_and_says_so() {
    let (mut t, _) = sample();
    let view =
        t.ws.set_branding(
            None,
            &BrandingInput {
                accent: TextEdit::Set("#FFE066".into()),
                ..BrandingInput::default()
            },
        )
        .expect("accent");
    let note = view.accent_note.expect("a note about legibility");
    assert!(
        note.contains("#FFE066") && note.contains("darker"),
        "{note}"
    );
}

#[test]
fn branded_reports_are_identical_for_the_same_data_and_stamp() {
    let (mut t, id) = sample();
    brand(&mut t);
    let options = ReportOptions::default();
    for kind in [ReportKind::Readiness, ReportKind::Plan] {
        let a =
            t.ws.report_pdf(id, kind, &options, when(), today())
                .expect("a");
        let b =
            t.ws.report_pdf(id, kind, &options, when(), today())
                .expect("b");
        assert!(a.1 == b.1, "{kind:?} differs");
    }
    let a = t.ws.summary_pdf(id, when()).expect("a");
    let b = t.ws.summary_pdf(id, when()).expect("b");
    assert!(a.1 == b.1, "summary differs");
}

#[test]
fn who_led_the_assessment_is_said_everywhere() {
    let (mut t, id) = sample();
    let summary = t.ws.detail(id).expect("detail").summary;
    let mut company = summary.company.clone();
    company.led_by = LedBy::Assessor;
    company.assessor = "Ana Ruiz".into();
    company.assessor_firm = FIRM.into();
    t.ws.update_details(&UpdateDetailsInput {
        id,
        name: summary.name.clone(),
        company,
        scope: summary.scope.clone(),
        scoping_yes: Vec::new(),
    })
    .expect("led by");
    let (_, bytes) =
        t.ws.report_pdf(
            id,
            ReportKind::Readiness,
            &ReportOptions::default(),
            when(),
            today(),
        )
        .expect("report");
    let path = t.dir.path().join("led.pdf");
    std::fs::write(&path, bytes).expect("write");
    let all = tool("pdftotext", &[&path.display().to_string(), "-"]);
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("led by Ana Ruiz of {FIRM}")),
        "cover notice"
    );
    assert!(flat.contains(&format!("This assessment was led by Ana Ruiz of {FIRM}")));
    assert!(
        !flat.contains("It records a self-assessment"),
        "not a self-assessment"
    );
    assert!(
        flat.contains("readiness assessment, not an audit opinion"),
        "footer"
    );
}

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let o = cli(dir, args);
    (o.status.success(), stdout(&o), stderr(&o))
}

#[test]
fn the_branding_command_prints_sets_overrides_and_clears() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (ok, out, _) = run(d, &["branding"]);
    assert!(ok && out.contains("(not set)"), "{out}");
    let logo = d.join("logo.png");
    std::fs::write(&logo, png_logo(120, 40)).expect("logo");
    let logo_arg = logo.display().to_string();
    let (ok, out, err) = run(
        d,
        &[
            "branding", "--firm", FIRM, "--accent", "#0b6e4f", "--logo", &logo_arg,
        ],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains(FIRM) && out.contains("#0B6E4F") && out.contains("PNG 120x40"),
        "{out}"
    );
    let (ok, _, err) = run(d, &["branding", "--accent", "green"]);
    assert!(!ok && err.contains("#RRGGBB"), "{err}");
    let gif = d.join("logo.gif");
    std::fs::write(&gif, b"GIF89a").expect("gif");
    let (ok, _, err) = run(d, &["branding", "--logo", &gif.display().to_string()]);
    assert!(!ok && err.contains("PNG or JPEG"), "{err}");
    let (ok, out, _) = run(d, &["demo"]);
    assert!(ok, "{out}");
    let (_, list, _) = run(d, &["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&list).expect("json");
    let client = v["assessments"][0]["client_id"]
        .as_i64()
        .expect("a client id")
        .to_string();
    let (ok, out, err) = run(
        d,
        &["branding", "--client", &client, "--footer", "Tokyo office"],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("Tokyo office") && out.contains("[inherited]"),
        "{out}"
    );
    let (ok, out, _) = run(d, &["branding", "--client", &client, "--clear"]);
    assert!(ok && !out.contains("Tokyo office"), "{out}");
    let (ok, out, _) = run(d, &["branding", "--clear"]);
    assert!(ok && !out.contains(FIRM), "{out}");
}
