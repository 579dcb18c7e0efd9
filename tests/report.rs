//! Reports in every format, checked as the clients that read them would.
//!
//! One test binary for the files named below (each a module), so that CI links a handful of
//! binaries instead of one per file: every binary holds the whole crate and its dependencies.

#[path = "report_formats.rs"]
mod formats;
#[path = "report_safety.rs"]
mod safety;
#[path = "report_schemaorg.rs"]
mod schemaorg;
#[path = "report_timeline.rs"]
mod timeline;
#[path = "report_w3c_schemas.rs"]
mod w3c_schemas;
