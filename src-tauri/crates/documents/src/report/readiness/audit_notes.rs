//! Chapter: about the audit: what a SOC 2 examination expects beyond the controls themselves:
//! how the cloud provider (a subservice organisation) is treated, management's system
//! description and assertion, who may issue the report, and the assessor's independence. Said on
//! the document model.

use crate::doc::{Block, Cell, Column, Row, Table};
use crate::report::context::ReportContext;
use crate::report::theme::{answer_tone, plural};

/// Remediation keys of the bank's questions on controls inherited from providers, and on the
/// system description.
const INHERITED: &str = "sec-inherited-controls";
const DESCRIPTION: &str = "system-description";

/// Cloud and hosting providers recognised in the profile's free text: what to look for (lower
/// case, matched as whole words) and the name to print.
const PROVIDERS: &[(&str, &str)] = &[
    ("amazon web services", "Amazon Web Services (AWS)"),
    ("aws", "Amazon Web Services (AWS)"),
    ("google cloud", "Google Cloud"),
    ("gcp", "Google Cloud"),
    ("microsoft azure", "Microsoft Azure"),
    ("azure", "Microsoft Azure"),
    ("oracle cloud", "Oracle Cloud"),
    ("ibm cloud", "IBM Cloud"),
    ("alibaba cloud", "Alibaba Cloud"),
    ("digitalocean", "DigitalOcean"),
    ("digital ocean", "DigitalOcean"),
    ("hetzner", "Hetzner"),
    ("ovhcloud", "OVHcloud"),
    ("ovh", "OVHcloud"),
    ("scaleway", "Scaleway"),
    ("linode", "Akamai (Linode)"),
    ("heroku", "Heroku"),
    ("vercel", "Vercel"),
    ("netlify", "Netlify"),
    ("fly.io", "Fly.io"),
    ("cloudflare", "Cloudflare"),
];

/// The providers named in `text`, in the order of the list, each once.
pub(crate) fn providers_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let mut found: Vec<&'static str> = Vec::new();
    for (needle, name) in PROVIDERS {
        if contains_word(&lower, needle) && !found.contains(name) {
            found.push(name);
        }
    }
    found
}

/// Whether `needle` occurs in `hay` with no letter or digit right before or after it.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// "A", "A and B", "A, B and C".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub(super) fn about_the_audit(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![
        Block::chapter(number, "About the audit"),
        Block::Paragraph(
            "A SOC 2 audit examines more than the controls this assessment scores. This chapter \
             explains four points that shape the audit and what the company has to prepare for \
             them."
                .into(),
        ),
    ];
    out.extend(subservice(ctx, &format!("{number}.1")));
    out.extend(description_and_assertion(ctx, &format!("{number}.2")));
    out.extend(who_issues(ctx, &format!("{number}.3")));
    out.extend(independence(ctx, &format!("{number}.4")));
    out
}

fn subservice(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![Block::section(
        number,
        "The cloud provider and other subservice organisations",
    )];
    let co = ctx.company;
    let named = providers_in(&format!("{} {}", co.hosting, co.system_description));
    let hosting = co.hosting.trim();
    let (provider, opening) = if !named.is_empty() {
        let who = join_and(&named);
        (
            who.clone(),
            format!(
                "The system runs on {who}, as recorded in the assessment's profile (hosting: \
                 \u{201c}{hosting}\u{201d})."
            ),
        )
    } else if !hosting.is_empty() {
        (
            "your cloud provider".to_owned(),
            format!(
                "The profile records the hosting as \u{201c}{hosting}\u{201d} but names no \
                 provider; the text below calls it your cloud provider."
            ),
        )
    } else {
        (
            "your cloud provider".to_owned(),
            "The assessment's profile records no hosting. Most companies run on a cloud \
             provider; the text below calls it your cloud provider."
                .to_owned(),
        )
    };
    out.push(Block::Paragraph(
        format!(
            "{opening} A provider whose services are part of the system, and whose controls the \
             company relies on (data centre access, power and cooling, hardware disposal), is \
             called a subservice organisation. The auditor and the company agree how the report \
             treats each one, by one of two methods:"
        )
        .into(),
    ));
    out.push(Block::Spacer(6.0));
    let method = |name: &str, meaning: String| Row {
        cells: vec![Cell::strong(name), Cell::from(meaning)],
        tone: None,
    };
    let rows = vec![
        method(
            "Carve-out",
            format!(
                "The provider's controls stay outside the audit. The system description names \
             {provider}, says which protections it supplies, and the auditor tests only the \
             company's own controls. This is the usual choice with a large cloud provider, \
             which does not open its data centres to its customers' auditors."
            ),
        ),
        method(
            "Inclusive",
            "The provider's relevant controls are described in the report and tested by the \
             auditor alongside the company's. It needs the provider's cooperation and a \
             written assertion from the provider's own management, so it is rare with a \
             public cloud and more common with a smaller, closely tied provider."
                .to_owned(),
        ),
    ];
    out.push(Block::Table(Table {
        columns: vec![Column::new("", 1.3), Column::new("", 5.0)],
        rows,
    }));
    out.push(Block::Spacer(6.0));
    out.push(Block::Paragraph(
        format!(
            "A carve-out still leaves work for the company. The system description lists the \
             complementary subservice organisation controls: the controls the company counts \
             on {provider} to run for the criteria to be met. The auditor then expects the \
             company to show it keeps an eye on them, usually by obtaining the provider's own \
             SOC 2 report each year, checking that its period, services and regions cover the \
             ones used, reading its exceptions and recording the review. That report in turn \
             lists controls the provider expects its customers to run (complementary user \
             entity controls); the company should confirm it runs them. Everything on the \
             company's side of the line, such as who has access to the cloud accounts, \
             encryption settings and backups, is tested as the company's own control."
        )
        .into(),
    ));
    out.extend(inherited_answers(ctx));
    out
}

/// The answers to the bank's questions on inherited controls, when any is in scope.
fn inherited_answers(ctx: &ReportContext<'_>) -> Vec<Block> {
    answers_table(
        ctx,
        INHERITED,
        "How the assessment answered the questions on controls inherited from providers:",
    )
}

fn answers_table(ctx: &ReportContext<'_>, remediation: &str, lead: &str) -> Vec<Block> {
    let responses = ctx.responses_by_question();
    let questions: Vec<_> = ctx
        .questions()
        .into_iter()
        .filter(|q| q.remediation == remediation)
        .collect();
    if questions.is_empty() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for q in questions {
        let r = responses.get(q.id.as_str());
        let answer = r.and_then(|r| r.answer);
        let (label, tone) = answer_tone(answer);
        let basis = match (answer, r.is_some_and(|r| r.verified)) {
            (None, _) => String::new(),
            (Some(_), true) => "Verified against evidence".to_owned(),
            (Some(_), false) => "Self-reported".to_owned(),
        };
        rows.push(Row {
            cells: vec![
                Cell::strong(q.id.clone()),
                Cell::from(q.text.clone()).with(basis),
                Cell::chip(label, tone),
            ],
            tone: None,
        });
    }
    vec![
        Block::Spacer(6.0),
        Block::Paragraph(lead.into()),
        Block::Spacer(4.0),
        Block::Table(Table {
            columns: vec![
                Column::new("ID", 1.0),
                Column::new("Question", 6.0),
                Column::new("Answer", 1.55),
            ],
            rows,
        }),
    ]
}

fn description_and_assertion(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let mut out = vec![
        Block::section(number, "Management's system description and assertion"),
        Block::Paragraph(
            "The company's management, not the auditor, writes two of the sections of a SOC 2 \
         report. The system description sets out the service examined: what it does and for \
         whom, its boundaries, the infrastructure, software, people, procedures and data \
         behind it, the commitments made to customers, the subservice organisations and the \
         controls expected of them and of customers, and any significant incidents (for a \
         Type II report, also what changed during the period). The written assertion is a \
         statement signed by management that the description is fairly presented and that \
         the controls were suitably designed (and, for Type II, operated effectively) to meet \
         the company's commitments under the criteria in scope. The auditor's opinion, which \
         opens the report, addresses the same points. Drafting the description takes weeks and often uncovers gaps, so \
         it is best started well before the audit."
                .into(),
        ),
    ];
    let recorded = ctx.company.system_description.trim();
    if !recorded.is_empty() {
        out.push(Block::Spacer(4.0));
        out.push(Block::Paragraph(
            "The short description recorded for this assessment (in Scope and approach) is a \
             starting point; the description in the report is a document of several pages."
                .into(),
        ));
    }
    out.extend(answers_table(
        ctx,
        DESCRIPTION,
        "How the assessment answered the questions on the system description:",
    ));
    out
}

fn who_issues(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let responses = ctx.responses_by_question();
    let (mut verified, mut total) = (0, 0);
    for q in ctx.questions() {
        if let Some(r) = responses.get(q.id.as_str()).filter(|r| r.answer.is_some()) {
            total += 1;
            verified += usize::from(r.verified);
        }
    }
    vec![
        Block::section(number, "Who issues a SOC 2 report"),
        Block::Paragraph(
            format!(
            "Only a licensed CPA firm can examine the controls and issue a SOC 2 report, under \
             the attestation standards that govern such work. This document is a readiness \
             assessment: it is not a SOC 2 report, expresses no audit opinion and cannot stand \
             in for one with customers. Its scores and findings rest on the answers recorded: \
             of the {} given, {} checked against evidence by the assessor; the rest are \
             self-reported. The auditor will test every control again, with its own samples.",
            plural(total, "answer", "answers"),
            match verified {
                0 => "none was".to_owned(),
                1 => "one was".to_owned(),
                n => format!("{n} were"),
            }
            )
            .into(),
        ),
    ]
}

fn independence(ctx: &ReportContext<'_>, number: &str) -> Vec<Block> {
    let led = ctx.company.assessor.trim();
    let who = if led.is_empty() {
        "No assessor is recorded for this assessment.".to_owned()
    } else {
        format!("This assessment was carried out by {led}.")
    };
    vec![
        Block::section(number, "Independence of the assessor and the auditor"),
        Block::Paragraph(
            format!(
            "The auditor must be independent of the company it examines. Helping to prepare is \
             compatible with that only up to a point: whoever designs, implements or runs the \
             company's controls should not also be the one who audits them, since they would \
             be testing their own work. {who} If the firm that will perform the audit also \
             helps with readiness, agree with it in writing which services it can provide \
             without affecting its independence; if the readiness work goes further than that, \
             a different firm should perform the audit."
            )
            .into(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_are_found_as_whole_words_once_each() {
        assert_eq!(
            providers_in("AWS eu-west-1, managed Postgres"),
            ["Amazon Web Services (AWS)"]
        );
        assert_eq!(
            providers_in("Amazon Web Services and aws lambda, fronted by Cloudflare"),
            ["Amazon Web Services (AWS)", "Cloudflare"]
        );
        assert_eq!(providers_in("Azure (West Europe)"), ["Microsoft Azure"]);
        assert!(providers_in("Public cloud, two zones").is_empty());
        assert!(
            providers_in("laws and flaws; jaws").is_empty(),
            "not inside words"
        );
        assert!(providers_in("").is_empty());
        assert_eq!(providers_in("GCP+Hetzner"), ["Google Cloud", "Hetzner"]);
        assert_eq!(providers_in("株式会社 on Scaleway"), ["Scaleway"]);
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(join_and(&["A", "B"]), "A and B");
        assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
    }
}
