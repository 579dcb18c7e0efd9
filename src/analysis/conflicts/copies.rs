//! A conflict between two copies of one text is not a disagreement between two reports: one
//! side changed the figure while copying (a correction, an update, a typo), and the view says
//! so. This tells such a suggestion apart, from the text reuse of [`crate::analysis::reuse`].

use super::ConflictSuggestion;
use crate::analysis::reuse::Reuse;

/// True when every article on one side of `s` descends from one text with every article on the
/// other side: the figures disagree between copies of one story, not between independent
/// reports.
pub fn between_copies(s: &ConflictSuggestion, reuse: &Reuse) -> bool {
    let (first, second) = s.figures.split_at(s.first_side.min(s.figures.len()));
    !first.is_empty()
        && !second.is_empty()
        && first.iter().all(|x| {
            second
                .iter()
                .all(|y| reuse.same_family(x.article_id, y.article_id))
        })
}

/// Sets [`ConflictSuggestion::between_copies`] on each suggestion.
pub fn mark_copies(suggestions: &mut [ConflictSuggestion], reuse: &Reuse) {
    for s in suggestions {
        s.between_copies = between_copies(s, reuse);
    }
}
