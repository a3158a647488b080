//! Policies as GitHub-flavoured Markdown, for wikis and git: YAML front matter, the same
//! sections, tables and approval block as the PDF. Section text is re-written from its parsed
//! markup with every other Markdown character escaped, so text a user typed never turns into
//! links, headings or HTML. The output depends only on its input.

use super::coverage::covered_by;
use super::pack::count;
use super::text::planned_clause;
use super::{
    approved_line, approver_phrase, approver_role, criteria_line, file_stem, owner_role,
    review_line, revision_date, with_role, PolicyDocContext,
};
use crate::report::theme::long_date;
use std::fmt::Write;
use trustgap_domain::policy::markup::{parse, Inline, MarkupBlock};
use trustgap_domain::policy::{PolicyStatus, PolicyView};

/// One policy as Markdown.
pub fn policy_markdown(view: &PolicyView, ctx: &PolicyDocContext<'_>) -> String {
    let mut out = String::from("---\n");
    for (k, v) in [
        ("title", yaml(&view.title)),
        ("company", yaml(ctx.company)),
        ("policy_id", yaml(&view.id)),
        ("version", view.version.to_string()),
        ("status", view.status.as_str().to_owned()),
        ("owner", yaml(&view.owner_name)),
        ("approver", yaml(&view.approver_name)),
        ("approved_on", iso(view.approved_on)),
        ("next_review", iso(view.next_review)),
        (
            "criteria",
            format!(
                "[{}]",
                view.criteria
                    .iter()
                    .map(|c| yaml(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    ] {
        let _ = writeln!(out, "{k}: {v}");
    }
    out.push_str("---\n\n");
    let _ = writeln!(out, "# {}\n", inline_text(&view.title));
    let _ = writeln!(out, "{}\n", inline_text(&view.summary));
    match view.status {
        PolicyStatus::Draft | PolicyStatus::InReview => {
            let _ = writeln!(
                out,
                "> **{}: not yet approved.** This version takes effect once {} approves it.\n",
                view.status.label(),
                inline_text(&approver_phrase(view))
            );
        }
        PolicyStatus::Retired => {
            out.push_str("> **Retired: no longer in force.** Kept for the record.\n\n");
        }
        PolicyStatus::Approved => {}
    }
    out.push_str("## Document control\n\n");
    let control = [
        ("Company", ctx.company.to_owned()),
        ("System", ctx.system.to_owned()),
        ("Version", view.version.to_string()),
        ("Status", view.status.label().to_owned()),
        ("Owner", with_role(&view.owner_name, &owner_role(view))),
        (
            "Approver",
            with_role(&view.approver_name, &approver_role(view)),
        ),
        ("Approved on", approved_line(view)),
        ("Next review", review_line(view)),
        (
            "Review cycle",
            format!("Every {} months", view.review_months),
        ),
        ("Criteria supported", criteria_line(&view.criteria)),
    ];
    table(
        &mut out,
        &["Item", "Detail"],
        control.into_iter().map(|(k, v)| vec![k.to_owned(), v]),
    );
    for (i, s) in view.sections.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", i + 1, inline_text(&s.title));
        if !s.criteria.is_empty() {
            let _ = writeln!(out, "*Supports: {}*\n", criteria_line(&s.criteria));
        }
        section(&mut out, &s.text);
    }
    if !view.planned.is_empty() {
        out.push_str("## Planned clauses\n\n");
        table(
            &mut out,
            &["Section", "Clause", "Plan action", "Due"],
            view.planned.iter().map(|p| {
                vec![
                    p.section_title.clone(),
                    p.text.clone(),
                    p.action_title
                        .clone()
                        .unwrap_or_else(|| "Not yet in the plan".to_owned()),
                    due(p.due),
                ]
            }),
        );
    }
    out.push_str("## Revision history\n\n");
    if view.revisions.is_empty() {
        out.push_str("No revision is recorded yet: this is the first draft.\n\n");
    } else {
        table(
            &mut out,
            &["Version", "Date", "Status", "By", "Note"],
            view.revisions.iter().rev().map(|r| {
                vec![
                    r.version.to_string(),
                    revision_date(&r.at),
                    r.status.label().to_owned(),
                    r.author.clone(),
                    r.note.clone(),
                ]
            }),
        );
    }
    out.push_str("## Approval\n\n");
    let date = match (view.status, view.approved_on) {
        (PolicyStatus::Approved, Some(d)) => long_date(d),
        _ => String::new(),
    };
    table(
        &mut out,
        &["Approver", "Role", "Signature", "Date"],
        [vec![
            view.approver_name.clone(),
            approver_role(view),
            String::new(),
            date,
        ]],
    );
    let _ = writeln!(out, "*{}*", inline_text(&ctx.footer()));
    out
}

/// The pack's index as Markdown, linking each policy's file (`file_stem` + ".md").
pub fn pack_index_markdown(views: &[PolicyView], ctx: &PolicyDocContext<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Policy pack index: {}\n\n{} · {} · {} of {} policies approved\n",
        inline_text(ctx.company),
        inline_text(ctx.system),
        long_date(ctx.date),
        count(views, PolicyStatus::Approved),
        views.len()
    );
    out.push_str("## Policies\n\n");
    table_cells(
        &mut out,
        &["Policy", "Version", "Status", "Owner", "Next review"],
        views
            .iter()
            .enumerate()
            .map(|(i, v)| {
                vec![
                    format!("[{}]({}.md)", inline_text(&v.title), file_stem(i, &v.id)),
                    v.version.to_string(),
                    v.status.label().to_owned(),
                    inline_text(&v.owner_name),
                    review_line(v),
                ]
            })
            .collect(),
    );
    out.push_str("## Planned clauses\n\n");
    let planned: Vec<_> = views
        .iter()
        .flat_map(|v| v.planned.iter().map(move |p| (v, p)))
        .collect();
    if planned.is_empty() {
        out.push_str("None: every practice the policies state is in place.\n\n");
    } else {
        table(
            &mut out,
            &["Policy", "Clause", "Plan action", "Due"],
            planned.iter().map(|(v, p)| {
                vec![
                    v.title.clone(),
                    p.text.clone(),
                    p.action_title
                        .clone()
                        .unwrap_or_else(|| "Not yet in the plan".to_owned()),
                    due(p.due),
                ]
            }),
        );
    }
    out.push_str("## Coverage of the criteria\n\n");
    let mut uncovered = Vec::new();
    let rows: Vec<Vec<String>> = ctx
        .criteria_in_scope()
        .map(|c| {
            let by = covered_by(views, &c.id);
            if by.is_empty() {
                uncovered.push(c.id.clone());
            }
            vec![
                inline_text(&c.id),
                inline_text(&c.topic),
                if by.is_empty() {
                    "**No policy**".to_owned()
                } else {
                    inline_text(&by.join(", "))
                },
            ]
        })
        .collect();
    table_cells(&mut out, &["Criterion", "Topic", "Policies"], rows);
    if !uncovered.is_empty() {
        let _ = writeln!(
            out,
            "**In scope with no policy:** {}\n",
            uncovered.join(", ")
        );
    }
    let _ = writeln!(out, "*{}*", inline_text(&ctx.footer()));
    out
}

/// A section's markup re-written as Markdown; planned clauses as quotes.
fn section(out: &mut String, markup: &str) {
    for block in parse(markup) {
        match block {
            MarkupBlock::Bullets(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", runs(&item));
                }
                out.push('\n');
            }
            MarkupBlock::Paragraph(p) => match planned_clause(&p) {
                Some(rest) => {
                    let clause = runs(rest);
                    let _ = writeln!(
                        out,
                        "> **Planned, not yet in place:** {}\n",
                        clause.trim_start()
                    );
                }
                None => {
                    let _ = writeln!(out, "{}\n", runs(&p));
                }
            },
        }
    }
}

fn runs(rs: &[Inline]) -> String {
    let mut out = String::new();
    for r in rs {
        // Markers must hug the text: spaces go outside them.
        let t = escape(&r.text);
        let core = t.trim();
        if core.is_empty() {
            out.push_str(&t);
            continue;
        }
        let lead = &t[..t.len() - t.trim_start().len()];
        let tail = &t[t.trim_end().len()..];
        let mark = match (r.bold, r.emphasis) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let _ = write!(out, "{lead}{mark}{core}{mark}{tail}");
    }
    out
}

/// Plain text (a title, a name) as Markdown that prints it as is.
fn inline_text(s: &str) -> String {
    escape(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Backslash-escapes what Markdown reads as syntax anywhere in a line, and what it reads as a
/// heading, list or quote at the start of one.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_control() {
            out.push(' ');
            continue;
        }
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    line_start(out)
}

/// `s` safe at the start of a line: "# x", "- x", "+ x", "= x", "1. x" stay text.
fn line_start(mut s: String) -> String {
    if s.starts_with(['#', '-', '+', '=']) {
        s.insert(0, '\\');
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(['.', ')']) {
        s.insert(digits, '\\');
    }
    s
}

fn table(out: &mut String, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let rows = rows
        .into_iter()
        .map(|r| r.iter().map(|c| inline_text(c)).collect())
        .collect();
    table_cells(out, head, rows);
}

/// A table of cells already written as Markdown.
fn table_cells(out: &mut String, head: &[&str], rows: Vec<Vec<String>>) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out.push('\n');
}

/// A YAML double-quoted string.
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// "2026-12-01", or "null".
fn iso(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "null".to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

fn due(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), long_date)
}
