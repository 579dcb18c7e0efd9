//! Importing articles: a folder (walked recursively), a single file, or bytes such as
//! standard input. Each file goes through the same path: read (with a size limit), decode,
//! reduce HTML, detect metadata, hash.

use super::decode::{self, NotText};
use super::detect;
use super::kinds::{self, ARTICLE_EXTENSIONS};
use super::report::{CorpusError, ImportReport, ImportWarning};
use super::{markup, office, page, pdf};
use crate::model::Article;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Why a file with an article's name was not read: its bytes are not text.
const BINARY: &str = "binary file (contains NUL bytes), not text";

/// Files larger than this are skipped unless [`ImportOptions::max_file_bytes`] says otherwise.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Settings of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Files larger than this many bytes are skipped with a warning.
    pub max_file_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// True for a file name a folder import takes (see `kinds::ARTICLE_EXTENSIONS`), in any case.
pub fn is_article_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

fn is_html_name(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Imports every article under `folder` with default options.
pub fn import_folder(folder: impl AsRef<Path>) -> Result<ImportReport, CorpusError> {
    import_folder_with_progress(folder.as_ref(), &ImportOptions::default(), &mut |_, _| {})
}

/// Imports every article under `folder`, calling `progress(done, total)` once before the
/// first file and after each one (`done == total` at the end). Errors only when the folder itself cannot be read.
pub fn import_folder_with_progress(
    folder: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport, CorpusError> {
    check_folder(folder)?;
    let walk = walk(folder)?;
    let total = walk.files.len() + walk.unreadable;
    let mut report = ImportReport {
        articles: Vec::with_capacity(walk.files.len()),
        warnings: walk.warnings,
        candidates: total,
    };
    // Names that could not even be looked at were settled (skipped) during the walk.
    progress(walk.unreadable, total);
    // Files are read and parsed on every core (web pages and PDFs take milliseconds each);
    // results are put back in path order, so ids do not depend on which thread was faster.
    let mut results: Vec<Option<ImportReport>> = vec![None; walk.files.len()];
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(walk.files.len().max(1));
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..workers {
            let (tx, next, files) = (tx.clone(), &next, &walk.files);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((rel, path)) = files.get(i) else {
                        break;
                    };
                    let mut one = ImportReport::default();
                    match read_limited(path, options.max_file_bytes) {
                        // A file without an extension is an article only if it is text.
                        Ok(bytes)
                            if kinds::is_bare_name(Path::new(rel))
                                && decode::decode(&bytes, false).is_err() =>
                        {
                            one.warnings.push(ImportWarning {
                                is_candidate: false,
                                ..ImportWarning::skipped(rel, kinds::BARE_NOT_TEXT)
                            });
                        }
                        Ok(bytes) => push_article(&mut one, rel, &bytes),
                        Err(message) => one.warnings.push(ImportWarning::skipped(rel, message)),
                    }
                    if tx.send((i, one)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (done, (i, one)) in rx.into_iter().enumerate() {
            results[i] = Some(one);
            progress(walk.unreadable + done + 1, total);
        }
    });
    for one in results.into_iter().flatten() {
        // A file without an extension that was not text was never an article.
        report.candidates -= one.warnings.iter().filter(|w| !w.is_candidate).count();
        // A collection file holding many documents offers each as an article.
        report.candidates += one.articles.len().saturating_sub(1);
        for mut a in one.articles {
            a.id = report.articles.len() as i64 + 1;
            report.articles.push(a);
        }
        report.warnings.extend(one.warnings);
    }
    report.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(report)
}

/// Imports one file (any extension; `.html`/`.htm` are reduced to text) as article 1.
/// A binary, empty or oversized file gives a report with a warning and no article.
pub fn import_file(path: impl AsRef<Path>) -> Result<ImportReport, CorpusError> {
    import_file_with(path.as_ref(), &ImportOptions::default())
}

/// Imports a folder or a single file, whichever `path` is.
pub fn import_path(
    path: impl AsRef<Path>,
    options: &ImportOptions,
) -> Result<ImportReport, CorpusError> {
    let path = path.as_ref();
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        import_folder_with_progress(path, options, &mut |_, _| {})
    } else {
        import_file_with(path, options)
    }
}

fn import_file_with(path: &Path, options: &ImportOptions) -> Result<ImportReport, CorpusError> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(CorpusError::NotAFile {
            path: path.to_owned(),
        });
    }
    let name = path
        .file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned();
    if meta.len() > options.max_file_bytes {
        return Ok(ImportReport {
            warnings: vec![ImportWarning::skipped(
                &name,
                too_large(meta.len(), options.max_file_bytes),
            )],
            candidates: 1,
            ..Default::default()
        });
    }
    let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
    Ok(article_from_bytes(&name, &bytes))
}

/// Builds a one-article report from bytes already in memory (standard input, an embedded
/// sample). `name` becomes the article's path and, when no title is found, its title; a
/// `.html`/`.htm` name makes the text go through the HTML reducer.
pub fn article_from_bytes(name: &str, bytes: &[u8]) -> ImportReport {
    let mut report = ImportReport {
        candidates: 1,
        ..Default::default()
    };
    push_article(&mut report, name, bytes);
    report.candidates = report.candidates.max(report.articles.len());
    report
}

/// `.pdf` by its name.
fn is_pdf_name(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// Reads a PDF, Word or OpenDocument file into an article, or a warning saying why not.
fn push_document(report: &mut ImportReport, rel: &str, bytes: &[u8]) -> bool {
    let read = if is_pdf_name(rel) {
        pdf::read_pdf(bytes)
            .map(|d| (d.text, d.title, d.author, d.published, "PDF"))
            .map_err(|e| e.to_string())
    } else if let Some(kind) = office::OfficeKind::of_name(rel) {
        let label = match kind {
            office::OfficeKind::Docx => "DOCX",
            office::OfficeKind::Odt => "ODT",
        };
        office::read_office(kind, bytes).map(|d| (d.text, d.title, d.author, d.published, label))
    } else {
        return false;
    };
    let (text, title, author, published, format) = match read {
        Ok((text, title, author, published, format)) => (
            // Offsets are counted on `\n` line ends, whatever the document used.
            text.replace("\r\n", "\n").replace('\r', "\n"),
            title,
            author,
            published,
            format,
        ),
        Err(why) => {
            report.warnings.push(ImportWarning::skipped(rel, why));
            return true;
        }
    };
    if text.trim().is_empty() {
        report
            .warnings
            .push(ImportWarning::skipped(rel, "no text in the document"));
        return true;
    }
    let detected = detect::detect(&text);
    report.articles.push(Article {
        id: report.articles.len() as i64 + 1,
        path: rel.to_owned(),
        title: title
            .or(detected.title)
            .unwrap_or_else(|| fallback_title(rel)),
        outlet: detected.outlet,
        published: published.or(detected.published),
        text,
        sha256: sha256_hex(bytes),
        encoding: format.to_owned(),
        author,
        url: None,
    });
    true
}

/// Decodes and detects one file and appends the article (id = position) or a warning.
fn push_article(report: &mut ImportReport, rel: &str, bytes: &[u8]) {
    if push_document(report, rel, bytes) || push_markup(report, rel, bytes) {
        return;
    }
    let html = is_html_name(rel);
    let decoded = match decode::decode(bytes, html) {
        Ok(d) => d,
        Err(NotText::Binary) => {
            report.warnings.push(ImportWarning::skipped(rel, BINARY));
            return;
        }
    };
    let (text, meta, note) = if html {
        let page = page::read_page(&decoded.text);
        let meta = PageFacts {
            title: page.title,
            outlet: page.outlet,
            published: page.published,
            author: page.author,
            url: page.url,
        };
        (page.text, meta, page.note)
    } else {
        let d = detect::detect(&decoded.text);
        let meta = PageFacts {
            title: d.title,
            outlet: d.outlet,
            published: d.published,
            author: None,
            url: None,
        };
        (decoded.text, meta, None)
    };
    if text.trim().is_empty() {
        let why = if bytes.is_empty() {
            "empty file"
        } else if html {
            "no readable text in the page"
        } else {
            "only whitespace, no text"
        };
        report.warnings.push(ImportWarning::skipped(rel, why));
        return;
    }
    if let Some(repair) = decoded.repair {
        report.warnings.push(ImportWarning::repaired(rel, repair));
    }
    if let Some(note) = note {
        report.warnings.push(ImportWarning::repaired(rel, note));
    }
    let title = meta.title.unwrap_or_else(|| fallback_title(rel));
    report.articles.push(Article {
        id: report.articles.len() as i64 + 1,
        path: rel.to_owned(),
        title,
        outlet: meta.outlet,
        published: meta.published,
        text,
        sha256: sha256_hex(bytes),
        encoding: decoded.encoding.to_owned(),
        author: meta.author,
        url: meta.url,
    });
}

/// Reads an SGML or XML file of a news collection into one article per document (see
/// [`markup`]), or a warning saying why none. False when `rel` is not a markup name.
fn push_markup(report: &mut ImportReport, rel: &str, bytes: &[u8]) -> bool {
    if !markup::is_markup_name(rel) {
        return false;
    }
    let decoded = match decode::decode(bytes, false) {
        Ok(d) => d,
        Err(NotText::Binary) => {
            report.warnings.push(ImportWarning::skipped(rel, BINARY));
            return true;
        }
    };
    let docs = match markup::read_markup(&decoded.text) {
        Ok(docs) if docs.is_empty() => {
            let why = "markup with no document of prose in it (no headline or paragraphs)";
            report.warnings.push(ImportWarning::skipped(rel, why));
            return true;
        }
        Ok(docs) => docs,
        Err(why) => {
            report.warnings.push(ImportWarning::skipped(rel, why));
            return true;
        }
    };
    if let Some(repair) = decoded.repair {
        report.warnings.push(ImportWarning::repaired(rel, repair));
    }
    let many = docs.len() > 1;
    let mut seen = std::collections::HashSet::new();
    for (n, doc) in docs.iter().enumerate() {
        let text = doc.text();
        // A collection's own identifier names each document where it has a unique one; its
        // place in the file otherwise.
        let path = match &doc.id {
            _ if !many => rel.to_owned(),
            Some(id) if !id.contains(char::is_whitespace) && seen.insert(id.clone()) => {
                format!("{rel}#{id}")
            }
            _ => format!("{rel}#{}", n + 1),
        };
        let detected = detect::detect(&text);
        report.articles.push(Article {
            id: report.articles.len() as i64 + 1,
            title: doc
                .title
                .clone()
                .or(detected.title)
                .unwrap_or_else(|| fallback_title(&path)),
            outlet: detected.outlet,
            published: doc
                .published
                .as_deref()
                .and_then(markup_date)
                .or(detected.published),
            // One document of many changes on its own: its hash is its text's.
            sha256: sha256_hex(if many { text.as_bytes() } else { bytes }),
            path,
            text,
            encoding: decoded.encoding.to_owned(),
            author: doc.author.clone(),
            url: None,
        });
    }
    true
}

/// A collection's date as ISO 8601: ISO or its basic form (`20000915T000000`), or written
/// with words and dashes (`26-FEB-1987 15:01:01.79` in Reuters-21578).
fn markup_date(written: &str) -> Option<String> {
    page::normalise_date(written).or_else(|| detect::date_in_text(&written.replace('-', " ")))
}

/// Metadata of one file, from the page or from the top of the text.
struct PageFacts {
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

/// The file name without its extension, for articles whose text names no title.
fn fallback_title(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name {
        "-" | "" => "Standard input".to_owned(),
        _ => Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned()),
    }
}

/// SHA-256 of `bytes` as lowercase hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn check_folder(folder: &Path) -> Result<(), CorpusError> {
    let meta = fs::metadata(folder).map_err(|e| io_error(folder, e))?;
    if !meta.is_dir() {
        return Err(CorpusError::NotAFolder {
            path: folder.to_owned(),
        });
    }
    fs::read_dir(folder).map_err(|e| io_error(folder, e))?;
    Ok(())
}

fn io_error(path: &Path, e: io::Error) -> CorpusError {
    if e.kind() == io::ErrorKind::NotFound {
        CorpusError::NotFound {
            path: path.to_owned(),
        }
    } else {
        CorpusError::Unreadable {
            path: path.to_owned(),
            source: e,
        }
    }
}

/// The article files found under a folder, sorted by relative path.
struct Walk {
    files: Vec<(String, PathBuf)>,
    warnings: Vec<ImportWarning>,
    /// Article-like names that could not even be looked at (dangling links and the like).
    unreadable: usize,
}

fn walk(root: &Path) -> Result<Walk, CorpusError> {
    let mut out = Walk {
        files: Vec::new(),
        warnings: Vec::new(),
        unreadable: 0,
    };
    let mut others = kinds::OtherKinds::default();
    // walkdir remembers the folders above each entry, so a link back to one of them is
    // reported as a loop instead of being followed forever.
    let entries = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) => {
                // A folder's own notes (`README.md`) are neither read nor reported.
                let file = e.file_type().is_file() && !kinds::is_note(e.path());
                if file && (is_article_path(e.path()) || kinds::is_bare_name(e.path())) {
                    out.files
                        .push((relative(root, e.path()), e.path().to_owned()));
                } else if file {
                    others.add(e.path());
                }
            }
            Err(err) => {
                if err.depth() == 0 {
                    let source = err
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("cannot be walked"));
                    return Err(io_error(root, source));
                }
                let Some(path) = err.path() else { continue };
                let rel = relative(root, path);
                if err.loop_ancestor().is_some() {
                    out.warnings.push(ImportWarning {
                        is_candidate: false,
                        ..ImportWarning::skipped(
                            &rel,
                            "link to a folder that contains it; not followed",
                        )
                    });
                } else if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
                    out.warnings.push(ImportWarning {
                        is_candidate: false,
                        ..ImportWarning::skipped(
                            &rel,
                            format!("folder cannot be read: {}", cause(&err)),
                        )
                    });
                } else if is_article_path(path) {
                    out.unreadable += 1;
                    out.warnings.push(ImportWarning::skipped(
                        &rel,
                        format!("cannot be read: {}", cause(&err)),
                    ));
                }
            }
        }
    }
    out.files.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some((label, message)) = others.note() {
        out.warnings.push(ImportWarning {
            is_candidate: false,
            ..ImportWarning::skipped(&label, message)
        });
    }
    Ok(out)
}

fn cause(err: &walkdir::Error) -> String {
    match err.io_error() {
        Some(e) if e.kind() == io::ErrorKind::NotFound => {
            "it is a link to something that does not exist".to_owned()
        }
        Some(e) => e.to_string(),
        None => err.to_string(),
    }
}

/// `path` relative to `root`, with `/` separators.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn too_large(len: u64, limit: u64) -> String {
    format!(
        "too large ({} is over the {} limit)",
        megabytes(len),
        megabytes(limit)
    )
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else if mb >= 0.1 {
        format!("{mb:.1} MB")
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads a file, refusing one over `limit` bytes (checked again while reading, in case the
/// file grows).
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let unreadable = |e: io::Error| format!("cannot be read: {e}");
    let file = fs::File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len();
    if len > limit {
        return Err(too_large(len, limit));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_extensions_in_any_case() {
        for name in [
            "a.txt", "b.TXT", "c.Md", "d.html", "e.HTM", "f.PDF", "g.docx", "h.odt", "i.xml",
            "j.SGML", "k.sgm",
        ] {
            assert!(is_article_path(Path::new(name)), "{name}");
        }
        for name in ["f.doc", "g", "h.txt.bak", ".txt"] {
            assert!(!is_article_path(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn sha256_is_lowercase_hex_of_the_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(
            too_large(25 * 1024 * 1024, DEFAULT_MAX_FILE_BYTES),
            "too large (25 MB is over the 20 MB limit)"
        );
        assert_eq!(megabytes(300), "300 bytes");
    }

    #[test]
    fn stdin_and_html_names() {
        let r = article_from_bytes("-", b"short");
        assert_eq!(r.articles[0].title, "Standard input");
        assert_eq!(r.articles[0].path, "-");
        let r = article_from_bytes("page.HTML", b"<p>Pier <i>closed</i> for the winter</p>");
        assert_eq!(r.articles[0].text, "Pier closed for the winter");
        assert_eq!(r.articles[0].title, "Pier closed for the winter");
    }
}
