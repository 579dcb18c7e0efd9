//! TEMPORARY stand-in for the report module (being written on branch `report2`).

use crate::model::Project;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Csv,
    Json,
    ClaimReview,
}
impl Format {
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::ClaimReview,
    ];
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ClaimReview => "claimreview.json",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Json => "JSON (W3C Web Annotation)",
            Format::ClaimReview => "ClaimReview (JSON-LD)",
        }
    }
}
pub struct ReportOptions {
    pub project_name: String,
    pub exported_at: String,
}
impl ReportOptions {
    pub fn now(project_name: &str) -> Self {
        ReportOptions {
            project_name: project_name.into(),
            exported_at: String::new(),
        }
    }
}
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ReportError(String);
pub fn export_to_file(
    _: &Project,
    _: Format,
    _: &ReportOptions,
    path: &Path,
) -> Result<(), ReportError> {
    Err(ReportError(format!(
        "{}: reports are not available yet",
        path.display()
    )))
}
