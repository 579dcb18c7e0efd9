//! How likely two figures of different articles count the same thing.
//!
//! A folder about one event holds many incidents, places and days: six killed in one village,
//! 24 in the province, 40 at a school hit in another strike. Two figures that disagree are worth
//! a researcher's time only when both sentences speak of the same count, so each pair gets a
//! score from what ties (or separates) the two sentences:
//!
//! - the proper names and places both sentences use, and names one sentence uses that the other
//!   article never mentions (a different village);
//! - the time words both use (weekdays, months, years, "yesterday"), and different weekdays or
//!   years (another day);
//! - the scope nearest the figure ("in the village", "in the province", "nationwide",
//!   "across", "in total"): the same scope ties, different scopes separate;
//! - the counted noun (civilians against soldiers are different counts; `marchers` and `people`
//!   may be the same, see [`crate::analysis::figures::lexicon`]);
//! - where the figures stand in their articles: the headline and lead carry the story's own
//!   count, later paragraphs carry background;
//! - how far apart the values are (a near miss is more often the same count).
//!
//! The weights are set by reasoning about these features, not fitted to a corpus; the held-out
//! fixtures in `tests/data/events` check that they generalise.

use crate::analysis::figures::Figure;
use crate::analysis::figures::lexicon::{Kinship, kinship};
use crate::analysis::text::names::{
    Word, is_capitalised, is_common_word, is_month, is_time_word, is_weekday, is_year, words,
};
use crate::model::Article;
use std::collections::{HashMap, HashSet};

/// What one figure's sentence says about its context.
#[derive(Clone, Debug, Default)]
pub(crate) struct FigureContext {
    /// Proper names and places in the sentence, lowercase, with the form as written.
    names: Vec<(String, String)>,
    /// Time words in the sentence, lowercase (weekdays, months, years, relative days).
    times: Vec<String>,
    /// The scope nearest the figure, with the words as written.
    scope: Option<(Scope, String)>,
    /// The sentence says the figure is a total ("in total", "overall", "altogether").
    total: Option<String>,
    /// 1.0 for the headline, falling for later paragraphs.
    prominence: f64,
    /// The sentence puts the figure in the past ("last year", "a month ago", "previous").
    past: bool,
    /// When the sentence lists several figures of one measure ("Huckabee (14 percent), Palin
    /// (12 percent)", "Pawlenty earned 6 percent, Bachmann got 5 percent"), the names between
    /// the previous figure and this one, lowercase: whose figure it is.
    holders: Option<Vec<String>>,
}

/// How wide a count reaches, from one site to the whole world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    Site,
    Locality,
    Region,
    Country,
    World,
}

/// The score of one pair of figures and the words that tie their sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PairScore {
    pub score: f64,
    pub shared: Vec<String>,
}

/// Lazily computed contexts for the figures and word sets of the articles being compared.
pub(crate) struct Ranker<'a> {
    articles: &'a [(&'a Article, &'a [Figure])],
    contexts: HashMap<usize, Vec<FigureContext>>,
    words: HashMap<usize, HashSet<String>>,
}

impl<'a> Ranker<'a> {
    pub(crate) fn new(articles: &'a [(&'a Article, &'a [Figure])]) -> Self {
        Ranker {
            articles,
            contexts: HashMap::new(),
            words: HashMap::new(),
        }
    }

    fn ensure(&mut self, ai: usize) {
        if self.contexts.contains_key(&ai) {
            return;
        }
        let (article, figures) = self.articles[ai];
        let (contexts, words) = article_contexts(&article.text, figures);
        self.contexts.insert(ai, contexts);
        self.words.insert(ai, words);
    }

    /// How prominent figure `fi` of article `ai` is (headline 1.0, late paragraphs near 0).
    pub(crate) fn prominence(&mut self, (ai, fi): (usize, usize)) -> f64 {
        self.ensure(ai);
        self.contexts[&ai][fi].prominence
    }

    /// Scores the pair `a` (article index, figure index) against `b`.
    pub(crate) fn pair(&mut self, a: (usize, usize), b: (usize, usize)) -> PairScore {
        self.ensure(a.0);
        self.ensure(b.0);
        let (ca, cb) = (&self.contexts[&a.0][a.1], &self.contexts[&b.0][b.1]);
        let (wa, wb) = (&self.words[&a.0], &self.words[&b.0]);
        let (fa, fb) = (&self.articles[a.0].1[a.1], &self.articles[b.0].1[b.1]);
        score_pair(fa, fb, ca, cb, wa, wb)
    }
}

fn score_pair(
    fa: &Figure,
    fb: &Figure,
    ca: &FigureContext,
    cb: &FigureContext,
    words_a: &HashSet<String>,
    words_b: &HashSet<String>,
) -> PairScore {
    // Two items of listed results that belong to different names (one candidate's share
    // against another's) are not two reports of one figure: never a pair.
    if let (Some(ha), Some(hb)) = (&ca.holders, &cb.holders)
        && !ha.iter().any(|h| hb.contains(h))
    {
        return PairScore {
            score: f64::NEG_INFINITY,
            shared: Vec::new(),
        };
    }
    let mut shared = Vec::new();
    let mut z = -0.4;

    let names_b: HashSet<&str> = cb.names.iter().map(|(k, _)| k.as_str()).collect();
    let common: Vec<&(String, String)> = ca
        .names
        .iter()
        .filter(|(k, _)| names_b.contains(k.as_str()))
        .collect();
    z += 0.6 * common.len().min(3) as f64;
    // Show a name as the other side writes it when this side shouts it (a dateline).
    shared.extend(common.iter().map(|(k, shown)| {
        let shouting = shown.chars().all(|c| !c.is_lowercase()) && shown.chars().count() > 3;
        match cb.names.iter().find(|(kb, _)| kb == k) {
            Some((_, other)) if shouting => other.clone(),
            _ => shown.clone(),
        }
    }));
    // A name the other article never mentions points at another place or person.
    let foreign = ca
        .names
        .iter()
        .filter(|(k, _)| !words_b.contains(k))
        .count()
        + cb.names
            .iter()
            .filter(|(k, _)| !words_a.contains(k))
            .count();
    z -= 0.45 * foreign.min(3) as f64;

    let times_b: HashSet<&str> = cb.times.iter().map(String::as_str).collect();
    let common_times: Vec<&String> = ca
        .times
        .iter()
        .filter(|t| times_b.contains(t.as_str()))
        .collect();
    z += 0.4 * common_times.len().min(2) as f64;
    shared.extend(common_times.iter().map(|t| (*t).clone()));
    if clash(&ca.times, &cb.times, is_weekday) || clash(&ca.times, &cb.times, is_year) {
        z -= 0.9;
    }

    match (&ca.scope, &cb.scope) {
        (Some((sa, wa)), Some((sb, wb))) if sa == sb && scope_noun(wa) == scope_noun(wb) => {
            z += 0.6;
            shared.push(wa.clone());
        }
        // A village and a town reach as far, but may be two places.
        (Some((sa, _)), Some((sb, _))) if sa == sb => z += 0.2,
        (Some(_), Some(_)) => z -= 1.0,
        _ => {}
    }
    // "Last spring", "a year ago": a figure the sentence puts in the past is another count.
    if ca.past != cb.past {
        z -= 0.8;
    }
    match (&ca.total, &cb.total) {
        (Some(t), Some(_)) => {
            z += 0.3;
            shared.push(t.clone());
        }
        (Some(_), None) | (None, Some(_)) => z -= 0.3,
        _ => {}
    }

    // The same counted thing, or words the lexicon says name the same things (`marchers`,
    // `people`), tie the figures; a subgroup against its whole, or unrelated heads, do not.
    if let (Some(x), Some(y)) = (&fa.counted, &fb.counted) {
        match kinship(x, y) {
            Kinship::Same => {
                z += 0.3;
                shared.push(x.clone());
            }
            Kinship::Class(_) => z += 0.2,
            Kinship::Part => z -= 0.3,
            Kinship::Unrelated => z -= 0.6,
        }
    }

    // The story's own count sits in the headline and lead; both there ties them most.
    z += 1.2 * (ca.prominence * cb.prominence).sqrt() - 0.6;

    let (va, vb) = (fa.value.abs(), fb.value.abs());
    if va > 0.0 && vb > 0.0 {
        z -= 0.5 * (va.max(vb) / va.min(vb)).log10();
    }

    let mut seen = HashSet::new();
    shared.retain(|w| seen.insert(w.to_lowercase()));
    PairScore {
        score: 1.0 / (1.0 + (-z).exp()),
        shared,
    }
}

/// Both lists hold words of one kind and none in common: two different days or years.
fn clash(a: &[String], b: &[String], kind: fn(&str) -> bool) -> bool {
    let ka: Vec<&String> = a.iter().filter(|w| kind(w)).collect();
    let kb: Vec<&String> = b.iter().filter(|w| kind(w)).collect();
    !ka.is_empty() && !kb.is_empty() && !ka.iter().any(|w| kb.contains(w))
}

/// The contexts of every figure of an article, and the set of its words (lowercase).
fn article_contexts(text: &str, figures: &[Figure]) -> (Vec<FigureContext>, HashSet<String>) {
    let words = words(text);
    let lower: HashSet<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    // Words capitalised somewhere mid-sentence are names even where they open a sentence.
    let names_here: HashSet<String> = words
        .iter()
        .filter(|w| !w.initial && is_capitalised(w.text))
        .map(|w| w.text.to_lowercase())
        .collect();
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.chars()
                .enumerate()
                .filter(|(_, c)| *c == '\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let blank: Vec<bool> = text.lines().map(|l| l.trim().is_empty()).collect();
    let contexts = figures
        .iter()
        .map(|f| {
            let lo = words.partition_point(|w| w.at < f.sentence_start);
            let hi = words.partition_point(|w| w.at < f.sentence_end);
            let sentence = &words[lo..hi];
            let line = line_starts
                .partition_point(|&s| s <= f.start)
                .saturating_sub(1);
            let paragraph = blank.iter().take(line).filter(|b| !**b).count();
            let mut c = context(f, sentence, &names_here, paragraph);
            c.holders = holders(f, figures, sentence, &names_here);
            c
        })
        .collect();
    (contexts, lower)
}

fn context(
    f: &Figure,
    sentence: &[Word<'_>],
    names_here: &HashSet<String>,
    paragraph: usize,
) -> FigureContext {
    let mut c = FigureContext {
        // Headline first, the lead (the next three paragraphs: dateline, first sentences)
        // nearly as strong, then falling.
        prominence: match paragraph {
            0 => 1.0,
            1..=3 => 0.85,
            p => (0.85 * 0.75f64.powi((p - 3) as i32)).max(0.1),
        },
        ..FigureContext::default()
    };
    let mut best_scope: Option<(usize, Scope, String)> = None;
    // Who gives the figure is a source, not a place or party of the event.
    let source = source_words(f);
    for (i, w) in sentence.iter().enumerate() {
        let lower = w.text.to_lowercase();
        if is_time_word(&lower) {
            c.times.push(lower.clone());
            continue;
        }
        if let Some(scope) = scope_word(&lower) {
            let distance = w.at.abs_diff(f.start);
            if best_scope.as_ref().is_none_or(|(d, _, _)| distance < *d) {
                let before = i.checked_sub(1).map(|j| sentence[j].text.to_lowercase());
                let shown = match before.as_deref() {
                    Some(b @ ("the" | "a" | "this" | "that")) => format!("{b} {}", w.text),
                    _ => w.text.to_owned(),
                };
                best_scope = Some((distance, scope, shown));
            }
        }
        let next = sentence.get(i + 1).map(|n| n.text.to_lowercase());
        if is_past(&lower, next.as_deref()) {
            c.past = true;
        }
        if c.total.is_none() && is_total(&lower, sentence.get(i + 1).map(|n| n.text)) {
            c.total = Some(match lower.as_str() {
                "in" => "in total".to_owned(),
                _ => lower.clone(),
            });
        }
        let inside_figure = w.at >= f.start && w.at < f.end;
        if is_capitalised(w.text)
            && !inside_figure
            && (!w.initial || names_here.contains(&lower))
            && !is_common_word(&lower)
            && !source.contains(&lower)
            && !c.names.iter().any(|(k, _)| *k == lower)
        {
            c.names.push((lower, w.text.to_owned()));
        }
    }
    c.scope = best_scope.map(|(_, s, w)| (s, w));
    c
}

/// Whose figure `f` is, when its sentence lists several figures of its measure: the names
/// standing between the previous such figure (or the sentence's start) and `f`, titles and
/// the figure's source left out. `None` for a sentence with one figure of the measure, or no
/// name before it: then nothing is known.
fn holders(
    f: &Figure,
    figures: &[Figure],
    sentence: &[Word<'_>],
    names_here: &HashSet<String>,
) -> Option<Vec<String>> {
    let listed: Vec<&Figure> = figures
        .iter()
        .filter(|g| g.sentence_start == f.sentence_start && g.measure == f.measure)
        .collect();
    if listed.len() < 2 {
        return None;
    }
    let from = listed
        .iter()
        .filter(|g| g.end <= f.start)
        .map(|g| g.end)
        .max()
        .unwrap_or(f.sentence_start);
    let source = source_words(f);
    let names: Vec<String> = sentence
        .iter()
        .filter(|w| w.at >= from && w.at < f.start)
        .filter(|w| is_capitalised(w.text))
        .map(|w| (w, w.text.to_lowercase()))
        .filter(|(w, l)| {
            (!w.initial || names_here.contains(l))
                && !is_common_word(l)
                && !is_time_word(l)
                && !is_title(l)
                && !source.contains(l)
        })
        .map(|(_, l)| l)
        .collect();
    (!names.is_empty()).then_some(names)
}

/// Titles written before a name ("former Minnesota Gov. Tim Pawlenty"): shared by different
/// people, so never what makes two figures one person's.
/// The words of whoever gives the figure ("police", "Health Ministry"): a source, never a
/// place, a party of the event or a name a listed result belongs to.
fn source_words(f: &Figure) -> HashSet<String> {
    f.attribution
        .iter()
        .flat_map(|a| a.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .collect()
}

fn is_title(w: &str) -> bool {
    matches!(
        w,
        "gov"
            | "governor"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "speaker"
            | "secretary"
            | "gen"
            | "general"
            | "mayor"
            | "judge"
            | "justice"
            | "chief"
            | "leader"
            | "prof"
            | "professor"
            | "sheriff"
            | "former"
    )
}

/// Scope nouns and adjectives, by how wide they reach.
fn scope_word(w: &str) -> Option<Scope> {
    Some(match w {
        "school" | "hospital" | "market" | "building" | "mosque" | "church" | "camp" | "mall"
        | "station" | "factory" | "mine" | "bridge" | "site" | "plant" | "stadium" | "hotel" => {
            Scope::Site
        }
        "village" | "town" | "city" | "neighbourhood" | "neighborhood" | "district"
        | "municipality" | "suburb" | "capital" => Scope::Locality,
        "province" | "region" | "state" | "county" | "prefecture" | "governorate" | "regional"
        | "provincial" => Scope::Region,
        "nationwide" | "country" | "national" | "nation" => Scope::Country,
        "across" | "worldwide" | "global" | "globally" | "continent" | "international" => {
            Scope::World
        }
        _ => return None,
    })
}

/// The last word of a scope as written ("the village" → "village").
fn scope_noun(shown: &str) -> &str {
    shown.rsplit(' ').next().unwrap_or(shown)
}

/// Words putting a figure in an earlier time: "last year", "ago", "previous", "earlier".
fn is_past(w: &str, next: Option<&str>) -> bool {
    matches!(w, "ago" | "previous" | "previously" | "formerly")
        || (w == "last"
            && next.is_some_and(|n| {
                is_month(n)
                    || matches!(
                        n,
                        "year"
                            | "years"
                            | "spring"
                            | "summer"
                            | "autumn"
                            | "fall"
                            | "winter"
                            | "month"
                            | "months"
                            | "decade"
                            | "season"
                    )
            }))
}

/// "in total", "overall", "altogether", "combined", "cumulative".
fn is_total(w: &str, next: Option<&str>) -> bool {
    matches!(w, "overall" | "altogether" | "combined" | "cumulative")
        || (w == "in" && next.is_some_and(|n| n.eq_ignore_ascii_case("total")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{FigureOptions, extract_figures};

    fn art(id: i64, text: &str) -> Article {
        Article::in_memory(id, format!("a{id}.txt"), format!("Article {id}"), text)
    }

    fn best(a: &str, b: &str) -> PairScore {
        let (x, y) = (art(1, a), art(2, b));
        let opts = FigureOptions::default();
        let (fx, fy) = (extract_figures(a, &opts), extract_figures(b, &opts));
        let arts = [(&x, fx.as_slice()), (&y, fy.as_slice())];
        let mut r = Ranker::new(&arts);
        r.pair((0, 0), (1, 0))
    }

    #[test]
    fn shared_place_and_day_tie_the_sentences() {
        let s = best(
            "Shelling killed 12 people in Varna on Tuesday.",
            "On Tuesday, 15 people were killed by shelling in Varna.",
        );
        assert!(s.shared.iter().any(|w| w == "Varna"), "{s:?}");
        assert!(s.shared.iter().any(|w| w == "tuesday"), "{s:?}");
        let other = best(
            "Shelling killed 12 people in Varna on Tuesday.",
            "On Friday, 15 people were killed by shelling in Dobrich.",
        );
        assert!(other.score < s.score, "{other:?} vs {s:?}");
    }

    #[test]
    fn village_and_province_counts_are_apart() {
        let same = best(
            "Six people were killed in the village.",
            "Nine people were killed in the village.",
        );
        let apart = best(
            "Six people were killed in the village.",
            "Nine people were killed in the province.",
        );
        assert!(apart.score < same.score, "{apart:?} vs {same:?}");
    }

    #[test]
    fn a_figure_put_in_the_past_is_another_count() {
        let now = best(
            "Nine people were killed in the city.",
            "Seven people were killed in the city.",
        );
        let then = best(
            "Nine people were killed in the city.",
            "Last spring, seven people were killed in the city.",
        );
        assert!(then.score < now.score, "{then:?} vs {now:?}");
    }

    #[test]
    fn numbers_are_not_names_but_acronyms_are() {
        assert!(!is_capitalised("12"));
        assert!(is_capitalised("UN") && is_capitalised("G7") && is_capitalised("Halden"));
        assert!(!is_capitalised("people"));
    }

    #[test]
    fn sentence_initial_capitals_are_not_names() {
        let text = "Officials said 12 people died. Rescuers said 15 people died.";
        let words = words(text);
        assert!(words[0].initial && !words[1].initial);
        assert!(words.iter().any(|w| w.text == "Rescuers" && w.initial));
    }
}
