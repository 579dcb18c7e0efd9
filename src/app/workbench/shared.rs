//! A shared project on PostgreSQL in the window: opening one (File ▸ Open shared project…,
//! or a `postgres://` address anywhere a path is taken), taking in the other researchers'
//! edits every frame, and the connection state in the status bar.

use super::*;
use crate::store::pg::{SharedSession, SharedStatus, redact_url};
use std::time::Duration;

impl Workbench {
    /// Opens the shared project at `url`, replacing the open project.
    pub(super) fn open_shared(&mut self, ctx: &egui::Context, url: &str) {
        let url = url.trim();
        if let Some(doc) = &self.doc
            && doc
                .shared
                .as_ref()
                .is_some_and(|s| s.url() == redact_url(url))
        {
            self.error(format!("{} is already open.", redact_url(url)));
            return;
        }
        if self.busy() {
            self.error("Another project is still opening; wait for it to finish.".into());
            return;
        }
        let local = self.shared_copy_path(url);
        self.jobs
            .open_shared(ctx, url.to_owned(), local, self.author_name());
    }

    /// Shows a shared project that was opened, or says why it could not be.
    pub(super) fn adopt_shared(
        &mut self,
        url: &str,
        result: Result<(SharedSession, crate::model::Project), crate::store::pg::PgError>,
    ) {
        match result {
            Ok((session, project)) => {
                self.close_document();
                self.open_document(Document::from_shared(session, project));
                self.last_shared_url = url.to_owned();
                self.message = Some(Message {
                    text: format!(
                        "Opened the shared project at {}: edits by others appear as they are made",
                        redact_url(url)
                    ),
                    is_error: false,
                });
            }
            Err(e) => self.error(format!("Could not open the shared project: {e}")),
        }
    }

    /// Where the local copy of the shared project at `url` lives: Crosscheck's data folder,
    /// one file per address.
    fn shared_copy_path(&self, url: &str) -> PathBuf {
        let dir = self.data.as_ref().map_or_else(
            || std::env::temp_dir().join(format!("crosscheck-shared-{}", std::process::id())),
            |d| d.root().join("shared"),
        );
        let _ = std::fs::create_dir_all(&dir);
        dir.join(crate::store::pg::local_copy_name(url))
    }

    /// Who this researcher's edits are logged as: the name set in Preferences, so the shared
    /// log and the claims' `author` agree; without one, the login name, because every edit in
    /// a shared log says whose it is.
    pub(super) fn author_name(&self) -> String {
        shared_author(self.preferences.author(), |k| std::env::var(k).ok())
    }

    /// Takes in what the shared project's session has: others' edits, refusals, the state
    /// of the connection. Runs every frame; cheap when nothing arrived.
    pub(super) fn poll_shared(&mut self, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else { return };
        let Some(shared) = &mut doc.shared else {
            return;
        };
        let report = shared.poll(&mut doc.project, &mut doc.history);
        // Own edits waiting for the server are retried, and a missed notification caught,
        // even when nothing else wakes the window.
        ctx.request_repaint_after(Duration::from_secs(1));
        if report.is_empty() {
            return;
        }
        let unsent = shared.unsent();
        let url = shared.url().to_owned();
        let mut message = None;
        if let Some((author, edit)) = report.remote.last() {
            let more = report.remote.len() - 1;
            message = Some(Message {
                text: if more == 0 {
                    format!("{author}: {}", edit.label())
                } else {
                    format!(
                        "{author}: {} (and {} by others)",
                        edit.label(),
                        crate::app::plural::count(more, "more change")
                    )
                },
                is_error: false,
            });
        }
        match &report.status {
            Some(SharedStatus::Away { reason }) => {
                message = Some(Message {
                    text: format!(
                        "Keep working: your changes are kept on this computer and sent when \
                         the server returns ({url}: {reason})"
                    ),
                    is_error: true,
                })
            }
            Some(SharedStatus::Connected) => {
                message = Some(Message {
                    text: if unsent == 0 {
                        format!("Connected to {url}; everything is sent")
                    } else {
                        format!(
                            "Connected to {url}; sending {}",
                            crate::app::plural::count(unsent, "change")
                        )
                    },
                    is_error: false,
                })
            }
            None => {}
        }
        if let Some((why, _)) = report.refused.first() {
            let more = report.refused.len() - 1;
            message = Some(Message {
                text: if more == 0 {
                    format!("{why}.")
                } else {
                    format!("{why} (and {more} more not sent).")
                },
                is_error: true,
            });
        }
        if let Some(notice) = report.notices.last() {
            message = Some(Message {
                text: notice.clone(),
                is_error: true,
            });
        }
        if let Some(m) = message {
            self.message = Some(m);
        }
        if let Some(id) = self.selected_claim {
            self.selected_claim = Some(*report.moved.claims.get(&id).unwrap_or(&id));
        }
        // What others removed goes from the view too.
        let project = &doc.project;
        self.columns
            .retain(|c| project.article(c.article).is_some());
        self.active = self.active.min(self.columns.len().saturating_sub(1));
        if self
            .selected_claim
            .is_some_and(|c| project.claim(c).is_none())
        {
            self.selected_claim = None;
        }
        if self
            .selected_link
            .is_some_and(|l| project.link(l).is_none())
        {
            self.selected_link = None;
        }
    }

    /// The status bar's word on the shared project: connected, or away and working locally.
    pub(super) fn shared_status(&self, ui: &mut egui::Ui, shared: &SharedSession) {
        let unsent = shared.unsent();
        let waiting = if unsent == 0 {
            String::new()
        } else {
            format!(
                " · {} waiting to be sent",
                crate::app::plural::count(unsent, "change")
            )
        };
        let (text, color) = match shared.status() {
            SharedStatus::Connected => (
                format!("Shared: {} as {}{waiting}", shared.url(), shared.author()),
                crate::app::theme::ok_color(ui.visuals()),
            ),
            SharedStatus::Away { .. } => (
                format!("Server away — working offline, reconnecting…{waiting}"),
                ui.visuals().error_fg_color,
            ),
        };
        ui.label(egui::RichText::new(text).color(color))
            .on_hover_text(format!(
                "Shared project at {}. Your changes are kept in {} and sent to the server \
                 as you make them; others' changes appear within a second.",
                shared.url(),
                shared.local_path().display()
            ));
    }

    /// The "Open shared project" window: the address of a PostgreSQL database.
    pub(super) fn shared_prompt_window(&mut self, ctx: &egui::Context) {
        let Some(text) = &mut self.shared_prompt else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        egui::Window::new("Open shared project")
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                let label = ui.label(
                    "Address of the shared project's PostgreSQL database \
                     (put a project there with `crosscheck push`):",
                );
                let r = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .hint_text("postgres://you@db.newsroom/flood")
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                submit = ui.button("Connect").clicked() || enter;
            });
        if submit && !text.trim().is_empty() {
            let url = text.trim().to_owned();
            self.shared_prompt = None;
            self.commands.push(Command::OpenShared(url));
        } else if !open {
            self.shared_prompt = None;
        }
    }
}

/// The shared log's name for this researcher: `preferred` (Preferences ▸ Your name), else the
/// login name from `env` (`USER`, then `USERNAME`), else "researcher".
fn shared_author(preferred: Option<&str>, env: impl Fn(&str) -> Option<String>) -> String {
    preferred
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .or_else(|| env("USER").filter(|s| !s.trim().is_empty()))
        .or_else(|| env("USERNAME").filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "researcher".into())
}

#[cfg(test)]
mod tests {
    use super::shared_author;

    #[test]
    fn the_shared_log_names_the_preferences_name_before_the_login() {
        let env = |k: &str| (k == "USER").then(|| "jdoe".to_owned());
        assert_eq!(shared_author(Some("Jane Doe"), env), "Jane Doe");
        assert_eq!(shared_author(Some("  "), env), "jdoe");
        assert_eq!(shared_author(None, env), "jdoe");
        assert_eq!(shared_author(None, |_| None), "researcher");
    }
}
