//! The order remediations must follow (`after`): a topological order, and the cycle when there
//! is one.

use super::model::Remediation;
use std::collections::HashMap;

/// Remediation keys in an order where each comes after everything it names in `after`
/// (unknown keys are ignored here; validation reports them). `Err` holds a cycle's keys.
pub fn dependency_order(remediations: &[Remediation]) -> Result<Vec<&str>, Vec<String>> {
    let index: HashMap<&str, usize> = remediations
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.as_str(), i))
        .collect();
    // 0 = not visited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; remediations.len()];
    let mut order = Vec::with_capacity(remediations.len());
    for start in 0..remediations.len() {
        if state[start] == 2 {
            continue;
        }
        // Depth-first, with an explicit stack of (node, next dependency to look at).
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&(node, next)) = path.last() {
            let Some(dep) = remediations[node].after.get(next) else {
                state[node] = 2;
                order.push(remediations[node].key.as_str());
                path.pop();
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            let Some(&d) = index.get(dep.as_str()) else {
                continue;
            };
            match state[d] {
                1 => {
                    let from = path.iter().position(|(n, _)| *n == d).unwrap_or(0);
                    return Err(path[from..]
                        .iter()
                        .map(|(n, _)| remediations[*n].key.clone())
                        .collect());
                }
                0 => {
                    state[d] = 1;
                    path.push((d, 0));
                }
                _ => {}
            }
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Effort;

    fn r(key: &str, after: &[&str]) -> Remediation {
        Remediation {
            key: key.into(),
            title: key.into(),
            action: key.into(),
            owner: "CTO".into(),
            effort: Effort::S,
            lead_weeks: None,
            after: after.iter().map(|a| (*a).into()).collect(),
            runs: None,
            proof: key.into(),
        }
    }

    #[test]
    fn dependencies_come_first() {
        let list = [r("c", &["b"]), r("a", &[]), r("b", &["a", "unknown"])];
        assert_eq!(dependency_order(&list), Ok(vec!["a", "b", "c"]));
    }

    #[test]
    fn a_cycle_is_named() {
        let list = [r("a", &["c"]), r("b", &["a"]), r("c", &["b"]), r("d", &[])];
        let cycle = dependency_order(&list).expect_err("cycle");
        assert_eq!(cycle.len(), 3, "{cycle:?}");
        assert!(["a", "b", "c"].iter().all(|k| cycle.iter().any(|c| c == k)));
    }
}
