//! Running [`Command`]s and [`Action`]s at the end of a frame, and the results of background jobs.

use super::*;

impl Workbench {
    /// Runs one command.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Action(action) => self.run_action(ctx, action),
            Command::OpenPath(path) => match path.to_str() {
                Some(url) if crate::store::pg::is_postgres_url(url) => self.open_shared(ctx, url),
                _ => self.open_path(ctx, &path),
            },
            Command::OpenShared(url) => self.open_shared(ctx, &url),
            Command::RefreshFrom(folder) => {
                if self.doc.is_some() && self.jobs.running.is_none() {
                    self.jobs.refresh(ctx, folder);
                }
            }
            Command::MergeFrom(path) => {
                if self.doc.is_some() && self.jobs.running.is_none() {
                    self.jobs.read_for_merge(ctx, path);
                }
            }
            Command::Reattach(claim) => self.reattach(claim),
            Command::CompareVersions(article) => {
                if let Some(doc) = &self.doc {
                    self.compare.show_article(&doc.project, article);
                }
            }
            Command::ShowArticle {
                article,
                new_column,
            } => self.show_article(article, new_column),
            Command::Reveal {
                article,
                start,
                end,
            } => {
                self.show_article(article, false);
                if let Some(col) = self.columns.get_mut(self.active) {
                    col.reader.scroll_to = Some(start);
                    col.reader.flash = Some((start, end, ctx.input(|i| i.time)));
                }
            }
            Command::RevealSelected {
                article,
                start,
                end,
            } => {
                self.show_article(article, false);
                if let Some(col) = self.columns.get_mut(self.active) {
                    col.reader.scroll_to = Some(start);
                    col.reader.selection = Some(crate::app::reader::Selection {
                        anchor: start,
                        focus: end,
                    });
                }
            }
            Command::CloseColumn(i) => {
                if i < self.columns.len() {
                    self.columns.remove(i);
                    self.active = self.active.min(self.columns.len().saturating_sub(1));
                }
            }
            Command::MoveColumn { from, step } => {
                let to = from as isize + step;
                if from < self.columns.len() && to >= 0 && (to as usize) < self.columns.len() {
                    self.columns.swap(from, to as usize);
                    self.active = to as usize;
                }
            }
            Command::FocusColumn(i) => self.active = i.min(self.columns.len().saturating_sub(1)),
            Command::Tag { column, category } => self.tag(column, category),
            Command::ClickText { column, at } => self.click_text(column, at),
            Command::EditArticle(id) => {
                if let Some(doc) = &self.doc {
                    self.article_editor.open(&doc.project, id);
                }
            }
            Command::SelectClaim(id) => {
                self.selected_claim = id;
                if id.is_some() {
                    self.selected_link = None;
                }
            }
            Command::SelectLink(id) => {
                self.selected_link = id;
                if id.is_some() {
                    self.selected_claim = None;
                }
            }
            Command::LinkClaims { kind, claims } => {
                if let Some(doc) = &self.doc {
                    let link = crate::app::link_overlay::new_link(&doc.project, kind, claims);
                    let id = link.id;
                    if self.commit(
                        format!("Link as {}", kind.label().to_lowercase()),
                        Edit::PutLink(link),
                        None,
                    ) {
                        self.selected_link = Some(id);
                        self.selected_claim = None;
                        self.claims_panel.checked.clear();
                    }
                }
                self.pending_link = None;
            }
            Command::ProposeLink { from, to } => {
                self.pending_link = Some((from, to, self.last_pointer));
            }
            Command::AddToLink { link, claim } => {
                if let Some(l) = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.project.link(link))
                    .cloned()
                    && !l.members.contains(&claim)
                {
                    let mut l = l;
                    l.members.push(claim);
                    if self.commit("Add claim to link".into(), Edit::PutLink(l), None) {
                        self.selected_link = Some(link);
                    }
                }
                self.pending_link = None;
            }
            Command::Edit {
                label,
                edit,
                coalesce,
            } => {
                self.commit(label, edit, coalesce);
            }
            Command::SealUndo => {
                if let Some(doc) = &mut self.doc {
                    doc.history.seal();
                }
            }
            Command::DeleteClaim(id) => {
                if let Some(doc) = &self.doc {
                    let edit = Edit::Batch(doc.project.delete_claim_edits(id));
                    if self.commit("Delete claim".into(), edit, None)
                        && self.selected_claim == Some(id)
                    {
                        self.selected_claim = None;
                    }
                }
            }
            Command::SaveTo(path) => self.save_to(&path),
            Command::PickExportPath => {
                let suggested = PathBuf::from(&self.export.path);
                self.jobs.pick(ctx, PickKind::Export, Some(suggested));
            }
            Command::Export { format, path } => {
                if let Some(doc) = &self.doc {
                    let options = crate::report::ReportOptions::now(&doc.name);
                    self.jobs
                        .export(ctx, doc.project.clone(), format, options, path);
                }
            }
            Command::PickOtherCoder => self.jobs.pick(ctx, PickKind::OtherCoder, None),
            Command::LoadOtherCoder(path) => {
                self.agreement.loading = true;
                self.jobs.read_other_coder(ctx, path);
            }
            Command::Recover(path) => self.recover(&path),
            Command::DiscardRecovery(path) => {
                if let Some(d) = &self.data
                    && let Err(e) = d.discard_recovery(&path)
                {
                    self.error(e.to_string());
                }
                self.refresh_lists();
            }
            Command::ForgetRecent(path) => {
                if let Some(d) = &self.data
                    && let Err(e) = d.remove_recent(&path)
                {
                    self.error(e.to_string());
                }
                self.refresh_lists();
            }
            Command::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::DismissMessage => self.message = None,
            Command::SavePreferences(prefs) => self.save_preferences(prefs),
        }
    }

    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenFolder => self.jobs.pick(ctx, PickKind::Folder, None),
            Action::OpenProject => self.jobs.pick(ctx, PickKind::Project, None),
            Action::OpenShared => {
                self.shared_prompt = Some(if self.last_shared_url.is_empty() {
                    "postgres://".to_owned()
                } else {
                    redact_url_for_prompt(&self.last_shared_url)
                });
            }
            Action::OpenSample => {
                self.open_import("Sample articles".into(), None, corpus::sample())
            }
            Action::Save if self.doc.as_ref().is_some_and(|d| d.shared.is_some()) => {
                let url = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.shared.as_ref())
                    .map(|s| s.url().to_owned())
                    .unwrap_or_default();
                self.message = Some(Message {
                    text: format!(
                        "Every change goes to the shared project at {url} as you make it \
                         (and to this computer's copy while the server is away). File ▸ Save \
                         as… writes a project file of it."
                    ),
                    is_error: false,
                });
            }
            Action::Save => match self.doc.as_ref().and_then(|d| d.file.clone()) {
                Some(file) if !self.doc.as_ref().is_some_and(Document::read_only) => {
                    self.message = Some(Message {
                        text: format!("Every change is already saved to {}", file.display()),
                        is_error: false,
                    });
                }
                _ => self.run_action(ctx, Action::SaveAs),
            },
            Action::SaveAs => {
                if let Some(doc) = &self.doc {
                    let suggested = suggested_project_path(doc);
                    self.jobs.pick(ctx, PickKind::SaveProject, Some(suggested));
                }
            }
            Action::RefreshFromFolder => match self.source_folder() {
                Some(folder) => self.run(ctx, Command::RefreshFrom(folder)),
                None => self.jobs.pick(ctx, PickKind::RefreshFolder, None),
            },
            Action::MergeProject => {
                if self.doc.is_some() {
                    self.jobs.pick(ctx, PickKind::MergeProject, None);
                }
            }
            Action::CloseProject => self.close_document(),
            Action::Quit => {
                if self.has_untitled_work() {
                    self.close_prompt = true;
                } else {
                    self.run(ctx, Command::Quit);
                }
            }
            Action::Export => {
                if let Some(doc) = &self.doc {
                    let base = doc.file.clone().or(doc.folder.clone());
                    let name = doc.name.clone();
                    self.export.show_for(base.as_deref(), &name);
                }
            }
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
            Action::Copy => {
                if let (Some(doc), Some(col)) = (&self.doc, self.columns.get(self.active))
                    && let Some(article) = doc.project.article(col.article)
                    && let Some(text) = col.reader.selected_text(article)
                {
                    ctx.copy_text(text.to_owned());
                }
            }
            Action::Find => {
                self.find.open = true;
                self.find.focus_field = true;
            }
            Action::FindNext => self.step_find(1),
            Action::FindPrevious => self.step_find(-1),
            Action::AddColumn => {
                if let Some(doc) = &self.doc
                    && self.columns.len() < MAX_COLUMNS
                {
                    let next = doc
                        .project
                        .articles()
                        .iter()
                        .find(|a| !self.columns.iter().any(|c| c.article == a.id))
                        .or_else(|| doc.project.articles().first());
                    if let Some(a) = next {
                        self.columns.push(Column::new(a.id));
                        self.active = self.columns.len() - 1;
                    }
                }
            }
            Action::CloseColumn => self.run(ctx, Command::CloseColumn(self.active)),
            Action::ZoomIn => self.font_size = (self.font_size + 1.0).min(32.0),
            Action::ZoomOut => self.font_size = (self.font_size - 1.0).max(10.0),
            Action::ZoomReset => self.font_size = DEFAULT_FONT_SIZE,
            Action::ToggleLibrary => self.library_open = !self.library_open,
            Action::ToggleClaims => self.toggle_bottom(BottomTab::Claims),
            Action::ToggleConflicts => self.toggle_bottom(BottomTab::Conflicts),
            Action::ToggleFigures => self.toggle_bottom(BottomTab::Figures),
            Action::ToggleTimeline => self.toggle_bottom(BottomTab::Timeline),
            Action::ToggleSources => self.toggle_bottom(BottomTab::Sources),
            Action::ToggleQuotes => self.toggle_bottom(BottomTab::Quotes),
            Action::ToggleSharedMarks => {
                self.shared_marks = !self.shared_marks;
            }
            Action::ToggleFigureMarks => {
                self.figure_marks = !self.figure_marks;
            }
            Action::LinkNext => {
                self.link_armed = self.selected_claim;
                if self.link_armed.is_some() {
                    self.message = Some(Message {
                        text: "Click the claim to link it to (Esc cancels).".into(),
                        is_error: false,
                    });
                }
            }
            Action::Codebook => self.codebook.open = !self.codebook.open,
            Action::Agreement => {
                if self.doc.is_some() {
                    self.agreement.open = !self.agreement.open;
                }
            }
            Action::DeleteClaim => {
                if let Some(id) = self.selected_claim {
                    self.run(ctx, Command::DeleteClaim(id));
                }
            }
            Action::Preferences => self.preferences_window.show_for(&self.preferences),
            Action::ToggleTheme => {
                let dark = ctx.global_style().visuals.dark_mode;
                ctx.set_theme(if dark {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
        }
    }

    /// Keeps the preferences for this session and writes them to the data folder.
    fn save_preferences(&mut self, prefs: crate::store::Preferences) {
        let saved = match &self.data {
            Some(d) => d.save_preferences(&prefs).map_err(|e| e.to_string()),
            None => Err("Crosscheck has no data folder to keep them in".to_owned()),
        };
        let who = prefs.author().map(str::to_owned);
        self.preferences = prefs;
        let author = self.author_name();
        if let Some(shared) = self.doc.as_mut().and_then(|d| d.shared.as_mut()) {
            shared.set_author(&author);
        }
        self.message = Some(match (saved, who) {
            (Ok(()), Some(who)) => Message {
                text: format!("Claims and links you make now record “{who}” as their author."),
                is_error: false,
            },
            (Ok(()), None) => Message {
                text: "No name set: claims and links you make record no author.".into(),
                is_error: false,
            },
            (Err(e), _) => Message {
                text: format!("Your name is used until Crosscheck closes but was not saved: {e}"),
                is_error: true,
            },
        });
    }

    pub(super) fn on_job(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Imported {
                folder,
                project,
                warnings,
                candidates,
                recovery,
            } => {
                let name = folder_name(&folder);
                self.adopt_import(name, Some(folder), project, warnings, candidates, recovery);
            }
            JobResult::Opened { path, result } => self.adopt_opened(&path, result),
            JobResult::OpenedShared { url, result } => self.adopt_shared(&url, *result),
            JobResult::Exported { path, result } => match result {
                Ok(()) => {
                    self.message = Some(Message {
                        text: format!("Report written to {}", path.display()),
                        is_error: false,
                    });
                    self.export.done = Some(path);
                }
                Err(e) => self.error(format!("Could not export the report: {e}")),
            },
            JobResult::Refreshed {
                folder,
                fresh,
                warnings,
            } => self.adopt_refresh(&folder, fresh, &warnings),
            JobResult::MergeRead { path, result } => self.adopt_merge(&path, result),
            JobResult::ImportFailed { folder, error } => {
                self.error(format!("Could not import {}: {error}", folder.display()));
            }
            JobResult::OtherCoderRead { path, result } => self.agreement.adopt(&path, result),
            JobResult::Picked {
                kind,
                path: Some(path),
            } => match kind {
                PickKind::Folder | PickKind::Project => self.run(ctx, Command::OpenPath(path)),
                PickKind::SaveProject => self.run(ctx, Command::SaveTo(path)),
                PickKind::Export => self.export.path = path.display().to_string(),
                PickKind::RefreshFolder => self.run(ctx, Command::RefreshFrom(path)),
                PickKind::OtherCoder => {
                    self.agreement.path = path.display().to_string();
                    self.run(ctx, Command::LoadOtherCoder(path));
                }
                PickKind::MergeProject => self.run(ctx, Command::MergeFrom(path)),
            },
            // The export dialog and the Agreement window have their own path fields.
            JobResult::Picked {
                kind: PickKind::Export | PickKind::OtherCoder,
                path: None,
            } => {}
            JobResult::Picked { kind, path: None } => {
                // rfd says `None` for both "cancelled" and "no dialog could be shown"; offer the
                // path field so the user is never stuck.
                self.prompt_for_path(kind);
            }
        }
    }
}

/// The last address, as the prompt shows it again (its password is not shown twice).
fn redact_url_for_prompt(url: &str) -> String {
    crate::store::pg::redact_url(url).replace(":***@", "@")
}
