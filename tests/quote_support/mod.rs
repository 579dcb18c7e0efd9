//! What the quote-speaker tests share: the speaker found for one quotation of an article
//! written in the test.

use crosscheck::analysis::quotes::find_quotes;
use crosscheck::model::Article;

/// The speaker of the quotation that starts with `opening` in `text`.
pub fn speaker_of(text: &str, opening: &str) -> Option<String> {
    let a = Article::in_memory(1, "1.txt", "Article", text);
    let quotes = find_quotes(&a);
    quotes
        .iter()
        .find(|q| q.text.starts_with(opening))
        .unwrap_or_else(|| panic!("no quotation starting {opening:?} in {quotes:#?}"))
        .speaker
        .clone()
}
