//! Stories: articles about the same event, so figures are compared only where they can
//! disagree. A folder of 500 business articles holds hundreds of stories, and the money of one
//! company set against another's is noise; "10 killed" (whales stranded) against "17 killed"
//! (a museum attack) is noise too.
//!
//! Two articles join a story when they share proper names among their most frequent ones and
//! were published within [`StoryOptions::window_days`] of each other (or a date is unknown). In
//! a small folder (at most [`SMALL_FOLDER`] articles) the researcher has already chosen the
//! articles, so one shared name is enough; in a larger one [`StoryOptions::min_shared`] are
//! needed, and a name in more than an eighth of the folder (an agency, a country) ties
//! nothing, which keeps a passing mention from chaining stories together. In a small folder,
//! articles no name ties to any other join the one story the rest make (or each other). Joining is transitive (union–find, in article
//! order), so the result is deterministic.
//!
//! The researcher's merges and splits ([`crate::model::Project::story_overrides`]) win: an
//! article with an override belongs to exactly the story its override names.

use super::text::names::{is_capitalised, is_common_word, is_time_word, words};
use crate::model::{Article, ArticleId};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Folders of at most this many articles join on one distinctive shared name.
pub const SMALL_FOLDER: usize = 20;

/// How many of an article's names (most frequent first) take part.
const NAMES_PER_ARTICLE: usize = 10;

/// Settings for [`group_stories_with`].
#[derive(Clone, Debug, PartialEq)]
pub struct StoryOptions {
    /// Articles published further apart than this many days are different stories.
    pub window_days: i64,
    /// How many names two articles of a large folder must share to join.
    pub min_shared: usize,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            window_days: 7,
            min_shared: 2,
        }
    }
}

/// One story: the articles it holds and the names that describe it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Stable identity: the researcher's story name for merged or split stories, otherwise
    /// `auto-N` with N the story's lowest article id.
    pub key: String,
    /// Article ids, ascending.
    pub articles: Vec<ArticleId>,
    /// The story's most frequent names, for people ("Halden · Lund · Lindgata").
    pub label: String,
    /// True when the researcher set this story by merging or splitting.
    pub by_researcher: bool,
}

/// Groups articles into stories with default options. See [`group_stories_with`].
pub fn group_stories(articles: &[Article], overrides: &BTreeMap<ArticleId, String>) -> Vec<Story> {
    group_stories_with(articles, overrides, &StoryOptions::default())
}

/// Groups `articles` into stories; `overrides` maps an article to the researcher's story name.
/// Stories come in order of their lowest article id.
pub fn group_stories_with(
    articles: &[Article],
    overrides: &BTreeMap<ArticleId, String>,
    opts: &StoryOptions,
) -> Vec<Story> {
    let names: Vec<Vec<(String, String, usize)>> =
        articles.iter().map(|a| top_names(&a.text)).collect();
    let days: Vec<Option<i64>> = articles
        .iter()
        .map(|a| a.published.as_deref().and_then(day_number))
        .collect();
    let free: Vec<usize> = (0..articles.len())
        .filter(|&i| !overrides.contains_key(&articles[i].id))
        .collect();
    let n = free.len();

    // Which free articles name each name.
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &free {
        for (key, _, _) in &names[i] {
            postings.entry(key.as_str()).or_default().push(i);
        }
    }
    let cap = if n <= SMALL_FOLDER {
        n
    } else {
        (n / 8).max(10)
    };
    let mut ties: HashMap<(usize, usize), usize> = HashMap::new();
    for list in postings.values() {
        if list.len() < 2 || list.len() > cap {
            continue;
        }
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                *ties.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let need = if n <= SMALL_FOLDER {
        1
    } else {
        opts.min_shared
    };
    let mut pairs: Vec<(usize, usize)> = ties
        .into_iter()
        .filter(|(_, count)| *count >= need)
        .map(|(k, _)| k)
        .filter(|&(a, b)| match (days[a], days[b]) {
            (Some(x), Some(y)) => (x - y).abs() <= opts.window_days,
            _ => true,
        })
        .collect();
    pairs.sort_unstable();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    for (a, b) in pairs {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }

    if n <= SMALL_FOLDER {
        // A stray shares no name with any article, the researcher's included: an article
        // whose partner was split off is not a stray.
        let mut named: HashMap<&str, usize> = HashMap::new();
        for list in &names {
            for (key, _, _) in list {
                *named.entry(key.as_str()).or_default() += 1;
            }
        }
        let strays: Vec<usize> = free
            .iter()
            .copied()
            .filter(|&i| names[i].iter().all(|(k, _, _)| named[k.as_str()] < 2))
            .collect();
        place_strays(&mut parent, &free, &strays, &days, opts.window_days);
    }

    let mut groups: BTreeMap<(bool, String), Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let key = match overrides.get(&a.id) {
            Some(name) => (true, name.clone()),
            None => (false, find(&mut parent, i).to_string()),
        };
        groups.entry(key).or_default().push(i);
    }
    let mut stories: Vec<Story> = groups
        .into_iter()
        .map(|((by_researcher, name), members)| {
            let mut ids: Vec<ArticleId> = members.iter().map(|&i| articles[i].id).collect();
            ids.sort_unstable();
            let key = if by_researcher {
                name
            } else {
                format!("auto-{}", ids[0])
            };
            Story {
                key,
                label: label(&members, &names),
                articles: ids,
                by_researcher,
            }
        })
        .collect();
    stories.sort_by_key(|s| s.articles[0]);
    stories
}

/// In a small folder the researcher chose the articles, so articles that no name ties to
/// another (short items, wire snippets) belong with the rest, as long as the rest is one story
/// (or there is none) and one of its articles is within the window; with two or more stories
/// they stay apart, as no name says which.
fn place_strays(
    parent: &mut [usize],
    free: &[usize],
    strays: &[usize],
    days: &[Option<i64>],
    window: i64,
) {
    let mut size: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in free {
        *size.entry(find(parent, i)).or_default() += 1;
    }
    let stories: Vec<usize> = size
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(r, _)| *r)
        .collect();
    let home = match stories.as_slice() {
        [one] => *one,
        [] => match strays.first() {
            Some(&first) => first,
            None => return,
        },
        _ => return,
    };
    let near = |a: usize, b: usize| match (days[a], days[b]) {
        (Some(x), Some(y)) => (x - y).abs() <= window,
        _ => true,
    };
    let members: Vec<usize> = free
        .iter()
        .copied()
        .filter(|&i| find(parent, i) == find(parent, home))
        .collect();
    for &s in strays {
        if !members.iter().any(|&m| m == s || near(m, s)) {
            continue;
        }
        let (a, b) = (find(parent, s), find(parent, home));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The three names most frequent across a story's articles.
fn label(members: &[usize], names: &[Vec<(String, String, usize)>]) -> String {
    let mut count: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for &i in members {
        for (key, shown, n) in &names[i] {
            let e = count.entry(key.as_str()).or_insert((0, shown.as_str()));
            e.0 += n;
        }
    }
    let mut list: Vec<(&str, (usize, &str))> = count.into_iter().collect();
    list.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    let top: Vec<&str> = list.iter().take(3).map(|(_, (_, shown))| *shown).collect();
    if top.is_empty() {
        "(no names)".to_owned()
    } else {
        top.join(" · ")
    }
}

/// An article's most frequent proper names (lowercase key, form as written, count). The title
/// line is skipped when finding names, as titles capitalise every word in some outlets.
fn top_names(text: &str) -> Vec<(String, String, usize)> {
    let body_start = text.find('\n').map_or(0, |b| text[..b].chars().count());
    let words = words(text);
    let mut count: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (order, w) in words.iter().enumerate() {
        if w.at < body_start || w.initial || !is_capitalised(w.text) {
            continue;
        }
        let lower = w.text.to_lowercase();
        if is_common_word(&lower) || is_time_word(&lower) || lower.chars().count() < 2 {
            continue;
        }
        let e = count
            .entry(lower)
            .or_insert_with(|| (0, order, w.text.to_owned()));
        e.0 += 1;
    }
    let mut list: Vec<(String, (usize, usize, String))> = count.into_iter().collect();
    list.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    list.into_iter()
        .take(NAMES_PER_ARTICLE)
        .map(|(k, (n, _, shown))| (k, shown, n))
        .collect()
}

/// Days since 1970-01-01 of an ISO date (`2024-03-26`, date-times too); `None` for a partial
/// date without a year.
fn day_number(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: i64, date: &str, text: &str) -> Article {
        let mut a = Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text);
        a.published = Some(date.to_owned());
        a
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01"), Some(19_783));
        assert_eq!(day_number("--03-01"), None);
    }

    #[test]
    fn shared_names_join_and_distant_dates_split() {
        let arts = [
            art(
                1,
                "2025-03-04",
                "T\nA strike hit Halden, mayor Petra Lund said.",
            ),
            art(
                2,
                "2025-03-05",
                "T\nIn Halden the mayor, Petra Lund, counted the dead.",
            ),
            art(
                3,
                "2025-03-05",
                "T\nWhales stranded on the beach at Kessock.",
            ),
            art(
                4,
                "2025-09-05",
                "T\nHalden remembered the strike, Petra Lund said.",
            ),
        ];
        let s = group_stories(&arts, &BTreeMap::new());
        let sets: Vec<Vec<i64>> = s.iter().map(|s| s.articles.clone()).collect();
        // The whales tie to nothing and join the folder's one story in its week; the
        // anniversary piece is months later.
        assert_eq!(sets, [vec![1, 2, 3], vec![4]]);
        assert_eq!(s[0].key, "auto-1");
        assert!(s[0].label.contains("Halden"), "{}", s[0].label);
        let mut two = arts.to_vec();
        two.push(art(5, "2025-03-06", "T\nAt Kessock, more whales stranded."));
        let s = group_stories(&two, &BTreeMap::new());
        let sets: Vec<Vec<i64>> = s.iter().map(|s| s.articles.clone()).collect();
        assert_eq!(sets, [vec![1, 2], vec![3, 5], vec![4]]);
    }

    #[test]
    fn the_researchers_stories_win() {
        let arts = [
            art(
                1,
                "2025-03-04",
                "T\nA strike hit Halden, mayor Petra Lund said.",
            ),
            art(
                2,
                "2025-03-05",
                "T\nIn Halden the mayor, Petra Lund, counted the dead.",
            ),
            art(
                3,
                "2025-03-05",
                "T\nWhales stranded on the beach at Kessock.",
            ),
        ];
        let overrides = BTreeMap::from([(2, "whales".to_owned()), (3, "whales".to_owned())]);
        let s = group_stories(&arts, &overrides);
        let sets: Vec<(String, Vec<i64>)> = s
            .iter()
            .map(|s| (s.key.clone(), s.articles.clone()))
            .collect();
        assert_eq!(
            sets,
            [
                ("auto-1".to_owned(), vec![1]),
                ("whales".to_owned(), vec![2, 3])
            ]
        );
    }
}
