//! Table layout: header repeated per page, tall rows split without losing words, short
//! tables and rows kept whole.

use super::*;
use crate::report::flow::{BOTTOM, TOP};
use crate::report::layout::Document;

fn flow() -> Flow {
    Flow::new(&Document::new("test").expect("fonts"))
}

fn table(rows: usize, note: &str) -> Table {
    let mut t = Table::new(vec![
        Column::new("Ref", 1.0),
        Column::new("Finding", 4.0),
        Column::new("Score", 1.5).right(),
    ]);
    for i in 0..rows {
        t.row(vec![
            Cell::text(format!("R{i:03}")),
            Cell::text(format!("{note} end{i}")),
            Cell::Score(Some(50.0)),
        ]);
    }
    t
}

#[test]
fn long_tables_repeat_their_header_on_every_page() {
    let mut f = flow();
    f.table(&table(120, "A finding")).expect("table");
    let (pages, _) = f.finish();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (n, p) in pages.iter().enumerate() {
        let texts = p.texts();
        assert_eq!(
            texts.first().map(String::as_str),
            Some("Ref"),
            "page {}",
            n + 1
        );
        assert_eq!(texts.iter().filter(|t| *t == "Finding").count(), 1);
    }
    let rows: usize = pages
        .iter()
        .map(|p| {
            p.texts()
                .iter()
                .filter(|t| t.len() == 4 && t.starts_with('R') && t != &"Ref")
                .count()
        })
        .sum();
    assert_eq!(rows, 120, "every row once");
}

#[test]
fn a_row_taller_than_a_page_splits_and_keeps_every_word() {
    let mut f = flow();
    let long = (0..2500)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    f.table(&table(2, &long)).expect("table");
    let (pages, _) = f.finish();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let words: Vec<String> = pages
        .iter()
        .flat_map(|p| p.texts())
        .flat_map(|t| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| w.starts_with('w'))
        .collect();
    assert_eq!(words.len(), 5000, "both long cells complete");
    assert_eq!(words[2499], "w2499");
    for p in &pages {
        assert_eq!(p.texts().first().map(String::as_str), Some("Ref"));
    }
}

#[test]
fn a_header_is_never_left_alone_at_the_bottom_of_a_page() {
    let mut f = flow();
    f.advance(BOTTOM - TOP - 30.0);
    f.canvas();
    f.table(&table(3, "Short")).expect("table");
    let (pages, _) = f.finish();
    assert_eq!(pages.len(), 2);
    assert!(
        !pages[0].texts().iter().any(|t| t == "Ref"),
        "no header stranded at the bottom"
    );
}

#[test]
fn empty_tables_show_their_header() {
    let mut f = flow();
    f.table(&table(0, "")).expect("table");
    let (pages, _) = f.finish();
    assert_eq!(pages[0].texts(), vec!["Ref", "Finding", "Score"]);
}

#[test]
fn a_group_running_onto_a_page_names_itself_there_as_continued() {
    let mut t = table(120, "A finding");
    for (i, row) in t.rows.iter_mut().enumerate() {
        if i > 0 {
            row[0] = Cell::text("");
        }
    }
    t.rows[0][0] = Cell::text("CC1.1");
    t.carry = Some(0);
    let mut f = flow();
    f.table(&t).expect("table");
    let (pages, _) = f.finish();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (n, p) in pages.iter().enumerate() {
        let texts = p.texts();
        let labels = texts.iter().filter(|t| t.as_str() == "CC1.1").count();
        let marks = texts.iter().filter(|t| t.as_str() == "continued").count();
        assert_eq!(labels, 1, "page {}: {texts:?}", n + 1);
        assert_eq!(marks, usize::from(n > 0), "page {}", n + 1);
    }
    // Without a grouping column nothing is carried.
    t.carry = None;
    let mut f = flow();
    f.table(&t).expect("table");
    let (pages, _) = f.finish();
    assert!(pages[1..]
        .iter()
        .all(|p| !p.texts().iter().any(|t| t == "CC1.1")));
}
