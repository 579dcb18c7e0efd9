//! The word n-gram index that picks which pairs of articles to align, so no article is compared
//! with every other (the first stage of passim and of Churnalism's SuperFastMatch).
//!
//! Each article gives the hashes of its word [`KEY`]-grams (folded words, see [`super::words`]).
//! All of them, over the whole folder, are sorted once; a run of equal hashes lists the articles
//! that hold that n-gram, and each pair in the run gains a vote. A pair with at least
//! [`MIN_KEYS`] shared n-grams that do not overlap is a candidate. The cost is one sort of the
//! folder's n-grams plus the pairs that really share text: linear in practice.

use super::words::{Fnv, W};

/// Words in an index n-gram: five words in a row rarely repeat by chance across independent
/// texts ("at the end of the" is the exception, and needs a partner).
pub(crate) const KEY: usize = 5;
/// Words in an alignment seed: three words, short enough to survive rewording between them.
pub(crate) const SEED: usize = 3;
/// Shared index n-grams a pair needs to be aligned: two that do not overlap (at least [`KEY`]
/// words apart in the first article), so one stock phrase or one templated sentence is not
/// enough. Overlapping n-grams of one six-word phrase used to count as two: in a year of one
/// outlet, every pair of articles giving the same number in one stock sentence ("shares of … fell
/// 3.4% on Monday") was aligned — millions of pairs, a minute and gigabytes.
pub(crate) const MIN_KEYS: u32 = 2;
/// An n-gram held by more articles than this is boilerplate (a site's footer, a standard
/// disclaimer) or a wire story reprinted everywhere; its pairs would grow with the square of
/// its holders, so it votes for no pair (passim drops such n-grams the same way). The other
/// n-grams of a widely reprinted story still tie its copies.
pub(crate) const MAX_HOLDERS: usize = 256;

/// The hashes of the `n`-grams of `words` with the index of their first word, sorted by hash.
pub(crate) fn grams(words: &[W], n: usize) -> Vec<(u64, u32)> {
    if words.len() < n {
        return Vec::new();
    }
    let mut out: Vec<(u64, u32)> = (0..=words.len() - n)
        .map(|i| {
            let h = words[i..i + n]
                .iter()
                .fold(Fnv::START, |h, w| h.u64(w.hash));
            (h.0, i as u32)
        })
        .collect();
    out.sort_unstable();
    out
}

/// The distinct index n-gram hashes of one article with the word each first starts at, sorted
/// by hash.
pub(crate) fn keys(words: &[W]) -> Vec<(u64, u32)> {
    let mut k = grams(words, KEY);
    k.dedup_by_key(|(h, _)| *h);
    k
}

/// Pairs of articles (by index, first < second) that share at least [`MIN_KEYS`] index
/// n-grams not overlapping in the first article, sorted.
pub(crate) fn candidates(keys: &[Vec<(u64, u32)>]) -> Vec<(u32, u32)> {
    let total: usize = keys.iter().map(Vec::len).sum();
    // (hash, article, word position)
    let mut all: Vec<(u64, u32, u32)> = Vec::with_capacity(total);
    for (doc, k) in keys.iter().enumerate() {
        all.extend(k.iter().map(|&(h, at)| (h, doc as u32, at)));
    }
    all.sort_unstable();
    // (pair, where the n-gram stands in the first article)
    let mut votes: Vec<(u64, u32)> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let mut j = i + 1;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let run = &all[i..j];
        if run.len() >= 2 && run.len() <= MAX_HOLDERS {
            for (x, &(_, a, at)) in run.iter().enumerate() {
                for &(_, b, _) in &run[x + 1..] {
                    votes.push(((u64::from(a) << 32) | u64::from(b), at));
                }
            }
        }
        i = j;
    }
    votes.sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < votes.len() {
        let mut j = i + 1;
        while j < votes.len() && votes[j].0 == votes[i].0 {
            j += 1;
        }
        // Sorted by position: the first and last shared n-grams are the furthest apart.
        let apart = votes[j - 1].1 - votes[i].1 >= KEY as u32;
        if (j - i) as u32 >= MIN_KEYS && apart {
            out.push(((votes[i].0 >> 32) as u32, votes[i].0 as u32));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    #[test]
    fn only_articles_sharing_runs_of_words_become_candidates() {
        let texts = [
            "The storm flooded the old harbour road and closed the ferry to the island.",
            "Officials said the storm flooded the old harbour road and closed the ferry overnight.",
            "A storm hit the coast; the road by the harbour was under water, the ferry stopped.",
        ];
        let keys: Vec<Vec<(u64, u32)>> = texts.iter().map(|t| keys(&words(t))).collect();
        assert_eq!(candidates(&keys), vec![(0, 1)]);
    }

    #[test]
    fn one_templated_sentence_in_common_does_not_make_a_candidate() {
        // Two unrelated market reports giving the same fall in the same stock sentence: its
        // overlapping n-grams are one phrase, not two passages.
        let texts = [
            "Harbour Foods opened a plant in Leith. Shares fell 3.4% on Monday after the results.",
            "A storm closed the ferry to Arran overnight. Shares fell 3.4% on Monday after the results.",
        ];
        let keys: Vec<Vec<(u64, u32)>> = texts.iter().map(|t| keys(&words(t))).collect();
        assert_eq!(candidates(&keys), Vec::<(u32, u32)>::new());
    }
}
