//! The roster-and-training workbook: People (dates as real date cells), Training (person ×
//! course), Acknowledgements (person × policy in force) and Gaps, each with a frozen header, a
//! filter and coloured statuses, and an About sheet saying which day the statuses are judged on.

use super::{ack_tone, day, latest_ack, latest_evidence, status_tone, Register};
use crate::workbook::sheet::{filter, fit_row, print_setup, row, table, text, Cell, Col};
use crate::workbook::style::{status_fill, Styles};
use crate::workbook::Result;
use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Workbook};
use trustgap_domain::register::{ack_status, register_gaps, training_status, AckState};

const PEOPLE: [Col; 8] = [
    Col("Name", 26.0),
    Col("Kind", 12.0),
    Col("Team", 16.0),
    Col("Role", 20.0),
    Col("Email", 30.0),
    Col("Start", 12.0),
    Col("End", 12.0),
    Col("Access removed", 14.0),
];

const TRAINING: [Col; 7] = [
    Col("Person", 26.0),
    Col("Email", 30.0),
    Col("Course", 28.0),
    Col("Status", 13.0),
    Col("Due", 12.0),
    Col("Completed on", 13.0),
    Col("Evidence", 36.0),
];

const ACKS: [Col; 6] = [
    Col("Person", 26.0),
    Col("Policy", 32.0),
    Col("Version in force", 10.0),
    Col("Version acknowledged", 13.0),
    Col("Acknowledged on", 14.0),
    Col("State", 16.0),
];

const GAPS: [Col; 3] = [Col("Person", 26.0), Col("Gap", 26.0), Col("Detail", 70.0)];

/// The workbook of the register on `reg.today`, stamped with `reg.generated_at`.
pub fn register_workbook(reg: &Register<'_>) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!("People and training register: {}", reg.client))
        .set_company(reg.client)
        .set_author("Trustgap")
        .set_creation_datetime(&reg.generated_at);
    book.set_properties(&properties);
    let styles = Styles::new();
    people_sheet(&mut book, reg, &styles)?;
    training_sheet(&mut book, reg, &styles)?;
    acks_sheet(&mut book, reg, &styles)?;
    gaps_sheet(&mut book, reg, &styles)?;
    about_sheet(&mut book, reg, &styles)?;
    Ok(book.save_to_buffer()?)
}

fn date_cell<'a>(d: Option<NaiveDate>) -> Cell<'a> {
    d.map_or(Cell::Text(""), Cell::Date)
}

fn people_sheet(book: &mut Workbook, reg: &Register<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "People", &PEOPLE, styles)?;
    for (i, p) in reg.people.iter().enumerate() {
        let cells = [
            Cell::Text(&p.name),
            Cell::Text(p.kind.label()),
            Cell::Text(&p.team),
            Cell::Text(&p.role),
            Cell::Text(&p.email),
            date_cell(p.start_date),
            date_cell(p.end_date),
            date_cell(p.access_removed_on),
        ];
        row(sheet, i + 1, &cells, &PEOPLE, styles)?;
    }
    filter(sheet, reg.people.len(), PEOPLE.len())
}

fn training_sheet(book: &mut Workbook, reg: &Register<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Training", &TRAINING, styles)?;
    let mut n = 0;
    for p in reg.people {
        for c in reg.courses {
            let s = training_status(p, c, reg.completions, reg.today);
            let fill = status_fill(&styles.text, status_tone(s.status));
            n += 1;
            let cells = [
                Cell::Text(&p.name),
                Cell::Text(&p.email),
                Cell::Text(&c.name),
                Cell::Styled(s.status.label(), &fill),
                date_cell(s.due_on),
                date_cell(s.last_completed),
                Cell::Text(latest_evidence(reg.completions, p.id, c.id)),
            ];
            row(sheet, n, &cells, &TRAINING, styles)?;
        }
    }
    filter(sheet, n, TRAINING.len())
}

fn acks_sheet(book: &mut Workbook, reg: &Register<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Acknowledgements", &ACKS, styles)?;
    let mut n = 0;
    for p in reg.people {
        let left = p.left_by(reg.today);
        for pol in reg.policies {
            let state = ack_status(p.id, pol, reg.acks);
            // A leaver owes no acknowledgement of a version approved after they left.
            let (label, tone) = match state {
                AckState::Current => (state.label(), ack_tone(state)),
                _ if left => ("Left; not owed", None),
                _ => (state.label(), ack_tone(state)),
            };
            let fill = status_fill(&styles.text, tone);
            let latest = latest_ack(reg.acks, p.id, &pol.policy_id);
            n += 1;
            let cells = [
                Cell::Text(&p.name),
                Cell::Text(&pol.title),
                Cell::Number(f64::from(pol.version)),
                latest.map_or(Cell::Text(""), |(v, _)| Cell::Number(f64::from(v))),
                date_cell(latest.map(|(_, d)| d)),
                Cell::Styled(label, &fill),
            ];
            row(sheet, n, &cells, &ACKS, styles)?;
        }
    }
    filter(sheet, n, ACKS.len())
}

fn gaps_sheet(book: &mut Workbook, reg: &Register<'_>, styles: &Styles) -> Result<()> {
    let sheet = table(book, "Gaps", &GAPS, styles)?;
    let gaps = register_gaps(
        reg.people,
        reg.courses,
        reg.completions,
        reg.policies,
        reg.acks,
        reg.today,
    );
    for (i, g) in gaps.iter().enumerate() {
        let cells = [
            Cell::Text(&g.person),
            Cell::Text(g.gap.label()),
            Cell::Text(&g.description),
        ];
        row(sheet, i + 1, &cells, &GAPS, styles)?;
    }
    filter(sheet, gaps.len(), GAPS.len())
}

fn about_sheet(book: &mut Workbook, reg: &Register<'_>, styles: &Styles) -> Result<()> {
    const VALUE_WIDTH: f64 = 70.0;
    let sheet = book.add_worksheet();
    sheet.set_name("About")?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, VALUE_WIDTH)?;
    text(sheet, 0, 0, "People and training register", &styles.title)?;
    let generated = reg.generated_at.format("%Y-%m-%d %H:%M UTC").to_string();
    let as_of = day(Some(reg.today));
    let note = "Statuses and gaps are judged on the day above. This workbook holds personal \
                data: keep it with the audit evidence and share it no further.";
    let rows: [(&str, &str); 4] = [
        ("Client", reg.client),
        ("Statuses as of", &as_of),
        ("Generated", &generated),
        ("Note", note),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = crate::workbook::sheet::row_num(i + 2);
        text(sheet, r, 0, label, &styles.label)?;
        text(sheet, r, 1, value, &styles.text)?;
        fit_row(sheet, r, [(*value, VALUE_WIDTH)])?;
    }
    print_setup(sheet, false)
}
