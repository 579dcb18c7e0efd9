//! Quotations: finding them in an article, with their speaker, and grouping the renderings of
//! one quote across articles.
//!
//! A quotation is text between quotation marks (straight or curly double quotes, « », „ “,
//! and ‘ ’ around several words), or reported speech ("X said that …", "…, X said."). Its
//! speaker is the name next to a speech verb in the same sentence ("Antonov said", "said Anja
//! Berg", "the ambassador told TASS"); "he" or "she" stands for the last speaker named in the
//! paragraph.
//!
//! Grouping works on content words (stop words out, light stemming): quotes that share a pair
//! of consecutive content words become candidates through an inverted index, and a candidate
//! pair joins one group when most of the shorter quote's content words are in the longer one.
//! That holds renderings that reorder, trim or translate differently together, and keeps apart
//! two statements that only share a phrase.

mod assign;
mod diff;
mod find;
mod forms;
mod group;
mod lexicon;
mod mentions;
mod quote;
mod roles;
mod sentence;
mod speaker;
#[cfg(test)]
mod tests;
mod verbs;

pub use diff::*;
pub use find::*;
pub use forms::word_key;
pub use group::*;
pub use speaker::speaker_key;
