//! The timeline block: bars on a calendar, one lane per item from its first day to its last,
//! with dated markers drawn across (a plan date, a deadline). Dates only: each renderer picks
//! its own scale (the PDF a continuous one, Word a column per week).

use super::Tone;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The header of the label column ("Action").
    pub label: String,
    pub lanes: Vec<Lane>,
    pub markers: Vec<Marker>,
    /// What each bar colour stands for, in the legend's order.
    pub legend: Vec<(String, Tone)>,
}

/// One bar: "A01 Enforce multi-factor…" from its start to its last day (inclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// A short reference printed bold before the label ("A01"); may be empty.
    pub key: String,
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub tone: Tone,
}

/// A date drawn across every lane: "Readiness deadline 21 Nov 2027".
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub date: NaiveDate,
    pub label: String,
    pub tone: Tone,
    /// Dashed rather than solid: a date that is derived, not chosen.
    pub dashed: bool,
}

impl Timeline {
    /// The first and last day anything on it falls on (lanes and markers); `None` when empty.
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = self
            .lanes
            .iter()
            .flat_map(|l| [l.start, l.end])
            .chain(self.markers.iter().map(|m| m.date));
        let (mut lo, mut hi): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
        for d in days {
            lo = Some(lo.map_or(d, |l| l.min(d)));
            hi = Some(hi.map_or(d, |h| h.max(d)));
        }
        lo.zip(hi)
    }

    /// The legend, the markers (with their dates) and each lane, as printed.
    pub fn texts(&self) -> Vec<String> {
        let mut out: Vec<String> = self.legend.iter().map(|(l, _)| l.clone()).collect();
        out.extend(self.markers.iter().map(Marker::printed));
        out.push(self.label.clone());
        for l in &self.lanes {
            out.extend([l.key.clone(), l.label.clone()]);
        }
        out
    }
}

impl Marker {
    /// "Plan date 2 Nov 2026".
    pub fn printed(&self) -> String {
        format!("{} {}", self.label, self.date.format("%-d %b %Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).expect("date")
    }

    #[test]
    fn the_range_spans_lanes_and_markers() {
        let mut t = Timeline {
            label: "Action".into(),
            lanes: vec![Lane {
                key: "A01".into(),
                label: "Enforce MFA".into(),
                start: day(2, 1),
                end: day(3, 1),
                tone: Tone::Critical,
            }],
            markers: vec![Marker {
                date: day(1, 4),
                label: "Plan date".into(),
                tone: Tone::Neutral,
                dashed: false,
            }],
            legend: Vec::new(),
        };
        assert_eq!(t.range(), Some((day(1, 4), day(3, 1))));
        assert!(t.texts().contains(&"Plan date 4 Jan 2027".to_owned()));
        t.lanes.clear();
        t.markers.clear();
        assert_eq!(t.range(), None);
    }
}
