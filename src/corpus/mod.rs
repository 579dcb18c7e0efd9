//! TEMPORARY stand-in for the corpus module (being written on branch `corpus`).

use crate::model::Article;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct ImportWarning {
    pub path: String,
    pub message: String,
}
impl std::fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub articles: Vec<Article>,
    pub warnings: Vec<ImportWarning>,
    pub candidates: usize,
}
#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}: {message}")]
pub struct CorpusError {
    pub path: String,
    pub message: String,
}
pub fn import_folder_with_progress(
    path: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport, CorpusError> {
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| CorpusError {
            path: path.display().to_string(),
            message: e.to_string(),
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    let mut report = ImportReport {
        candidates: entries.len(),
        ..Default::default()
    };
    let total = entries.len();
    for (i, p) in entries.into_iter().enumerate() {
        progress(i, total);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match std::fs::read_to_string(&p) {
            Ok(text) if !text.trim().is_empty() => {
                let title = text
                    .lines()
                    .find(|l| l.trim().len() > 20)
                    .unwrap_or(&name)
                    .trim()
                    .to_owned();
                report.articles.push(Article {
                    id: report.articles.len() as i64 + 1,
                    path: name,
                    title,
                    outlet: None,
                    published: None,
                    text: text.replace("\r\n", "\n"),
                    sha256: String::new(),
                    encoding: "UTF-8".into(),
                })
            }
            Ok(_) => report.warnings.push(ImportWarning {
                path: name,
                message: "empty file, skipped".into(),
            }),
            Err(e) => report.warnings.push(ImportWarning {
                path: name,
                message: format!("skipped: {e}"),
            }),
        }
    }
    Ok(report)
}
pub fn sample() -> ImportReport {
    let mk = |id: i64, t: &str| Article {
        id,
        path: format!("sample-{id}.txt"),
        title: t.lines().next().unwrap_or("").into(),
        outlet: Some("Sample".into()),
        published: Some("2024-05-0{id}".into()),
        text: t.into(),
        sha256: String::new(),
        encoding: "UTF-8".into(),
    };
    ImportReport {
        articles: vec![
            mk(
                1,
                "Bridge collapse in Vellmar kills at least 14\n\nVELLMAR, May 1. At least 14 people were killed when the old bridge collapsed, officials said. Zoë Brandt, a witness, said «it fell in seconds». Μάρτυρες said more.",
            ),
            mk(
                2,
                "Vellmar toll confirmed at 12\n\nThe toll of the Vellmar bridge collapse was confirmed at 12, the mayor said on Thursday. More than 30 people were injured.",
            ),
        ],
        warnings: vec![],
        candidates: 2,
    }
}
