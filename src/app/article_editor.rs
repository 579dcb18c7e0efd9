//! The "Article details" window: correct what the import read about an article (title,
//! outlet, publication date, author, web address). Saving sends one undoable
//! [`Edit::SetArticleMeta`]; the article's text never changes.

use super::command::Command;
use crate::model::{ArticleId, ArticleMeta, Edit, Project};
use eframe::egui;

/// The fields being edited, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleEditor {
    /// The article being edited; `None` when the window is closed.
    pub article: Option<ArticleId>,
    pub title: String,
    pub outlet: String,
    pub published: String,
    pub author: String,
    pub url: String,
    /// Why the last Save was refused.
    pub error: Option<String>,
}

impl ArticleEditor {
    /// Opens the window on `id` with its current details.
    pub fn open(&mut self, project: &Project, id: ArticleId) {
        let Some(a) = project.article(id) else { return };
        *self = ArticleEditor {
            article: Some(id),
            title: a.title.clone(),
            outlet: a.outlet.clone().unwrap_or_default(),
            published: a.published.clone().unwrap_or_default(),
            author: a.author.clone().unwrap_or_default(),
            url: a.url.clone().unwrap_or_default(),
            error: None,
        };
    }

    /// The edit the fields describe, or why they cannot be saved.
    pub fn edit(&self) -> Result<ArticleMeta, String> {
        let id = self.article.ok_or("no article")?;
        let title = tidy(&self.title).ok_or("An article needs a title.")?;
        let published = match tidy(&self.published) {
            None => None,
            Some(d) => Some(parse_date(&d).ok_or(
                "Write the date as 2024-03-26, 2024-03-26T18:45+02:00, 26 March 2024, or --03-26 \
                 when the year is unknown.",
            )?),
        };
        let url = tidy(&self.url);
        if let Some(u) = &url
            && !(u.starts_with("https://") || u.starts_with("http://"))
        {
            return Err("A web address starts with https:// or http://.".into());
        }
        Ok(ArticleMeta {
            id,
            title,
            outlet: tidy(&self.outlet),
            published,
            author: tidy(&self.author),
            url,
        })
    }

    /// Draws the window while an article is being edited.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, commands: &mut Vec<Command>) {
        let Some(id) = self.article else { return };
        let Some(article) = project.article(id) else {
            self.article = None;
            return;
        };
        let mut open = true;
        let mut save = false;
        let mut cancel = false;
        egui::Window::new("Article details")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(420.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                ui.weak(&article.path);
                egui::Grid::new("article-details")
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        for (name, value, hint) in [
                            ("Title", &mut self.title, ""),
                            ("Outlet", &mut self.outlet, "who published it"),
                            ("Published", &mut self.published, "2024-03-26 or --03-26"),
                            ("Author", &mut self.author, ""),
                            ("Web address", &mut self.url, "https://…"),
                        ] {
                            let label = ui.label(name);
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(value)
                                        .hint_text(hint)
                                        .desired_width(300.0),
                                )
                                .labelled_by(label.id);
                            save |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                            ui.end_row();
                        }
                    });
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.horizontal(|ui| {
                    save |= ui.button("Save details").clicked();
                    cancel |= ui.button("Cancel").clicked();
                });
            });
        if save {
            match self.edit() {
                Ok(meta) => {
                    if meta != ArticleMeta::of(article) {
                        commands.push(Command::Edit {
                            label: "Edit article details".into(),
                            edit: Edit::SetArticleMeta(meta),
                            coalesce: None,
                        });
                    }
                    self.article = None;
                }
                Err(e) => self.error = Some(e),
            }
        }
        if cancel || !open {
            self.article = None;
        }
    }
}

fn tidy(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// A date as the user typed it, stored as ISO 8601: ISO dates and date-times as written,
/// `--MM-DD` partials, or a written date ("26 March 2024").
fn parse_date(s: &str) -> Option<String> {
    if let Some(md) = s.strip_prefix("--") {
        let (m, d) = md.split_once('-')?;
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        return crate::corpus::detect::is_valid_date(2000, m, d)
            .then(|| format!("--{m:02}-{d:02}"));
    }
    crate::corpus::page::normalise_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> ArticleEditor {
        ArticleEditor {
            article: Some(1),
            title: "  Toll   rises ".into(),
            ..ArticleEditor::default()
        }
    }

    #[test]
    fn dates_are_stored_as_iso_whatever_way_they_are_typed() {
        for (typed, stored) in [
            ("2024-03-26", "2024-03-26"),
            ("2024-03-26T18:45+02:00", "2024-03-26T18:45+02:00"),
            ("26 March 2024", "2024-03-26"),
            ("March 26, 2024", "2024-03-26"),
            ("--9-12", "--09-12"),
        ] {
            let e = ArticleEditor {
                published: typed.into(),
                ..editor()
            };
            assert_eq!(e.edit().expect(typed).published.as_deref(), Some(stored));
        }
    }

    #[test]
    fn a_blank_title_a_bad_date_or_a_non_web_address_is_refused_with_a_reason() {
        let blank = ArticleEditor {
            title: "  ".into(),
            ..editor()
        };
        assert!(blank.edit().unwrap_err().contains("title"));
        let bad = ArticleEditor {
            published: "2024-02-30".into(),
            ..editor()
        };
        assert!(bad.edit().unwrap_err().contains("2024-03-26"));
        let js = ArticleEditor {
            url: "javascript:alert(1)".into(),
            ..editor()
        };
        assert!(js.edit().unwrap_err().contains("https://"));
        let ok = editor().edit().expect("ok");
        assert_eq!(ok.title, "Toll rises");
        assert_eq!((ok.outlet, ok.author, ok.url), (None, None, None));
    }
}
