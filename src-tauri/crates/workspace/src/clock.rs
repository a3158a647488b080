//! The time a document is stamped with: now, or `SOURCE_DATE_EPOCH` when it is set (the
//! reproducible-builds convention), so the same data exports to byte-identical files.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// The reproducible-builds variable: seconds since 1970-01-01 UTC.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The stamp for generated documents: `SOURCE_DATE_EPOCH` when set to a valid number of
/// seconds, otherwise the current time. An unparsable value is ignored rather than fatal:
/// the convention asks tools to fall back, and an export must not fail on a stray variable.
pub fn now() -> DateTime<Utc> {
    from_epoch(std::env::var(SOURCE_DATE_EPOCH).ok().as_deref()).unwrap_or_else(Utc::now)
}

/// The calendar day plans and reports are dated with: the stamp's UTC date under
/// `SOURCE_DATE_EPOCH` (so "days to the audit" is reproducible too), else the local day.
pub fn today() -> NaiveDate {
    match from_epoch(std::env::var(SOURCE_DATE_EPOCH).ok().as_deref()) {
        Some(stamp) => stamp.date_naive(),
        None => Local::now().date_naive(),
    }
}

fn from_epoch(value: Option<&str>) -> Option<DateTime<Utc>> {
    let secs: i64 = value?.trim().parse().ok()?;
    DateTime::<Utc>::from_timestamp(secs, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_parses_and_falls_back() {
        let stamp = from_epoch(Some("1764806400")).expect("valid");
        assert_eq!(stamp.to_rfc3339(), "2025-12-04T00:00:00+00:00");
        assert_eq!(from_epoch(Some(" 0 ")).expect("valid").timestamp(), 0);
        assert!(from_epoch(Some("yesterday")).is_none());
        assert!(from_epoch(Some("")).is_none());
        assert!(from_epoch(None).is_none());
        assert!(from_epoch(Some("99999999999999999")).is_none());
    }
}
