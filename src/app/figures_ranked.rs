//! The ranked suggestions as the window holds them while an analysis streams in: the batches
//! as they arrived, shared with the analysis thread, and one best-first order over all of
//! them, merged on that thread.
//!
//! A year of news gives hundreds of thousands of suggestions in a dozen batches. Merging each
//! batch into one list on the UI thread moved every suggestion already there and froze a frame
//! for 0.4 s at 280,000; now taking in a batch swaps two pointers, and the merge (8 bytes a
//! suggestion) runs where the suggestions are ranked.

use crate::analysis::conflicts::RankedConflict;
use std::cmp::Ordering;
use std::sync::Arc;

/// Suggestions best first: the batches (each sorted best first) and the merged order, as
/// (batch, position in it).
#[derive(Clone, Debug, Default)]
pub struct Ranked {
    batches: Vec<Arc<Vec<RankedConflict>>>,
    order: Arc<Vec<(u32, u32)>>,
}

impl Ranked {
    /// How many suggestions.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The `i`-th best suggestion.
    pub fn get(&self, i: usize) -> Option<&RankedConflict> {
        let &(b, k) = self.order.get(i)?;
        self.batches.get(b as usize)?.get(k as usize)
    }

    /// Every suggestion, best first.
    pub fn iter(&self) -> impl Iterator<Item = &RankedConflict> + '_ {
        self.order
            .iter()
            .map(|&(b, k)| &self.batches[b as usize][k as usize])
    }

    /// Adds a batch (in any order) and gives the new list; `self` keeps it too, for the
    /// next batch. Runs on the analysis thread: linear in the suggestions so far.
    pub fn add(&mut self, mut batch: Vec<RankedConflict>) -> Ranked {
        crate::analysis::conflicts::sort_best_first(&mut batch);
        let b = self.batches.len() as u32;
        let mut order = Vec::with_capacity(self.order.len() + batch.len());
        let (mut old, mut new) = (self.order.iter().peekable(), (0..batch.len()).peekable());
        loop {
            let take_new = match (old.peek(), new.peek()) {
                (Some(&&(ob, ok)), Some(&k)) => {
                    better(&batch[k], &self.batches[ob as usize][ok as usize])
                }
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (None, None) => break,
            };
            if take_new {
                order.extend(new.next().map(|k| (b, k as u32)));
            } else {
                order.extend(old.next().copied());
            }
        }
        self.batches.push(Arc::new(batch));
        self.order = Arc::new(order);
        self.clone()
    }
}

/// True when `a` ranks before `b`: by score, ties by key (as `sort_best_first`).
fn better(a: &RankedConflict, b: &RankedConflict) -> bool {
    b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)) == Ordering::Less
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::conflicts::{ConflictOptions, rank_conflicts, sort_best_first};
    use crate::analysis::{Figure, article_figures};
    use crate::model::Article;

    /// Six reports of one blast, each with its own toll and injured: many suggestions, some
    /// of equal score (ties go by key).
    fn ranked() -> Vec<RankedConflict> {
        let articles: Vec<Article> = (0..6)
            .map(|k| {
                let text = format!(
                    "Blast in Kessock\n\nAt least {} people were killed in the blast in \
                     Kessock on Monday, police chief Ana Morel said. {} people were injured.\n",
                    10 + 3 * k,
                    40 + 5 * (k % 3)
                );
                Article::in_memory(k + 1, format!("{k}.txt"), "Blast in Kessock", text)
            })
            .collect();
        let figures = article_figures(&articles);
        let pairs: Vec<(&Article, &[Figure])> = articles
            .iter()
            .zip(&figures)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        rank_conflicts(&pairs, &ConflictOptions::default())
    }

    #[test]
    fn batches_in_any_order_give_the_order_of_one_sorted_list() {
        let all = ranked();
        assert!(all.len() >= 3, "{} suggestions", all.len());
        let mut expected = all.clone();
        sort_best_first(&mut expected);
        // Batches as stories finish: the worst ones first, then the best in reverse, then
        // none (appending them would give the reverse order).
        let mut list = Ranked::default();
        let worst: Vec<_> = all[2..].to_vec();
        let mut best: Vec<_> = all[..2].to_vec();
        best.reverse();
        let shown = list.add(worst.clone());
        assert_eq!(shown.len(), worst.len());
        list.add(best);
        let shown = list.add(Vec::new());
        let keys = |v: Vec<&RankedConflict>| v.iter().map(|r| r.key.clone()).collect::<Vec<_>>();
        assert_eq!(
            keys(shown.iter().collect()),
            keys(expected.iter().collect())
        );
        assert_eq!(
            shown.get(0).map(|r| &r.key),
            expected.first().map(|r| &r.key)
        );
        assert!(shown.get(all.len()).is_none());
    }
}
