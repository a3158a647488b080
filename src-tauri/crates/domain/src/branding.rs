//! White-label branding: the firm a document is prepared by, its logo, accent colour, footer and
//! disclaimer. The workspace has one set; a client may override each field or inherit it.
//!
//! Plain data and text rules only: the logo arrives here already checked and measured (the
//! documents crate decodes it), so every renderer, PDF or otherwise, reads the same struct.

use crate::error::{DomainError, Result};
use crate::limits;
use serde::{Deserialize, Serialize};
use specta::Type;

/// Largest logo file accepted, in bytes (1 MiB).
pub const MAX_LOGO_BYTES: u64 = 1024 * 1024;
/// Largest logo side, in pixels: a logo printed 4 cm wide at 600 dpi needs under 1,000.
pub const MAX_LOGO_SIDE: u32 = 4096;

/// The image formats a logo may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum LogoFormat {
    Png,
    Jpeg,
}

impl LogoFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            LogoFormat::Png => "png",
            LogoFormat::Jpeg => "jpeg",
        }
    }

    pub fn parse(s: &str) -> Option<LogoFormat> {
        match s {
            "png" => Some(LogoFormat::Png),
            "jpeg" => Some(LogoFormat::Jpeg),
            _ => None,
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpeg => "image/jpeg",
        }
    }
}

/// A checked logo: its file bytes as given, format and size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub format: LogoFormat,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// An sRGB colour written `#RRGGBB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent(pub u32);

impl Accent {
    /// Parses `#RRGGBB` (either case).
    pub fn parse(raw: &str) -> Result<Accent> {
        let raw = raw.trim();
        let hex = raw.strip_prefix('#').unwrap_or("");
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(DomainError::invalid(format!(
                "The accent colour must be written #RRGGBB, for example #1F4E79 (got \"{}\").",
                raw.chars()
                    .filter(|c| !c.is_control())
                    .take(20)
                    .collect::<String>()
            )));
        }
        u32::from_str_radix(hex, 16)
            .map(Accent)
            .map_err(|_| DomainError::invalid("The accent colour must be written #RRGGBB."))
    }

    /// `#1F4E79`.
    pub fn hex(self) -> String {
        format!("#{:06X}", self.0 & 0xff_ffff)
    }

    /// WCAG contrast ratio of this colour against white (1 to 21).
    pub fn contrast_on_white(self) -> f64 {
        let lin = |shift: u32| {
            let c = f64::from((self.0 >> shift) & 0xff) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(16) + 0.7152 * lin(8) + 0.0722 * lin(0);
        1.05 / (l + 0.05)
    }

    /// The colour used for text and for fills under white text: the accent itself when it reads
    /// on white (contrast at least 4.5:1, WCAG AA for body text), else the accent darkened in
    /// steps until it does, so a light brand colour keeps its hue but stays legible.
    pub fn for_text(self) -> Accent {
        let mut c = self;
        for _ in 0..64 {
            if c.contrast_on_white() >= 4.5 {
                return c;
            }
            let dim = |shift: u32| ((((c.0 >> shift) & 0xff) * 9 / 10) & 0xff) << shift;
            c = Accent(dim(16) | dim(8) | dim(0));
        }
        Accent(0)
    }

    /// A sentence when the accent had to be darkened for text, else `None`.
    pub fn legibility_note(self) -> Option<String> {
        let text = self.for_text();
        (text != self).then(|| {
            format!(
                "{} is too light to read as text on white, so headings and bands use {}, a \
                 darker shade of it.",
                self.hex(),
                text.hex()
            )
        })
    }
}

/// Branding as stored: each field set, or `None` (for a client: inherit the workspace's; for
/// the workspace: not set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrandingFields {
    pub firm: Option<String>,
    pub logo: Option<Logo>,
    pub accent: Option<Accent>,
    pub footer: Option<String>,
    pub disclaimer: Option<String>,
}

/// Branding as a document applies it: the client's override over the workspace's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Branding {
    /// "Prepared by <firm>"; empty: no firm set (the documents say "Prepared with Trustgap").
    pub firm: String,
    pub logo: Option<Logo>,
    pub accent: Option<Accent>,
    /// Printed in every page footer.
    pub footer: String,
    /// Printed on the cover's notice.
    pub disclaimer: String,
}

impl Branding {
    /// The client's fields where set, else the workspace's.
    pub fn resolve(workspace: &BrandingFields, client: &BrandingFields) -> Branding {
        let pick = |c: &Option<String>, w: &Option<String>| {
            c.clone().or_else(|| w.clone()).unwrap_or_default()
        };
        Branding {
            firm: pick(&client.firm, &workspace.firm),
            logo: client.logo.clone().or_else(|| workspace.logo.clone()),
            accent: client.accent.or(workspace.accent),
            footer: pick(&client.footer, &workspace.footer),
            disclaimer: pick(&client.disclaimer, &workspace.disclaimer),
        }
    }

    /// "Prepared by Meridian Assurance", or "Prepared with Trustgap" when no firm is set.
    pub fn prepared_line(&self) -> String {
        if self.firm.is_empty() {
            "Prepared with Trustgap".to_owned()
        } else {
            format!("Prepared by {}", self.firm)
        }
    }
}

/// Longest footer text, in characters: one line under the page.
pub const MAX_FOOTER_CHARS: usize = 160;
/// Longest disclaimer, in characters: a paragraph on the cover.
pub const MAX_DISCLAIMER_CHARS: usize = 1_200;

/// The firm name: one line of up to the name limit; empty means "not set".
pub fn firm(raw: &str) -> Result<String> {
    limits::line("The firm name", raw)
}

/// Footer text: one line of at most [`MAX_FOOTER_CHARS`].
pub fn footer(raw: &str) -> Result<String> {
    let v = raw.trim();
    if v.chars().count() > MAX_FOOTER_CHARS || v.chars().any(char::is_control) {
        return Err(DomainError::invalid(format!(
            "The footer text must be one line of at most {MAX_FOOTER_CHARS} characters."
        )));
    }
    Ok(v.to_owned())
}

/// Disclaimer: a paragraph of at most [`MAX_DISCLAIMER_CHARS`], line breaks allowed.
pub fn disclaimer(raw: &str) -> Result<String> {
    let v = raw.trim();
    if v.chars().count() > MAX_DISCLAIMER_CHARS || v.chars().any(|c| c.is_control() && c != '\n') {
        return Err(DomainError::invalid(format!(
            "The disclaimer is limited to {MAX_DISCLAIMER_CHARS} characters of text."
        )));
    }
    Ok(v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_parse_and_light_ones_are_darkened_for_text() {
        assert_eq!(Accent::parse("#1f4e79"), Ok(Accent(0x1f4e79)));
        assert_eq!(
            Accent::parse(" #A0B0C0 ").map(Accent::hex),
            Ok("#A0B0C0".into())
        );
        for bad in [
            "1f4e79", "#1f4e7", "#1f4e7g", "#1f4e799", "", "#", "red", "#+1f4e7",
        ] {
            assert!(Accent::parse(bad).is_err(), "{bad}");
        }
        let navy = Accent(0x1f4e79);
        assert_eq!(navy.for_text(), navy);
        assert_eq!(navy.legibility_note(), None);
        let yellow = Accent(0xffd700);
        let text = yellow.for_text();
        assert!(text.contrast_on_white() >= 4.5);
        assert_ne!(text, yellow);
        assert!(yellow
            .legibility_note()
            .is_some_and(|n| n.contains("#FFD700")));
        assert!(Accent(0xffffff).for_text().contrast_on_white() >= 4.5);
    }

    #[test]
    fn a_client_override_wins_field_by_field() {
        let ws = BrandingFields {
            firm: Some("Meridian".into()),
            footer: Some("Meridian Assurance LLP".into()),
            accent: Some(Accent(0x123456)),
            ..BrandingFields::default()
        };
        let client = BrandingFields {
            firm: Some("Meridian Japan".into()),
            ..BrandingFields::default()
        };
        let b = Branding::resolve(&ws, &client);
        assert_eq!(b.firm, "Meridian Japan");
        assert_eq!(b.footer, "Meridian Assurance LLP");
        assert_eq!(b.accent, Some(Accent(0x123456)));
        assert_eq!(b.prepared_line(), "Prepared by Meridian Japan");
        assert_eq!(
            Branding::default().prepared_line(),
            "Prepared with Trustgap"
        );
    }

    #[test]
    fn texts_are_bounded() {
        assert!(firm(&"x".repeat(121)).is_err());
        assert!(footer("a\nb").is_err());
        assert!(footer(&"x".repeat(MAX_FOOTER_CHARS + 1)).is_err());
        assert!(disclaimer("one\ntwo").is_ok());
        assert!(disclaimer("bell\u{7}").is_err());
        assert!(disclaimer(&"x".repeat(MAX_DISCLAIMER_CHARS + 1)).is_err());
    }
}
