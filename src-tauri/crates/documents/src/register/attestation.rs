//! The attestation report for a period: what an auditor samples from. The period and the basis
//! (courses and their rules, policies in force), counts, each person's dates, training and
//! acknowledgements, the completions recorded in the period, the exceptions, and a sign-off.
//!
//! Statuses are judged on the period's last day (or today, when the period runs on), from the
//! records dated by then: a completion entered later for a day after the period does not count.

use super::{day, latest_ack, Register};
use crate::doc::{Block, Column, Document, Figure, Meta, Row, Signatory, Table, Text, Tone};
use crate::report::theme::long_date;
use chrono::NaiveDate;
use trustgap_domain::people::Person;
use trustgap_domain::register::{
    ack_status, register_gaps, training_status, AckState, Acknowledgement, Completion, Status,
};

/// The report of `reg` for `from` to `to` (both included; the workspace checks `from <= to`).
pub fn attestation_document(reg: &Register<'_>, from: NaiveDate, to: NaiveDate) -> Document {
    let as_of = to.min(reg.today);
    let people: Vec<Person> = reg
        .people
        .iter()
        .filter(|p| in_period(p, from, to))
        .cloned()
        .collect();
    let completions: Vec<Completion> = reg
        .completions
        .iter()
        .filter(|c| c.completed_on <= as_of)
        .cloned()
        .collect();
    let acks: Vec<Acknowledgement> = reg
        .acks
        .iter()
        .filter(|a| a.acknowledged_on <= as_of)
        .cloned()
        .collect();
    let in_window = |d: NaiveDate| d >= from && d <= to;
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let done_in_period: Vec<&Completion> = completions
        .iter()
        .filter(|c| in_window(c.completed_on) && ids.contains(&c.person_id))
        .collect();
    let acks_in_period = acks
        .iter()
        .filter(|a| in_window(a.acknowledged_on) && ids.contains(&a.person_id))
        .count();
    let gaps = register_gaps(
        &people,
        reg.courses,
        &completions,
        reg.policies,
        &acks,
        as_of,
    );
    let joiners = people
        .iter()
        .filter(|p| p.start_date.is_some_and(in_window))
        .count();
    let leavers = people
        .iter()
        .filter(|p| p.end_date.is_some_and(in_window))
        .count();
    let period = format!("{} to {}", long_date(from), long_date(to));
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{} · Training attestation", reg.client),
            title: "Training and policy acknowledgements".to_owned(),
            subtitle: period.clone(),
        },
        Block::Paragraph(Text::plain(format!(
            "This report sets out, for everyone who worked for {} at any time from {}, the \
             security training they took and the policies they acknowledged, with the dates \
             recorded in the register. Statuses are as of {}.",
            reg.client,
            period,
            long_date(as_of)
        ))),
        Block::KeyFigures(vec![
            figure("People", people.len(), Tone::Neutral),
            figure("Joined", joiners, Tone::Neutral),
            figure("Left", leavers, Tone::Neutral),
            figure("Trained", done_in_period.len(), Tone::Info),
            figure("Acknowledged", acks_in_period, Tone::Info),
            figure(
                "Exceptions",
                gaps.len(),
                if gaps.is_empty() {
                    Tone::Good
                } else {
                    Tone::Critical
                },
            ),
        ]),
        heading("Basis"),
        Block::Table(basis(reg, &period, as_of)),
        heading("People"),
        Block::Table(roster(&people)),
        heading("Training by person"),
    ];
    blocks.push(table_or(
        training(reg, &people, &completions, as_of),
        "No course is recorded.",
    ));
    blocks.push(heading("Policy acknowledgements by person"));
    blocks.push(table_or(
        acknowledgements(reg, &people, &acks, as_of),
        "No approved policy is in force, so none is owed.",
    ));
    blocks.push(heading("Training completed in the period"));
    blocks.push(table_or(
        completed(reg, &people, &done_in_period),
        "No training was recorded in the period.",
    ));
    blocks.push(heading("Exceptions"));
    if gaps.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(format!(
            "None: on {} everyone was trained on time and had acknowledged the policies in \
             force, and every leaver's access removal is recorded.",
            long_date(as_of)
        ))));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Exception", 2.0),
                Column::new("Person", 2.0),
                Column::new("Detail", 5.0),
            ],
            rows: gaps
                .iter()
                .map(|g| Row {
                    cells: vec![
                        g.gap.label().to_owned(),
                        g.person.clone(),
                        g.description.clone(),
                    ],
                    tone: Some(Tone::Critical),
                })
                .collect(),
        }));
    }
    blocks.push(heading("Sign-off"));
    blocks.push(Block::Paragraph(Text::plain(
        "Prepared from the register as recorded on the date generated. The signatories attest \
         that the records above are complete and accurate for the period.",
    )));
    blocks.push(Block::SignOff(vec![
        Signatory {
            name: prepared_by(reg),
            role: "Prepared by".to_owned(),
            date: String::new(),
        },
        Signatory {
            name: String::new(),
            role: "Approved by (management)".to_owned(),
            date: String::new(),
        },
    ]));
    Document {
        meta: Meta {
            title: format!("Training attestation: {} ({period})", reg.client),
            subject: "Training and policy acknowledgements for a period".to_owned(),
            author: reg.author(),
            keywords: vec![
                "SOC 2".to_owned(),
                "training".to_owned(),
                "attestation".to_owned(),
                reg.client.to_owned(),
            ],
            generated_at: reg.generated_at,
            running_head: format!("{} · Training attestation · {period}", reg.client),
            marking: "Confidential".to_owned(),
            footer: reg.footer(),
            branding: reg.branding.clone(),
        },
        blocks,
    }
}

/// Worked there at some time in the period: started by its end, not left before its start.
fn in_period(p: &Person, from: NaiveDate, to: NaiveDate) -> bool {
    p.start_date.is_none_or(|s| s <= to) && p.end_date.is_none_or(|e| e >= from)
}

fn figure(label: &str, n: usize, tone: Tone) -> Figure {
    Figure {
        label: label.to_owned(),
        value: n.to_string(),
        detail: String::new(),
        tone,
    }
}

fn heading(title: &str) -> Block {
    Block::Heading {
        number: String::new(),
        title: title.to_owned(),
        level: 1,
    }
}

fn plain(cells: Vec<String>) -> Row {
    Row { cells, tone: None }
}

fn table_or(t: Table, empty: &str) -> Block {
    if t.rows.is_empty() {
        Block::Paragraph(Text::plain(empty))
    } else {
        Block::Table(t)
    }
}

fn prepared_by(reg: &Register<'_>) -> String {
    reg.branding.firm.trim().to_owned()
}

fn basis(reg: &Register<'_>, period: &str, as_of: NaiveDate) -> Table {
    let mut rows = vec![
        plain(vec!["Client".into(), reg.client.to_owned()]),
        plain(vec!["Period".into(), period.to_owned()]),
        plain(vec!["Statuses as of".into(), long_date(as_of)]),
    ];
    for c in reg.courses {
        let first = c.within_days.map_or_else(
            || "from the first day".to_owned(),
            |n| format!("within {n} days of joining"),
        );
        let again = c
            .every_months
            .map_or_else(|| "once".to_owned(), |m| format!("again every {m} months"));
        rows.push(plain(vec![
            format!("Course: {}", c.name),
            format!("{}; {first}, {again}", c.audience.label()),
        ]));
    }
    for p in reg.policies {
        rows.push(plain(vec![
            "Policy in force".into(),
            format!("{} (version {})", p.title, p.version),
        ]));
    }
    Table {
        columns: vec![Column::new("", 1.0), Column::new("", 3.0)],
        rows,
    }
}

fn roster(people: &[Person]) -> Table {
    Table {
        columns: vec![
            Column::new("Person", 3.0),
            Column::new("Kind", 1.6),
            Column::new("Team", 1.8),
            Column::new("Start", 1.5),
            Column::new("End", 1.5),
            Column::new("Access removed", 1.6),
        ],
        rows: people
            .iter()
            .map(|p| {
                plain(vec![
                    p.name.clone(),
                    p.kind.label().to_owned(),
                    p.team.clone(),
                    day(p.start_date),
                    day(p.end_date),
                    day(p.access_removed_on),
                ])
            })
            .collect(),
    }
}

fn training(
    reg: &Register<'_>,
    people: &[Person],
    completions: &[Completion],
    as_of: NaiveDate,
) -> Table {
    let mut rows = Vec::new();
    for p in people {
        for c in reg.courses {
            let s = training_status(p, c, completions, as_of);
            if s.status == Status::NotRequired && s.last_completed.is_none() {
                continue;
            }
            let mut status = s.status.label().to_owned();
            if s.first_late {
                status.push_str(" (first late)");
            }
            rows.push(plain(vec![
                p.name.clone(),
                c.name.clone(),
                status,
                day(s.last_completed),
                day(s.due_on),
            ]));
        }
    }
    Table {
        columns: vec![
            Column::new("Person", 3.0),
            Column::new("Course", 3.0),
            Column::new("Status", 1.8),
            Column::new("Completed on", 1.6),
            Column::new("Due", 1.5),
        ],
        rows,
    }
}

fn acknowledgements(
    reg: &Register<'_>,
    people: &[Person],
    acks: &[Acknowledgement],
    as_of: NaiveDate,
) -> Table {
    let mut rows = Vec::new();
    for p in people {
        let left = p.left_by(as_of);
        for pol in reg.policies {
            let state = ack_status(p.id, pol, acks);
            let latest = latest_ack(acks, p.id, &pol.policy_id);
            if left && state != AckState::Current && latest.is_none() {
                continue;
            }
            rows.push(plain(vec![
                p.name.clone(),
                pol.title.clone(),
                latest.map_or_else(String::new, |(v, _)| v.to_string()),
                day(latest.map(|(_, d)| d)),
                state.label().to_owned(),
            ]));
        }
    }
    Table {
        columns: vec![
            Column::new("Person", 3.0),
            Column::new("Policy", 3.4),
            Column::new("Version", 1.1).right(),
            Column::new("Acknowledged on", 1.7),
            Column::new("State", 2.4),
        ],
        rows,
    }
}

fn completed(reg: &Register<'_>, people: &[Person], done: &[&Completion]) -> Table {
    let mut sorted = done.to_vec();
    sorted.sort_by_key(|c| (c.completed_on, c.id));
    let rows = sorted
        .iter()
        .filter_map(|c| {
            let p = people.iter().find(|p| p.id == c.person_id)?;
            let course = reg.courses.iter().find(|k| k.id == c.course_id)?;
            Some(plain(vec![
                day(Some(c.completed_on)),
                p.name.clone(),
                course.name.clone(),
                c.evidence.clone(),
            ]))
        })
        .collect();
    Table {
        columns: vec![
            Column::new("Completed on", 1.6),
            Column::new("Person", 3.0),
            Column::new("Course", 3.0),
            Column::new("Evidence", 3.0),
        ],
        rows,
    }
}
