//! The project in memory: articles, categories, verdict scale, claims, links and the workbench
//! layout, plus the [`Edit`]s that change them and the undo history.
//!
//! Nothing here knows egui or SQL. Every change to a [`Project`] goes through [`Project::apply`],
//! which returns the inverse edit; [`History`] keeps those inverses for undo and redo, and the
//! store writes the same edit to the file in one transaction.

mod authors;
pub mod dates;
mod edit;
mod history;
mod project;
pub mod settings;
mod sharing;
mod types;

pub use dates::{display_date, month_number};
pub use edit::{ArticleMeta, Edit, EditError};
pub use history::History;
pub use project::Project;
pub use sharing::{IdMap, Target};
pub use types::*;
