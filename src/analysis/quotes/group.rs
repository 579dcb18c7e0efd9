//! Grouping the renderings of one quotation across articles, by shared content words.

use super::find::*;
use super::forms::word_key;
use super::speaker::{same_person, speaker_key};
use crate::model::{Article, ArticleId};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Words that carry no content for matching renderings.
pub(super) const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being",
    "it", "its", "as", "we", "i", "you", "he", "she", "they", "our", "my", "your", "their", "his",
    "her", "us", "them", "me", "have", "has", "had", "do", "does", "did", "will", "would", "can",
    "could", "who", "which", "what", "there", "here", "so", "if", "then", "than", "all", "ve", "s",
    "ll", "re", "d", "m",
];

/// Content words of a text, lower-cased and lightly stemmed ("extended" → "extend").
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’'))
        .map(|w| w.trim_matches(|c| matches!(c, '\'' | '’')))
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
        .map(word_key)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

pub(super) fn stem(w: &str) -> String {
    if w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() <= 4 {
        return w.to_owned();
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 4
        {
            return base.to_owned();
        }
    }
    w.to_owned()
}

/// Renderings of one quote across articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The variants, in article order.
    pub variants: Vec<Quote>,
    /// The speaker most variants name, if any (the fullest form of the name).
    pub speaker: Option<String>,
    /// When outlets credit the words to different people: each person (the fullest form of
    /// the name) with the articles that credit them, most articles first. Empty when all
    /// agree or only one person is named.
    pub credited: Vec<Credit>,
    /// How many different articles hold a variant.
    pub articles: usize,
    /// 0 when every variant reads the same, towards 1 as they differ (1 − the least word
    /// overlap of a variant with the fullest).
    pub difference: f32,
    /// The index of the fullest rendering (most content words; the first of equals): what
    /// the others are compared with. Where one outlet split a statement another printed
    /// whole, each piece is then compared with the whole, not with another piece.
    pub reference: usize,
}

impl QuoteGroup {
    /// When outlets credit the words to different people, the finding in words: "credited
    /// to Steele by fox.txt, to Kristol by nyt.txt", each article named by `name`.
    pub fn credit_summary(&self, name: &dyn Fn(ArticleId) -> String) -> Option<String> {
        if self.credited.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .credited
            .iter()
            .map(|c| {
                let by: Vec<String> = c.articles.iter().map(|&a| name(a)).collect();
                format!("to {} by {}", c.speaker, by.join(", "))
            })
            .collect();
        Some(format!("credited {}", parts.join("; ")))
    }
}

/// One person a group's words are credited to, and by which articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Credit {
    pub speaker: String,
    pub articles: Vec<ArticleId>,
}

/// The speaker of a group and, when outlets disagree, who credits whom. Names are matched by
/// surname ("Mr. Steele" and "Michael Steele" are one person); a role ("the senator") counts
/// only when no name is given.
fn speakers(variants: &[Quote]) -> (Option<String>, Vec<Credit>) {
    // Surname → (fullest form, articles naming it).
    let mut people: BTreeMap<String, (String, BTreeSet<ArticleId>)> = BTreeMap::new();
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for v in variants {
        let Some(name) = v.speaker.as_deref() else {
            continue;
        };
        match speaker_key(name) {
            Some(key) => {
                // A surname one typo from one seen already is that person.
                let key = people
                    .keys()
                    .find(|k| same_person(k, &key))
                    .cloned()
                    .unwrap_or(key);
                let entry = people
                    .entry(key)
                    .or_insert_with(|| (name.to_owned(), BTreeSet::new()));
                if name.len() > entry.0.len() {
                    entry.0 = name.to_owned();
                }
                entry.1.insert(v.article_id);
            }
            None => *roles.entry(name).or_default() += 1,
        }
    }
    let mut credits: Vec<Credit> = people
        .into_values()
        .map(|(speaker, articles)| Credit {
            speaker,
            articles: articles.into_iter().collect(),
        })
        .collect();
    credits.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.speaker.len().cmp(&a.speaker.len()))
            .then(a.speaker.cmp(&b.speaker))
    });
    let speaker = credits.first().map(|c| c.speaker.clone()).or_else(|| {
        roles
            .into_iter()
            .max_by_key(|(name, n)| (*n, name.len()))
            .map(|(s, _)| s.to_owned())
    });
    // A disagreement is between articles: two articles whose renderings name no one in
    // common (one article naming two people, or one leaving a name out, is not one).
    let mut per_article: BTreeMap<ArticleId, BTreeSet<&str>> = BTreeMap::new();
    for c in &credits {
        for a in &c.articles {
            per_article
                .entry(*a)
                .or_default()
                .insert(c.speaker.as_str());
        }
    }
    let sets: Vec<&BTreeSet<&str>> = per_article.values().collect();
    let disagree = sets
        .iter()
        .enumerate()
        .any(|(i, x)| sets[i + 1..].iter().any(|y| x.is_disjoint(y)));
    (speaker, if disagree { credits } else { Vec::new() })
}

/// How much of the shorter quote's content words the longer one holds for them to be one
/// quote; and the fewest shared content words.
pub(super) const MIN_SHARE: f32 = 0.6;
pub(super) const MIN_SHARED_WORDS: usize = 4;

/// Groups the quotations of several articles into renderings of the same quote. Only groups
/// with variants in at least two articles are returned, the largest first.
pub fn group_quotes(quotes: &[Quote]) -> Vec<QuoteGroup> {
    // Words as numbers, each quote's also as a sorted set: comparing words is the cost of
    // grouping a folder's quotes, and numbers compare at once.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let words: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            content_words(&q.text)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect()
        })
        .collect();
    let sets: Vec<Vec<u32>> = words
        .iter()
        .map(|w| {
            let mut s = w.clone();
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect();
    // Candidates: quotes sharing a pair of consecutive content words.
    let mut index: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        let mut keys: Vec<(u32, u32)> = w.windows(2).map(|p| (p[0], p[1])).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            index.entry(key).or_default().push(i as u32);
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    // The first quote of each group (by index), which every member must resemble.
    let mut rep: Vec<usize> = (0..quotes.len()).collect();
    // The member with the most content words: a full rendering others may be parts of.
    let mut longest: Vec<usize> = (0..quotes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for list in index.values() {
        // A pair of words in hundreds of quotes says nothing about any two of them.
        if list.len() > 200 {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let (a, b) = (a.min(b), a.max(b));
                if quotes[a as usize].article_id != quotes[b as usize].article_id {
                    candidates.push((a, b));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut matches: Vec<(u32, u32, usize, usize)> = Vec::new();
    for (a, b) in candidates {
        let (a, b) = (a as usize, b as usize);
        // A short rendering whose words nearly all stand in a long one is a trimmed
        // rendering of it, however long the other runs on.
        if same_quote(&sets[a], &sets[b])
            || contained(&words[a], &words[b], &sets[b])
            || contained(&words[b], &words[a], &sets[a])
        {
            let common = common_words(&sets[a], &sets[b]) as f32;
            let small = sets[a].len().min(sets[b].len()).max(1) as f32;
            let large = sets[a].len().max(sets[b].len()).max(1) as f32;
            matches.push((
                (1000.0 * common / small) as u32,
                (1000.0 * common / large) as u32,
                a,
                b,
            ));
        }
    }
    // The closest pairs join first, so the result does not depend on hash order, and a
    // rendering joins the group it resembles most.
    matches.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then(x.2.cmp(&y.2))
            .then(x.3.cmp(&y.3))
    });
    for (_, _, a, b) in matches {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        // No chaining: each side must also read as the other group's first rendering, or
        // A≈B≈C would join an A and a C that share nothing.
        // Or one group's fullest rendering holds the other's: an outlet that printed a
        // statement as one quotation gathers the two pieces another outlet split it into.
        let (la, lb) = (longest[ra], longest[rb]);
        let parts = contained(&words[la], &words[lb], &sets[lb])
            || contained(&words[lb], &words[la], &sets[la]);
        if ra != rb
            && (parts
                || same_quote(&sets[rep[ra]], &sets[b]) && same_quote(&sets[rep[rb]], &sets[a]))
        {
            parent[ra] = rb;
            rep[rb] = rep[rb].min(rep[ra]);
            if sets[la].len() > sets[lb].len() {
                longest[rb] = la;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..quotes.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<QuoteGroup> = groups
        .into_values()
        .filter_map(|members| {
            let articles: BTreeSet<ArticleId> =
                members.iter().map(|&i| quotes[i].article_id).collect();
            if articles.len() < 2 {
                return None;
            }
            let mut variants: Vec<Quote> = members.iter().map(|&i| quotes[i].clone()).collect();
            variants.sort_by_key(|q| (q.article_id, q.start));
            let words: Vec<Vec<String>> = variants.iter().map(|v| content_words(&v.text)).collect();
            let fullest = (0..words.len())
                .rev()
                .max_by_key(|&i| words[i].len())
                .unwrap_or(0);
            let difference = (0..words.len())
                .filter(|&i| i != fullest)
                .map(|i| order_difference(&words[fullest], &words[i]))
                .fold(0.0_f32, f32::max);
            let (speaker, credited) = speakers(&variants);
            Some(QuoteGroup {
                articles: articles.len(),
                variants,
                speaker,
                credited,
                difference,
                reference: fullest,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(a.variants[0].article_id.cmp(&b.variants[0].article_id))
            .then(a.variants[0].start.cmp(&b.variants[0].start))
    });
    out
}

/// How differently two renderings word the same thing, 0 to 1: the share of the shorter
/// rendering's content words that are not in the longest run of words both have in the same
/// order. A trimmed rendering reads 0; a reordered or reworded one more.
pub(super) fn order_difference(a: &[String], b: &[String]) -> f32 {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
    let same: usize = ops
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    1.0 - same as f32 / a.len().min(b.len()).max(1) as f32
}

/// How many words two sorted sets of word numbers share.
fn common_words(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two renderings (their sorted sets of word numbers) share most of their words.
fn same_quote(a: &[u32], b: &[u32]) -> bool {
    let common = common_words(a, b);
    // A short quote inside a long statement is a trimmed rendering; a long one sharing a
    // phrase with another long one is not the same statement: ask both to share most.
    let small = a.len().min(b.len()).max(1) as f32;
    let large = a.len().max(b.len()).max(1) as f32;
    // A trimmed rendering of three content words ("We have found 14 bodies") belongs only
    // when all of them are in the longer one.
    let enough = common >= MIN_SHARED_WORDS || (common >= 3 && common as f32 == small);
    enough && common as f32 / small >= MIN_SHARE && common as f32 / large >= MIN_SHARE / 2.0
}

/// Whether nearly all of `part`'s content words (four at least) stand in `whole`, in the
/// same order: `part` is a piece of the same statement. Order matters: "settled by the United
/// States Supreme Court" is not a piece of "the Supreme Court of the United States has never
/// ruled".
fn contained(part: &[u32], whole: &[u32], whole_set: &[u32]) -> bool {
    if part.len() < MIN_SHARED_WORDS || part.len() > whole.len() {
        return false;
    }
    // A short piece (five content words or fewer) must be there whole, a longer one four in
    // five of its words.
    let need = if part.len() <= 5 {
        part.len()
    } else {
        (part.len() * 4).div_ceil(5)
    };
    // Words in order are at most the words `whole` holds at all: most candidate pairs fail
    // this count, and the diff below is the cost of grouping a folder's quotes.
    let held = part
        .iter()
        .filter(|w| whole_set.binary_search(w).is_ok())
        .count();
    if held < need.max(MIN_SHARED_WORDS) {
        return false;
    }
    let runs: Vec<(usize, usize)> =
        similar::capture_diff_slices(similar::Algorithm::Myers, part, whole)
            .iter()
            .filter_map(|op| match op {
                similar::DiffOp::Equal { new_index, len, .. } => Some((*new_index, *len)),
                _ => None,
            })
            .collect();
    let in_order: usize = runs.iter().map(|(_, len)| len).sum();
    // …and close together: a trimmed rendering is one passage of the statement, not its
    // words gathered from far apart ("think" early, "wrong side of history" at the end).
    let span = match (runs.first(), runs.last()) {
        (Some((first, _)), Some((last, len))) => last + len - first,
        _ => 0,
    };
    // A short piece (five content words or fewer) must be there whole.
    let enough = if part.len() <= 5 {
        in_order == part.len()
    } else {
        in_order as f32 >= 0.8 * part.len() as f32
    };
    in_order >= MIN_SHARED_WORDS && enough && span <= part.len() + part.len() / 2 + 2
}

/// Finds and groups the quotations of `articles`.
pub fn quote_groups(articles: &[Article]) -> Vec<QuoteGroup> {
    let quotes: Vec<Quote> = articles.iter().flat_map(find_quotes).collect();
    group_quotes(&quotes)
}
