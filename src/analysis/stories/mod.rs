//! Stories: the articles that report one real event, so figures are compared only where they
//! can disagree. A month of news holds dozens of events, several of one kind (two earthquakes
//! in one country, two arrests); the toll of one set against the other is noise.
//!
//! Each article becomes a TF-IDF vector of its content words and names, the title and lead
//! weighing more ([`features`]); articles are compared by cosine similarity, lowered the
//! further apart they were published, halved when each names a place or person the other
//! never mentions, and quartered when each is about a name (its own name: a court report's
//! defendant) the other never writes; and groups merge by average linkage, which does not chain ([`cluster`]),
//! except two groups that each have a name most of their articles hold and the other's do
//! not.
//! In a small folder (at most [`SMALL_FOLDER`] articles) the researcher chose the articles,
//! so an article that resembles none joins the folder's one story, if it has exactly one.
//!
//! The researcher's merges and splits ([`crate::model::Project::story_overrides`]) win: an
//! article with an override belongs to exactly the story its override names.
//!
//! Measured on real articles (BASIL: 96 events told by three outlets, and the same squeezed
//! into one month), see the README's story section.

mod cluster;
mod dates;
mod features;

pub use cluster::Linkage;
pub use features::Weights;

use crate::model::{Article, ArticleId};
use features::{ArticleTerms, Term, is_name};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Folders of at most this many articles put an article that resembles none in their one story.
pub const SMALL_FOLDER: usize = 20;

/// Folders of at most this many articles (one event as a researcher collected it) compare
/// articles without the contrast of key names.
pub const FEW_ARTICLES: usize = 6;

/// How many names and words describe a story.
const DESCRIBE: usize = 6;

/// Settings for [`group_stories_with`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryOptions {
    pub weights: Weights,
    pub linkage: Linkage,
}

/// One story: the articles it holds and what ties them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Stable identity: the researcher's story name for merged or split stories, otherwise
    /// `auto-N` with N the story's lowest article id.
    pub key: String,
    /// Article ids, ascending.
    pub articles: Vec<ArticleId>,
    /// The names that most tie the story, for people ("Tessin · Orla · Ilan Voss").
    pub label: String,
    /// True when the researcher set this story by merging or splitting.
    pub by_researcher: bool,
    /// The names its articles share, strongest first.
    pub names: Vec<String>,
    /// The content words its articles share, strongest first.
    pub words: Vec<String>,
    /// The earliest and latest publication dates of its articles (ISO), when known.
    pub start: Option<String>,
    pub end: Option<String>,
}

/// Groups articles into stories with default options. See [`group_stories_with`].
pub fn group_stories(articles: &[Article], overrides: &BTreeMap<ArticleId, String>) -> Vec<Story> {
    group_stories_with(articles, overrides, &StoryOptions::default())
}

/// Each article's story key, for looking stories up by article.
pub fn story_keys(stories: &[Story]) -> HashMap<ArticleId, String> {
    stories
        .iter()
        .flat_map(|s| s.articles.iter().map(move |&a| (a, s.key.clone())))
        .collect()
}

/// Groups `articles` into stories; `overrides` maps an article to the researcher's story name.
/// Stories come in order of their lowest article id.
pub fn group_stories_with(
    articles: &[Article],
    overrides: &BTreeMap<ArticleId, String>,
    opts: &StoryOptions,
) -> Vec<Story> {
    let (terms, days): (Vec<ArticleTerms>, Vec<dates::Days>) =
        read_all(articles, &opts.weights).into_iter().unzip();
    let vectors = features::weigh(&terms, &opts.weights);
    let spoken: Vec<Option<i64>> = days.iter().map(|d| d.0).collect();
    // Only the articles without an override are grouped; their own similarities decide.
    let free: Vec<usize> = (0..articles.len())
        .filter(|&i| !overrides.contains_key(&articles[i].id))
        .collect();
    let free_days: Vec<Option<i64>> = free.iter().map(|&i| spoken[i]).collect();
    // In a handful of articles the folder's weights cannot tell an event's own names from
    // passing ones, so a name one article lacks says little: no contrast there.
    let few = Linkage {
        contrast: 1.0,
        ..opts.linkage.clone()
    };
    let l = if articles.len() <= FEW_ARTICLES {
        &few
    } else {
        &opts.linkage
    };
    let edges = cluster::edges(&vectors, &terms, &days, &free, l, l.threshold * l.attach);
    // Two stories of two or more articles stay apart when each has a key name four in five
    // of its articles hold and at most one in five of the other's: Tessin's quake and
    // Calder's, days apart, sharing the agency, its spokesman and the president.
    let apart = |x: &[usize], y: &[usize]| {
        // A story's first 40 articles stand for it: checking every article of two large
        // stories at each merge would cost more than the grouping.
        let (x, y) = (&x[..x.len().min(40)], &y[..y.len().min(40)]);
        let own = |x: &[usize], y: &[usize]| {
            let mut names: Vec<Term> = x
                .iter()
                .flat_map(|&k| vectors.keys[free[k]].clone())
                .collect();
            names.sort_unstable();
            names.dedup();
            names.into_iter().any(|t| {
                let held = |g: &[usize]| g.iter().filter(|&&k| terms[free[k]].holds(t)).count();
                held(x) * 5 >= x.len() * 4 && held(y) * 5 <= y.len()
            })
        };
        l.contrast < 1.0 && own(x, y) && own(y, x)
    };
    // A lone article does not join a story about another name: its own name is in none of
    // the story's articles, and the own name half the story has is not in it (one outlet's
    // report of a case, beside two outlets' reports of another case at the same court).
    let stranger = |i: usize, g: &[usize]| {
        let own_of = |k: usize| vectors.owns[free[k]];
        let Some(own) = own_of(i) else {
            return false;
        };
        let g = &g[..g.len().min(40)];
        l.contrast < 1.0
            && !g.iter().any(|&k| terms[free[k]].holds(own))
            && g.iter().filter_map(|&k| own_of(k)).any(|t| {
                g.iter().filter(|&&k| own_of(k) == Some(t)).count() * 2 >= g.len()
                    && !terms[free[i]].holds(t)
            })
    };
    let mut group = cluster::average_linkage(free.len(), &edges, l, apart, stranger);
    if articles.len() <= SMALL_FOLDER {
        // An article the researcher split off from its partner leaves the partner tied to
        // it, not a stray.
        let set: Vec<usize> = (0..articles.len())
            .filter(|&i| overrides.contains_key(&articles[i].id))
            .collect();
        let tied: Vec<bool> = free
            .iter()
            .map(|&i| {
                set.iter().any(|&j| {
                    features::cosine(&vectors.vecs[i], &vectors.vecs[j])
                        * cluster::time_factor(days[i], days[j], l)
                        >= l.threshold
                })
            })
            .collect();
        place_strays(&mut group, &free_days, &tied);
    }

    let mut groups: BTreeMap<(bool, String), Vec<usize>> = BTreeMap::new();
    for (k, &i) in free.iter().enumerate() {
        groups
            .entry((false, free[group[k]].to_string()))
            .or_default()
            .push(i);
    }
    for (i, a) in articles.iter().enumerate() {
        if let Some(name) = overrides.get(&a.id) {
            groups.entry((true, name.clone())).or_default().push(i);
        }
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
            let (names, words) = describe(&members, articles, &terms, &vectors);
            let label = if names.is_empty() {
                words
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" · ")
            } else {
                names
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            let dates: Vec<&str> = members
                .iter()
                .filter_map(|&i| articles[i].published.as_deref())
                .filter(|d| day_number(d).is_some())
                .map(|d| &d[..10])
                .collect();
            Story {
                key,
                articles: ids,
                label: if label.is_empty() {
                    "(no names)".to_owned()
                } else {
                    label
                },
                by_researcher,
                names,
                words,
                start: dates.iter().min().map(|d| (*d).to_owned()),
                end: dates.iter().max().map(|d| (*d).to_owned()),
            }
        })
        .collect();
    stories.sort_by_key(|s| s.articles[0]);
    stories
}

/// Every article's terms, and the day it speaks and its event's day, read on all cores.
fn read_all(articles: &[Article], w: &Weights) -> Vec<(ArticleTerms, dates::Days)> {
    let read = |a: &Article| (features::article_terms(a, w), dates::article_days(a));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || articles.len() < 64 {
        return articles.iter().map(read).collect();
    }
    let chunk = articles.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The names and words most of a story's articles hold, strongest first, as first written.
fn describe(
    members: &[usize],
    articles: &[Article],
    terms: &[ArticleTerms],
    v: &features::Vectors,
) -> (Vec<String>, Vec<String>) {
    let mut score: HashMap<Term, (f64, usize)> = HashMap::new();
    for &i in members {
        for (t, w) in &v.vecs[i] {
            let e = score.entry(*t).or_default();
            e.0 += f64::from(*w);
            e.1 += 1;
        }
    }
    let need = if members.len() > 1 { 2 } else { 1 };
    let mut list: Vec<(Term, f64)> = score
        .into_iter()
        .filter(|(_, (_, k))| *k >= need)
        .map(|(t, (s, k))| (t, s * k as f64 / members.len() as f64))
        .collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let shown = |t: Term| -> Option<String> {
        members
            .iter()
            .find_map(|&i| terms[i].shown(t, &articles[i]).map(str::to_owned))
    };
    let mut names: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    // The strongest terms only: a large story holds thousands.
    for (t, _) in list.into_iter().take(DESCRIBE * 30) {
        if !is_name(t) && words.len() >= DESCRIBE {
            continue;
        }
        let Some(s) = shown(t) else { continue };
        if is_name(t) {
            // Even a full list may still join a name into a longer one.
            add_name(&mut names, s, DESCRIBE);
        } else if !words.contains(&s.to_lowercase()) {
            words.push(s.to_lowercase());
        }
    }
    // The name the story is about leads: the own name (see `features`) at least half its
    // articles have. A one-article story's shared names only say what ties it to others (the
    // judge of another case), and its defendant, in no other article, is not among them.
    let mut owns: HashMap<Term, usize> = HashMap::new();
    for &i in members {
        if let Some(t) = v.owns[i] {
            *owns.entry(t).or_default() += 1;
        }
    }
    let own = owns
        .into_iter()
        .filter(|(_, k)| k * 2 >= members.len())
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .and_then(|(t, _)| shown(t));
    if let Some(own) = own {
        let low = own.to_lowercase();
        match names
            .iter()
            .position(|n| n.to_lowercase().split(' ').any(|w| w == low))
        {
            Some(k) => {
                let lead = names.remove(k);
                names.insert(0, lead);
            }
            None => {
                names.insert(0, own);
                names.truncate(DESCRIBE);
            }
        }
    }
    (names, words)
}

/// Adds a name to a story's list of at most `cap`, joining it with the names already there: "Oskar Brandt"
/// replaces "Brandt", "Brandt" adds nothing after "Oskar Brandt", and "National Disaster"
/// with "Disaster Agency" make "National Disaster Agency".
fn add_name(list: &mut Vec<String>, name: String, cap: usize) {
    let parts = |s: &str| s.split(' ').map(str::to_lowercase).collect::<Vec<_>>();
    let inside = |a: &[String], b: &[String]| a.windows(b.len()).any(|w| w == b);
    let new = parts(&name);
    if list.iter().any(|have| inside(&parts(have), &new)) {
        return;
    }
    match list.iter().position(|have| inside(&new, &parts(have))) {
        Some(k) => {
            list[k] = name;
            let kept = parts(&list[k]);
            let mut i = 0;
            list.retain(|have| {
                i += 1;
                i - 1 == k || !inside(&kept, &parts(have))
            });
        }
        None if list.len() < cap => list.push(name),
        None => return,
    }
    // Two names that overlap by a word make one: "National Disaster" + "Disaster Agency".
    'join: loop {
        for i in 0..list.len() {
            for j in 0..list.len() {
                let (a, b) = (parts(&list[i]), parts(&list[j]));
                if i != j && a.len() > 1 && b.len() > 1 && a.last() == b.first() {
                    let tail = list[j].split_once(' ').map_or("", |x| x.1).to_owned();
                    list[i] = format!("{} {tail}", list[i]);
                    list.remove(j);
                    continue 'join;
                }
            }
        }
        break;
    }
}

/// In a small folder the researcher chose the articles, so an article that resembles no other
/// (a short item, a wire snippet; not one that resembles an article the researcher placed,
/// marked in `tied`) belongs with the rest, as long as the rest is one story (or
/// there is none) and one of its articles is within a week; with two or more stories it stays
/// apart, as nothing says which.
fn place_strays(group: &mut [usize], days: &[Option<i64>], tied: &[bool]) {
    let mut size: BTreeMap<usize, usize> = BTreeMap::new();
    for &g in group.iter() {
        *size.entry(g).or_default() += 1;
    }
    let stories: Vec<usize> = size
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(g, _)| *g)
        .collect();
    let strays: Vec<usize> = (0..group.len())
        .filter(|&i| size[&group[i]] == 1 && !tied[i])
        .collect();
    let home = match stories.as_slice() {
        [one] => *one,
        [] => match strays.first() {
            Some(&first) => group[first],
            None => return,
        },
        _ => return,
    };
    let near = |a: usize, b: usize| match (days[a], days[b]) {
        (Some(x), Some(y)) => (x - y).abs() <= 7,
        _ => true,
    };
    let members: Vec<usize> = (0..group.len()).filter(|&i| group[i] == home).collect();
    let mut joined = Vec::new();
    for &s in &strays {
        if members.iter().any(|&m| m == s || near(m, s)) {
            joined.push(s);
        }
    }
    let low = members.iter().chain(&joined).copied().min().unwrap_or(home);
    for i in members.into_iter().chain(joined) {
        group[i] = low;
    }
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

    /// A strike in Halden told twice, and a stray about whales elsewhere, within two days.
    fn halden_and_whales() -> Vec<Article> {
        vec![
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
        ]
    }

    fn art(id: i64, date: &str, text: &str) -> Article {
        // The title is the first line, as an import reads it.
        let title = text.lines().next().unwrap_or_default().to_owned();
        let mut a = Article::in_memory(id, format!("{id}.txt"), title, text);
        a.published = Some(date.to_owned());
        a
    }

    fn sets(s: &[Story]) -> Vec<Vec<i64>> {
        s.iter().map(|s| s.articles.clone()).collect()
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01"), Some(19_783));
        assert_eq!(day_number("--03-01"), None);
    }

    #[test]
    fn shared_names_join_and_distant_dates_split() {
        let mut arts = halden_and_whales();
        arts.push(art(
            4,
            "2025-09-05",
            "T\nHalden remembered the strike, Petra Lund said.",
        ));
        let s = group_stories(&arts, &BTreeMap::new());
        // The whales resemble nothing and join the folder's one story in its week; the
        // anniversary piece is months later.
        assert_eq!(sets(&s), [vec![1, 2, 3], vec![4]]);
        assert_eq!(s[0].key, "auto-1");
        assert!(s[0].label.contains("Halden"), "{}", s[0].label);
        assert_eq!(s[0].start.as_deref(), Some("2025-03-04"));
        assert_eq!(s[0].end.as_deref(), Some("2025-03-05"));
        let mut two = arts.to_vec();
        two.push(art(5, "2025-03-06", "T\nAt Kessock, more whales stranded."));
        let s = group_stories(&two, &BTreeMap::new());
        assert_eq!(sets(&s), [vec![1, 2], vec![3, 5], vec![4]]);
    }

    #[test]
    fn one_shared_word_does_not_chain_stories() {
        // Four events of one week, two reports each; each event shares a name or a word with
        // the next (a minister, firefighters, dockworkers), which must not join them.
        let events = [
            "Flood in Varden\n\nThe river burst its banks in Varden, flooding cellars along \
             the quay. Rain fell for three days on the hills above Varden, and the water \
             rose past the old mill. Volunteers stacked sandbags while the Varden river kept \
             rising. Minister Ola Berg visited the levees. Sandbags ran short in Varden.",
            "Warehouse fire in Kessock\n\nA blaze gutted a timber warehouse in Kessock. \
             Flames spread to a paint store next door before crews from Kessock contained \
             them at dawn. The owner said the timber was uninsured. Minister Ola Berg \
             praised the firefighters. Smoke closed the Kessock ring road.",
            "Brill dock strike\n\nDockworkers walked out at the port of Brill over pay. \
             Their union wants a wage rise to match inflation; the port company offers half. \
             Cranes stood idle along the Brill quays. Firefighters joined the pickets. \
             Container ships queued outside Brill harbour.",
            "Freight train derails near Tarn\n\nTwelve wagons of a freight train left the \
             rails near Tarn junction. The wagons carried grain and gravel; nobody was hurt. \
             Engineers found a cracked rail a mile from Tarn. The dockworkers' union blamed \
             the rail operator. Tarn station stays shut.",
        ];
        let mut arts = Vec::new();
        for (k, text) in events.iter().enumerate() {
            for outlet in ["Courier", "Herald"] {
                let id = arts.len() as i64 + 1;
                let date = format!("2025-05-{:02}", 3 + k);
                arts.push(art(id, &date, &format!("{text} ({outlet})\n")));
            }
        }
        // More than a small folder holds, so no article joins a story for lack of another.
        for k in 0..14 {
            let id = arts.len() as i64 + 1;
            let text = format!("Note {k}\n\nZebra{k} quokka{k} ibis{k} yak{k} emu{k}.\n");
            arts.push(art(id, "2025-05-20", &text));
        }
        let s = group_stories(&arts, &BTreeMap::new());
        let found: Vec<Vec<i64>> = sets(&s).into_iter().filter(|s| s.len() > 1).collect();
        assert_eq!(found, [vec![1, 2], vec![3, 4], vec![5, 6], vec![7, 8]]);
        let flood = &s[0];
        assert!(flood.names.iter().any(|n| n == "Varden"), "{flood:?}");
        assert!(flood.words.iter().any(|w| w == "river"), "{flood:?}");
    }

    #[test]
    fn the_researchers_stories_win() {
        let arts = halden_and_whales();
        let overrides = BTreeMap::from([(2, "whales".to_owned()), (3, "whales".to_owned())]);
        let s = group_stories(&arts, &overrides);
        let got: Vec<(String, Vec<i64>, bool)> = s
            .iter()
            .map(|s| (s.key.clone(), s.articles.clone(), s.by_researcher))
            .collect();
        assert_eq!(
            got,
            [
                ("auto-1".to_owned(), vec![1], false),
                ("whales".to_owned(), vec![2, 3], true)
            ]
        );
    }

    #[test]
    fn names_join_into_the_longest_form() {
        let mut list = Vec::new();
        for n in [
            "Brandt",
            "Oskar Brandt",
            "National Disaster",
            "Disaster Agency",
            "Voss",
        ] {
            add_name(&mut list, n.to_owned(), 3);
        }
        add_name(&mut list, "Oskar".to_owned(), 3);
        add_name(&mut list, "Halden".to_owned(), 3);
        assert_eq!(list, ["Oskar Brandt", "National Disaster Agency", "Voss"]);
        let mut list = Vec::new();
        for n in ["National", "Disaster Agency", "National Disaster"] {
            add_name(&mut list, n.to_owned(), 3);
        }
        assert_eq!(list, ["National Disaster Agency"]);
    }
}
