//! Importing an auditor's request list (rows of text from a CSV file or a workbook): which
//! column holds what, each row checked, and the criteria each item maps to — named in the row,
//! or suggested from its words for the person importing to confirm.

use super::AuditorItem;
use crate::catalog::Catalog;
use crate::error::{DomainError, Result};
use crate::limits;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{HashMap, HashSet};

/// Most items one request list may hold.
pub const MAX_ITEMS: usize = 2_000;
/// Longest request text, in characters.
pub const MAX_TITLE_CHARS: usize = 1_000;

/// A field of an item a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RequestField {
    Reference,
    Request,
    Detail,
    Criteria,
    Ignore,
}

impl RequestField {
    pub const ALL: [RequestField; 5] = [
        RequestField::Reference,
        RequestField::Request,
        RequestField::Detail,
        RequestField::Criteria,
        RequestField::Ignore,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestField::Reference => "reference",
            RequestField::Request => "request",
            RequestField::Detail => "detail",
            RequestField::Criteria => "criteria",
            RequestField::Ignore => "ignore",
        }
    }

    pub fn parse(text: &str) -> Option<RequestField> {
        RequestField::ALL
            .into_iter()
            .find(|f| text.trim().eq_ignore_ascii_case(f.code()))
    }

    /// The field a header most likely names ("PBC #", "Request description", "TSC").
    pub fn guess(header: &str) -> Option<RequestField> {
        let h = header.to_lowercase();
        let words: Vec<&str> = h
            .split(|c: char| !c.is_alphanumeric() && c != '#')
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        Some(
            if has("criteria") || has("criterion") || has("tsc") || has("control") {
                RequestField::Criteria
            } else if has("ref") || has("reference") || has("id") || has("#") || has("no") {
                RequestField::Reference
            } else if has("detail") || has("details") || has("notes") || has("comment") {
                RequestField::Detail
            } else if has("request") || has("item") || has("description") || has("evidence") {
                RequestField::Request
            } else {
                return None;
            },
        )
    }
}

/// The field of each column of one file's header.
pub fn map_columns(
    header: &[String],
    overrides: &[(String, RequestField)],
) -> Result<Vec<RequestField>> {
    for (column, _) in overrides {
        if !header
            .iter()
            .any(|h| h.trim().eq_ignore_ascii_case(column.trim()))
        {
            return Err(DomainError::invalid(format!(
                "The file has no column called \"{column}\" (its columns: {}).",
                header.join(", ")
            )));
        }
    }
    let mut taken = HashSet::new();
    let fields: Vec<RequestField> = header
        .iter()
        .map(|h| {
            let chosen = overrides
                .iter()
                .find(|(c, _)| c.trim().eq_ignore_ascii_case(h.trim()))
                .map(|(_, f)| *f);
            let field = chosen.or_else(|| RequestField::guess(h).filter(|f| !taken.contains(f)));
            let field = field.unwrap_or(RequestField::Ignore);
            if field != RequestField::Ignore && !taken.insert(field) {
                return RequestField::Ignore;
            }
            field
        })
        .collect();
    if !fields.contains(&RequestField::Request) {
        return Err(DomainError::invalid(format!(
            "No column holds the requests themselves (its columns: {}). Name it with \
             COLUMN=request.",
            header.join(", ")
        )));
    }
    Ok(fields)
}

/// One row of the file, its cells as text (`None`: a formula or an error value).
#[derive(Debug, Clone)]
pub struct RawItem {
    /// The spreadsheet row number (the header is row 1).
    pub number: u32,
    pub cells: Vec<Option<String>>,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ItemProblem {
    pub row: u32,
    pub problems: Vec<String>,
}

/// An item as it would be imported, with where its criteria came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PreviewItem {
    pub row: u32,
    pub item: AuditorItem,
    /// The criteria were suggested from the request's words, not named in the file.
    pub suggested: bool,
}

/// Checks every row; the list is imported only when no row has a problem. References missing
/// from the file are numbered `PBC-<row>`; a reference already used by the list (or by an
/// item the bank generates) is a problem.
pub fn check_items(
    catalog: &Catalog,
    fields: &[RequestField],
    rows: &[RawItem],
    taken: &HashSet<String>,
) -> (Vec<PreviewItem>, Vec<ItemProblem>) {
    let col = |f: RequestField| fields.iter().position(|x| *x == f);
    let mut seen: HashMap<String, u32> = HashMap::new();
    let (mut items, mut problems) = (Vec::new(), Vec::new());
    for row in rows.iter().filter(|r| !blank(r)) {
        let mut bad = Vec::new();
        if row.cells.iter().any(Option::is_none) {
            bad.push("A cell holds a formula or an error value; paste the values only.".into());
        }
        let cell = |f: RequestField| {
            col(f)
                .and_then(|i| row.cells.get(i).cloned().flatten())
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let title = cell(RequestField::Request);
        if title.is_empty() {
            bad.push("The request is empty.".to_owned());
        } else if title.chars().count() > MAX_TITLE_CHARS {
            bad.push(format!(
                "The request is longer than {MAX_TITLE_CHARS} characters."
            ));
        }
        let detail = cell(RequestField::Detail);
        if let Err(e) = limits::note("The detail", &detail) {
            bad.push(e.to_string());
        }
        let mut reference = cell(RequestField::Reference);
        if reference.is_empty() {
            reference = format!("PBC-{}", row.number);
        }
        if let Err(e) = limits::name("The reference", &reference) {
            bad.push(e.to_string());
        } else if let Some(first) = seen.insert(reference.to_lowercase(), row.number) {
            bad.push(format!(
                "The reference {reference} is also used on row {first}."
            ));
        } else if taken.contains(&reference.to_lowercase()) {
            bad.push(format!(
                "The reference {reference} is already on the request list; give the item \
                 another one."
            ));
        }
        let named = cell(RequestField::Criteria);
        let (criteria, suggested) = if named.is_empty() {
            (
                suggest_criteria(catalog, &format!("{title} {detail}")),
                true,
            )
        } else {
            match named_criteria(catalog, &named) {
                Ok(c) => (c, false),
                Err(e) => {
                    bad.push(e.to_string());
                    (Vec::new(), false)
                }
            }
        };
        if bad.is_empty() {
            items.push(PreviewItem {
                row: row.number,
                item: AuditorItem {
                    reference,
                    title,
                    detail,
                    criteria,
                },
                suggested,
            });
        } else {
            problems.push(ItemProblem {
                row: row.number,
                problems: bad,
            });
        }
    }
    if items.len() + problems.len() > MAX_ITEMS {
        problems.insert(
            0,
            ItemProblem {
                row: 1,
                problems: vec![format!(
                    "The list has more than {MAX_ITEMS} items; split it into several files."
                )],
            },
        );
    }
    (items, problems)
}

fn blank(row: &RawItem) -> bool {
    row.cells
        .iter()
        .all(|c| c.as_deref().is_some_and(|t| t.trim().is_empty()))
}

/// The criteria a cell names ("CC6.1, CC6.2; A1.2"): each must be a criterion of the bank.
fn named_criteria(catalog: &Catalog, text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for part in text
        .split([',', ';', '/', '\n', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match catalog
            .criteria
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(part))
        {
            Some(c) if !out.contains(&c.id) => out.push(c.id.clone()),
            Some(_) => {}
            None => {
                return Err(DomainError::invalid(format!(
                    "{part} is not a criterion of the bank (criteria read like CC6.1 or A1.2)."
                )))
            }
        }
    }
    Ok(out)
}

/// Words too common to say anything about a criterion.
const STOP: [&str; 24] = [
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "all",
    "any",
    "are",
    "was",
    "were",
    "list",
    "provide",
    "please",
    "evidence",
    "copy",
    "copies",
    "show",
    "showing",
    "each",
    "period",
    "including",
    "during",
];

fn words(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !STOP.contains(w))
        .map(|w| w.trim_end_matches('s').to_owned())
        .collect()
}

/// Up to two criteria whose topic, typical requests and questions share the most words with
/// `text` (at least two words in common); a suggestion for a person to confirm.
pub fn suggest_criteria(catalog: &Catalog, text: &str) -> Vec<String> {
    let wanted = words(text);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, &str)> = catalog
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut about = format!("{} {}", c.topic, c.requests.join(" "));
            for q in catalog
                .questions
                .iter()
                .filter(|q| q.criteria.first() == Some(&c.id))
            {
                about.push(' ');
                about.push_str(&q.text);
            }
            (
                words(&about).intersection(&wanted).count(),
                i,
                c.id.as_str(),
            )
        })
        .filter(|(score, _, _)| *score >= 2)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(2)
        .map(|(_, _, id)| id.to_owned())
        .collect()
}
