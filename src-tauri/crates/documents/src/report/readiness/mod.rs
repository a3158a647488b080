//! The multi-page SOC 2 readiness report: cover, document control, contents, executive summary,
//! scope and approach, about the audit, results by category, gap register, detailed findings,
//! policy coverage (when given the policy pack) and appendices (control matrix, evidence requests, and optionally every answer and a glossary).
//!
//! Built once on the document model (PDF through the layout engine, Word through `word::docx`):
//! each chapter lives in its own module and returns its blocks; this module orders them and
//! numbers them.

mod appendix;
mod audit_notes;
mod findings;
mod matrix;
mod policies;
mod progress;
mod requests;
mod results;
mod scope;
mod summary;

use super::context::ReportContext;
use super::control::{control_blocks, sign_off_blocks};
use super::front::{cover_of, CoverText, MARKING};
use super::model::document_report;
use super::{Report, ReportError};
use crate::doc::{Block, Document, Meta};
use trustgap_domain::assessment::Scope;
use trustgap_domain::catalog::Question;
use trustgap_domain::evidence_requests::listed_under;
use trustgap_domain::snapshot::Comparison;

/// What the reader chose to include.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadinessOptions<'a> {
    /// The appendices with every answer and the glossary (the control matrix and the evidence
    /// requests are always included).
    pub include_appendix: bool,
    /// A "progress since" chapter against this comparison with a snapshot.
    pub progress: Option<&'a Comparison>,
}

pub const TITLE: &str = "SOC 2 readiness report";

/// The ids of the questions in `questions` that support `criterion` (as any of their criteria):
/// what a criterion with no question of its own is addressed by.
fn supporting<'q>(questions: &[&'q Question], criterion: &str) -> Vec<&'q str> {
    questions
        .iter()
        .filter(|q| q.criteria.iter().any(|c| c == criterion))
        .map(|q| q.id.as_str())
        .collect()
}

/// The criteria `q` supports besides the one it is listed under (its main criterion in scope).
fn also_supports<'q>(ctx: &ReportContext<'_>, scope: &Scope, q: &'q Question) -> Vec<&'q str> {
    let here = listed_under(ctx.catalog, scope, q);
    q.criteria
        .iter()
        .map(String::as_str)
        .filter(|c| *c != here)
        .collect()
}

/// Numbers chapters in reading order: 1, 2, 3… then appendices A, B.
pub(crate) struct Numbers {
    chapter: usize,
    appendix: u8,
}

impl Numbers {
    fn new() -> Numbers {
        Numbers {
            chapter: 0,
            appendix: 0,
        }
    }

    pub(crate) fn chapter(&mut self) -> String {
        self.chapter += 1;
        self.chapter.to_string()
    }

    pub(crate) fn appendix(&mut self) -> String {
        let letter = char::from(b'A' + self.appendix);
        self.appendix += 1;
        letter.to_string()
    }
}

const GUIDE: &[(&str, &str)] = &[
    (
        "Executive summary",
        "The verdict in plain words: how ready the company is, the biggest risks and what to do first.",
    ),
    (
        "Scope and approach",
        "Which Trust Services Categories were assessed and why, the audit being prepared for, and how the score is calculated.",
    ),
    (
        "About the audit",
        "How the cloud provider is treated, management's system description and assertion, who may issue a SOC 2 report, and independence.",
    ),
    (
        "Results by category",
        "Scores by category, criterion group and criterion, with a heat map of the weak spots.",
    ),
    (
        "Gap register",
        "Every control answered as partial, missing or unknown, most severe first, with the action that closes it.",
    ),
    (
        "Detailed findings",
        "Each question by criterion: the answer given, notes, not-applicable justifications and the evidence on file.",
    ),
    (
        "Appendices",
        "The control matrix (every control, its answer, whether it was verified and the evidence recorded) and the evidence an auditor will request for each control.",
    ),
];

/// The guide's line for the policy chapter, present when the report is given the pack.
const POLICY_GUIDE: &str = "How many policies are approved, the clauses still planned, and which policy supports each criterion in scope.";

/// The guide's line for the optional appendices.
const MORE_APPENDICES: &str = " Every answer in one table, and a glossary of the terms used.";

/// The readiness report as a model document: cover, document control, sign-off, contents, the
/// chapters and the appendices.
pub fn readiness_document(
    ctx: &ReportContext<'_>,
    options: ReadinessOptions<'_>,
) -> Result<Document, ReportError> {
    let mut n = Numbers::new();
    let cover = cover_of(
        ctx,
        &CoverText {
            kicker: "SOC 2 READINESS ASSESSMENT",
            title: "Readiness report",
        },
    )?;
    let mut guide: Vec<(&str, String)> = GUIDE.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
    if let (true, Some(last)) = (options.include_appendix, guide.last_mut()) {
        last.1.push_str(MORE_APPENDICES);
    }
    if options.progress.is_some() {
        guide.insert(
            1,
            (
                "Progress",
                "What changed since the snapshot chosen: scores then and now, gaps closed and \
                 opened."
                    .to_owned(),
            ),
        );
    }
    if !ctx.policies.is_empty() {
        let at = guide.len() - 1;
        guide.insert(at, (policies::TITLE, POLICY_GUIDE.to_owned()));
    }
    let guide: Vec<(&str, &str)> = guide.iter().map(|(k, v)| (*k, v.as_str())).collect();

    let mut blocks = vec![Block::Cover(cover)];
    blocks.extend(control_blocks(ctx, TITLE, &guide));
    blocks.extend(sign_off_blocks(ctx, TITLE));
    blocks.extend([Block::FrontPage("Contents".to_owned()), Block::Contents]);
    blocks.extend(summary::executive_summary(ctx, &n.chapter()));
    if let Some(cmp) = options.progress {
        blocks.extend(progress::progress(ctx, cmp, &n.chapter()));
    }
    blocks.extend(scope::scope_and_approach(ctx, &n.chapter()));
    blocks.extend(audit_notes::about_the_audit(ctx, &n.chapter()));
    blocks.extend(results::results_by_category(ctx, &n.chapter()));
    blocks.extend(findings::gap_register(ctx, &n.chapter()));
    blocks.extend(findings::detailed_findings(ctx, &n.chapter()));
    if !ctx.policies.is_empty() {
        blocks.extend(policies::policy_coverage(ctx, &n.chapter()));
    }
    blocks.extend(matrix::control_matrix(ctx, &n.appendix()));
    blocks.extend(requests::evidence_request_list(ctx, &n.appendix()));
    if options.include_appendix {
        blocks.extend(appendix::all_answers(ctx, &n.appendix()));
        blocks.extend(appendix::glossary(&n.appendix()));
    }
    Ok(Document {
        meta: meta(ctx),
        blocks,
    })
}

/// Lays out the readiness report (PDF).
pub fn readiness_report(
    ctx: &ReportContext<'_>,
    options: ReadinessOptions<'_>,
) -> Result<Report, ReportError> {
    document_report(&readiness_document(ctx, options)?)
}

fn meta(ctx: &ReportContext<'_>) -> Meta {
    Meta {
        title: format!("{TITLE}: {}", ctx.client),
        subject: format!(
            "SOC 2 gap assessment of {} ({}): readiness, gaps and findings",
            ctx.assessment,
            ctx.scope_names()
        ),
        keywords: vec![
            "SOC 2".to_owned(),
            "readiness".to_owned(),
            "gap assessment".to_owned(),
            ctx.client.to_owned(),
        ],
        author: ctx.prepared_by(),
        generated_at: ctx.generated_at,
        running_head: format!("{} · {TITLE}", ctx.client),
        marking: MARKING.to_owned(),
        footer: ctx.footer_line(if ctx.company.assessor_led() {
            "readiness assessment, not an audit opinion"
        } else {
            "self-assessment, not an audit opinion"
        }),
        branding: ctx.branding.clone(),
    }
}
