//! The `workspace_branding` (one row) and `client_branding` (one row per client that overrides
//! anything) tables. A NULL field is unset (workspace) or inherits the workspace's (client).
//! The use cases check the logo before it gets here; the importer checks it again on use.

use super::{now, Result, Store};
use rusqlite::{params, OptionalExtension, Row};

/// Branding fields as stored; `None` is unset or inherited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredBranding {
    pub firm: Option<String>,
    /// The format tag (`png`, `jpeg`) and the file's bytes.
    pub logo: Option<(String, Vec<u8>)>,
    /// `#RRGGBB`.
    pub accent: Option<String>,
    pub footer: Option<String>,
    pub disclaimer: Option<String>,
}

impl StoredBranding {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredBranding> {
        let format: Option<String> = r.get("logo_format")?;
        let bytes: Option<Vec<u8>> = r.get("logo")?;
        Ok(StoredBranding {
            firm: r.get("firm")?,
            logo: format.zip(bytes),
            accent: r.get("accent")?,
            footer: r.get("footer")?,
            disclaimer: r.get("disclaimer")?,
        })
    }

    pub fn is_empty(&self) -> bool {
        *self == StoredBranding::default()
    }
}

const COLS: &str = "firm, logo, logo_format, accent, footer, disclaimer";

impl Store {
    /// The workspace's branding (`client` `None`) or a client's override; empty when none.
    pub fn branding(&self, client: Option<i64>) -> Result<StoredBranding> {
        let row = match client {
            None => self
                .conn
                .query_row(
                    &format!("SELECT {COLS} FROM workspace_branding WHERE id = 1"),
                    [],
                    StoredBranding::from_row,
                )
                .optional()?,
            Some(id) => {
                self.client(id)?;
                self.conn
                    .query_row(
                        &format!("SELECT {COLS} FROM client_branding WHERE client_id = ?1"),
                        [id],
                        StoredBranding::from_row,
                    )
                    .optional()?
            }
        };
        Ok(row.unwrap_or_default())
    }

    /// Replaces the workspace's or a client's branding; an empty one deletes the row.
    pub fn set_branding(&mut self, client: Option<i64>, b: &StoredBranding) -> Result<()> {
        if let Some(id) = client {
            self.client(id)?;
        }
        let (format, bytes) = match &b.logo {
            Some((f, bytes)) => (Some(f.as_str()), Some(bytes.as_slice())),
            None => (None, None),
        };
        self.write(|tx| {
            match client {
                None => tx.execute("DELETE FROM workspace_branding", [])?,
                Some(id) => tx.execute("DELETE FROM client_branding WHERE client_id = ?1", [id])?,
            };
            if b.is_empty() {
                return Ok(());
            }
            let (table, key) = match client {
                None => ("workspace_branding", "id"),
                Some(_) => ("client_branding", "client_id"),
            };
            tx.execute(
                &format!(
                    "INSERT INTO {table} ({key}, {COLS}, updated_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                ),
                params![
                    client.unwrap_or(1),
                    b.firm,
                    bytes,
                    format,
                    b.accent,
                    b.footer,
                    b.disclaimer,
                    now()
                ],
            )?;
            Ok(())
        })
    }
}
