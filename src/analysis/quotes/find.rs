//! Finding quotations in one article: quoted spans, block quotes, reported speech, and the
//! speaker named beside each.

use crate::model::{Article, ArticleId};
use serde::Serialize;

/// Quotes with fewer words than this are scare quotes or titles, not statements.
pub(super) const MIN_WORDS: usize = 4;
/// The longest quotation taken, in characters.
pub(super) const MAX_CHARS: usize = 1_500;

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
pub(super) const OPENERS: &[&str] = &[
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
pub(super) const SPEECH_VERBS: &[&str] = &[
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
pub(super) fn quoted_spans(chars: &[char]) -> Vec<(usize, usize)> {
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
pub(super) fn block_quotes(chars: &[char]) -> Vec<(usize, usize)> {
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

pub(super) fn trim_span(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
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
pub(super) fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
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
pub(super) fn words_in(chars: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
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

pub(super) fn word(chars: &[char], (s, e): (usize, usize)) -> String {
    chars[s..e].iter().collect()
}

pub(super) fn is_speech_verb(w: &str) -> bool {
    SPEECH_VERBS.contains(&w.to_lowercase().as_str())
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A speaker named next to a speech verb: capitalised words ("Anja Berg", "Antonov"), or
/// "the" with a role ("the ambassador", "the envoy"), or a pronoun.
pub(super) fn speaker_after(chars: &[char], ws: &[(usize, usize)], from: usize) -> Option<String> {
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
pub(super) fn speaker_phrase_before(
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

pub(super) fn speaker_before(chars: &[char], ws: &[(usize, usize)], verb: usize) -> Option<String> {
    speaker_phrase_before(chars, ws, verb).map(|(_, s)| s)
}

/// The speaker of a quotation from the words of its sentence outside the quote.
pub(super) fn speaker_near(
    chars: &[char],
    sentence: (usize, usize),
    quote: (usize, usize),
) -> Option<String> {
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
pub(super) fn assign_speakers(chars: &[char], quotes: &mut [Quote]) {
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

pub(super) fn paragraph_start(chars: &[char], at: usize) -> usize {
    (1..at.min(chars.len()))
        .rev()
        .find(|&i| chars[i] == '\n' && chars[i - 1] == '\n')
        .unwrap_or(0)
}

/// "X said that …" and "…, X said." in sentences that hold no quotation marks.
pub(super) fn reported_speech(
    chars: &[char],
    taken: &[(usize, usize)],
) -> Vec<(usize, usize, String)> {
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
