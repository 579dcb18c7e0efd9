//! The text primitives every capability reads with: tokens and sentences ([`tokens`]), a
//! cursor over one sentence's tokens ([`Cx`]), and the words and names of running text
//! ([`names`]). Nothing here knows what a figure, a time or a story is.

mod cursor;
pub(crate) mod names;
pub(crate) mod tokens;

pub(crate) use cursor::{Cx, Lower};
