//! Property tests: any input is read without a panic, and what is saved is read back.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

mod doc_support;
mod fuzz_support;
mod store_support;

#[path = "fuzz_analysis.rs"]
mod analysis;
#[path = "fuzz_corpus.rs"]
mod corpus;
#[path = "fuzz_documents.rs"]
mod documents;
#[path = "fuzz_store.rs"]
mod store;
