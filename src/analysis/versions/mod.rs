//! Source versions: what changed between two texts of an article ([`diff`]), moving claims
//! onto the new text or orphaning them ([`reanchor`]), and a whole refresh from the sources
//! ([`refresh`]).

pub mod diff;
pub mod reanchor;
pub mod refresh;
