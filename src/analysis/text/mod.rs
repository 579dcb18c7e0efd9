//! The text primitives every capability reads with: tokens and sentences ([`tokens`]), a
//! cursor over one sentence's tokens ([`Cx`]), the words and names of running text
//! ([`names`]) and their parts of speech ([`pos`]), quotations in single marks
//! ([`single_quotes`]). Nothing here knows what a figure, a time or a story is.

mod cursor;
pub(crate) mod names;
pub(crate) mod pos;
pub(crate) mod single_quotes;
pub(crate) mod tokens;

pub(crate) use cursor::{Cx, Lower};
