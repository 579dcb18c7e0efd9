//! [`SharedSession`]: a window's side of a shared project.
//!
//! The window's project is always *the server's project as of edit `seen`, plus this
//! window's own edits not yet on the server* (the outbox). Every own edit is applied in
//! memory, written to the local copy (an SQLite project file with the outbox beside it) and
//! then, when the server is there, sent: under the writers' lock, the edits others logged
//! since `seen` are read first; if there are any, the own unsent edits are taken back, the
//! others' applied, and the own ones applied again on top ("merged"):
//!
//! - a thing (claim, link, category, article) this window created under an id someone else
//!   took meanwhile moves to a free id, and every later own edit follows it ([`IdMap`]);
//! - an own edit of a thing someone else changed meanwhile is not sent, never overwriting
//!   their work, and the window says so ([`SyncReport::refused`]).
//!
//! Then the first own edit is written to the public tables and appended to the log in one
//! transaction (`NOTIFY` goes out on commit). When the server is away, edits stay in the
//! outbox, the status says so, and the listener thread reconnects; nothing is lost, also
//! when the window is closed meanwhile (the outbox is in the local copy).

use super::super::{OutboxChange, OutboxEntry, Store, StoreError};
use super::listen::{self, Listener, Signal, Wake};
use super::schema::{LOCK_KEY, META_PROJECT_UID};
use super::store::{FetchError, LoggedEdit, PgStore, append, edits_since, lost, new_uid};
use super::{PgError, read, redact_url};
use crate::model::{Edit, History, IdMap, Project, Target};
use postgres::{Config, Transaction};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const META_URL: &str = "shared_url";
const META_UID: &str = "shared_project_uid";
const META_SEEN: &str = "shared_seen";
const META_CLIENT: &str = "shared_client";

/// Whether the server can be reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SharedStatus {
    Connected,
    /// The server is away; work goes on in the local copy. `reason` is the client's word.
    Away {
        reason: String,
    },
}

/// What happened to the project since the window last asked.
#[derive(Default, Debug)]
pub struct SyncReport {
    /// Other researchers' edits now applied, with each one's author, oldest first.
    pub remote: Vec<(String, Edit)>,
    /// Own edits taken back (not on the server, not in the window), each with why.
    pub refused: Vec<(String, Edit)>,
    /// Ids of things this window created that moved because another researcher had
    /// created one under the same id first.
    pub moved: IdMap,
    /// The project was read again from the server as a whole.
    pub reloaded: bool,
    /// The connection changed to this.
    pub status: Option<SharedStatus>,
    /// Other things to tell the user.
    pub notices: Vec<String>,
}

impl SyncReport {
    /// True when nothing happened.
    pub fn is_empty(&self) -> bool {
        self.remote.is_empty()
            && self.refused.is_empty()
            && self.moved.is_empty()
            && !self.reloaded
            && self.status.is_none()
            && self.notices.is_empty()
    }

    fn absorb(&mut self, later: SyncReport) {
        self.remote.extend(later.remote);
        self.refused.extend(later.refused);
        merge_map(&mut self.moved, later.moved);
        self.reloaded |= later.reloaded;
        if later.status.is_some() {
            self.status = later.status;
        }
        self.notices.extend(later.notices);
    }
}

/// A shared project open in a window.
pub struct SharedSession {
    config: Config,
    url: String,
    name: String,
    pg: Option<PgStore>,
    local: Option<Store>,
    local_path: PathBuf,
    seen: i64,
    outbox: Vec<OutboxEntry>,
    author: String,
    client: String,
    counter: u64,
    listener: Option<Listener>,
    status: SharedStatus,
    /// What syncs run while writing own edits found, handed out by the next poll.
    pending: SyncReport,
    last_sync: Instant,
}

/// Why one step of a sync stopped.
enum StepError {
    Lost(String),
    Other(String),
}

impl SharedSession {
    /// Opens the shared project at `url`, keeping its local copy at `local_path` (created or
    /// brought up to date). When the server cannot be reached but a local copy exists, the
    /// project opens from the copy with the status "away". `author` names this researcher in
    /// the log; `wake` is called from the listener thread when something arrives.
    pub fn open(
        url: &str,
        local_path: &Path,
        author: &str,
        wake: Wake,
    ) -> Result<(SharedSession, Project), PgError> {
        let config = PgStore::config(url)?;
        let redacted = redact_url(url);
        let mut notices = Vec::new();
        let mut local = match local_path.exists() {
            true => Some(LocalCopy::open(local_path)?),
            false => None,
        };
        let (pg, status, server) = match PgStore::connect_with(&config, &redacted) {
            Ok(mut pg) => {
                let server = pg.load()?;
                (Some(pg), SharedStatus::Connected, Some(server))
            }
            Err(PgError::Connect { why, .. }) if local.is_some() => {
                (None, SharedStatus::Away { reason: why }, None)
            }
            Err(e) => return Err(e),
        };
        let mut name = server
            .as_ref()
            .and_then(|s| s.name.clone())
            .unwrap_or_else(|| database_name(&config));
        let keep_local = match (&local, &server) {
            (Some(l), Some(s)) => l.uid.as_deref() == Some(s.uid.as_str()) && !l.outbox.is_empty(),
            (Some(_), None) => true,
            _ => false,
        };
        let (store, project, outbox, seen, client) = match (keep_local, local.take(), server) {
            (true, Some(l), _) => {
                if let Some(n) = l.name.clone() {
                    name = n;
                }
                (l.store, l.project, l.outbox, l.seen, l.client)
            }
            (_, old, Some(server)) => {
                let mut project = server.project;
                if let Some(old) = old {
                    if !old.outbox.is_empty() {
                        notices.push(set_aside(old.store, local_path)?);
                    } else {
                        project.layout = old.project.layout;
                    }
                }
                let client = new_uid();
                let mut store = Store::create_replacing(local_path, &project)?;
                store.sync_local(
                    &[],
                    OutboxChange::Replace(&[]),
                    &[
                        (META_URL, &redacted),
                        (META_UID, &server.uid),
                        (META_SEEN, &server.last_edit.to_string()),
                        (META_CLIENT, &client),
                        ("shared_name", &name),
                    ],
                )?;
                (store, project, Vec::new(), server.last_edit, client)
            }
            (_, _, None) => {
                return Err(PgError::Empty { url: redacted });
            }
        };
        let listener = listen::spawn(config.clone(), wake);
        let session = SharedSession {
            config,
            url: redacted,
            name,
            pg,
            local: Some(store),
            local_path: local_path.to_owned(),
            seen,
            outbox,
            author: author.to_owned(),
            client,
            counter: 0,
            listener: Some(listener),
            pending: SyncReport {
                status: Some(status.clone()),
                notices,
                ..SyncReport::default()
            },
            status,
            last_sync: Instant::now(),
        };
        Ok((session, project))
    }

    /// The server's address (without password).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The project's name on the server.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Who this window's edits are logged as.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// Logs this window's later edits as `author` (the researcher changed their name in
    /// Preferences); edits already sent keep the name they were sent with.
    pub fn set_author(&mut self, author: &str) {
        self.author = author.to_owned();
    }

    /// Connected or away.
    pub fn status(&self) -> &SharedStatus {
        &self.status
    }

    /// Own edits not yet on the server.
    pub fn unsent(&self) -> usize {
        self.outbox.len()
    }

    /// The local copy (cache and outbox).
    pub fn local_path(&self) -> &Path {
        &self.local_path
    }

    /// The id of the last logged edit this window's project includes.
    pub fn seen(&self) -> i64 {
        self.seen
    }

    /// Records an own edit that was just applied to `project` (with `inverse`): into the
    /// local copy and the outbox, then on to the server if it is there. When the local copy
    /// cannot be written the edit is refused (the caller takes it back).
    pub fn record(
        &mut self,
        project: &mut Project,
        edit: Edit,
        inverse: Edit,
    ) -> Result<(), StoreError> {
        self.counter += 1;
        let entry = OutboxEntry {
            origin: format!("{}:{}:{}", self.client, std::process::id(), self.counter),
            edit,
            inverse,
        };
        if let Some(local) = &mut self.local {
            local.sync_local(
                std::slice::from_ref(&entry.edit),
                OutboxChange::Push(&entry),
                &[],
            )?;
        }
        self.outbox.push(entry);
        let mut report = std::mem::take(&mut self.pending);
        self.sync(project, &mut report);
        self.pending = report;
        Ok(())
    }

    /// Stores the window's columns in the local copy (each researcher keeps their own).
    pub fn save_layout(&mut self, layout: &crate::model::Layout) -> Result<(), StoreError> {
        match &mut self.local {
            Some(local) => local.save_layout(layout),
            None => Ok(()),
        }
    }

    /// Takes in what the listener saw and syncs when something arrived, when own edits wait
    /// and the server is there, or every few seconds in case a notification was missed.
    /// Cheap when nothing happened: call it every frame.
    ///
    /// `history` (this window's undo steps, own edits only) follows: a step whose target
    /// another researcher changed can no longer be undone (undoing it would overwrite their
    /// work), nor one whose edit was refused, and ids that moved are renumbered in it.
    pub fn poll(&mut self, project: &mut Project, history: &mut History) -> SyncReport {
        let report = self.poll_project(project);
        // Own steps follow their moved ids first, so they are not mistaken for the others'.
        if !report.moved.is_empty() {
            history.map_edits(|e| e.renumbered(&report.moved));
        }
        for (author, edit) in &report.remote {
            let theirs = edit.targets();
            let what = theirs
                .iter()
                .next()
                .map_or_else(|| "this".to_owned(), Target::describe);
            history.block(
                |step| !step.targets().is_disjoint(&theirs),
                &format!("{author} has changed {what} since; undoing would overwrite their work"),
            );
        }
        for (_, edit) in &report.refused {
            let mine = edit.targets();
            history.block(
                |step| !step.targets().is_disjoint(&mine),
                "this change never reached the shared project",
            );
        }
        report
    }

    fn poll_project(&mut self, project: &mut Project) -> SyncReport {
        let mut report = std::mem::take(&mut self.pending);
        let mut wanted = false;
        let signals: Vec<Signal> = self
            .listener
            .as_ref()
            .map(|l| l.signals.try_iter().collect())
            .unwrap_or_default();
        for signal in signals {
            match signal {
                Signal::Up => {
                    wanted = true;
                    if self.pg.is_none() {
                        self.reconnect(&mut report);
                    }
                }
                Signal::Down(why) => self.go_away(why, &mut report),
                Signal::Notified => wanted = true,
            }
        }
        let due = self.last_sync.elapsed()
            > if self.outbox.is_empty() {
                Duration::from_secs(5)
            } else {
                Duration::from_secs(1)
            };
        if self.pg.is_some() && (wanted || due) {
            self.sync(project, &mut report);
        }
        report
    }

    /// Sends every own edit it can, merging in others' edits first.
    fn sync(&mut self, project: &mut Project, report: &mut SyncReport) {
        self.last_sync = Instant::now();
        // Each step sends one edit or finds nothing to do; refusals shorten the outbox too.
        for _ in 0..self.outbox.len() + 2 {
            match self.sync_step(project, report) {
                Ok(true) => {}
                Ok(false) => return,
                Err(StepError::Lost(why)) => return self.go_away(why, report),
                Err(StepError::Other(why)) => {
                    report.notices.push(why);
                    return;
                }
            }
        }
    }

    /// One transaction: others' edits since `seen` merged in, then the first own edit sent.
    /// `Ok(true)` when another step may have work.
    fn sync_step(
        &mut self,
        project: &mut Project,
        report: &mut SyncReport,
    ) -> Result<bool, StepError> {
        let Some(mut pg) = self.pg.take() else {
            return Ok(false);
        };
        let result = self.step_with(&mut pg, project, report);
        if !matches!(result, Err(StepError::Lost(_))) {
            self.pg = Some(pg);
        }
        result
    }

    fn step_with(
        &mut self,
        pg: &mut PgStore,
        project: &mut Project,
        report: &mut SyncReport,
    ) -> Result<bool, StepError> {
        let url = pg.url().to_owned();
        let db = |e: postgres::Error| {
            if lost(&e) {
                StepError::Lost(super::error::describe(&e))
            } else {
                StepError::Other(PgError::sql(&url, e).to_string())
            }
        };
        let mut tx = pg.client().transaction().map_err(db)?;
        if !self.outbox.is_empty() {
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK_KEY])
                .map_err(db)?;
        }
        let remotes = match edits_since(&mut tx, self.seen) {
            Ok(r) => r,
            Err(FetchError::Db(e)) => return Err(db(e)),
            Err(FetchError::Unreadable { id, why }) => {
                return Err(StepError::Other(format!(
                    "{url}: edit {id} of the log cannot be read by this version of Crosscheck \
                     ({why}); update Crosscheck. Your edits stay in {}",
                    self.local_path.display()
                )));
            }
        };
        if !remotes.is_empty() {
            self.merge(project, &remotes, report, &mut tx, &url)?;
        }
        let Some(first) = self.outbox.first().cloned() else {
            tx.commit().map_err(db)?;
            return Ok(false);
        };
        match append(&mut tx, &first.edit, &self.author, &first.origin) {
            Ok(id) => {
                tx.commit().map_err(db)?;
                self.seen = id;
                self.outbox.remove(0);
                self.save_local(&[], true);
                Ok(true)
            }
            Err(e) if lost(&e) => Err(StepError::Lost(super::error::describe(&e))),
            Err(e) => {
                tx.commit().map_err(db)?;
                let why = PgError::sql(&url, e);
                self.take_back_first(project, report, format!("{why}"));
                Ok(true)
            }
        }
    }

    /// Applies others' edits under the own unsent ones (see the module docs).
    fn merge(
        &mut self,
        project: &mut Project,
        remotes: &[LoggedEdit],
        report: &mut SyncReport,
        tx: &mut Transaction<'_>,
        url: &str,
    ) -> Result<(), StepError> {
        let mut written = Vec::new();
        let rewound = self.rewind(project, &mut written);
        let mut touched = BTreeSet::new();
        let mut diverged = !rewound;
        for r in remotes {
            let own = self
                .outbox
                .first()
                .is_some_and(|p| r.origin.as_deref() == Some(p.origin.as_str()));
            if own {
                // Sent before, but the window stopped before it knew: it is on the server.
                self.outbox.remove(0);
            } else {
                touched.extend(r.edit.targets());
            }
            if diverged {
                continue;
            }
            match project.apply(r.edit.clone()) {
                Ok(_) => {
                    written.push(r.edit.clone());
                    if !own {
                        report.remote.push((r.author.clone(), r.edit.clone()));
                    }
                }
                Err(_) => diverged = true,
            }
        }
        if diverged {
            // The project no longer matches the server's: read it again as a whole.
            let mut server = read::load(tx, url).map_err(|e| StepError::Other(e.to_string()))?;
            server.layout = std::mem::take(&mut project.layout);
            let revision = project.revision();
            *project = server.after_revision(revision);
            report.reloaded = true;
            report
                .remote
                .extend(remotes.iter().map(|r| (r.author.clone(), r.edit.clone())));
        }
        if let Some(last) = remotes.last() {
            self.seen = last.id;
        }
        let moved = self.replay(project, &touched, report, &mut written);
        merge_map(&mut report.moved, moved);
        if diverged {
            self.rewrite_local(project, report);
        } else {
            self.save_local(&written, true);
        }
        Ok(())
    }

    /// Takes every own unsent edit back out of `project` (newest first). False if one would
    /// not apply, which means the project was not what the outbox says.
    fn rewind(&self, project: &mut Project, written: &mut Vec<Edit>) -> bool {
        for p in self.outbox.iter().rev() {
            if project.apply(p.inverse.clone()).is_err() {
                return false;
            }
            written.push(p.inverse.clone());
        }
        true
    }

    /// Applies the own unsent edits again, after others' edits touching `touched`: created
    /// things whose id was taken move, edits of things others changed are refused.
    fn replay(
        &mut self,
        project: &mut Project,
        touched: &BTreeSet<Target>,
        report: &mut SyncReport,
        written: &mut Vec<Edit>,
    ) -> IdMap {
        let mut floors = Floors::of(&self.outbox);
        let mut map = IdMap::default();
        let mut kept = Vec::new();
        for p in std::mem::take(&mut self.outbox) {
            let created = Edit::created(&p.inverse.renumbered(&map));
            let mut extra = IdMap::default();
            for t in &created {
                if exists(project, t) {
                    extra.insert(t, floors.fresh(project, t));
                }
            }
            merge_map(&mut map, extra);
            let edit = p.edit.renumbered(&map);
            let created: BTreeSet<Target> = Edit::created(&p.inverse.renumbered(&map))
                .into_iter()
                .collect();
            if let Some(t) = edit
                .targets()
                .difference(&created)
                .find(|t| touched.contains(t))
            {
                report.refused.push((
                    format!(
                        "Your change “{}” was not sent: another researcher changed {} at the \
                         same time, and their version is kept",
                        p.edit.label(),
                        t.describe()
                    ),
                    p.edit,
                ));
                continue;
            }
            match project.apply(edit.clone()) {
                Ok(inverse) => {
                    written.push(edit.clone());
                    kept.push(OutboxEntry {
                        origin: p.origin,
                        edit,
                        inverse,
                    });
                }
                Err(e) => report.refused.push((
                    format!(
                        "Your change “{}” could not be made after another researcher's \
                         changes ({e})",
                        p.edit.label()
                    ),
                    p.edit,
                )),
            }
        }
        self.outbox = kept;
        map
    }

    /// The server refused the first own edit: it goes, and the later ones are applied again.
    fn take_back_first(&mut self, project: &mut Project, report: &mut SyncReport, why: String) {
        let mut written = Vec::new();
        if !self.rewind(project, &mut written) {
            return;
        }
        let first = self.outbox.remove(0);
        report.refused.push((
            format!(
                "Your change “{}” was refused by the server and taken back: {why}",
                first.edit.label()
            ),
            first.edit,
        ));
        self.replay(project, &BTreeSet::new(), report, &mut written);
        self.save_local(&written, true);
    }

    /// Writes edits, the outbox and `seen` to the local copy in one transaction.
    fn save_local(&mut self, edits: &[Edit], outbox: bool) {
        let seen = self.seen.to_string();
        let Some(local) = &mut self.local else { return };
        let change = if outbox {
            OutboxChange::Replace(&self.outbox)
        } else {
            OutboxChange::Keep
        };
        if let Err(e) = local.sync_local(edits, change, &[(META_SEEN, &seen)]) {
            self.pending.notices.push(format!(
                "The local copy of the shared project could not be written ({e}); your \
                 edits are on the server or in this window only"
            ));
        }
    }

    /// Builds the local copy again from `project` (after it was read again as a whole).
    fn rewrite_local(&mut self, project: &Project, report: &mut SyncReport) {
        let uid = self
            .local
            .as_ref()
            .and_then(|l| l.meta(META_UID).ok().flatten())
            .unwrap_or_default();
        self.local = None;
        match Store::create_replacing(&self.local_path, project) {
            Ok(mut store) => {
                let seen = self.seen.to_string();
                let result = store.sync_local(
                    &[],
                    OutboxChange::Replace(&self.outbox),
                    &[
                        (META_URL, &self.url),
                        (META_UID, &uid),
                        (META_SEEN, &seen),
                        (META_CLIENT, &self.client),
                        ("shared_name", &self.name),
                    ],
                );
                if let Err(e) = result {
                    report.notices.push(e.to_string());
                }
                self.local = Some(store);
            }
            Err(e) => report.notices.push(format!(
                "The local copy of the shared project could not be rebuilt ({e})"
            )),
        }
    }

    fn go_away(&mut self, why: String, report: &mut SyncReport) {
        self.pg = None;
        let away = SharedStatus::Away { reason: why };
        if !matches!(self.status, SharedStatus::Away { .. }) {
            self.status = away.clone();
            report.status = Some(away);
        }
    }

    fn reconnect(&mut self, report: &mut SyncReport) {
        let Ok(mut pg) = PgStore::connect_with(&self.config, &self.url) else {
            return;
        };
        // A project pushed over this one since is another project: do not mix them.
        let expected = self
            .local
            .as_ref()
            .and_then(|l| l.meta(META_UID).ok().flatten());
        let found: Option<String> = pg
            .client()
            .query_opt(
                "SELECT value FROM meta WHERE key = $1",
                &[&META_PROJECT_UID],
            )
            .ok()
            .flatten()
            .and_then(|r| r.get(0));
        if expected.is_some() && found != expected {
            report.notices.push(format!(
                "{} now holds another project (it was pushed over this one); your work stays \
                 in {}. Open the shared project again to see the new one",
                self.url,
                self.local_path.display()
            ));
            return;
        }
        self.pg = Some(pg);
        self.status = SharedStatus::Connected;
        report.status = Some(SharedStatus::Connected);
    }
}

impl SharedSession {
    /// The report of syncs run while recording, merged into `into` (for callers that poll
    /// rarely and record often).
    pub fn drain_into(&mut self, into: &mut SyncReport) {
        into.absorb(std::mem::take(&mut self.pending));
    }
}

/// The local copy as found on disk.
struct LocalCopy {
    store: Store,
    project: Project,
    outbox: Vec<OutboxEntry>,
    uid: Option<String>,
    seen: i64,
    client: String,
    name: Option<String>,
}

impl LocalCopy {
    fn open(path: &Path) -> Result<LocalCopy, PgError> {
        let (mut store, project) = Store::open(path)?;
        let outbox = store.outbox()?;
        let uid = store.meta(META_UID)?;
        let seen = store
            .meta(META_SEEN)?
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let client = store.meta(META_CLIENT)?.unwrap_or_else(new_uid);
        let name = store.meta("shared_name")?;
        Ok(LocalCopy {
            store,
            project,
            outbox,
            uid,
            seen,
            client,
            name,
        })
    }
}

/// Moves a local copy whose unsent work belongs to a project no longer on the server out of
/// the way, keeping it as an ordinary project file, and says where.
fn set_aside(store: Store, path: &Path) -> Result<String, PgError> {
    drop(store);
    let mut n = 1;
    let target = loop {
        let candidate = path.with_extension(format!("unsent-{n}.crosscheck"));
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    std::fs::rename(path, &target).map_err(|e| StoreError::Io {
        path: path.to_owned(),
        source: e,
    })?;
    Ok(format!(
        "The project on the server was replaced since you last worked on it; your unsent \
         work is kept in {} (open it as a project file)",
        target.display()
    ))
}

fn database_name(config: &Config) -> String {
    config.get_dbname().unwrap_or("shared project").to_owned()
}

fn exists(project: &Project, t: &Target) -> bool {
    match t {
        Target::Article(id) => project.article(*id).is_some(),
        Target::Claim(id) => project.claim(*id).is_some(),
        Target::Link(id) => project.link(*id).is_some(),
        Target::Category(id) => project.category(*id).is_some(),
        Target::Verdicts | Target::Dismissed(_) | Target::Setting(_) => false,
    }
}

fn merge_map(into: &mut IdMap, from: IdMap) {
    into.articles.extend(from.articles);
    into.claims.extend(from.claims);
    into.links.extend(from.links);
    into.categories.extend(from.categories);
}

/// The lowest id a moved thing may take, per kind: above everything the project holds and
/// everything the own unsent edits create, so a moved id never meets a later own one.
struct Floors {
    article: i64,
    claim: i64,
    link: i64,
    category: i64,
}

impl Floors {
    fn of(outbox: &[OutboxEntry]) -> Floors {
        let mut f = Floors {
            article: 1,
            claim: 1,
            link: 1,
            category: 1,
        };
        for t in outbox.iter().flat_map(|p| Edit::created(&p.inverse)) {
            let slot = match t {
                Target::Article(id) => (&mut f.article, id),
                Target::Claim(id) => (&mut f.claim, id),
                Target::Link(id) => (&mut f.link, id),
                Target::Category(id) => (&mut f.category, id),
                Target::Verdicts | Target::Dismissed(_) | Target::Setting(_) => continue,
            };
            *slot.0 = (*slot.0).max(slot.1 + 1);
        }
        f
    }

    fn fresh(&mut self, project: &Project, t: &Target) -> i64 {
        let (slot, next) = match t {
            Target::Article(_) => (&mut self.article, project.next_article_id()),
            Target::Claim(_) => (&mut self.claim, project.next_claim_id()),
            Target::Link(_) => (&mut self.link, project.next_link_id()),
            Target::Category(_) => (&mut self.category, project.next_category_id()),
            Target::Verdicts | Target::Dismissed(_) | Target::Setting(_) => return 0,
        };
        let id = (*slot).max(next);
        *slot = id + 1;
        id
    }
}
