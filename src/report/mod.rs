//! Reports a newsroom can publish or archive: HTML, Markdown, CSV, W3C Web Annotation JSON and
//! schema.org ClaimReview JSON-LD, written from a [`Project`] (no UI, no SQL).
//!
//! Every format treats article text, quotes and notes as untrusted: HTML and Markdown escape
//! them, CSV neutralises cells a spreadsheet would evaluate, JSON is built with serde.

mod annotation;
mod claimreview;
mod context;
mod csv;
mod html;
mod html_escape;
mod iri;
mod markdown;
mod time;
mod timeline;
mod xlsx;

pub use claimreview::{CLAIM_REVIEWED_MAX, missing_settings};
pub use context::ReportData;

use crate::model::Project;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Markdown,
    Csv,
    /// W3C Web Annotation data model (JSON-LD).
    Json,
    /// schema.org ClaimReview (JSON-LD).
    ClaimReview,
    /// The CSV's claim table as an Excel workbook (opens in any spreadsheet, Unicode intact).
    Xlsx,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 6] = [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::Xlsx,
        Format::Json,
        Format::ClaimReview,
    ];

    /// The name used on the command line (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ClaimReview => "claimreview",
            Format::Xlsx => "xlsx",
        }
    }

    /// Parses a command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file extension a report of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "jsonld",
            Format::ClaimReview => "claimreview.jsonld",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a report file's name asks for, judged by its extension (case-insensitive):
    /// `.html`/`.htm`, `.md`/`.markdown`, `.csv`, `.json`/`.jsonld`, and `.claimreview.jsonld`
    /// or `.claimreview.json` for ClaimReview. `None` for anything else.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".claimreview.jsonld") || name.ends_with(".claimreview.json") {
            return Some(Format::ClaimReview);
        }
        match name.rsplit_once('.')?.1 {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "json" | "jsonld" => Some(Format::Json),
            _ => None,
        }
    }

    /// The label shown in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML (to publish or print)",
            Format::Markdown => "Markdown (for a CMS or a repository)",
            Format::Csv => "CSV (one row per claim, for spreadsheets)",
            Format::Json => "JSON (W3C Web Annotation)",
            Format::ClaimReview => "ClaimReview (schema.org JSON-LD)",
            Format::Xlsx => "Excel workbook (the CSV's table, for LibreOffice and Excel)",
        }
    }
}

/// What a report says about itself in its provenance appendix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// The project file's name (or the folder's, for an unsaved project).
    pub project_name: String,
    /// ISO 8601 UTC, such as `2026-11-22T23:40:00Z`.
    pub exported_at: String,
}

impl ReportOptions {
    /// Options stamped with the current time.
    pub fn now(project_name: &str) -> ReportOptions {
        ReportOptions {
            project_name: project_name.to_owned(),
            exported_at: time::now_iso8601(),
        }
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{path}: could not write the report: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Writes the report in `format` to `out`.
pub fn write_report(
    project: &Project,
    format: Format,
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let data = ReportData::new(project);
    let mut out = BufWriter::new(out);
    match format {
        Format::Html => html::write(&data, opts, &mut out)?,
        Format::Markdown => markdown::write(&data, opts, &mut out)?,
        Format::Csv => csv::write(&data, &mut out)?,
        Format::Json => annotation::write(&data, opts, &mut out)?,
        Format::ClaimReview => claimreview::write(&data, opts, &mut out)?,
        Format::Xlsx => xlsx::write(&data, &mut out)?,
    }
    out.flush()
}

/// The report as a string: every format but [`Format::Xlsx`] is UTF-8 text (the CSV starts
/// with a byte-order mark); a workbook is binary and comes back lossily decoded.
pub fn render_to_string(project: &Project, format: Format, opts: &ReportOptions) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail, and every writer emits UTF-8.
    let _ = write_report(project, format, opts, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes the report to `path` through a temporary file beside it, renamed into place when
/// complete, so a half-written report never appears under `path`.
pub fn export_to_file(
    project: &Project,
    format: Format,
    opts: &ReportOptions,
    path: &Path,
) -> Result<(), ReportError> {
    let err = |source| ReportError::Io {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        write_report(project, format, opts, &mut file)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

#[cfg(test)]
mod tests {
    use super::Format;
    use std::path::Path;

    #[test]
    fn file_names_choose_the_format_they_end_in() {
        for f in Format::ALL {
            let name = format!("out/fact-check.{}", f.extension());
            assert_eq!(Format::from_extension(Path::new(&name)), Some(f), "{name}");
        }
        assert_eq!(
            Format::from_extension(Path::new("Report.HTM")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_extension(Path::new("r.claimreview.json")),
            Some(Format::ClaimReview)
        );
        assert_eq!(Format::from_extension(Path::new("r.pdf")), None);
        assert_eq!(Format::from_extension(Path::new("html")), None);
    }
}
