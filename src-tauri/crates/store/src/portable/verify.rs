//! The check of an imported assessment before its transaction commits: every row read back as
//! the app reads it, and every text column held to the app's own limits.

use super::invalid_data;
use crate::{AssessmentRecord, Result};
use rusqlite::Transaction;
use trustgap_domain::assessment::{check_evidence, Answer, EvidenceRef, Scope};
use trustgap_domain::catalog::ScopingNote;
use trustgap_domain::costs::{CostAssumptions, CostLine};
use trustgap_domain::limits::{self, MAX_NOTE_CHARS};
use trustgap_domain::people::{check_ranges, DateRange};

/// Reads the imported assessment back as the app will, and checks what SQL constraints cannot.
pub(super) fn verify(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let invalid = invalid_data;
    let record = tx
        .query_row(
            &format!("{} WHERE a.id = ?1", crate::assessments::SELECT),
            [id],
            AssessmentRecord::from_row,
        )
        .map_err(|e| invalid(e.to_string()))?;
    record
        .company
        .cleaned()
        .map_err(|e| invalid(e.to_string()))?;
    let mut notes = tx.prepare(
        "SELECT note FROM main.responses WHERE assessment_id = ?1 \
         UNION ALL SELECT note FROM main.response_history WHERE assessment_id = ?1 \
         UNION ALL SELECT notes FROM main.plan_edits WHERE assessment_id = ?1 \
         UNION ALL SELECT justification FROM main.plan_edits WHERE assessment_id = ?1",
    )?;
    for note in notes.query_map([id], |r| r.get::<_, String>(0))? {
        let note = note.map_err(|_| invalid("a note that is not text".into()))?;
        limits::note("A note", &note)
            .map_err(|_| invalid(format!("a note over {MAX_NOTE_CHARS} characters")))?;
    }
    let bad_dates: i64 = tx.query_row(
        "SELECT count(*) FROM main.plan_edits WHERE assessment_id = ?1 AND \
         ((start_date IS NOT NULL AND date(start_date) IS NOT start_date) OR \
          (due_date IS NOT NULL AND date(due_date) IS NOT due_date))",
        [id],
        |r| r.get(0),
    )?;
    if bad_dates > 0 {
        return Err(invalid("a plan date that is not a date".into()));
    }
    // Owners are people of the assessment's own client.
    let foreign_owners: i64 = tx.query_row(
        "SELECT count(*) FROM (SELECT owner_person FROM main.responses WHERE assessment_id = ?1 \
         UNION ALL SELECT owner_person FROM main.plan_edits WHERE assessment_id = ?1) o \
         WHERE o.owner_person IS NOT NULL AND o.owner_person NOT IN (SELECT p.id FROM main.people p \
         JOIN main.assessments a ON a.client_id = p.client_id WHERE a.id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if foreign_owners > 0 {
        return Err(invalid(
            "an owner who is not one of the client's people".into(),
        ));
    }
    // A logo is decoded in full when a document uses it; here it must at least be one.
    let logos: Vec<(Option<String>, Option<Vec<u8>>)> = tx
        .prepare(
            "SELECT logo_format, logo FROM main.client_branding WHERE client_id = \
             (SELECT client_id FROM main.assessments WHERE id = ?1)",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(Iterator::collect)
        .map_err(|_| invalid("a logo that is not an image".into()))?;
    for (format, bytes) in logos {
        let ok = match (format.as_deref(), bytes.as_deref()) {
            (None, None) => true,
            (Some("png"), Some(b)) => b.starts_with(b"\x89PNG\r\n\x1a\n"),
            (Some("jpeg"), Some(b)) => b.starts_with(&[0xff, 0xd8, 0xff]),
            _ => false,
        };
        if !ok {
            return Err(invalid("a logo that is not a PNG or JPEG image".into()));
        }
    }
    for (table, owner, columns) in IMPORTED_TEXT {
        let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
        let mut stmt = tx.prepare(&format!(
            "SELECT {} FROM main.{table} WHERE {owner}",
            names.join(", ")
        ))?;
        let mut rows = stmt.query([id])?;
        while let Some(row) = rows.next()? {
            for (i, (column, limit)) in columns.iter().enumerate() {
                let what = || format!("{table}.{column}");
                let value: Option<String> = row
                    .get(i)
                    .map_err(|_| invalid(format!("{} that is not text", what())))?;
                let Some(value) = value else { continue };
                let fits = match limit {
                    Text::Line => limits::is_line(&value),
                    Text::Note => value.chars().count() <= MAX_NOTE_CHARS,
                    Text::Scope => Scope::from_db(&value).is_ok(),
                    Text::Answer => Answer::parse(&value).is_some(),
                    Text::Evidence => serde_json::from_str::<Vec<EvidenceRef>>(&value)
                        .is_ok_and(|e| check_evidence(&e).is_ok()),
                    Text::Ranges => serde_json::from_str::<Vec<DateRange>>(&value)
                        .is_ok_and(|r| check_ranges("Dates", &r).is_ok()),
                    Text::Date => chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                        .is_ok_and(|d| limits::plausible_date("A date", d).is_ok()),
                    Text::CostLines => {
                        serde_json::from_str::<Vec<CostLine>>(&value).is_ok_and(|lines| {
                            CostAssumptions {
                                currency: "X".to_owned(),
                                day_rate: None,
                                lines,
                            }
                            .cleaned()
                            .is_ok()
                        })
                    }
                    Text::Footer => {
                        trustgap_domain::branding::footer(&value).is_ok_and(|v| v == value)
                    }
                    Text::Disclaimer => {
                        trustgap_domain::branding::disclaimer(&value).is_ok_and(|v| v == value)
                    }
                    Text::Accent => trustgap_domain::branding::Accent::parse(&value).is_ok(),
                    Text::Scoping => {
                        serde_json::from_str::<Vec<ScopingNote>>(&value).is_ok_and(|n| {
                            n.len() <= 100 && value.chars().count() <= MAX_NOTE_CHARS * 10
                        })
                    }
                };
                if !fits {
                    return Err(invalid(format!("{} out of bounds", what())));
                }
            }
        }
    }
    Ok(())
}

/// What a text column may hold; every imported one is read back as UTF-8 text.
#[derive(Clone, Copy)]
enum Text {
    /// One line of at most [`limits::MAX_NAME_CHARS`] characters: names, ids, timestamps.
    Line,
    /// At most [`MAX_NOTE_CHARS`] characters.
    Note,
    Scope,
    Answer,
    /// The JSON list of evidence references that `save_response` writes.
    Evidence,
    /// A JSON list of date ranges (days off, closures), each sound.
    Ranges,
    /// A calendar date (`YYYY-MM-DD`) in the years the app accepts.
    Date,
    /// The JSON list of scoping notes an assessment keeps.
    Scoping,
    /// The JSON list of external cost lines, each within the app's limits.
    CostLines,
    /// Branding: a footer line, a disclaimer paragraph, a `#RRGGBB` colour.
    Footer,
    Disclaimer,
    Accent,
}

/// Text columns of a table, each with what it may hold.
type Columns = &'static [(&'static str, Text)];

/// The imported rows of an assessment (`?1`) and their text columns. The assessment's own
/// name, profile and dates are checked by reading it as the app does.
const IMPORTED_TEXT: &[(&str, &str, Columns)] = &[
    (
        "clients",
        "id = (SELECT client_id FROM main.assessments WHERE id = ?1)",
        &[
            ("uid", Text::Line),
            ("name", Text::Line),
            ("created_at", Text::Line),
            ("updated_at", Text::Line),
            ("closures", Text::Ranges),
        ],
    ),
    (
        "people",
        "client_id = (SELECT client_id FROM main.assessments WHERE id = ?1)",
        &[
            ("uid", Text::Line),
            ("name", Text::Line),
            ("role", Text::Line),
            ("email", Text::Line),
            ("days_off", Text::Ranges),
            ("created_at", Text::Line),
            ("updated_at", Text::Line),
            ("team", Text::Line),
            ("start_date", Text::Date),
            ("end_date", Text::Date),
            ("access_removed_on", Text::Date),
        ],
    ),
    (
        "assessments",
        "id = ?1",
        &[
            ("uid", Text::Line),
            ("name", Text::Line),
            ("catalog_version", Text::Line),
            ("created_at", Text::Line),
            ("updated_at", Text::Line),
            ("opened_at", Text::Line),
            ("archived_at", Text::Line),
            ("last_question", Text::Line),
            ("scoping", Text::Scoping),
        ],
    ),
    (
        "responses",
        "assessment_id = ?1",
        &[
            ("question_id", Text::Line),
            ("updated_at", Text::Line),
            ("owner_role", Text::Line),
            ("evidence", Text::Evidence),
            ("since", Text::Date),
        ],
    ),
    (
        "response_history",
        "assessment_id = ?1",
        &[
            ("question_id", Text::Line),
            ("assessor", Text::Line),
            ("changed_at", Text::Line),
        ],
    ),
    (
        "plan_edits",
        "assessment_id = ?1",
        &[
            ("remediation_key", Text::Line),
            ("owner_role", Text::Line),
            ("updated_at", Text::Line),
        ],
    ),
    (
        "retired_answers",
        "assessment_id = ?1",
        &[
            ("question_id", Text::Line),
            ("answer", Text::Answer),
            ("note", Text::Note),
            ("reason", Text::Note),
            ("catalog_version", Text::Line),
            ("retired_at", Text::Line),
        ],
    ),
    (
        "cost_assumptions",
        "assessment_id = ?1",
        &[
            ("currency", Text::Line),
            ("lines", Text::CostLines),
            ("updated_at", Text::Line),
        ],
    ),
    (
        "snapshots",
        "assessment_id = ?1",
        &[
            ("label", Text::Line),
            ("scope", Text::Scope),
            ("created_at", Text::Line),
        ],
    ),
    (
        "client_branding",
        "client_id = (SELECT client_id FROM main.assessments WHERE id = ?1)",
        &[
            ("firm", Text::Line),
            ("accent", Text::Accent),
            ("footer", Text::Footer),
            ("disclaimer", Text::Disclaimer),
            ("updated_at", Text::Line),
        ],
    ),
    (
        "document_versions",
        "assessment_id = ?1",
        &[
            ("issued_on", Text::Date),
            ("author", Text::Line),
            ("change", Text::Line),
        ],
    ),
    (
        "approvers",
        "assessment_id = ?1",
        &[
            ("name", Text::Line),
            ("role", Text::Line),
            ("signed_on", Text::Date),
        ],
    ),
    (
        "management_responses",
        "assessment_id = ?1",
        &[
            ("question_id", Text::Line),
            ("text", Text::Note),
            ("updated_at", Text::Line),
        ],
    ),
    (
        "evidence_files",
        "assessment_id = ?1",
        &[
            ("uid", Text::Line),
            ("name", Text::Line),
            ("media_type", Text::Line),
            ("added_by", Text::Line),
            ("added_at", Text::Line),
            ("produced_on", Text::Date),
            ("covers_from", Text::Date),
            ("covers_to", Text::Date),
            ("expires_on", Text::Date),
            ("note", Text::Note),
        ],
    ),
    (
        "evidence_links",
        "file_id IN (SELECT id FROM main.evidence_files WHERE assessment_id = ?1)",
        &[("kind", Text::Line), ("target", Text::Line)],
    ),
    (
        "request_items",
        "assessment_id = ?1",
        &[
            ("reference", Text::Line),
            ("title", Text::Note),
            ("detail", Text::Note),
            ("criteria", Text::Note),
        ],
    ),
    (
        "request_states",
        "assessment_id = ?1",
        &[
            ("reference", Text::Line),
            ("owner", Text::Line),
            ("due", Text::Date),
            ("status", Text::Line),
            ("reason", Text::Note),
            ("updated_at", Text::Line),
        ],
    ),
    (
        "snapshot_responses",
        "snapshot_id IN (SELECT id FROM main.snapshots WHERE assessment_id = ?1)",
        &[
            ("question_id", Text::Line),
            ("answer", Text::Answer),
            ("note", Text::Note),
        ],
    ),
];
