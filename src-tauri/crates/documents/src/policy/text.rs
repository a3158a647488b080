//! A section's light markup as model blocks: paragraphs and bullet lists with their bold and
//! emphasised runs; a planned clause (a paragraph opening with an emphasised "Planned:") becomes
//! a callout, so a reader never takes it for practice.

use crate::doc::{Block, Span, Text, Tone};
use trustgap_domain::policy::markup::{parse, Inline, MarkupBlock};

/// How a planned clause is introduced in the text.
pub const PLANNED_MARK: &str = "Planned:";
/// The callout title over a planned clause.
pub const PLANNED_TITLE: &str = "Planned: not yet in place";
/// Longer planned paragraphs stay paragraphs: a callout is drawn whole on one page.
const CALLOUT_MAX_CHARS: usize = 900;

pub fn text(runs: &[Inline]) -> Text {
    Text(
        runs.iter()
            .map(|r| Span::new(r.text.clone(), r.bold, r.emphasis))
            .collect(),
    )
}

/// The clause after its "Planned:" mark, when `runs` is a planned clause.
pub fn planned_clause(runs: &[Inline]) -> Option<&[Inline]> {
    let (first, rest) = runs.split_first()?;
    (first.emphasis && first.text.trim() == PLANNED_MARK && !rest.is_empty()).then_some(rest)
}

/// `rest` with the space that followed the mark trimmed.
fn trimmed(rest: &[Inline]) -> Vec<Inline> {
    let mut out = rest.to_vec();
    if let Some(first) = out.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    out.retain(|r| !r.text.is_empty());
    out
}

/// The blocks of one section's text.
pub fn section_blocks(markup: &str) -> Vec<Block> {
    parse(markup)
        .into_iter()
        .map(|b| match b {
            MarkupBlock::Bullets(items) => Block::Bullets(items.iter().map(|i| text(i)).collect()),
            MarkupBlock::Paragraph(runs) => match planned_clause(&runs) {
                Some(rest) => planned_block(&runs, rest),
                None => Block::Paragraph(text(&runs)),
            },
        })
        .collect()
}

fn planned_block(all: &[Inline], rest: &[Inline]) -> Block {
    let clause = text(&trimmed(rest));
    if clause.flat().chars().count() > CALLOUT_MAX_CHARS {
        let mut t = text(all);
        t.0[0].strong = true;
        return Block::Paragraph(t);
    }
    Block::Callout {
        tone: Tone::Warning,
        title: PLANNED_TITLE.to_owned(),
        text: clause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_bullets_and_runs_keep_their_emphasis() {
        let blocks = section_blocks("Intro **must** *always*.\n\n- **One.** a\n- two");
        let Block::Paragraph(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(p.flat(), "Intro must always.");
        assert!(p.0[1].strong && !p.0[1].emphasis);
        assert!(p.0[3].emphasis && !p.0[3].strong);
        let Block::Bullets(items) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert!(items[0].0[0].strong);
    }

    #[test]
    fn a_planned_clause_is_a_callout_and_a_lookalike_is_not() {
        let blocks = section_blocks(
            "*Planned:* MFA is enforced (plan action \"Enforce MFA\", due 2027-01-31)\n\n\
             Planned: not marked\n\n*Planned:*",
        );
        match &blocks[0] {
            Block::Callout { title, text, tone } => {
                assert_eq!(title, PLANNED_TITLE);
                assert_eq!(*tone, Tone::Warning);
                assert!(text.flat().starts_with("MFA is enforced"), "{text:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(blocks[1], Block::Paragraph(_)));
        assert!(matches!(blocks[2], Block::Paragraph(_)), "a bare mark");
        let long = format!("*Planned:* {}", "word ".repeat(400));
        let Block::Paragraph(p) = &section_blocks(&long)[0] else {
            panic!("a long planned clause stays a paragraph")
        };
        assert!(p.0[0].strong && p.0[0].emphasis);
    }
}
