//! White-label branding: the workspace's and each client's override, as the app and the command
//! line edit them, and the branding a document of an assessment is printed with.

use super::{Result, Workspace};
use crate::error::ApiError;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::io::Read;
use std::path::Path;
use trustgap_documents::logo;
use trustgap_domain::branding::{
    self, Accent, Branding, BrandingFields, LogoFormat, MAX_LOGO_BYTES,
};
use trustgap_store::StoredBranding;

/// A change to one text field of branding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "op", content = "value", rename_all = "snake_case")]
pub enum TextEdit {
    /// Leave it as it is.
    #[default]
    Keep,
    /// Set it; an empty or blank value clears it.
    Set(String),
    /// Clear it: a client's field inherits the workspace's again.
    Clear,
}

/// A change to the branding of the workspace or of one client (the logo is chosen apart, as a
/// file: [`Workspace::set_logo_file`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BrandingInput {
    #[serde(default)]
    pub firm: TextEdit,
    /// `#RRGGBB`.
    #[serde(default)]
    pub accent: TextEdit,
    #[serde(default)]
    pub footer: TextEdit,
    #[serde(default)]
    pub disclaimer: TextEdit,
    /// Remove the logo (a client's then inherits the workspace's).
    #[serde(default)]
    pub clear_logo: bool,
}

/// A logo as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct LogoView {
    pub format: LogoFormat,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    /// `data:image/png;base64,…`, for the preview.
    pub data_url: String,
}

/// Fields as set on this level (`None`: unset, or for a client inherited).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
pub struct BrandingFieldsView {
    pub firm: Option<String>,
    pub accent: Option<String>,
    pub footer: Option<String>,
    pub disclaimer: Option<String>,
    pub logo: Option<LogoView>,
}

/// The branding of the workspace or of a client: what is set here, and what documents use.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BrandingView {
    /// `None` for the workspace's own.
    pub client_id: Option<i64>,
    pub own: BrandingFieldsView,
    /// What the documents are printed with (for a client: its overrides over the workspace's).
    pub effective: BrandingFieldsView,
    /// Set when the accent is too light for text and a darker shade of it is used.
    pub accent_note: Option<String>,
}

impl Workspace {
    /// The branding of the workspace (`client` `None`) or of a client.
    pub fn branding(&self, client: Option<i64>) -> Result<BrandingView> {
        let own = self.store.branding(client)?;
        let ws = match client {
            None => own.clone(),
            Some(_) => self.store.branding(None)?,
        };
        let own_fields = fields(&own)?;
        let effective = Branding::resolve(&fields(&ws)?, &own_fields);
        Ok(BrandingView {
            client_id: client,
            own: view(&own_fields),
            accent_note: effective.accent.and_then(Accent::legibility_note),
            effective: view(&BrandingFields {
                firm: Some(effective.firm).filter(|s| !s.is_empty()),
                logo: effective.logo,
                accent: effective.accent,
                footer: Some(effective.footer).filter(|s| !s.is_empty()),
                disclaimer: Some(effective.disclaimer).filter(|s| !s.is_empty()),
            }),
        })
    }

    /// Changes the text fields (and removes the logo when asked); checks every value.
    pub fn set_branding(
        &mut self,
        client: Option<i64>,
        input: &BrandingInput,
    ) -> Result<BrandingView> {
        let mut b = self.store.branding(client)?;
        apply(&mut b.firm, &input.firm, branding::firm)?;
        apply(&mut b.accent, &input.accent, |s| {
            Accent::parse(s).map(Accent::hex)
        })?;
        apply(&mut b.footer, &input.footer, branding::footer)?;
        apply(&mut b.disclaimer, &input.disclaimer, branding::disclaimer)?;
        if input.clear_logo {
            b.logo = None;
        }
        self.store.set_branding(client, &b)?;
        self.branding(client)
    }

    /// Sets the logo from a PNG or JPEG file: its size is checked before it is read, and it is
    /// read no further than the limit, then decoded and measured.
    pub fn set_logo_file(&mut self, client: Option<i64>, path: &Path) -> Result<BrandingView> {
        let bytes = read_logo(path)?;
        self.set_logo(client, &bytes)
    }

    /// Sets the logo from a file's bytes (checked here).
    pub fn set_logo(&mut self, client: Option<i64>, bytes: &[u8]) -> Result<BrandingView> {
        let logo = logo::check(bytes)?;
        let mut b = self.store.branding(client)?;
        b.logo = Some((logo.format.as_str().to_owned(), logo.bytes));
        self.store.set_branding(client, &b)?;
        self.branding(client)
    }

    /// Resets the branding of the workspace or a client (a client then inherits everything).
    pub fn clear_branding(&mut self, client: Option<i64>) -> Result<BrandingView> {
        self.store
            .set_branding(client, &StoredBranding::default())?;
        self.branding(client)
    }

    /// The branding a client's documents are printed with.
    pub fn effective_branding(&self, client: i64) -> Result<Branding> {
        let ws = fields(&self.store.branding(None)?)?;
        let own = fields(&self.store.branding(Some(client))?)?;
        Ok(Branding::resolve(&ws, &own))
    }
}

/// Reads a logo file, refusing one over the limit before reading it whole.
fn read_logo(path: &Path) -> Result<Vec<u8>> {
    let cant = |e: std::io::Error| {
        ApiError::io(format!("Could not read the logo {}: {e}.", path.display()))
    };
    let file = std::fs::File::open(path).map_err(cant)?;
    let len = file.metadata().map_err(cant)?.len();
    if len > MAX_LOGO_BYTES {
        return Err(logo::too_big().into());
    }
    let mut bytes = Vec::new();
    // The file may grow after the check: read one byte past the limit at most.
    file.take(MAX_LOGO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cant)?;
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Err(logo::too_big().into());
    }
    Ok(bytes)
}

fn apply(
    field: &mut Option<String>,
    edit: &TextEdit,
    check: impl Fn(&str) -> std::result::Result<String, trustgap_domain::DomainError>,
) -> Result<()> {
    match edit {
        TextEdit::Keep => {}
        TextEdit::Clear => *field = None,
        TextEdit::Set(v) => {
            let v = check(v)?;
            *field = (!v.is_empty()).then_some(v);
        }
    }
    Ok(())
}

/// Stored fields as domain values; a stored logo is decoded again, so a damaged one (from an
/// imported file, say) is reported before a document is drawn with it.
fn fields(b: &StoredBranding) -> Result<BrandingFields> {
    let logo = match &b.logo {
        Some((_, bytes)) => Some(logo::check(bytes).map_err(|e| {
            ApiError::validation(format!(
                "The stored logo cannot be used: {e} Choose the logo again in Branding."
            ))
        })?),
        None => None,
    };
    let accent = b.accent.as_deref().map(Accent::parse).transpose()?;
    Ok(BrandingFields {
        firm: b.firm.clone(),
        logo,
        accent,
        footer: b.footer.clone(),
        disclaimer: b.disclaimer.clone(),
    })
}

fn view(b: &BrandingFields) -> BrandingFieldsView {
    BrandingFieldsView {
        firm: b.firm.clone(),
        accent: b.accent.map(Accent::hex),
        footer: b.footer.clone(),
        disclaimer: b.disclaimer.clone(),
        logo: b.logo.as_ref().map(|l| LogoView {
            format: l.format,
            width: l.width,
            height: l.height,
            bytes: u32::try_from(l.bytes.len()).unwrap_or(u32::MAX),
            data_url: format!("data:{};base64,{}", l.format.mime(), base64(&l.bytes)),
        }),
    }
}

/// Standard base64 with padding (for the preview's data URL).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe]), "//4=");
    }
}
