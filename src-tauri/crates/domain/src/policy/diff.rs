//! A line difference between two texts by longest common subsequence: what a user sees when
//! the generated text under their edited section changed.

use super::model::{DiffKind, DiffLine};

/// Above this many line pairs the table would be large: the texts are shown as replaced.
const MAX_CELLS: usize = 4_000_000;

/// The lines of `from` and `to`, each marked same, removed (only in `from`) or added (only in
/// `to`), in reading order; removals before additions where both happen at one place.
pub fn line_diff(from: &str, to: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = from.lines().collect();
    let b: Vec<&str> = to.lines().collect();
    let line = |kind, text: &str| DiffLine {
        kind,
        text: text.to_owned(),
    };
    if a.len().saturating_mul(b.len()) > MAX_CELLS {
        let removed = a.iter().map(|t| line(DiffKind::Removed, t));
        return removed
            .chain(b.iter().map(|t| line(DiffKind::Added, t)))
            .collect();
    }
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(line(DiffKind::Same, a[i]));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            out.push(line(DiffKind::Removed, a[i]));
            i += 1;
        } else {
            out.push(line(DiffKind::Added, b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|t| line(DiffKind::Removed, t)));
    out.extend(b[j..].iter().map(|t| line(DiffKind::Added, t)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(d: &[DiffLine]) -> String {
        d.iter()
            .map(|l| {
                let mark = match l.kind {
                    DiffKind::Same => ' ',
                    DiffKind::Added => '+',
                    DiffKind::Removed => '-',
                };
                format!("{mark}{}", l.text)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_changed_line_is_removed_then_added_and_the_rest_kept() {
        let d = line_diff("a\nb\nc\nd", "a\nB\nc\nd\ne");
        assert_eq!(render(&d), " a\n-b\n+B\n c\n d\n+e");
    }

    #[test]
    fn identical_and_empty_texts() {
        assert!(line_diff("x\ny", "x\ny")
            .iter()
            .all(|l| l.kind == DiffKind::Same));
        assert_eq!(render(&line_diff("", "n")), "+n");
        assert_eq!(render(&line_diff("o", "")), "-o");
        assert!(line_diff("", "").is_empty());
    }

    #[test]
    fn the_diff_rebuilds_both_texts() {
        let (from, to) = ("1\n2\n3\n4\n5\n6", "0\n2\n3\nx\n5\n6\n7");
        let d = line_diff(from, to);
        let side = |keep: DiffKind| {
            d.iter()
                .filter(|l| l.kind == DiffKind::Same || l.kind == keep)
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(side(DiffKind::Removed), from);
        assert_eq!(side(DiffKind::Added), to);
        assert_eq!(d.iter().filter(|l| l.kind == DiffKind::Same).count(), 4);
    }

    #[test]
    fn huge_texts_are_shown_as_replaced() {
        let a = "a\n".repeat(2_001);
        let b = "b\n".repeat(2_001);
        let d = line_diff(&a, &b);
        assert_eq!(d.len(), 4_002);
        assert_eq!(d[0].kind, DiffKind::Removed);
    }
}
