//! The `clients` table: the companies a workspace assesses.

use super::{new_uid, now, OptionalRow, Result, Store, StoreError};
use rusqlite::{params, Row};
use serde::Serialize;
use specta::Type;
use trustgap_domain::limits;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Client {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Client {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Client> {
        Ok(Client {
            id: r.get("id")?,
            name: r.get("name")?,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
        })
    }
}

impl Store {
    pub fn create_client(&mut self, name: &str) -> Result<Client> {
        let name = limits::name("A client name", name)?;
        self.write(|tx| {
            let t = now();
            tx.execute(
                "INSERT INTO clients (uid, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![new_uid(), name, t],
            )?;
            Ok(Client {
                id: tx.last_insert_rowid(),
                name,
                created_at: t.clone(),
                updated_at: t,
            })
        })
    }

    pub fn client(&self, id: i64) -> Result<Client> {
        self.conn
            .query_row(
                "SELECT id, name, created_at, updated_at FROM clients WHERE id = ?1",
                [id],
                Client::from_row,
            )
            .or_not_found(|| format!("Client {id}"))
    }

    /// All clients, alphabetically (case-insensitive).
    pub fn clients(&self) -> Result<Vec<Client>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, created_at, updated_at FROM clients ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], Client::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    pub fn rename_client(&mut self, id: i64, name: &str) -> Result<Client> {
        let name = limits::name("A client name", name)?;
        let changed = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE clients SET name = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, name, now()],
            )?)
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!("Client {id}")));
        }
        self.client(id)
    }

    /// Deletes a client that has no assessment left, in the trash or not.
    pub fn delete_client(&mut self, id: i64) -> Result<()> {
        self.client(id)?;
        let count: i64 = self.conn.query_row(
            "SELECT count(*) FROM assessments WHERE client_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if count > 0 {
            return Err(StoreError::Invalid(format!(
                "This client still has {count} assessment(s), counting the trash: delete those first."
            )));
        }
        self.write(|tx| Ok(tx.execute("DELETE FROM clients WHERE id = ?1", [id])?))
            .map(|_| ())
    }
}
