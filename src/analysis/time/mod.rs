//! Time: when an article speaks, the time expressions of its text resolved against that date
//! ([`When`], [`find_times`]).

mod read;
mod when;

pub(crate) use read::sentence_times;
pub use read::{article_anchor, find_times, first_time};
pub use when::{Precision, TimeExpr, TimeKind, When};

#[cfg(test)]
mod tests;
