//! The sign-sheet for a workshop: the day, the policies covered (title and version), and the
//! client's current people with empty columns to sign and date by hand. Only names and teams
//! are printed: the sheet goes round the room.

use crate::doc::{Block, Column, Document, Meta, Row, Signatory, Table, Text};
use crate::report::theme::long_date;
use chrono::{DateTime, NaiveDate, Utc};
use trustgap_domain::branding::Branding;
use trustgap_domain::people::Person;
use trustgap_domain::register::CurrentPolicy;

/// One workshop session's sheet.
#[derive(Clone, Copy)]
pub struct SignSheet<'a> {
    pub client: &'a str,
    pub branding: &'a Branding,
    /// The client's roster; leavers and people not yet started are left off.
    pub people: &'a [Person],
    /// The policies covered: the assessment's approved ones.
    pub policies: &'a [CurrentPolicy],
    /// The day of the session.
    pub date: NaiveDate,
    pub generated_at: DateTime<Utc>,
}

/// Whether `p` works there on `day`: started (or no start recorded) and not left.
pub(crate) fn current_on(p: &Person, day: NaiveDate) -> bool {
    !p.left_by(day) && p.start_date.is_none_or(|s| s <= day)
}

pub fn sign_sheet_document(s: &SignSheet<'_>) -> Document {
    let date = long_date(s.date);
    let mut blocks = vec![
        Block::Title {
            kicker: format!("{} · Workshop sign-in", s.client),
            title: "Policy acknowledgement sign-sheet".to_owned(),
            subtitle: date.clone(),
        },
        Block::Paragraph(Text::plain(
            "By signing, I confirm that I have read and understood the policies listed below, \
             in the versions shown, and that I will follow them.",
        )),
        Block::Heading {
            number: String::new(),
            title: "Policies covered".to_owned(),
            level: 1,
        },
    ];
    if s.policies.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(
            "No policy is approved yet: approve the policies before the session.",
        )));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Policy", 5.0),
                Column::new("Version", 1.0).right(),
            ],
            rows: s
                .policies
                .iter()
                .map(|p| Row::plain(vec![p.title.clone(), p.version.to_string()]))
                .collect(),
        }));
    }
    blocks.push(Block::Heading {
        number: String::new(),
        title: "Attendees".to_owned(),
        level: 1,
    });
    const BLANK_LINES: usize = 4;
    let attendees: Vec<&Person> = s.people.iter().filter(|p| current_on(p, s.date)).collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("No.", 0.6).right(),
            Column::new("Name", 3.4),
            Column::new("Team", 2.0),
            Column::new("Signature", 3.6),
            Column::new("Date", 1.6),
        ],
        rows: attendees
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // The blank cells hold a line break so each row is tall enough to sign in.
                Row::plain(vec![
                    (i + 1).to_string(),
                    p.name.clone(),
                    p.team.clone(),
                    "\n".to_owned(),
                    String::new(),
                ])
            })
            // Blank numbered lines for attendees the register does not list yet.
            .chain((attendees.len()..attendees.len() + BLANK_LINES).map(|i| {
                Row::plain(vec![
                    (i + 1).to_string(),
                    "\n".to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                ])
            }))
            .collect(),
    }));
    blocks.push(Block::Note(Text::plain(
        "Anyone attending whose name is not listed: write it on one of the blank lines, and \
         record it in the register afterwards.",
    )));
    blocks.push(Block::SignOff(vec![Signatory {
        name: String::new(),
        role: "Session led by".to_owned(),
        date: String::new(),
    }]));
    Document {
        meta: Meta {
            title: format!("Workshop sign-sheet: {} ({date})", s.client),
            subject: "Policy acknowledgement sign-sheet".to_owned(),
            author: {
                let firm = s.branding.firm.trim();
                if firm.is_empty() { s.client } else { firm }.to_owned()
            },
            keywords: vec![
                "SOC 2".to_owned(),
                "policy acknowledgement".to_owned(),
                s.client.to_owned(),
            ],
            generated_at: s.generated_at,
            running_head: format!("{} · Workshop sign-in · {date}", s.client),
            marking: "Internal".to_owned(),
            footer: s.branding.prepared_line(),
            branding: s.branding.clone(),
        },
        blocks,
    }
}
