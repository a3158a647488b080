//! Seeds and a tiny random generator for the crash and fuzz tests: every run prints its seed, and
//! the same seed replays the same choices.

use std::time::{SystemTime, UNIX_EPOCH};

/// SplitMix64: small, fast and good enough to pick test inputs; not for anything secret.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        assert!(lo <= hi, "empty range {lo}..={hi}");
        match (hi - lo).checked_add(1) {
            Some(span) => lo + self.next_u64() % span,
            None => self.next_u64(),
        }
    }

    /// An index into a collection of `len` items.
    pub fn index(&mut self, len: usize) -> usize {
        assert!(len > 0, "nothing to choose from");
        (self.next_u64() % len as u64) as usize
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: u64, den: u64) -> bool {
        self.next_u64() % den < num
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }

    /// A new generator for a sub-task, so adding draws in one place does not shift another.
    pub fn fork(&mut self) -> Rng {
        Rng(self.next_u64())
    }
}

/// The seed in the environment variable `var` (decimal or 0x-hex), else a fresh one.
pub fn seed(var: &str) -> u64 {
    match std::env::var(var) {
        Ok(v) => parse_u64(&v).unwrap_or_else(|| panic!("{var}={v} is not a number")),
        Err(_) => {
            let t = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            Rng::new(t ^ u64::from(std::process::id()).rotate_left(32)).next_u64()
        }
    }
}

/// A count from the environment variable `var`, else `default`.
pub fn count(var: &str, default: usize) -> usize {
    match std::env::var(var) {
        Ok(v) => parse_u64(&v)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or_else(|| panic!("{var}={v} is not a count")),
        Err(_) => default,
    }
}

fn parse_u64(v: &str) -> Option<u64> {
    let v = v.trim();
    match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => v.parse().ok(),
    }
}

#[test]
fn the_generator_is_deterministic_and_spreads() {
    let a: Vec<u64> = {
        let mut r = Rng::new(42);
        (0..4).map(|_| r.next_u64()).collect()
    };
    let b: Vec<u64> = {
        let mut r = Rng::new(42);
        (0..4).map(|_| r.next_u64()).collect()
    };
    assert_eq!(a, b);
    let mut r = Rng::new(7);
    let mut seen = [false; 10];
    for _ in 0..1000 {
        let n = r.range(5, 14);
        assert!((5..=14).contains(&n));
        seen[(n - 5) as usize] = true;
    }
    assert!(seen.iter().all(|s| *s), "{seen:?}");
    assert_eq!(parse_u64("0x10"), Some(16));
    assert_eq!(parse_u64(" 12 "), Some(12));
}

/// Prints a line past the test harness's output capture, so that seeds and counts show in
/// every run, not only when a test fails.
pub fn report(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
