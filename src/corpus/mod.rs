//! Reading articles from disk into [`Article`]s: walk a folder, decode each file, normalise
//! line endings, reduce HTML to text, and detect title, outlet and publication date.
//!
//! One bad file never stops an import: it is skipped (or repaired) with an [`ImportWarning`]
//! naming it, and the [`ImportReport`] says how many article-like files were considered. Only a
//! problem with the folder itself is an error ([`CorpusError`]).
//!
//! - [`decode`]: bytes → text (BOMs, UTF-16, legacy encodings detected with chardetng).
//! - [`html`]: a small, linear HTML-to-readable-text reducer (used on extracted articles and
//!   on pages too large or nested for a tree).
//! - [`pdf`], [`office`]: PDF, Word and OpenDocument files → paragraphs and properties.
//! - [`page`]: a saved web page → its article and metadata (HTML5 parser + Readability).
//! - [`detect`]: title, publication date and outlet from the top of an article.
//! - [`import`]: folders, single files, standard input, and the built-in [`sample`].

pub mod decode;
pub mod detect;
mod dom_text;
mod furniture;
pub mod html;
mod import;
mod kinds;
mod markup;
pub mod office;
pub mod page;
mod page_title;
pub mod pdf;
mod report;
mod sample;
mod scripts;
mod stamps;

pub use import::{
    DEFAULT_MAX_FILE_BYTES, ImportOptions, article_from_bytes, import_file, import_folder,
    import_folder_with_progress, import_path, is_article_path,
};
pub use report::{CorpusError, ImportReport, ImportWarning, WarningKind};
pub use sample::sample;

#[cfg(doc)]
use crate::model::Article;
