//! The control matrix as spreadsheet-safe CSV: one row per control (question) in scope, under
//! its main criterion, with the answer, whether it was verified, the evidence recorded, what
//! an auditor will ask for, and what the evidence locker holds.

use super::csv::CsvWriter;
use std::collections::HashMap;
use trustgap_domain::assessment::EvidenceRef;
use trustgap_domain::evidence::{ControlEvidence, EvidenceStatus};
use trustgap_domain::evidence_requests::EvidenceRequest;
use trustgap_domain::people::Person;

pub const CONTROLS_HEADER: [&str; 11] = [
    "criterion",
    "also_criteria",
    "question_id",
    "control",
    "answer",
    "basis",
    "evidence_recorded",
    "request_status",
    "evidence_requested",
    "owner",
    "evidence_locker",
];

/// The control matrix from the request list (`evidence_requests`), in its order, with what the
/// evidence locker holds per control (`locker`, by question id).
pub fn controls_csv(
    requests: &[EvidenceRequest],
    people: &[Person],
    locker: &HashMap<String, ControlEvidence>,
) -> String {
    let mut w = CsvWriter::new(&CONTROLS_HEADER);
    for r in requests {
        let basis = match (r.answer, r.verified) {
            (None, _) => "",
            (Some(_), true) => "verified",
            (Some(_), false) => "self-reported",
        };
        let recorded: Vec<String> = r.on_file.iter().map(EvidenceRef::display).collect();
        let recorded = if recorded.is_empty() {
            "none recorded".to_owned()
        } else {
            recorded.join("; ")
        };
        let owner = r
            .owner
            .as_ref()
            .map_or_else(String::new, |o| o.display(people));
        let requested = format!("{}. {}", r.items.join("; ").trim_end_matches('.'), r.ask);
        w.row([
            r.criterion.as_str(),
            &r.criteria
                .iter()
                .filter(|c| **c != r.criterion)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("; "),
            &r.question_id,
            &r.question,
            r.answer.map_or("Not answered", |a| a.label()),
            basis,
            &recorded,
            r.status.label(),
            &requested,
            &owner,
            &locker_text(locker.get(&r.question_id)),
        ]);
    }
    w.finish()
}

/// "2 files on file", "expired (1 file)" or "none".
fn locker_text(e: Option<&ControlEvidence>) -> String {
    let files = |n: u32| format!("{n} file{}", if n == 1 { "" } else { "s" });
    match e {
        Some(e) if e.status == EvidenceStatus::Expired => format!("expired ({})", files(e.files)),
        Some(e) => format!("{} on file", files(e.files)),
        None => "none".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trustgap_domain::assessment::{Answer, EvidenceRef};
    use trustgap_domain::evidence_requests::RequestStatus;
    use trustgap_domain::people::Owner;

    fn request(id: &str) -> EvidenceRequest {
        EvidenceRequest {
            criterion: "CC6.1".into(),
            criteria: vec!["CC6.1".into(), "CC6.2".into()],
            question_id: id.into(),
            question: "Is MFA enforced?".into(),
            answer: Some(Answer::Implemented),
            status: RequestStatus::ReadyToCollect,
            late: false,
            verified: true,
            owner: Some(Owner::role("CTO")),
            items: vec!["=HYPERLINK(\"http://x\")".into(), "Policy, signed".into()],
            ask: "The evidence shows it.".into(),
            cadence: None,
            runs_in_period: None,
            remediation: None,
            on_file: vec![EvidenceRef {
                description: "@export".into(),
                link: "https://wiki/mfa".into(),
            }],
        }
    }

    #[test]
    fn one_row_per_control_with_hostile_text_defused() {
        let mut unanswered = request("ACC-002");
        unanswered.answer = None;
        unanswered.verified = false;
        unanswered.on_file.clear();
        unanswered.owner = None;
        let locker = HashMap::from([(
            "ACC-001".to_owned(),
            ControlEvidence {
                files: 2,
                status: EvidenceStatus::Expired,
            },
        )]);
        let csv = controls_csv(&[request("ACC-001"), unanswered], &[], &locker);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3, "{csv}");
        assert_eq!(lines[0], format!("\u{feff}{}", CONTROLS_HEADER.join(",")));
        assert!(lines[1].starts_with("CC6.1,CC6.2,ACC-001,Is MFA enforced?,Implemented,verified,"));
        assert!(
            lines[1].contains("'@export (https://wiki/mfa)"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].contains("\"'=HYPERLINK(\"\"http://x\"\")"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].ends_with(",CTO — not yet named,expired (2 files)"),
            "{}",
            lines[1]
        );
        assert!(lines[2].ends_with(",none"), "{}", lines[2]);
        assert!(
            lines[2].contains(",Not answered,,none recorded,"),
            "{}",
            lines[2]
        );
    }
}
