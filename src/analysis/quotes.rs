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

use super::coverage::{Span, category_named, covering_claim, tag_and_link};
use crate::model::{Article, ArticleId, ClaimId, Edit, LinkKind, Project};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Quotes with fewer words than this are scare quotes or titles, not statements.
const MIN_WORDS: usize = 4;
/// The longest quotation taken, in characters.
const MAX_CHARS: usize = 1_500;

/// How a quotation is marked in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Between quotation marks.
    Direct,
    /// "X said that …", "…, X said."
    Reported,
}

/// One quotation in one article. Offsets are characters, as everywhere.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    pub article_id: ArticleId,
    /// The quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    pub kind: QuoteKind,
}

/// Capitalised only because they open a sentence: never part of a speaker's name.
const OPENERS: &[&str] = &[
    "however",
    "but",
    "and",
    "meanwhile",
    "yesterday",
    "today",
    "earlier",
    "later",
    "also",
    "then",
    "now",
    "still",
    "instead",
    "moreover",
    "separately",
    "finally",
    "in",
    "on",
    "as",
    "when",
    "after",
    "before",
    "while",
    "there",
    "this",
    "that",
    "it",
    "a",
    "an",
    "so",
    "yet",
];

/// Words that introduce or close speech.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "saying",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "stated",
    "declared",
    "explained",
    "wrote",
    "asked",
    "replied",
    "warned",
    "insisted",
    "argued",
    "claimed",
    "announced",
    "remarked",
    "continued",
    "recalled",
];

/// Finds the quotations of an article.
pub fn find_quotes(article: &Article) -> Vec<Quote> {
    let text = &article.text;
    let chars: Vec<char> = text.chars().collect();
    let mut quotes = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (start, end) in quoted_spans(&chars) {
        let inner: String = chars[start..end].iter().collect();
        if inner.split_whitespace().count() < MIN_WORDS || end - start > MAX_CHARS {
            continue;
        }
        // The quoted words without edge punctuation (",” he said" leaves a comma inside).
        let (s, e) = trim_span(&chars, start, end);
        taken.push((start, end));
        quotes.push(Quote {
            article_id: article.id,
            start: s,
            end: e,
            text: chars[s..e].iter().collect(),
            speaker: None,
            kind: QuoteKind::Direct,
        });
    }
    // Block quotes written the Markdown way: lines starting with "> ".
    for (s, e) in block_quotes(&chars) {
        if taken.iter().any(|&(a, b)| a < e && s < b) || words_in(&chars, s, e).len() < MIN_WORDS {
            continue;
        }
        let inner = trim_span(&chars, s, e);
        let (s, e) = match quoted_spans(&chars[inner.0..inner.1]).first() {
            // A block quote that is itself in quotation marks was taken above.
            Some(_) => continue,
            None => inner,
        };
        taken.push((s, e));
        quotes.push(Quote {
            article_id: article.id,
            start: s,
            end: e,
            text: chars[s..e].iter().collect(),
            speaker: None,
            kind: QuoteKind::Direct,
        });
    }
    for (s, e, speaker) in reported_speech(&chars, &taken) {
        quotes.push(Quote {
            article_id: article.id,
            start: s,
            end: e,
            text: chars[s..e].iter().collect(),
            speaker: Some(speaker),
            kind: QuoteKind::Reported,
        });
    }
    quotes.sort_by_key(|q| q.start);
    assign_speakers(&chars, &mut quotes);
    quotes
}

/// Character ranges between matching quotation marks, never across a paragraph break.
fn quoted_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let closers: &[char] = match c {
            '“' => &['”', '“'],
            '„' => &['“', '”'],
            '«' => &['»'],
            '"' => &['"'],
            // A single curly quote opens only where an apostrophe cannot be.
            '‘' if i == 0 || !chars[i - 1].is_alphanumeric() => &['’'],
            _ => {
                i += 1;
                continue;
            }
        };
        let start = i + 1;
        let mut j = start;
        let mut found = None;
        while j < chars.len() && j - start <= MAX_CHARS {
            if chars[j] == '\n' && chars.get(j + 1) == Some(&'\n') {
                break;
            }
            // ’ inside a word is an apostrophe ("don’t"), not the end of a ‘quote’.
            let apostrophe = chars[j] == '’'
                && chars.get(j + 1).is_some_and(|n| n.is_alphabetic())
                && j > 0
                && chars[j - 1].is_alphabetic();
            if closers.contains(&chars[j]) && !apostrophe {
                found = Some(j);
                break;
            }
            j += 1;
        }
        match found {
            Some(end) => {
                out.push((start, end));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The text of each line that starts with "> " (one range per line).
fn block_quotes(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            if chars.get(line_start) == Some(&'>') && chars.get(line_start + 1) == Some(&' ') {
                out.push((line_start + 2, i));
            }
            line_start = i + 1;
        }
    }
    out
}

fn trim_span(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && (chars[s].is_whitespace() || matches!(chars[s], ',' | '…' | '.')) {
        s += 1;
    }
    while e > s && (chars[e - 1].is_whitespace() || matches!(chars[e - 1], ',' | ';' | ':')) {
        e -= 1;
    }
    (s, e)
}

/// Sentences as character ranges: split after `.`, `!` or `?` followed by a space, and at
/// line breaks.
fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        // `.`, or `.` inside closing quotes (`hand.»`, `said.”`), then a space.
        let mut j = i + 1;
        while chars
            .get(j)
            .is_some_and(|c| matches!(c, '»' | '”' | '"' | '’' | '“' | ')'))
        {
            j += 1;
        }
        let end_mark =
            matches!(chars[i], '.' | '!' | '?') && chars.get(j).is_none_or(|n| n.is_whitespace());
        if chars[i] == '\n' || end_mark {
            let end = if chars[i] == '\n' { i } else { j };
            if end > start {
                out.push((start, end));
            }
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

/// Words of a range with their character offsets.
fn words_in(chars: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = s;
    while i < e {
        if chars[i].is_alphanumeric() {
            let w = i;
            while i < e && (chars[i].is_alphanumeric() || matches!(chars[i], '\'' | '’' | '-')) {
                i += 1;
            }
            out.push((w, i));
        } else {
            i += 1;
        }
    }
    out
}

fn word(chars: &[char], (s, e): (usize, usize)) -> String {
    chars[s..e].iter().collect()
}

fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(&w.to_lowercase().as_str())
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A speaker named next to a speech verb: capitalised words ("Anja Berg", "Antonov"), or
/// "the" with a role ("the ambassador", "the envoy"), or a pronoun.
fn speaker_after(chars: &[char], ws: &[(usize, usize)], from: usize) -> Option<String> {
    let first = word(chars, *ws.get(from)?);
    let lower = first.to_lowercase();
    if matches!(lower.as_str(), "he" | "she" | "they") {
        return Some(lower);
    }
    if lower == "the" {
        let role = word(chars, *ws.get(from + 1)?);
        return (!capitalised(&role) && role.chars().all(char::is_alphabetic))
            .then(|| format!("the {role}"));
    }
    let names: Vec<String> = ws[from..]
        .iter()
        .map(|w| word(chars, *w))
        .take_while(|w| capitalised(w) && !is_speech_verb(w))
        .take(4)
        .collect();
    (!names.is_empty()).then(|| names.join(" "))
}

/// The speaker named just before a speech verb, and the index of its first word: a pronoun,
/// capitalised words ("Anja Berg", "Antonov"), or "the" with up to three lower-case words
/// ("the ambassador", "the regional governor"), perhaps followed by a name.
fn speaker_phrase_before(
    chars: &[char],
    ws: &[(usize, usize)],
    verb: usize,
) -> Option<(usize, String)> {
    if verb == 0 {
        return None;
    }
    let at = |k: usize| word(chars, ws[k]);
    // "quoted Antonov as saying"
    if at(verb - 1).eq_ignore_ascii_case("as") && verb >= 2 {
        return speaker_phrase_before(chars, ws, verb - 1);
    }
    let prev = at(verb - 1);
    if matches!(prev.to_lowercase().as_str(), "he" | "she" | "they") {
        return Some((verb - 1, prev.to_lowercase()));
    }
    let mut start = verb;
    while start > 0 && verb - start < 4 && capitalised(&at(start - 1)) {
        start -= 1;
    }
    // A sentence's first word is capitalised whatever it is: "However Antonov said".
    while start < verb && OPENERS.contains(&at(start).to_lowercase().as_str()) {
        start += 1;
    }
    // "the ambassador", "the regional governor", "the ambassador Anatoly Antonov"
    let mut k = start;
    while k > 0
        && start - k < 3
        && !capitalised(&at(k - 1))
        && !at(k - 1).eq_ignore_ascii_case("the")
    {
        k -= 1;
    }
    if k > 0 && k < start + 1 && at(k - 1).eq_ignore_ascii_case("the") && k < verb {
        let phrase: Vec<String> = (k..verb).map(at).collect();
        return Some((k - 1, format!("the {}", phrase.join(" "))));
    }
    (start < verb).then(|| (start, (start..verb).map(at).collect::<Vec<_>>().join(" ")))
}

fn speaker_before(chars: &[char], ws: &[(usize, usize)], verb: usize) -> Option<String> {
    speaker_phrase_before(chars, ws, verb).map(|(_, s)| s)
}

/// The speaker of a quotation from the words of its sentence outside the quote.
fn speaker_near(chars: &[char], sentence: (usize, usize), quote: (usize, usize)) -> Option<String> {
    let before = words_in(chars, sentence.0, quote.0);
    let introduced = chars[sentence.0..quote.0.min(chars.len())]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '“' | '"' | '«' | '„' | '‘'))
        == Some(&':');
    if introduced {
        // `Antonov said: «…»`
        for k in (0..before.len()).rev() {
            if is_speech_verb(&word(chars, before[k])) {
                return speaker_before(chars, &before, k)
                    .or_else(|| speaker_after(chars, &before, k + 1));
            }
        }
    }
    // After the quote: `,” Antonov said`, `, said Anja Berg`, `” he noted`.
    let after = words_in(chars, quote.1, sentence.1);
    for (k, w) in after.iter().enumerate().take(6) {
        if is_speech_verb(&word(chars, *w)) {
            return speaker_before(chars, &after, k)
                .or_else(|| speaker_after(chars, &after, k + 1));
        }
    }
    // Before it: `Zelenskyy said in a statement that “…”`.
    for k in (0..before.len()).rev() {
        if is_speech_verb(&word(chars, before[k])) {
            return speaker_before(chars, &before, k)
                .or_else(|| speaker_after(chars, &before, k + 1));
        }
    }
    None
}

/// Gives each direct quote its speaker, and resolves pronouns to the last speaker named in
/// the paragraph.
fn assign_speakers(chars: &[char], quotes: &mut [Quote]) {
    let sents = sentences(chars);
    let mut last_named: Option<(usize, String)> = None;
    for q in quotes.iter_mut() {
        let paragraph = paragraph_start(chars, q.start);
        if last_named.as_ref().is_some_and(|(p, _)| *p != paragraph) {
            last_named = None;
        }
        if q.speaker.is_none() {
            // The sentence holding the quote's start, widened to its end.
            let s = sents
                .iter()
                .find(|(a, b)| *a <= q.start.saturating_sub(1) && q.start <= *b)
                .map_or(q.start, |(a, _)| *a);
            let e = sents
                .iter()
                .find(|(a, b)| *a <= q.end && q.end < *b)
                .map_or(chars.len(), |(_, b)| *b);
            q.speaker = speaker_near(chars, (s, e), (q.start.saturating_sub(1), q.end + 1));
        }
        match q.speaker.as_deref() {
            Some("he" | "she" | "they") => q.speaker = last_named.as_ref().map(|(_, n)| n.clone()),
            Some(name) => last_named = Some((paragraph, name.to_owned())),
            None => {}
        }
    }
}

fn paragraph_start(chars: &[char], at: usize) -> usize {
    (1..at.min(chars.len()))
        .rev()
        .find(|&i| chars[i] == '\n' && chars[i - 1] == '\n')
        .unwrap_or(0)
}

/// "X said that …" and "…, X said." in sentences that hold no quotation marks.
fn reported_speech(chars: &[char], taken: &[(usize, usize)]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (s, e) in sentences(chars) {
        if taken.iter().any(|&(a, b)| a < e && s < b) {
            continue;
        }
        let ws = words_in(chars, s, e);
        // "…, according to the coastguard."
        if let Some(k) = (1..ws.len()).find(|&k| {
            word(chars, ws[k - 1]).eq_ignore_ascii_case("according")
                && word(chars, ws[k]).eq_ignore_ascii_case("to")
        }) && k > MIN_WORDS
            && chars[..ws[k - 1].0]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                == Some(&',')
            && let Some(who) = speaker_after(chars, &ws, k + 1)
                .filter(|w| !matches!(w.as_str(), "he" | "she" | "they"))
        {
            let comma = (s..ws[k - 1].0)
                .rev()
                .find(|&i| chars[i] == ',')
                .unwrap_or(s);
            let (qs, qe) = trim_span(chars, s, comma);
            out.push((qs, qe, who));
            continue;
        }
        for (k, w) in ws.iter().enumerate() {
            let v = word(chars, *w);
            if !is_speech_verb(&v) {
                continue;
            }
            // "Antonov said that the cooperation had ended."
            if let Some(next) = ws.get(k + 1)
                && word(chars, *next).eq_ignore_ascii_case("that")
                && let Some(who) = speaker_before(chars, &ws, k)
                && ws.len() - (k + 2) >= MIN_WORDS
            {
                let (qs, qe) = trim_span(chars, ws[k + 2].0, e);
                let qe = if chars.get(qe.wrapping_sub(1)) == Some(&'.') {
                    qe - 1
                } else {
                    qe
                };
                out.push((qs, qe, who));
                break;
            }
            // "The cooperation had ended, Antonov said." / "…, the regional governor said."
            if let Some((first, who)) = speaker_phrase_before(chars, &ws, k)
                && first >= MIN_WORDS
                && !matches!(who.as_str(), "he" | "she" | "they")
                && chars[..ws[first].0]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    == Some(&',')
            {
                let comma = (s..ws[first].0)
                    .rev()
                    .find(|&i| chars[i] == ',')
                    .unwrap_or(s);
                let (qs, qe) = trim_span(chars, s, comma);
                if words_in(chars, qs, qe).len() >= MIN_WORDS {
                    out.push((qs, qe, who));
                }
                break;
            }
        }
    }
    out
}

/// Words that carry no content for matching renderings.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being",
    "it", "its", "as", "we", "i", "you", "he", "she", "they", "our", "my", "your", "their", "his",
    "her", "us", "them", "me", "have", "has", "had", "do", "does", "did", "will", "would", "can",
    "could", "who", "which", "what", "there", "here", "so", "if", "then", "than", "all", "ve", "s",
    "ll", "re", "d", "m",
];

/// Content words of a text, lower-cased and lightly stemmed ("extended" → "extend").
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

fn stem(w: &str) -> String {
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
    /// The speaker most variants name, if any.
    pub speaker: Option<String>,
    /// How many different articles hold a variant.
    pub articles: usize,
    /// 0 when every variant reads the same, towards 1 as they differ (1 − the least word
    /// overlap of a variant with the first).
    pub difference: f32,
}

/// How much of the shorter quote's content words the longer one holds for them to be one
/// quote; and the fewest shared content words.
const MIN_SHARE: f32 = 0.6;
const MIN_SHARED_WORDS: usize = 4;

/// Groups the quotations of several articles into renderings of the same quote. Only groups
/// with variants in at least two articles are returned, the largest first.
pub fn group_quotes(quotes: &[Quote]) -> Vec<QuoteGroup> {
    let words: Vec<Vec<String>> = quotes.iter().map(|q| content_words(&q.text)).collect();
    let sets: Vec<BTreeSet<&str>> = words
        .iter()
        .map(|w| w.iter().map(String::as_str).collect())
        .collect();
    // Candidates: quotes sharing a pair of consecutive content words.
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for pair in w.windows(2) {
            let key = (pair[0].as_str(), pair[1].as_str());
            if seen.insert(key) {
                index.entry(key).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    // The first quote of each group (by index), which every member must resemble.
    let mut rep: Vec<usize> = (0..quotes.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut checked: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut matches: Vec<(u32, u32, usize, usize)> = Vec::new();
    for ids in index.values() {
        // A pair of words in hundreds of quotes says nothing about any two of them.
        if ids.len() > 200 {
            continue;
        }
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                let (a, b) = (a.min(b), a.max(b));
                if quotes[a].article_id == quotes[b].article_id || !checked.insert((a, b)) {
                    continue;
                }
                if same_quote(&sets[a], &sets[b]) {
                    let common = sets[a].intersection(&sets[b]).count() as f32;
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
        if ra != rb && same_quote(&sets[rep[ra]], &sets[b]) && same_quote(&sets[rep[rb]], &sets[a])
        {
            parent[ra] = rb;
            rep[rb] = rep[rb].min(rep[ra]);
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
            let first = content_words(&variants[0].text);
            let first: BTreeSet<&str> = first.iter().map(String::as_str).collect();
            let difference = variants[1..]
                .iter()
                .map(|v| {
                    let w = content_words(&v.text);
                    let set: BTreeSet<&str> = w.iter().map(String::as_str).collect();
                    1.0 - share(&first, &set)
                })
                .fold(0.0_f32, f32::max);
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for v in &variants {
                if let Some(s) = &v.speaker {
                    *votes.entry(s.as_str()).or_default() += 1;
                }
            }
            let speaker = votes
                .into_iter()
                .max_by_key(|(name, n)| (*n, name.len()))
                .map(|(s, _)| s.to_owned());
            Some(QuoteGroup {
                articles: articles.len(),
                variants,
                speaker,
                difference,
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

/// The share of the smaller word set found in the larger (both ways for similar sizes).
fn share(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f32 {
    let common = a.intersection(b).count();
    common as f32 / a.len().min(b.len()).max(1) as f32
}

fn same_quote(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> bool {
    let common = a.intersection(b).count();
    // A short quote inside a long statement is a trimmed rendering; a long one sharing a
    // phrase with another long one is not the same statement: ask both to share most.
    let small = a.len().min(b.len()).max(1) as f32;
    let large = a.len().max(b.len()).max(1) as f32;
    // A trimmed rendering of three content words ("We have found 14 bodies") belongs only
    // when all of them are in the longer one.
    let enough = common >= MIN_SHARED_WORDS || (common >= 3 && common as f32 == small);
    enough && common as f32 / small >= MIN_SHARE && common as f32 / large >= MIN_SHARE / 2.0
}

/// Finds and groups the quotations of `articles`.
pub fn quote_groups(articles: &[Article]) -> Vec<QuoteGroup> {
    let quotes: Vec<Quote> = articles.iter().flat_map(find_quotes).collect();
    group_quotes(&quotes)
}

/// One piece of a word-level comparison of two renderings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub change: Change,
    pub text: String,
    /// A number or a negation that differs: the differences that change what was said.
    pub strong: bool,
}

/// What happened to a piece of text from the first rendering to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    Deleted,
    Inserted,
}

/// The word differences from `a` to `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => Change::Same,
            similar::ChangeTag::Delete => Change::Deleted,
            similar::ChangeTag::Insert => Change::Inserted,
        };
        let text = change.value().to_owned();
        match out.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(&text),
            _ => out.push(DiffPart {
                change: kind,
                text,
                strong: false,
            }),
        }
    }
    // A number that moved is the same number; one the other rendering lacks is not.
    let (na, nb) = (numbers(a), numbers(b));
    let negations_differ = negations(a) != negations(b);
    for part in &mut out {
        let other = match part.change {
            Change::Same => continue,
            Change::Deleted => &nb,
            Change::Inserted => &na,
        };
        part.strong = numbers(&part.text).iter().any(|n| !other.contains(n))
            || (negations_differ && negations(&part.text) > 0);
    }
    out
}

fn tokens(words: &str) -> impl Iterator<Item = &str> {
    words
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’' | '.' | ','))
        .map(|w| w.trim_matches(|c| matches!(c, '.' | ',')))
        .filter(|w| !w.is_empty())
}

/// The numbers written in digits.
fn numbers(words: &str) -> Vec<String> {
    let mut n: Vec<String> = tokens(words)
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_owned)
        .collect();
    n.sort();
    n
}

/// How many negations the words hold.
fn negations(words: &str) -> usize {
    tokens(words)
        .filter(|w| {
            let l = w.to_lowercase();
            matches!(
                l.as_str(),
                "not"
                    | "no"
                    | "never"
                    | "nothing"
                    | "none"
                    | "nobody"
                    | "neither"
                    | "nor"
                    | "without"
            ) || l.ends_with("n't")
                || l.ends_with("n’t")
        })
        .count()
}

/// Whether two renderings differ in a number or a negation (then they contradict).
pub fn differ_in_meaning(a: &str, b: &str) -> bool {
    numbers(a) != numbers(b) || negations(a) != negations(b)
}

/// The link a group of renderings becomes: `contradicts` when a number or a negation differs
/// from the first rendering, else `same_claim`.
pub fn group_link_kind(g: &QuoteGroup) -> LinkKind {
    let first = &g.variants[0].text;
    if g.variants[1..]
        .iter()
        .any(|v| differ_in_meaning(first, &v.text))
    {
        LinkKind::Contradicts
    } else {
        LinkKind::SameClaim
    }
}

/// The one edit that tags every rendering of `g` as a claim of category Quote (the speaker as
/// attribution), reusing a claim that already covers exactly those words, and links them; or
/// `None` when a link already joins claims over all of them.
pub fn tag_group_edit(project: &Project, g: &QuoteGroup) -> Option<Edit> {
    let existing: Option<BTreeSet<ClaimId>> = g
        .variants
        .iter()
        .map(|v| covering_claim(project, v.article_id, v.start, v.end))
        .collect();
    if let Some(ids) = existing
        && project
            .links()
            .any(|l| ids.iter().all(|id| l.members.contains(id)))
    {
        return None;
    }
    let spans: Vec<Span> = g
        .variants
        .iter()
        .map(|v| Span {
            article_id: v.article_id,
            start: v.start,
            end: v.end,
            attribution: v.speaker.clone().or(g.speaker.clone()),
        })
        .collect();
    let kind = group_link_kind(g);
    let note = match kind {
        LinkKind::Contradicts => "The renderings differ in a number or a negation.",
        _ => "The same quote, rendered differently.",
    };
    tag_and_link(
        project,
        &spans,
        category_named(project, "quote"),
        kind,
        note.to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: i64, text: &str) -> Article {
        Article::in_memory(id, format!("{id}.txt"), format!("Article {id}"), text)
    }

    #[test]
    fn quotation_marks_of_several_languages_with_their_speakers() {
        let a = article(
            1,
            "“We will keep going until every family has an answer,” said Anja Berg.\n\n\
             Antonov said: «Our president was the first to extend a hand.» He added that \
             \"the cooperation has been destroyed through no fault of ours\", he stressed.\n\n\
             The ‘fair’ rating was given in March. The mayor called it „a careful but not timid plan“ yesterday.",
        );
        let q = find_quotes(&a);
        let got: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref()))
            .collect();
        assert!(got.contains(&(
            "We will keep going until every family has an answer",
            Some("Anja Berg")
        )));
        assert!(
            got.contains(&(
                "Our president was the first to extend a hand.",
                Some("Antonov")
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "the cooperation has been destroyed through no fault of ours",
                Some("Antonov")
            )),
            "a pronoun is the last speaker named in the paragraph: {got:?}"
        );
        assert!(
            got.iter().all(|(t, _)| *t != "fair"),
            "one word is a scare quote"
        );
        assert!(
            got.iter()
                .any(|(t, _)| t.starts_with("a careful but not timid"))
        );
    }

    #[test]
    fn reported_speech_after_said_that_or_before_a_closing_said() {
        let a = article(
            1,
            "The ambassador said that the cooperation had been broken off by Washington. \
             Rescue teams will keep searching through the night, the regional governor said.",
        );
        let q = find_quotes(&a);
        let got: Vec<(&str, Option<&str>, QuoteKind)> = q
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.kind))
            .collect();
        assert!(
            got.contains(&(
                "the cooperation had been broken off by Washington",
                Some("the ambassador"),
                QuoteKind::Reported
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "Rescue teams will keep searching through the night",
                Some("the regional governor"),
                QuoteKind::Reported
            )) || got
                .iter()
                .any(|(t, _, k)| t.starts_with("Rescue teams") && *k == QuoteKind::Reported),
            "{got:?}"
        );
    }

    #[test]
    fn a_group_becomes_quote_claims_and_one_link_and_only_once() {
        let arts = vec![
            article(
                1,
                "“We have found 14 bodies so far today,” said Marta Lindqvist.",
            ),
            article(
                2,
                "“We have found 16 bodies so far today,” Lindqvist told reporters.",
            ),
        ];
        let g = quote_groups(&arts).remove(0);
        let mut p = Project::new(arts);
        let edit = tag_group_edit(&p, &g).expect("an edit");
        p.apply(edit).expect("applies");
        let claims: Vec<_> = p.claims().cloned().collect();
        assert_eq!(claims.len(), 2);
        assert!(claims.iter().all(|c| c.quote.starts_with("We have found")));
        let quote_cat = p
            .categories()
            .iter()
            .find(|c| c.name == "Quote")
            .map(|c| c.id);
        assert!(claims.iter().all(|c| c.category_id == quote_cat));
        assert_eq!(claims[0].attribution.as_deref(), Some("Marta Lindqvist"));
        let link = p.links().next().expect("a link");
        assert_eq!(link.kind, LinkKind::Contradicts, "14 against 16");
        assert_eq!(
            tag_group_edit(&p, &g),
            None,
            "tagging again changes nothing"
        );
    }

    #[test]
    fn a_markdown_block_quote_is_a_quote() {
        let a = article(
            1,
            "The minister said in a statement:\n\n> The bridge will be rebuilt within two years.\n\nShe gave no cost.",
        );
        let q = find_quotes(&a);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "The bridge will be rebuilt within two years.");
        assert_eq!(q[0].kind, QuoteKind::Direct);
    }

    #[test]
    fn diff_marks_numbers_and_negations_strongly() {
        let d = word_diff("we counted 139 dead", "we counted 133 dead");
        assert!(
            d.iter()
                .any(|p| p.change == Change::Deleted && p.text.contains("139") && p.strong)
        );
        assert!(
            d.iter()
                .any(|p| p.change == Change::Inserted && p.text.contains("133") && p.strong)
        );
        assert!(differ_in_meaning("it was a plan", "it was not a plan"));
        assert!(!differ_in_meaning(
            "I always reminded them",
            "I've always reminded them"
        ));
    }
}
