//! Checking every row of a questionnaire against the question bank, the assessment's scope and
//! the input limits, before anything is saved: the result is either the answers to save or every
//! problem, each with its spreadsheet row number and what to change.

use super::read::{Cell, Row, Table};
use super::RowProblem;
use crate::error::ApiError;
use crate::Result;
use std::collections::HashMap;
use trustgap_documents::workbook::{answer_from_label, join_note, Column, QUESTIONNAIRE_COLUMNS};
use trustgap_domain::assessment::{Answer, Response};
use trustgap_domain::catalog::{Catalog, CategoryId};
use trustgap_domain::limits::MAX_NOTE_CHARS;

/// What the rows come to when none has a problem.
#[derive(Debug, Default)]
pub struct Checked {
    /// The answers that differ from what is stored, ready to save.
    pub changes: Vec<Response>,
    /// The answers as they were, for the changes (same order).
    pub before: Vec<Option<Answer>>,
    pub unchanged: u32,
    /// Rows with no answer chosen.
    pub skipped: u32,
    pub problems: Vec<RowProblem>,
}

/// Where each column is, found by its header (the client may have moved none, but a CSV file
/// may come back in another order).
struct Columns(HashMap<Column, usize>);

const REQUIRED: [Column; 5] = [
    Column::Id,
    Column::Question,
    Column::Answer,
    Column::Justification,
    Column::Notes,
];

impl Columns {
    fn find(header: &[String]) -> Result<Columns> {
        let mut found = HashMap::new();
        for column in QUESTIONNAIRE_COLUMNS {
            if let Some(i) = header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(column.header()))
            {
                found.insert(column, i);
            }
        }
        let missing: Vec<String> = REQUIRED
            .iter()
            .filter(|c| !found.contains_key(c))
            .map(|c| format!("\"{}\"", c.header()))
            .collect();
        if !missing.is_empty() {
            return Err(ApiError::validation(format!(
                "The questionnaire's first row has no {} column. Keep the header row as it was \
                 exported (Question ID, Criteria, Question, Guidance, Answer, N/A justification, \
                 Notes).",
                missing.join(", ")
            )));
        }
        Ok(Columns(found))
    }

    fn cell<'r>(&self, row: &'r Row, column: Column) -> Option<&'r Cell> {
        self.0.get(&column).and_then(|i| row.get(*i))
    }

    fn text<'r>(&self, row: &'r Row, column: Column) -> &'r str {
        self.cell(row, column).map_or("", Cell::text)
    }
}

/// Question text compared the way a person reads it: runs of spaces and line breaks as one.
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

pub fn check(
    table: &Table,
    catalog: &Catalog,
    scope: &[CategoryId],
    current: &[Response],
) -> Result<Checked> {
    let columns = Columns::find(&table.header)?;
    let current: HashMap<&str, &Response> = current
        .iter()
        .map(|r| (r.question_id.as_str(), r))
        .collect();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut out = Checked::default();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let mut problems = Vec::new();
        for column in QUESTIONNAIRE_COLUMNS {
            match columns.cell(row, column) {
                Some(Cell::Formula) => problems.push(format!(
                    "the {} cell holds a formula; type the text itself",
                    column.header()
                )),
                Some(Cell::Error) => problems.push(format!(
                    "the {} cell holds an error value; type the text itself",
                    column.header()
                )),
                _ => {}
            }
        }
        let id = columns.text(row, Column::Id).trim();
        let question = if id.is_empty() {
            problems.push("the Question ID is empty; keep the ID as it was exported".to_owned());
            None
        } else if let Some(first) = seen.get(id) {
            problems.push(format!(
                "question {id} is also on row {first}; keep one row per question"
            ));
            None
        } else {
            seen.insert(id.to_owned(), row.number);
            match catalog.question(id) {
                None => {
                    problems.push(format!(
                        "{} is not a question of the question bank; keep the ID as it was \
                         exported",
                        shown(id)
                    ));
                    None
                }
                Some(q) if !q.categories.iter().any(|c| scope.contains(c)) => {
                    problems.push(format!(
                        "question {id} is not in this assessment's scope; remove the row"
                    ));
                    None
                }
                Some(q) => Some(q),
            }
        };
        if let Some(q) = question {
            if !same_text(columns.text(row, Column::Question), &q.text) {
                problems.push(match table.bank_version.as_deref() {
                    Some(v) if v != catalog.version => format!(
                        "the text of question {id} differs from the question bank's: this \
                         questionnaire was exported with question bank {v}, and Trustgap now \
                         uses {}, so export a fresh questionnaire and copy the answers into it",
                        catalog.version
                    ),
                    _ => format!(
                        "the text of question {id} was changed; the question column is locked, \
                         so put the original text back and write comments in Notes"
                    ),
                });
            }
        }
        let raw_answer = columns.text(row, Column::Answer).trim();
        let justification = columns.text(row, Column::Justification);
        let notes = columns.text(row, Column::Notes);
        let answer = if raw_answer.is_empty() {
            None
        } else {
            let parsed = answer_from_label(raw_answer);
            if parsed.is_none() {
                problems.push(format!(
                    "{} is not one of the answers; choose {}",
                    shown(raw_answer),
                    answer_choices()
                ));
            }
            parsed
        };
        if answer == Some(Answer::NotApplicable) && justification.trim().is_empty() {
            problems.push(
                "a Not applicable answer needs a reason in the N/A justification column".to_owned(),
            );
        }
        let note = join_note(justification, notes);
        let length = note.chars().count();
        if length > MAX_NOTE_CHARS {
            problems.push(format!(
                "the justification and notes are {length} characters together; shorten them to \
                 at most {MAX_NOTE_CHARS}"
            ));
        }
        if !problems.is_empty() {
            out.problems.push(RowProblem {
                row: row.number,
                message: sentence(&problems),
            });
            continue;
        }
        let (Some(q), Some(answer)) = (question, answer) else {
            // No answer chosen: the row is left as it is.
            out.skipped += 1;
            continue;
        };
        let existing = current.get(q.id.as_str()).copied();
        if existing.is_some_and(|r| r.answer == Some(answer) && r.note == note) {
            out.unchanged += 1;
            continue;
        }
        out.before.push(existing.and_then(|r| r.answer));
        out.changes.push(Response {
            answer: Some(answer),
            note,
            ..existing.cloned().unwrap_or_else(|| Response {
                question_id: q.id.clone(),
                ..Response::default()
            })
        });
    }
    Ok(out)
}

/// User text quoted for a message, cut short so a huge cell does not flood it.
fn shown(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

fn answer_choices() -> String {
    let labels: Vec<String> = Answer::ALL
        .iter()
        .map(|a| format!("\"{}\"", a.label()))
        .collect();
    format!("one of {} from the list", labels.join(", "))
}

/// Problems of one row as one sentence: "The text … was changed; and …".
fn sentence(problems: &[String]) -> String {
    let joined = problems.join("; and ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}
