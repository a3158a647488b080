//! The readiness report as Word, read back with python-docx: its chapters and appendices as
//! real headings, the gap register and the control matrix as tables whose header rows repeat,
//! every sentence also in the PDF, and the same bytes for the same data and stamp.

use crate::plan_word::{normalise, PLAN_FACTS};
use crate::readers::read_with;
use crate::reports::{keep, sample, today, when};
use crate::support::tool;
use trustgap_workspace::{DocFormat, ReportKind, ReportOptions};

#[test]
fn the_readiness_report_in_word_has_its_chapters_tables_and_sentences() {
    let (t, id) = sample();
    let options = ReportOptions {
        include_appendix: true,
        snapshot_id: None,
    };
    let render = |format| {
        t.ws.report_as(id, ReportKind::Readiness, format, &options, when(), today())
            .expect("report")
    };
    let (name, bytes) = render(DocFormat::Docx);
    assert_eq!(
        name,
        "Brightwave Analytics (sample) - SOC 2 readiness report.docx"
    );
    assert!(render(DocFormat::Docx).1 == bytes, "two renders differ");
    let path = t.dir.path().join(&name);
    std::fs::write(&path, &bytes).expect("write");
    keep("report-readiness.docx", &bytes);
    let facts = read_with(PLAN_FACTS, &path);
    let paras = facts["paras"].as_array().expect("paragraphs");
    let styled = |style: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|p| p["style"] == style)
            .map(|p| p["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let chapters = styled("Heading 1");
    let expected_start = [
        "1 Executive summary",
        "2 Scope and approach",
        "3 About the audit",
        "4 Results by category",
        "5 Gap register",
        "6 Detailed findings",
    ];
    let expected_end = [
        "Appendix A Control matrix",
        "Appendix B Evidence requests",
        "Appendix C All answers",
        "Appendix D Glossary",
    ];
    assert!(
        chapters.starts_with(&expected_start.map(String::from)),
        "{chapters:?}"
    );
    assert!(
        chapters.ends_with(&expected_end.map(String::from)),
        "{chapters:?}"
    );
    assert_eq!(styled("Title"), vec!["Readiness report"]);
    assert_eq!(
        facts["title"],
        "SOC 2 readiness report: Brightwave Analytics (sample)"
    );
    let sections = styled("Heading 2");
    for expected in ["1.1 Readiness by category", "4.2 Heat map of criteria"] {
        assert!(
            sections.iter().any(|s| s == expected),
            "{expected}: {sections:?}"
        );
    }

    let plan = t.ws.plan(id, today()).expect("plan");
    let tables = facts["tables"].as_array().expect("tables");
    let headed = |first: &[&str]| {
        tables
            .iter()
            .find(|t| {
                let row = t["rows"][0]["texts"].as_array().expect("cells");
                first.iter().zip(row).all(|(a, b)| b == a) && row.len() >= first.len()
            })
            .unwrap_or_else(|| panic!("no table headed {first:?}"))
    };
    // The gap register: one row per gap under a repeating header, most severe first.
    let register = headed(&["Ref", "Severity", "Gap", "Criteria", "Action"]);
    assert_eq!(register["header"], true);
    let rows = register["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), plan.gaps.len() + 1);
    assert_eq!(rows[1]["texts"][0], "G01");
    assert_eq!(
        rows[1]["texts"][1],
        plan.gaps[0].severity.label().to_uppercase()
    );
    // The control matrix: every answer says whether it was verified or self-reported.
    let matrix = headed(&["Criterion", "ID", "Control", "Answer", "Evidence"]);
    assert_eq!(matrix["header"], true);
    let answers: Vec<&str> = matrix["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .skip(1)
        .filter_map(|r| r["texts"][3].as_str())
        .filter(|s| !s.is_empty())
        .collect();
    assert!(
        answers.iter().any(|s| s.ends_with("Verified")),
        "{answers:?}"
    );
    assert!(
        answers.iter().any(|s| s.ends_with("Self-reported")),
        "{answers:?}"
    );

    // Every heading and paragraph of the Word file is printed in the PDF as well.
    let (_, pdf) = render(DocFormat::Pdf);
    let pdf_path = t.dir.path().join("readiness.pdf");
    std::fs::write(&pdf_path, &pdf).expect("write");
    let text = normalise(&tool("pdftotext", &[pdf_path.to_str().expect("utf8"), "-"]));
    for p in paras {
        let s = normalise(p["text"].as_str().unwrap_or_default());
        // The cover's foot line sits in two corners of the PDF page, and the contents field is
        // Word's own.
        let apart = s.contains(" · Question bank") || s.starts_with("Contents:");
        if s.is_empty() || apart {
            continue;
        }
        let probe: String = s.chars().take(50).collect();
        assert!(
            text.contains(probe.trim()),
            "{probe:?} is in the Word report but not the PDF"
        );
    }
}
