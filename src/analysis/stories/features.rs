//! What an article is about, as story grouping reads it: its content words (stop words out,
//! numbers out, light stemming) and its names (capitalised mid-sentence, acronyms, and two
//! names in a row such as "Ilan Voss"), each weighted by where it stands — title, lead, body —
//! and hashed to a 64-bit term id. Names and words get different ids (the lowest bit), so a
//! name can weigh more than a word and be told apart when a story is described.
//!
//! Then, over the whole folder, [`weigh`] turns the counts into TF-IDF vectors: sublinear
//! term frequency times a smoothed inverse document frequency, the strongest terms of each
//! article kept, unit length, so the dot product of two vectors is their cosine similarity.

use crate::analysis::text::names::{Word, is_capitalised, is_common_word, words};
use crate::model::Article;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by terms, which are hashes already: hashing them again is one multiplication.
pub(super) type TermMap<V> = HashMap<Term, V, BuildHasherDefault<TermHasher>>;

/// The hasher of [`TermMap`].
#[derive(Default, Clone, Copy)]
pub(super) struct TermHasher(u64);

impl Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hashed term: a name when its lowest bit is set, a content word otherwise; two names in
/// a row have the next bit set too.
pub(super) type Term = u64;

/// True when `t` is a name (or two).
pub(super) fn is_name(t: Term) -> bool {
    t & 1 == 1
}

/// True when `t` is two names in a row.
pub(super) fn is_pair(t: Term) -> bool {
    t & 2 == 2
}

/// How terms are weighted.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    /// A name counts this many times a content word.
    pub name: f64,
    /// A word of the title counts this many times one of the body.
    pub title: f64,
    /// A word of the lead (the first [`Weights::lead_words`] words of the body) counts this
    /// many times one further down.
    pub lead: f64,
    pub lead_words: usize,
    /// How many of its strongest terms describe an article.
    pub terms: usize,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            name: 1.5,
            title: 2.0,
            lead: 1.5,
            lead_words: 80,
            terms: 60,
        }
    }
}

/// One term of an article: its raw weight (position and kind, summed over occurrences) and
/// where it is first written, for describing stories.
#[derive(Clone, Copy, Debug)]
pub(super) struct ArticleTerm {
    pub term: Term,
    pub weight: f32,
    /// Byte offset of the first occurrence, in the title when `in_title`, else in the text.
    pub at: u32,
    pub len: u16,
    pub in_title: bool,
}

/// One article's terms before the folder is known, sorted by term.
pub(super) struct ArticleTerms {
    pub terms: Vec<ArticleTerm>,
}

impl ArticleTerms {
    /// True when the article holds `t` anywhere.
    pub fn holds(&self, t: Term) -> bool {
        self.terms.binary_search_by_key(&t, |x| x.term).is_ok()
    }

    /// The term as first written in `article`.
    pub fn shown<'a>(&self, t: Term, article: &'a Article) -> Option<&'a str> {
        let i = self.terms.binary_search_by_key(&t, |x| x.term).ok()?;
        let x = self.terms[i];
        let src = if x.in_title {
            &article.title
        } else {
            &article.text
        };
        src.get(x.at as usize..x.at as usize + usize::from(x.len))
    }
}

/// Reads one article's terms.
pub(super) fn article_terms(a: &Article, w: &Weights) -> ArticleTerms {
    let text = a.text.as_str();
    // The text usually repeats the title on its first line: read it once, as the title.
    let first = text.find('\n').unwrap_or(text.len());
    let body_from = if text[..first].trim() == a.title.trim() {
        first
    } else {
        0
    };
    let body = words(&text[body_from..]);
    let title = words(&a.title);
    // Words capitalised somewhere mid-sentence are names where they open a sentence too.
    let mut lower = String::new();
    let names_here: HashSet<Term, BuildHasherDefault<TermHasher>> = body
        .iter()
        .filter(|w| !w.initial && is_capitalised(w.text))
        .map(|w| {
            lower_into(&mut lower, w.text);
            hash(lower.as_bytes(), true)
        })
        .collect();
    let mut acc = Acc {
        raw: TermMap::default(),
        names_here: &names_here,
    };
    acc.read(&a.title, 0, &title, w.title, usize::MAX, w, true);
    acc.read(text, body_from, &body, 1.0, w.lead_words, w, false);
    let mut terms: Vec<ArticleTerm> = acc.raw.into_values().collect();
    terms.sort_unstable_by_key(|t| t.term);
    ArticleTerms { terms }
}

struct Acc<'n> {
    raw: TermMap<ArticleTerm>,
    names_here: &'n HashSet<Term, BuildHasherDefault<TermHasher>>,
}

impl Acc<'_> {
    /// Adds the words of `src` (whose words start at byte `from`): the first `lead` of them
    /// weigh `base × lead weight`, the rest `base`.
    #[allow(clippy::too_many_arguments)]
    fn read(
        &mut self,
        src: &str,
        from: usize,
        ws: &[Word<'_>],
        base: f64,
        lead: usize,
        w: &Weights,
        in_title: bool,
    ) {
        let mut prev_name: Option<(Term, usize, usize)> = None;
        let mut lower = String::new();
        for (k, word) in ws.iter().enumerate() {
            let start = from + (word.text.as_ptr() as usize - src[from..].as_ptr() as usize);
            let end = start + word.text.len();
            // Numbers, dates and codes differ between reports of one event.
            if word.text.starts_with(|c: char| c.is_ascii_digit()) {
                prev_name = None;
                continue;
            }
            let weight = if k < lead { base * w.lead } else { base };
            lower_into(&mut lower, word.text);
            // A title capitalises every word in some outlets: there a word is a name only
            // where the body writes it as one.
            let known = || self.names_here.contains(&hash(lower.as_bytes(), true));
            let name = is_capitalised(word.text)
                && (if in_title {
                    known()
                } else {
                    !word.initial || known()
                })
                && !is_common_word(&lower)
                && !is_stop(&lower)
                && !is_title_word(&lower)
                && char_count(&lower) >= 2;
            if name {
                let t = hash(lower.as_bytes(), true);
                self.add(t, weight * w.name, (in_title, start, end));
                // Two names in a row, with only a space between: "Ilan Voss".
                if let Some((p, pstart, pend)) = prev_name
                    && &src[pend..start] == " "
                {
                    self.add(combine(p, t), weight * w.name, (in_title, pstart, end));
                }
                prev_name = Some((t, start, end));
                continue;
            }
            prev_name = None;
            if char_count(&lower) < 3 || is_stop(&lower) {
                continue;
            }
            let t = hash(stem(&lower).as_bytes(), false);
            self.add(t, weight, (in_title, start, end));
        }
    }

    fn add(&mut self, t: Term, weight: f64, (in_title, start, end): (bool, usize, usize)) {
        self.raw
            .entry(t)
            .or_insert(ArticleTerm {
                term: t,
                weight: 0.0,
                at: start as u32,
                len: (end - start).min(usize::from(u16::MAX)) as u16,
                in_title,
            })
            .weight += weight as f32;
    }
}

/// `w` in lower case, into `out`. Most words of most folders are ASCII, whose lower case is
/// a byte-wise change: Unicode's case tables made lowercasing the largest cost of grouping a
/// year of news.
fn lower_into(out: &mut String, w: &str) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Characters in `w` (its length when ASCII).
fn char_count(w: &str) -> usize {
    if w.is_ascii() {
        w.len()
    } else {
        w.chars().count()
    }
}

/// FNV-1a, with the lowest bit marking names.
fn hash(bytes: &[u8], name: bool) -> Term {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h & !3) | u64::from(name)
}

/// The term of two names in a row.
fn combine(a: Term, b: Term) -> Term {
    (a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 3
}

/// Capitalised words that name an office or title, not a person or place.
fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "prof"
            | "st"
            | "governor"
            | "senator"
            | "mayor"
            | "chancellor"
            | "premier"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "general"
            | "judge"
            | "the"
            | "breaking"
            | "update"
            | "read"
            | "more"
            | "photo"
            | "video"
            | "reuters"
            | "ap"
            | "afp"
    )
}

/// Light stemming: plural and verb endings off ("arrests" → "arrest", "killed" → "kill").
pub(super) fn stem(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().count() <= 4 {
        return w.into();
    }
    if let Some(b) = w.strip_suffix("ies") {
        return format!("{b}y").into();
    }
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 4
            && !(suffix == "s" && (base.ends_with('s') || base.ends_with('u')))
        {
            return base.into();
        }
    }
    w.into()
}

/// Words too common in news to say what a story is about.
fn is_stop(w: &str) -> bool {
    static SET: std::sync::OnceLock<HashSet<Term, BuildHasherDefault<TermHasher>>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOP.iter().map(|w| hash(w.as_bytes(), false)).collect())
        .contains(&hash(w.as_bytes(), false))
}

const STOP: &[&str] = &[
    "about",
    "above",
    "across",
    "added",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "asked",
    "back",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "came",
    "can",
    "can't",
    "cannot",
    "could",
    "day",
    "days",
    "did",
    "didn't",
    "does",
    "doesn't",
    "doing",
    "don't",
    "done",
    "down",
    "during",
    "each",
    "early",
    "eight",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "five",
    "for",
    "former",
    "four",
    "from",
    "further",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "hundred",
    "i'm",
    "including",
    "into",
    "isn't",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "late",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "may",
    "might",
    "million",
    "billion",
    "month",
    "months",
    "more",
    "most",
    "much",
    "must",
    "near",
    "nearly",
    "need",
    "never",
    "new",
    "news",
    "next",
    "nine",
    "nor",
    "not",
    "now",
    "off",
    "often",
    "once",
    "one",
    "only",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "part",
    "people",
    "per",
    "percent",
    "put",
    "rather",
    "really",
    "report",
    "reported",
    "reports",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "second",
    "see",
    "seen",
    "set",
    "seven",
    "several",
    "she",
    "she's",
    "should",
    "since",
    "six",
    "some",
    "something",
    "still",
    "such",
    "take",
    "taken",
    "ten",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "thing",
    "things",
    "think",
    "third",
    "this",
    "those",
    "though",
    "thousand",
    "three",
    "through",
    "time",
    "times",
    "today",
    "told",
    "too",
    "took",
    "two",
    "under",
    "until",
    "upon",
    "use",
    "used",
    "very",
    "via",
    "want",
    "wanted",
    "was",
    "wasn't",
    "way",
    "we're",
    "week",
    "weeks",
    "well",
    "went",
    "were",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
    "according",
    "statement",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "tonight",
    "morning",
    "evening",
    "night",
    "afternoon",
    "week's",
];

/// Every article as a unit vector of its strongest terms (sorted by term), and how many
/// articles hold each term.
pub(super) struct Vectors {
    pub vecs: Vec<Vec<(Term, f32)>>,
    pub df: TermMap<u32>,
    /// Each article's most weighted names that some other article also holds, strongest first.
    pub keys: Vec<Vec<Term>>,
    /// Each article's own name (see [`own_name`]), which no other article need hold.
    pub owns: Vec<Option<Term>>,
}

/// How many key names an article has.
pub(super) const KEY_NAMES: usize = 3;

/// TF-IDF vectors of the folder's articles.
pub(super) fn weigh(articles: &[ArticleTerms], w: &Weights) -> Vectors {
    let mut df: TermMap<u32> = TermMap::default();
    for a in articles {
        for x in &a.terms {
            *df.entry(x.term).or_default() += 1;
        }
    }
    let n = articles.len() as f64;
    let idf = |t: &Term| ((n + 1.0) / (f64::from(df[t]) + 1.0)).ln() + 1.0;
    let mut vecs = Vec::with_capacity(articles.len());
    let mut keys = Vec::with_capacity(articles.len());
    let mut owns = Vec::with_capacity(articles.len());
    for a in articles {
        let mut v: Vec<(Term, f64)> = a
            .terms
            .iter()
            .map(|x| (x.term, (1.0 + f64::from(x.weight)).ln() * idf(&x.term)))
            .collect();
        // The length counts every term; terms no other article holds tie nothing, so only
        // the others are kept.
        let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt().max(1e-9);
        v.retain(|(t, _)| df[t] > 1);
        v.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        keys.push(
            v.iter()
                .filter(|(t, _)| is_name(*t) && !is_pair(*t))
                .take(KEY_NAMES)
                .map(|(t, _)| *t)
                .collect(),
        );
        owns.push(own_name(a, idf));
        v.truncate(w.terms);
        let mut v: Vec<(Term, f32)> = v.into_iter().map(|(t, x)| (t, (x / norm) as f32)).collect();
        v.sort_unstable_by_key(|x| x.0);
        vecs.push(v);
    }
    Vectors {
        vecs,
        df,
        keys,
        owns,
    }
}

/// An own name must weigh at least this much: three mentions in the body, or two with one
/// in the lead or title. Fewer are passing mentions.
const OWN_MIN: f32 = 6.0;

/// The name an article is about: of its names written often enough (or in the title and
/// lead) to be its subject rather than a passing mention, the one that weighs most by
/// TF-IDF. A court report's defendant rather than the court's city: the city is in many
/// reports, the defendant in this one.
fn own_name(a: &ArticleTerms, idf: impl Fn(&Term) -> f64) -> Option<Term> {
    a.terms
        .iter()
        .filter(|x| is_name(x.term) && !is_pair(x.term) && x.weight >= OWN_MIN)
        .map(|x| (x.term, f64::from(x.weight) * idf(&x.term)))
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|x| x.0)
}

/// The cosine of two unit vectors sorted by term.
pub(super) fn cosine(a: &[(Term, f32)], b: &[(Term, f32)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    f64::from(s)
}
