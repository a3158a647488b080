//! Logo files: checked before they are stored (size, real PNG or JPEG, sane dimensions, not cut
//! short) and turned into a PDF image when a document prints them.
//!
//! PNG is decoded in full with the `png` crate, under a memory limit and only after its header
//! says the image is of a logo's size. JPEG is not decoded here: PDF viewers decode it
//! (DCTDecode), so it is walked marker by marker instead, which finds the frame size, refuses
//! arithmetic coding, CMYK and other precisions viewers handle badly, and catches a file that
//! ends before its image data does.

use std::io::Cursor;
use trustgap_domain::branding::{Logo, LogoFormat, MAX_LOGO_BYTES, MAX_LOGO_SIDE};
use trustgap_domain::DomainError;

/// Most pixels a logo may have (2048 × 2048): bounds the memory a decode takes.
pub const MAX_LOGO_PIXELS: u64 = 2048 * 2048;

/// What a PDF image is made of: its pixels as the PDF stores them.
pub(crate) struct Pixels {
    pub width: u32,
    pub height: u32,
    /// `DeviceGray` or `DeviceRGB`.
    pub color_space: &'static str,
    /// For JPEG the file itself (DCTDecode); for PNG 8-bit samples.
    pub data: Vec<u8>,
    pub jpeg: bool,
    /// 8-bit alpha samples, when the PNG has transparency.
    pub alpha: Option<Vec<u8>>,
}

fn invalid(message: impl Into<String>) -> DomainError {
    DomainError::invalid(message)
}

/// Checks a logo file's bytes; returns it with its format and size.
pub fn check(bytes: &[u8]) -> Result<Logo, DomainError> {
    if bytes.is_empty() {
        return Err(invalid(
            "The logo file is empty. Choose a PNG or JPEG image.",
        ));
    }
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Err(too_big());
    }
    let (format, width, height) = if bytes.starts_with(PNG_SIGNATURE) {
        let p = decode_png(bytes)?;
        (LogoFormat::Png, p.width, p.height)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        let (w, h, _) = jpeg_frame(bytes)?;
        (LogoFormat::Jpeg, w, h)
    } else {
        return Err(invalid(
            "The logo must be a PNG or JPEG image; this file is neither. Save it as PNG and \
             choose it again.",
        ));
    };
    Ok(Logo {
        format,
        width,
        height,
        bytes: bytes.to_vec(),
    })
}

/// The message for a file over the limit (also used before a file is read).
pub fn too_big() -> DomainError {
    invalid(format!(
        "The logo is larger than {} MB. Save it smaller (a logo needs no more than about \
         1000 pixels across) and choose it again.",
        MAX_LOGO_BYTES / (1024 * 1024)
    ))
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

fn check_size(width: u32, height: u32) -> Result<(), DomainError> {
    if width == 0 || height == 0 {
        return Err(invalid("The logo has no pixels. Choose another image."));
    }
    if width > MAX_LOGO_SIDE
        || height > MAX_LOGO_SIDE
        || u64::from(width) * u64::from(height) > MAX_LOGO_PIXELS
    {
        return Err(invalid(format!(
            "The logo is {width} × {height} pixels; a logo may be at most {MAX_LOGO_SIDE} \
             pixels on a side and {MAX_LOGO_PIXELS} pixels in all. Save it smaller and choose \
             it again."
        )));
    }
    Ok(())
}

/// Decodes a PNG to 8-bit grey or RGB samples and, if it has any, alpha.
pub(crate) fn decode_png(bytes: &[u8]) -> Result<Pixels, DomainError> {
    let broken = |e: png::DecodingError| {
        invalid(format!(
            "The logo is not a readable PNG image ({e}). Save it again and choose it again."
        ))
    };
    let mut decoder =
        png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: 32 << 20 });
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(broken)?;
    let (width, height) = reader.info().size();
    check_size(width, height)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| invalid("The logo is too large to read."))?;
    let mut buf = vec![0; size];
    let out = reader.next_frame(&mut buf).map_err(broken)?;
    buf.truncate(out.buffer_size());
    let (channels, color) = match out.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (2, false),
        png::ColorType::Rgb => (3, true),
        png::ColorType::Rgba => (4, true),
        png::ColorType::Indexed => {
            return Err(invalid(
                "The logo's palette could not be read. Save it as RGB PNG.",
            ))
        }
    };
    if out.bit_depth != png::BitDepth::Eight {
        return Err(invalid(
            "The logo's colour depth is not supported. Save it as 8-bit PNG.",
        ));
    }
    let colors = if color { 3 } else { 1 };
    let (data, alpha) = if channels == colors {
        (buf, None)
    } else {
        let mut data = Vec::with_capacity(buf.len());
        let mut alpha = Vec::with_capacity(buf.len() / channels);
        for px in buf.chunks_exact(channels) {
            data.extend_from_slice(&px[..colors]);
            alpha.push(px[colors]);
        }
        // A fully opaque alpha channel is left out: the PDF is smaller and the same.
        let opaque = alpha.iter().all(|&a| a == 255);
        (data, (!opaque).then_some(alpha))
    };
    Ok(Pixels {
        width,
        height,
        color_space: if color { "DeviceRGB" } else { "DeviceGray" },
        data,
        jpeg: false,
        alpha,
    })
}

/// Walks a JPEG's markers: its frame's width, height and component count, once the file is
/// known to hold image data and to end where a JPEG ends.
pub(crate) fn jpeg_frame(bytes: &[u8]) -> Result<(u32, u32, u8), DomainError> {
    let cut =
        || invalid("The JPEG logo is cut short or damaged. Save it again and choose it again.");
    let mut i = 2;
    let mut frame = None;
    loop {
        if bytes.get(i) != Some(&0xff) {
            return Err(cut());
        }
        while bytes.get(i) == Some(&0xff) {
            i += 1;
        }
        let marker = *bytes.get(i).ok_or_else(cut)?;
        i += 1;
        match marker {
            0xd8 | 0xd9 => return Err(cut()),
            0x01 | 0xd0..=0xd7 => continue,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(i).ok_or_else(cut)?,
            *bytes.get(i + 1).ok_or_else(cut)?,
        ]));
        let segment = bytes
            .get(i + 2..i + len)
            .filter(|_| len >= 2)
            .ok_or_else(cut)?;
        match marker {
            0xc0..=0xc2 => {
                let [precision, h1, h0, w1, w0, components, ..] = *segment else {
                    return Err(cut());
                };
                if precision != 8 {
                    return Err(invalid(
                        "The JPEG logo uses 12-bit samples. Save it as an ordinary 8-bit JPEG or PNG.",
                    ));
                }
                if !matches!(components, 1 | 3) {
                    return Err(invalid(
                        "The JPEG logo is not RGB or greyscale (perhaps CMYK). Save it as an RGB \
                         JPEG or PNG.",
                    ));
                }
                let (w, h) = (
                    u32::from(u16::from_be_bytes([w1, w0])),
                    u32::from(u16::from_be_bytes([h1, h0])),
                );
                check_size(w, h)?;
                frame = Some((w, h, components));
            }
            0xc3 | 0xc5..=0xc7 | 0xc9..=0xcb | 0xcd..=0xcf => {
                return Err(invalid(
                    "The JPEG logo uses a coding PDF viewers do not all read. Save it as an \
                     ordinary JPEG or PNG.",
                ));
            }
            0xda => {
                let frame = frame.ok_or_else(cut)?;
                // The entropy-coded data runs to the end-of-image marker.
                let data = &bytes[i + len..];
                if data.len() < 2 || !data.ends_with(&[0xff, 0xd9]) {
                    return Err(cut());
                }
                return Ok(frame);
            }
            _ => {}
        }
        i += len;
    }
}

/// The pixels of a checked logo, as the PDF will hold them.
pub(crate) fn pixels(logo: &Logo) -> Result<Pixels, DomainError> {
    match logo.format {
        LogoFormat::Png => decode_png(&logo.bytes),
        LogoFormat::Jpeg => {
            let (width, height, components) = jpeg_frame(&logo.bytes)?;
            Ok(Pixels {
                width,
                height,
                color_space: if components == 1 {
                    "DeviceGray"
                } else {
                    "DeviceRGB"
                },
                data: logo.bytes.clone(),
                jpeg: true,
                alpha: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal PNG (RGBA 8-bit) of the given size, encoded with the `png` crate.
    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().expect("header");
        let data: Vec<u8> = (0..width * height)
            .flat_map(|i| [(i % 256) as u8, 80, 160, if i % 7 == 0 { 0 } else { 255 }])
            .collect();
        w.write_image_data(&data).expect("data");
        drop(w);
        out
    }

    #[test]
    fn a_png_is_measured_and_its_alpha_kept_apart() {
        let bytes = png(40, 20);
        let logo = check(&bytes).expect("valid");
        assert_eq!(
            (logo.format, logo.width, logo.height),
            (LogoFormat::Png, 40, 20)
        );
        let p = pixels(&logo).expect("pixels");
        assert_eq!(p.data.len(), 40 * 20 * 3);
        assert_eq!(p.alpha.map(|a| a.len()), Some(40 * 20));
    }

    #[test]
    fn hostile_files_are_refused_with_a_sentence() {
        assert!(check(&[]).is_err());
        assert!(check(b"GIF89a\x01\x00\x01\x00").is_err());
        let mut huge = png(4, 4);
        // IHDR width and height at bytes 16..24: 100000 x 100000, with a fixed CRC.
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        huge[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = crc(&huge[12..29]);
        huge[29..33].copy_from_slice(&crc.to_be_bytes());
        let e = check(&huge).expect_err("absurd");
        assert!(e.to_string().contains("100000"), "{e}");
        let short = png(30, 30);
        assert!(check(&short[..short.len() - 20]).is_err());
        assert!(check(&vec![0u8; (MAX_LOGO_BYTES + 1) as usize]).is_err());
    }

    #[test]
    fn a_jpeg_is_walked_to_its_end() {
        let jpeg = tiny_jpeg();
        let logo = check(&jpeg).expect("valid jpeg");
        assert_eq!((logo.width, logo.height), (16, 8));
        assert!(check(&jpeg[..jpeg.len() - 2]).is_err(), "no end marker");
        assert!(check(&jpeg[..30]).is_err(), "cut in a header");
    }

    /// The markers of a baseline JPEG, 16 × 8, three components, with stand-in scan data.
    pub(crate) fn tiny_jpeg() -> Vec<u8> {
        let mut j = vec![0xff, 0xd8];
        j.extend([0xff, 0xe0, 0, 16]);
        j.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        j.extend([0xff, 0xc0, 0, 17, 8, 0, 8, 0, 16, 3]);
        j.extend([1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);
        j.extend([0xff, 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0]);
        j.extend([0x12, 0x34, 0x56, 0xff, 0xd9]);
        j
    }

    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in data {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
}
