//! Light markup, the one way policy text is written and edited: paragraphs, bullet lists,
//! `**bold**` and `*emphasis*`. Nothing else means anything, so any text is safe to render.

use serde::{Deserialize, Serialize};
use specta::Type;

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub emphasis: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
pub enum MarkupBlock {
    Paragraph(Vec<Inline>),
    /// One entry per item.
    Bullets(Vec<Vec<Inline>>),
}

/// Blocks are separated by blank lines; a block whose lines all start with "- " is a list,
/// any other block a paragraph whose lines are joined with a space.
pub fn parse(text: &str) -> Vec<MarkupBlock> {
    let normalised = text.replace("\r\n", "\n");
    let mut blocks = Vec::new();
    for chunk in normalised.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if lines.iter().all(|l| l.starts_with("- ")) {
            let items = lines.iter().map(|l| inline(l[2..].trim())).collect();
            blocks.push(MarkupBlock::Bullets(items));
        } else {
            blocks.push(MarkupBlock::Paragraph(inline(&lines.join(" "))));
        }
    }
    blocks
}

/// Splits a line at `**` (bold) and lone `*` (emphasis) markers. An unclosed marker holds to the
/// end of the line, so a stray asterisk never loses text; it only changes the emphasis.
pub fn inline(line: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let (mut bold, mut emphasis) = (false, false);
    let mut current = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '*' {
            current.push(c);
            continue;
        }
        push(&mut out, &mut current, bold, emphasis);
        if chars.peek() == Some(&'*') {
            chars.next();
            bold = !bold;
        } else {
            emphasis = !emphasis;
        }
    }
    push(&mut out, &mut current, bold, emphasis);
    out
}

fn push(out: &mut Vec<Inline>, current: &mut String, bold: bool, emphasis: bool) {
    if !current.is_empty() {
        out.push(Inline {
            text: std::mem::take(current),
            bold,
            emphasis,
        });
    }
}

/// The text without markers (search, plain-text comparisons).
pub fn plain(text: &str) -> String {
    parse(text)
        .iter()
        .map(|b| match b {
            MarkupBlock::Paragraph(runs) => flat(runs),
            MarkupBlock::Bullets(items) => items
                .iter()
                .map(|i| format!("- {}", flat(i)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn flat(runs: &[Inline]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, bold: bool, emphasis: bool) -> Inline {
        Inline {
            text: text.into(),
            bold,
            emphasis,
        }
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let blocks = parse("One\nline.\n\n- **Least privilege.** Only what\n- *Planned:* MFA\n");
        assert_eq!(
            blocks,
            vec![
                MarkupBlock::Paragraph(vec![run("One line.", false, false)]),
                MarkupBlock::Bullets(vec![
                    vec![
                        run("Least privilege.", true, false),
                        run(" Only what", false, false)
                    ],
                    vec![run("Planned:", false, true), run(" MFA", false, false)],
                ]),
            ]
        );
    }

    #[test]
    fn a_list_mixed_with_prose_is_a_paragraph_and_nothing_else_is_markup() {
        let blocks = parse("Intro\n- not a list\n\n# <b>[x](y)</b>");
        assert_eq!(
            blocks[0],
            MarkupBlock::Paragraph(vec![run("Intro - not a list", false, false)])
        );
        assert_eq!(
            blocks[1],
            MarkupBlock::Paragraph(vec![run("# <b>[x](y)</b>", false, false)])
        );
    }

    #[test]
    fn an_unclosed_marker_keeps_every_character() {
        let runs = inline("a **b * c");
        assert_eq!(flat(&runs), "a b  c");
        assert_eq!(plain("\r\n\r\n- x\r\n\r\n\r\ny"), "- x\n\ny");
    }
}
