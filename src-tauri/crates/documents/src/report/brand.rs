//! White-label branding on the page: the accent colour swapped in for the theme's brand
//! colours, and the logo registered once as a PDF image and drawn where asked.
//!
//! The report modules draw with the theme's `BRAND*` constants; when a page is finished its
//! colour operations naming those constants are replaced by the accent's palette. The accent
//! is first darkened until it reads as text on white ([`Accent::for_text`]), because the same
//! colour is used for headings on white and for bands under white text.

use super::layout::{Canvas, Document, Rgb8, PAGE_HEIGHT};
use super::theme::{BRAND, BRAND_DARK, BRAND_SOFT, BRAND_TINT};
use crate::logo::{pixels, Pixels};
use printpdf::{
    CurTransMat, DictItem, ExternalStream, ExternalXObject, Op, XObject, XObjectId,
    XObjectTransform,
};
use std::collections::BTreeMap;
use trustgap_domain::branding::{Accent, Branding, Logo};
use trustgap_domain::DomainError;

/// The resource name of the logo image (fixed, for reproducible files).
const LOGO_ID: &str = "TGLOGO";

/// The four brand colours of the theme, and what replaces each.
pub(crate) struct Palette {
    swaps: [(Rgb8, Rgb8); 4],
}

impl Palette {
    /// The accent's palette; `None` when no accent is set (the theme stays as it is).
    pub(crate) fn of(accent: Option<Accent>) -> Option<Palette> {
        let text = Rgb8(accent?.for_text().0);
        Some(Palette {
            swaps: [
                (BRAND, text),
                (BRAND_DARK, darken(text, 0.75)),
                (BRAND_SOFT, text.tint(0.75)),
                (BRAND_TINT, text.tint(0.92)),
            ],
        })
    }

    /// Replaces the theme's brand colours on one page.
    pub(crate) fn apply(&self, page: &mut Canvas) {
        let swap = |col: &mut printpdf::Color| {
            for (from, to) in &self.swaps {
                if *col == from.color() {
                    *col = to.color();
                    return;
                }
            }
        };
        for op in &mut page.ops {
            match op {
                Op::SetFillColor { col } | Op::SetOutlineColor { col } => swap(col),
                _ => {}
            }
        }
    }
}

fn darken(c: Rgb8, factor: f32) -> Rgb8 {
    let ch = |shift: u32| {
        let v = ((c.0 >> shift) & 0xff) as f32 * factor;
        (v.round() as u32).min(255) << shift
    };
    Rgb8(ch(16) | ch(8) | ch(0))
}

/// Registers the branding's logo in the document, if there is one; returns its size in pixels.
pub(crate) fn register_logo(
    doc: &mut Document,
    branding: &Branding,
) -> Result<Option<(u32, u32)>, DomainError> {
    let Some(logo) = &branding.logo else {
        return Ok(None);
    };
    let p = pixels(logo)?;
    let size = (p.width, p.height);
    doc.resources()
        .xobjects
        .map
        .insert(XObjectId(LOGO_ID.to_owned()), XObject::External(image(p)));
    Ok(Some(size))
}

/// The PDF image dictionary and stream of a logo (with its transparency as a soft mask).
fn image(p: Pixels) -> ExternalXObject {
    let dict = |color_space: &str, filter: Option<&str>| {
        let mut d = BTreeMap::new();
        d.insert("Type".to_owned(), DictItem::Name(b"XObject".to_vec()));
        d.insert("Subtype".to_owned(), DictItem::Name(b"Image".to_vec()));
        d.insert("Width".to_owned(), DictItem::Int(i64::from(p.width)));
        d.insert("Height".to_owned(), DictItem::Int(i64::from(p.height)));
        d.insert(
            "ColorSpace".to_owned(),
            DictItem::Name(color_space.as_bytes().to_vec()),
        );
        d.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
        if let Some(f) = filter {
            d.insert("Filter".to_owned(), DictItem::Name(f.as_bytes().to_vec()));
        }
        d
    };
    let mut main = dict(p.color_space, p.jpeg.then_some("DCTDecode"));
    if let Some(alpha) = p.alpha {
        main.insert(
            "SMask".to_owned(),
            DictItem::Stream {
                stream: ExternalStream {
                    dict: dict("DeviceGray", None),
                    content: alpha,
                    compress: true,
                },
            },
        );
    }
    ExternalXObject {
        stream: ExternalStream {
            dict: main,
            content: p.data,
            // A JPEG is already compressed; raw samples are deflated when the file is saved.
            compress: !p.jpeg,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

/// Draws the registered logo fitted into the box at (`x`, `top`) of `max_w` × `max_h` points,
/// keeping its proportions; `right` aligns it to the box's right edge. Returns the width drawn.
pub(crate) fn draw_logo(
    c: &mut Canvas,
    size: (u32, u32),
    x: f32,
    top: f32,
    max_w: f32,
    max_h: f32,
    right: bool,
) -> f32 {
    let (w, h) = (size.0 as f32, size.1 as f32);
    let scale = (max_w / w).min(max_h / h);
    let (dw, dh) = (w * scale, h * scale);
    let left = if right { x + max_w - dw } else { x };
    let bottom = PAGE_HEIGHT - top - (max_h + dh) / 2.0;
    c.ops.extend([
        Op::SaveGraphicsState,
        Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw([dw, 0.0, 0.0, dh, left, bottom]),
        },
        Op::UseXobject {
            id: XObjectId(LOGO_ID.to_owned()),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        },
        Op::RestoreGraphicsState,
    ]);
    dw
}

/// The size of a checked logo, for layout before it is registered.
pub(crate) fn logo_size(logo: Option<&Logo>) -> Option<(u32, u32)> {
    logo.map(|l| (l.width, l.height))
}
