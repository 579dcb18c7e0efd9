//! Import: text files, documents, saved web pages, hostile input.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

mod doc_support;

#[path = "corpus_decoding.rs"]
mod decoding;
#[path = "corpus_documents.rs"]
mod documents;
#[path = "corpus_folder.rs"]
mod folder;
#[path = "corpus_hostile.rs"]
mod hostile;
#[path = "corpus_markup.rs"]
mod markup;
#[path = "corpus_metadata.rs"]
mod metadata;
#[path = "corpus_web.rs"]
mod web;
#[path = "corpus_web_fresh.rs"]
mod web_fresh;
#[path = "corpus_web_heldout.rs"]
mod web_heldout;
#[path = "corpus_web_templates.rs"]
mod web_templates;
#[path = "corpus_web_titles.rs"]
mod web_titles;
