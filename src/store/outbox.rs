//! The outbox of a shared project's local copy: own edits not yet on the server, kept in the
//! copy's SQLite file beside the tables they already changed, so a window closed (or killed)
//! while the server was away sends them when the project is next opened. Only local copies
//! of shared projects have the table (`shared_outbox`, made on first use); project files do
//! not.

use super::{Store, StoreError, write};
use crate::model::Edit;
use rusqlite::params;

/// One own edit on its way to the server: the edit, its inverse on the local project, and
/// the origin (`client:seq`) the server's log will carry, so it is never sent twice.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxEntry {
    pub origin: String,
    pub edit: Edit,
    pub inverse: Edit,
}

const TABLE: &str = "CREATE TABLE IF NOT EXISTS shared_outbox(
    seq INTEGER PRIMARY KEY,
    origin TEXT NOT NULL UNIQUE,
    edit TEXT NOT NULL,
    inverse TEXT NOT NULL
)";

/// How one write changes the outbox.
pub enum OutboxChange<'a> {
    /// Leave it as it is.
    Keep,
    /// Add an entry at the end.
    Push(&'a OutboxEntry),
    /// Replace the whole outbox (after a merge with others' edits).
    Replace(&'a [OutboxEntry]),
}

impl Store {
    /// The entries waiting, oldest first. An entry this version cannot read makes the copy
    /// damaged.
    pub fn outbox(&mut self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.write(|conn| conn.execute_batch(TABLE))?;
        let path = self.path().to_owned();
        let rows: Vec<(String, String, String)> = self
            .conn
            .prepare("SELECT origin, edit, inverse FROM shared_outbox ORDER BY seq")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .map_err(|e| StoreError::sql(&path, e))?;
        rows.into_iter()
            .map(|(origin, edit, inverse)| {
                let parse = |s: &str| {
                    serde_json::from_str(s).map_err(|e| StoreError::Damaged {
                        path: path.clone(),
                        detail: format!("an unsent edit cannot be read ({e})"),
                    })
                };
                Ok(OutboxEntry {
                    edit: parse(&edit)?,
                    inverse: parse(&inverse)?,
                    origin,
                })
            })
            .collect()
    }

    /// In one transaction: applies `edits` to the tables in order, changes the outbox, and
    /// sets `meta` values. The local copy never holds half of a merge.
    pub fn sync_local(
        &mut self,
        edits: &[Edit],
        outbox: OutboxChange<'_>,
        meta: &[(&str, &str)],
    ) -> Result<(), StoreError> {
        self.write(|conn| {
            conn.execute_batch(TABLE)?;
            for e in edits {
                write::apply(conn, e)?;
            }
            let json = |e: &Edit| serde_json::to_string(e).unwrap_or_default();
            let insert = |conn: &rusqlite::Connection, entry: &OutboxEntry| {
                conn.prepare_cached(
                    "INSERT INTO shared_outbox(origin, edit, inverse) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    entry.origin,
                    json(&entry.edit),
                    json(&entry.inverse)
                ])
                .map(drop)
            };
            match outbox {
                OutboxChange::Keep => {}
                OutboxChange::Push(entry) => insert(conn, entry)?,
                OutboxChange::Replace(entries) => {
                    conn.execute("DELETE FROM shared_outbox", [])?;
                    for entry in entries {
                        insert(conn, entry)?;
                    }
                }
            }
            for (k, v) in meta {
                write::set_meta(conn, k, v)?;
            }
            Ok(())
        })
    }
}
