//! Team work on one story: merging a project tagged apart into another ([`merge`]).
//!
//! Coders tag blind in copies of one project and merge into a master. Everything here is pure:
//! it reads two [`crate::model::Project`]s and plans one [`crate::model::Edit`] (no SQL, no
//! egui), so the command line and the window apply the same plan, and the window undoes it in
//! one step.

mod codebook;
mod details;
pub mod merge;
mod report;
mod texts;

pub use merge::{MergePlan, plan};
pub use report::{Clash, Conflict, MergeReport};
