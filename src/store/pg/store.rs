//! [`PgStore`]: one connection to a shared project's database. Checking what a database
//! holds, pushing a project into it, loading it back, and the two operations of the edit
//! log: reading the edits after a given one, and appending one (tables and log in the
//! caller's transaction, then `NOTIFY`).

use super::error::connection_lost;
use super::schema::{self, META_APPLICATION, META_NAME, META_PROJECT_UID, META_SCHEMA};
use super::{PgError, read, write};
use crate::model::{Edit, Project};
use postgres::{Client, Config, GenericClient, IsolationLevel, NoTls, Transaction};
use std::time::Duration;

/// True when `s` is a PostgreSQL connection address (`postgres://` or `postgresql://`).
pub fn is_postgres_url(s: &str) -> bool {
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

/// The address with any password replaced by `***`, for messages and titles.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (auth, host) = match rest.rsplit_once('@') {
        Some((auth, host)) => (Some(auth), host),
        None => (None, rest),
    };
    match auth.and_then(|a| a.split_once(':')) {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

/// The file name of a window's local copy of the shared project at `url`: one per address
/// (the password left out, so changing it keeps the copy).
pub fn local_copy_name(url: &str) -> String {
    use sha2::{Digest, Sha256};
    let hash: String = Sha256::digest(redact_url(url).as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("shared-{hash}.crosscheck")
}

/// A connected shared-project database.
pub struct PgStore {
    client: Client,
    url: String,
}

/// What [`PgStore::load`] read: the project, the id of the last edit it includes, and the
/// project's identity.
pub struct ServerProject {
    pub project: Project,
    pub last_edit: i64,
    pub uid: String,
    pub name: Option<String>,
}

/// One edit of the log.
#[derive(Clone, Debug)]
pub struct LoggedEdit {
    pub id: i64,
    pub author: String,
    /// The window and step that sent it (`client:seq`), so a window recognises its own.
    pub origin: Option<String>,
    pub edit: Edit,
}

/// What a database holds.
enum Holds {
    Nothing,
    Project {
        version: i64,
        name: Option<String>,
        created_at: Option<String>,
    },
    Foreign(Vec<String>),
}

impl PgStore {
    /// The connection settings for `url`: a timeout so an unreachable server fails in
    /// seconds, and keepalives and a TCP user timeout so a server that vanished without
    /// closing the connection (a dead network) is noticed in seconds too, instead of leaving
    /// a statement waiting for minutes: the window sends its edits from the UI thread.
    pub fn config(url: &str) -> Result<Config, PgError> {
        let mut config: Config = url.parse().map_err(|e: postgres::Error| PgError::BadUrl {
            url: redact_url(url),
            why: e.to_string(),
        })?;
        if config.get_hosts().is_empty() {
            return Err(PgError::BadUrl {
                url: redact_url(url),
                why: "it names no server".into(),
            });
        }
        config
            .connect_timeout(Duration::from_secs(5))
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(5))
            .keepalives_interval(Duration::from_secs(2))
            .keepalives_retries(3)
            .tcp_user_timeout(Duration::from_secs(5))
            .application_name("crosscheck");
        Ok(config)
    }

    /// Connects to `url` and checks the database can hold our text (UTF8).
    pub fn connect(url: &str) -> Result<PgStore, PgError> {
        let config = PgStore::config(url)?;
        PgStore::connect_with(&config, &redact_url(url))
    }

    /// Connects with settings already parsed; `url` is the redacted address for messages.
    pub fn connect_with(config: &Config, url: &str) -> Result<PgStore, PgError> {
        let mut client = config.connect(NoTls).map_err(|e| PgError::Connect {
            url: url.to_owned(),
            why: super::error::describe(&e),
        })?;
        let encoding: String = client
            .query_one("SHOW server_encoding", &[])
            .map_err(|e| PgError::sql(url, e))?
            .get(0);
        if encoding != "UTF8" {
            return Err(PgError::Encoding {
                url: url.to_owned(),
                encoding,
            });
        }
        Ok(PgStore {
            client,
            url: url.to_owned(),
        })
    }

    /// The redacted address.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The connection, for the session's transactions.
    pub(super) fn client(&mut self) -> &mut Client {
        &mut self.client
    }

    fn holds(&mut self) -> Result<Holds, PgError> {
        holds(&mut self.client, &self.url)
    }

    /// Creates the tables in this database and copies `project` into them, in one
    /// transaction. Refuses a database that already holds a project (unless `replace`) or
    /// tables of someone else (always). `name` is shown to the others who open it.
    pub fn push(&mut self, project: &Project, name: &str, replace: bool) -> Result<(), PgError> {
        let url = self.url.clone();
        let sql = |e| PgError::sql(&url, e);
        match self.holds()? {
            Holds::Nothing => {}
            Holds::Foreign(tables) => {
                return Err(PgError::Foreign {
                    url,
                    tables: tables.join(", "),
                });
            }
            Holds::Project {
                name: held,
                created_at,
                ..
            } if !replace => {
                let what = match (held, created_at) {
                    (Some(n), Some(t)) => format!("the project “{n}” (pushed {t})"),
                    (Some(n), None) => format!("the project “{n}”"),
                    _ => "a Crosscheck project".to_owned(),
                };
                return Err(PgError::HoldsProject { url, what });
            }
            Holds::Project { .. } => {}
        }
        let mut tx = self.client.transaction().map_err(sql)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&schema::LOCK_KEY])
            .map_err(sql)?;
        tx.batch_execute(&schema::drop_sql()).map_err(sql)?;
        tx.batch_execute(schema::CREATE).map_err(sql)?;
        let uid = new_uid();
        let now: String = tx
            .query_one(
                "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
                &[],
            )
            .map_err(sql)?
            .get(0);
        for (key, value) in [
            (META_APPLICATION, "XChk".to_owned()),
            (META_SCHEMA, schema::PG_SCHEMA_VERSION.to_string()),
            (META_PROJECT_UID, uid),
            (META_NAME, name.to_owned()),
            ("created_at", now),
            (
                "app_version",
                concat!("crosscheck ", env!("CARGO_PKG_VERSION")).to_owned(),
            ),
        ] {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ($1, $2)",
                &[&key, &value],
            )
            .map_err(sql)?;
        }
        write::write_project(&mut tx, project).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Reads the whole project as of one moment, with the id of the last edit it includes.
    pub fn load(&mut self) -> Result<ServerProject, PgError> {
        let url = self.url.clone();
        let sql = |e| PgError::sql(&url, e);
        match self.holds()? {
            Holds::Project { version, .. } if version > schema::PG_SCHEMA_VERSION => {
                return Err(PgError::TooNew {
                    url,
                    found: version,
                    supported: schema::PG_SCHEMA_VERSION,
                });
            }
            Holds::Project { .. } => {}
            Holds::Nothing | Holds::Foreign(_) => return Err(PgError::Empty { url }),
        }
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(sql)?;
        let project = read::load(&mut tx, &url)?;
        let last_edit: i64 = tx
            .query_one("SELECT coalesce(max(id), 0) FROM edits", &[])
            .map_err(sql)?
            .get(0);
        let uid = meta(&mut tx, META_PROJECT_UID)
            .map_err(sql)?
            .unwrap_or_default();
        let name = meta(&mut tx, META_NAME).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(ServerProject {
            project,
            last_edit,
            uid,
            name,
        })
    }
}

/// What the database at the other end of `db` holds.
fn holds(db: &mut impl GenericClient, url: &str) -> Result<Holds, PgError> {
    let sql = |e| PgError::sql(url, e);
    let present: Vec<String> = db
        .query(
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_name = ANY($1)
             ORDER BY table_name",
            &[&schema::OUR_TABLES.to_vec()],
        )
        .map_err(sql)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if present.is_empty() {
        return Ok(Holds::Nothing);
    }
    if !present.iter().any(|t| t == "meta") {
        return Ok(Holds::Foreign(present));
    }
    let marker = meta(db, META_APPLICATION).ok().flatten();
    if marker.as_deref() != Some("XChk") {
        return Ok(Holds::Foreign(present));
    }
    let version = meta(db, META_SCHEMA)
        .map_err(sql)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Ok(Holds::Project {
        version,
        name: meta(db, META_NAME).map_err(sql)?,
        created_at: meta(db, "created_at").map_err(sql)?,
    })
}

fn meta(db: &mut impl GenericClient, key: &str) -> Result<Option<String>, postgres::Error> {
    Ok(db
        .query_opt("SELECT value FROM meta WHERE key = $1", &[&key])?
        .and_then(|r| r.get(0)))
}

/// The edits logged after edit `seen`, oldest first.
pub(super) fn edits_since(
    db: &mut impl GenericClient,
    seen: i64,
) -> Result<Vec<LoggedEdit>, FetchError> {
    let rows = db
        .query(
            "SELECT id, author, origin, edit FROM edits WHERE id > $1 ORDER BY id",
            &[&seen],
        )
        .map_err(FetchError::Db)?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.get(0);
            let json: serde_json::Value = r.get(3);
            let edit = serde_json::from_value(json).map_err(|e| FetchError::Unreadable {
                id,
                why: e.to_string(),
            })?;
            Ok(LoggedEdit {
                id,
                author: r.get(1),
                origin: r.get(2),
                edit,
            })
        })
        .collect()
}

/// Why the log could not be read.
#[derive(Debug)]
pub(super) enum FetchError {
    Db(postgres::Error),
    /// An edit this version cannot read (written by a newer Crosscheck).
    Unreadable {
        id: i64,
        why: String,
    },
}

/// Writes `edit` to the public tables and appends it to the log, inside `tx` (which holds
/// the writers' lock); the `NOTIFY` goes out when `tx` commits. Returns the edit's id. When
/// the tables refuse the edit, nothing of it stays in `tx`.
pub(super) fn append(
    tx: &mut Transaction<'_>,
    edit: &Edit,
    author: &str,
    origin: &str,
) -> Result<i64, postgres::Error> {
    let mut part = tx.transaction()?;
    write::apply(&mut part, edit)?;
    let json = serde_json::to_value(edit).unwrap_or(serde_json::Value::Null);
    let id: i64 = part
        .query_one(
            "INSERT INTO edits(author, origin, edit) VALUES ($1, $2, $3) RETURNING id",
            &[&author, &origin, &json],
        )?
        .get(0);
    part.execute(
        "SELECT pg_notify($1, $2)",
        &[&schema::NOTIFY_CHANNEL, &id.to_string()],
    )?;
    part.commit()?;
    Ok(id)
}

/// True when the connection is gone, as opposed to the server refusing a statement.
pub(super) fn lost(e: &postgres::Error) -> bool {
    connection_lost(e)
}

/// A random-enough id (time, process, address space) for a pushed project or a window.
pub(crate) fn new_uid() -> String {
    use sha2::{Digest, Sha256};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let local = 0u8;
    let seed = format!(
        "{nanos}:{}:{:p}:{:?}",
        std::process::id(),
        &local,
        std::thread::current().id()
    );
    Sha256::digest(seed.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact_url("postgres://ana:s3cret@db.newsroom/flood"),
            "postgres://ana:***@db.newsroom/flood"
        );
        assert_eq!(
            redact_url("postgres://ana@db.newsroom/flood"),
            "postgres://ana@db.newsroom/flood"
        );
        assert!(is_postgres_url("postgresql://h/d"));
        assert!(!is_postgres_url("flood.crosscheck"));
    }
}
