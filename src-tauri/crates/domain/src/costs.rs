//! What remediation may cost, as the user assumes it: a day rate for the people doing the work
//! and external costs (a penetration test, the audit fee, tooling) as low–high ranges. The board
//! brief multiplies the plan's effort by the rate and adds the lines. Whole currency units.

use crate::error::{DomainError, Result};
use crate::limits;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Most external cost lines per assessment.
pub const MAX_COST_LINES: usize = 20;
/// Highest day rate accepted, in currency units.
pub const MAX_DAY_RATE: u32 = 100_000;
/// Highest amount on one external line, in currency units.
pub const MAX_LINE_AMOUNT: u32 = 100_000_000;
/// Longest currency code or symbol, in characters ("EUR", "$", "CHF").
pub const MAX_CURRENCY_CHARS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CostLine {
    /// "Penetration test"
    pub label: String,
    pub low: u32,
    pub high: u32,
}

/// The cost assumptions of one assessment; `None` day rate: effort is not priced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CostAssumptions {
    pub currency: String,
    pub day_rate: Option<u32>,
    pub lines: Vec<CostLine>,
}

impl CostAssumptions {
    /// Nothing to price: no rate and no external line.
    pub fn is_empty(&self) -> bool {
        self.day_rate.is_none() && self.lines.is_empty()
    }

    /// Trimmed and checked, with messages that say what to change.
    pub fn cleaned(&self) -> Result<CostAssumptions> {
        let currency = limits::line("The currency", &self.currency)?;
        if currency.chars().count() > MAX_CURRENCY_CHARS {
            return Err(DomainError::invalid(format!(
                "The currency is a code or symbol of at most {MAX_CURRENCY_CHARS} characters, such as EUR or $."
            )));
        }
        if currency.is_empty() && !self.is_empty() {
            return Err(DomainError::invalid(
                "Give a currency (such as EUR or $) for the costs.",
            ));
        }
        if let Some(rate) = self.day_rate {
            if rate == 0 || rate > MAX_DAY_RATE {
                return Err(DomainError::invalid(format!(
                    "The day rate must be between 1 and {MAX_DAY_RATE}; leave it empty to not price the effort."
                )));
            }
        }
        if self.lines.len() > MAX_COST_LINES {
            return Err(DomainError::invalid(format!(
                "At most {MAX_COST_LINES} external cost lines: combine some of them."
            )));
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for l in &self.lines {
            let label = limits::name("An external cost's description", &l.label)?;
            if l.high > MAX_LINE_AMOUNT {
                return Err(DomainError::invalid(format!(
                    "\u{201c}{label}\u{201d} is over {MAX_LINE_AMOUNT}: check the amount."
                )));
            }
            if l.low > l.high {
                return Err(DomainError::invalid(format!(
                    "\u{201c}{label}\u{201d} has a low estimate above its high one: swap them."
                )));
            }
            lines.push(CostLine {
                label,
                low: l.low,
                high: l.high,
            });
        }
        Ok(CostAssumptions {
            currency,
            day_rate: self.day_rate,
            lines,
        })
    }

    /// The external lines' total, low and high.
    pub fn external(&self) -> (u64, u64) {
        self.lines.iter().fold((0, 0), |(lo, hi), l| {
            (lo + u64::from(l.low), hi + u64::from(l.high))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, low: u32, high: u32) -> CostLine {
        CostLine {
            label: label.into(),
            low,
            high,
        }
    }

    fn with(day_rate: Option<u32>, lines: Vec<CostLine>) -> CostAssumptions {
        CostAssumptions {
            currency: " EUR ".into(),
            day_rate,
            lines,
        }
    }

    #[test]
    fn sound_assumptions_are_trimmed_and_kept() {
        let c = with(Some(900), vec![line("  Audit fee ", 20_000, 30_000)])
            .cleaned()
            .expect("valid");
        assert_eq!(c.currency, "EUR");
        assert_eq!(c.lines[0].label, "Audit fee");
        assert_eq!(c.external(), (20_000, 30_000));
        assert!(CostAssumptions::default()
            .cleaned()
            .expect("empty")
            .is_empty());
    }

    #[test]
    fn hostile_or_absurd_assumptions_are_refused_with_a_reason() {
        let bad = [
            with(Some(0), vec![]),
            with(Some(MAX_DAY_RATE + 1), vec![]),
            with(None, vec![line("Pen test", 5, 4)]),
            with(None, vec![line("Pen test", 0, MAX_LINE_AMOUNT + 1)]),
            with(None, vec![line("", 1, 2)]),
            with(None, vec![line(&"x".repeat(121), 1, 2)]),
            with(None, vec![line("a\nb", 1, 2)]),
            with(None, vec![line("x", 1, 2); MAX_COST_LINES + 1]),
            CostAssumptions {
                currency: "EUROSEURO".into(),
                day_rate: Some(1),
                lines: vec![],
            },
            CostAssumptions {
                currency: String::new(),
                day_rate: Some(1),
                lines: vec![],
            },
        ];
        for b in bad {
            let err = b.cleaned().expect_err("refused");
            assert!(err.to_string().ends_with('.'), "{err}");
        }
    }
}
