//! The cell formats every sheet shares: header, wrapped text, dates, and the severity fills.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};
use trustgap_domain::scoring::Severity;

pub struct Styles {
    pub title: Format,
    pub header: Format,
    /// Text, wrapped, aligned to the top so long cells read from their first line.
    pub text: Format,
    pub date: Format,
    pub number: Format,
    /// An editable cell of a protected sheet.
    pub unlocked: Format,
    pub label: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0x00E7_E6E6))
                .set_border_bottom(FormatBorder::Thin),
            date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
            number: Format::new().set_align(FormatAlign::Top),
            unlocked: text.clone().set_unlocked(),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            text,
        }
    }

    /// The text format filled with the severity's colour (red, amber, green: the reports').
    pub fn severity(&self, s: Severity) -> Format {
        let fill = match s {
            Severity::High => 0x00F4_C7C3,
            Severity::Medium => 0x00FC_E8B2,
            Severity::Low => 0x00D9_EAD3,
        };
        self.text.clone().set_background_color(Color::RGB(fill))
    }
}

/// A fill for a status cell: green, amber or red as the severities, `None` for no fill.
pub fn status_fill(text: &Format, tone: Option<crate::doc::Tone>) -> Format {
    use crate::doc::Tone;
    let fill = match tone {
        Some(Tone::Critical) => 0x00F4_C7C3,
        Some(Tone::Warning) => 0x00FC_E8B2,
        Some(Tone::Good) => 0x00D9_EAD3,
        _ => return text.clone(),
    };
    text.clone().set_background_color(Color::RGB(fill))
}
