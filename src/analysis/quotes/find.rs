//! Finding quotations in one article: quoted spans, block quotes, reported speech, and the
//! speaker named beside each.

use super::assign::{ANSWERER, QUESTIONER, assign_speakers};
pub use super::quote::{Quote, QuoteKind};
use super::sentence::capitalised;
use super::speaker::{
    is_speech_verb, sentences, speaker_after, speaker_of_reported, speaker_phrase_before, word,
    words_in,
};
use crate::analysis::text::pos::{Pos, lexical};
use crate::analysis::text::single_quotes;
use crate::model::Article;

/// Quotes with fewer words than this are scare quotes or titles, not statements.
pub(super) const MIN_WORDS: usize = 4;
/// The longest quotation taken, in characters.
pub(super) const MAX_CHARS: usize = 1_500;

/// Finds the quotations of an article.
pub fn find_quotes(article: &Article) -> Vec<Quote> {
    let text = &article.text;
    let chars: Vec<char> = text.chars().collect();
    let mut quotes = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let make = |s: usize, e: usize, speaker: Option<String>, kind: QuoteKind| Quote {
        article_id: article.id,
        start: s,
        end: e,
        text: chars[s..e].iter().collect(),
        speaker,
        kind,
    };
    for (start, end) in quoted_spans(&chars) {
        let inner: String = chars[start..end].iter().collect();
        if inner.split_whitespace().count() < MIN_WORDS || end - start > MAX_CHARS {
            continue;
        }
        // The quoted words without edge punctuation (",” he said" leaves a comma inside).
        let (s, e) = trim_span(&chars, start, end);
        taken.push((start, end));
        quotes.push(make(s, e, None, QuoteKind::Direct));
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
        quotes.push(make(s, e, None, QuoteKind::Direct));
    }
    // Transcripts: "WARREN: We will not …", "Q: Will you run?".
    for (s, e, speaker) in transcript_lines(&chars) {
        if taken.iter().any(|&(a, b)| a < e && s < b) {
            continue;
        }
        taken.push((s, e));
        quotes.push(make(s, e, speaker, QuoteKind::Direct));
    }
    for (s, e, speaker) in reported_speech(&chars, &taken) {
        quotes.push(make(s, e, Some(speaker), QuoteKind::Reported));
    }
    quotes.sort_by_key(|q| q.start);
    assign_speakers(&chars, &mut quotes);
    quotes
}

/// The marks that may close a quotation opened by `c`, or `None` when `c` opens none. Outlets
/// and their copy desks mix straight and curly marks, so a curly opening mark also takes a
/// straight closing one and the other way round.
fn closers(chars: &[char], i: usize) -> Option<&'static [char]> {
    Some(match chars[i] {
        '“' => &['”', '“', '"'],
        '„' => &['“', '”', '"'],
        '«' => &['»'],
        '"' => &['"', '”'],
        // A single mark opens only where an apostrophe cannot be (British house style quotes
        // in single marks; `O'Grady`, `'90s` are not quotations).
        '‘' if i == 0 || !chars[i - 1].is_alphanumeric() => &['’', '\''],
        '\'' if single_quotes::opens(chars, i) => &['\'', '’'],
        _ => return None,
    })
}

/// Where the paragraph after a blank line at `j` starts (after any further blank lines), when
/// it opens with a quotation mark of the same family as `open`: the newspaper way to carry a
/// quotation on, with no closing mark at the end of the paragraph before.
fn continued_at(chars: &[char], j: usize, open: char) -> Option<usize> {
    let mut k = j;
    while chars.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    let next = *chars.get(k)?;
    let same_family = match open {
        '“' | '"' | '„' => matches!(next, '“' | '"' | '„'),
        '«' => next == '«',
        '‘' | '\'' => matches!(next, '‘' | '\''),
        _ => false,
    };
    same_family.then_some(k + 1)
}

/// Character ranges between matching quotation marks. A quotation ends at a paragraph break
/// unless the next paragraph opens with a quotation mark and this one was never closed (then
/// the range runs on across the break, marks included).
pub(super) fn quoted_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(closers) = closers(chars, i) else {
            i += 1;
            continue;
        };
        let open = chars[i];
        let start = i + 1;
        let mut j = start;
        let mut found = None;
        while j < chars.len() && j - start <= MAX_CHARS {
            if chars[j] == '\n' && chars.get(j + 1) == Some(&'\n') {
                match continued_at(chars, j, open) {
                    Some(k) => {
                        j = k;
                        continue;
                    }
                    None => break,
                }
            }
            // A single mark not shaped as a closing one is an apostrophe ("don’t",
            // `workers' union`), not the end of a ‘quote’.
            let apostrophe = matches!(chars[j], '’' | '\'') && !single_quotes::closes(chars, j);
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

/// The turns of a transcript: lines opening with a speaker's label in capitals and a colon
/// ("SEN. WARREN: …", "Mr. HOLT: …", "Q: …"), as news prints interviews and hearings. A
/// label is a transcript's only when the article has two such lines or more (one "UPDATE:" is
/// a note). The questioner ("Q", "QUESTION") is no one named; the answerer ("A") is whom the
/// interview is with ([`ANSWERER`], settled with the article's people); a label's name is
/// shown in ordinary case ("Warren").
pub(super) fn transcript_lines(chars: &[char]) -> Vec<(usize, usize, Option<String>)> {
    let mut turns = Vec::new();
    let mut line_start = 0;
    for i in 0..=chars.len() {
        if i < chars.len() && chars[i] != '\n' {
            continue;
        }
        let line = &chars[line_start..i];
        if let Some(colon) = line.iter().take(40).position(|c| *c == ':') {
            let label: String = line[..colon].iter().collect();
            let label = label.trim();
            // Capitals only, past a courtesy title written the ordinary way ("Mr. HOLT").
            let bare = label
                .split_whitespace()
                .skip_while(|w| matches!(*w, "Mr." | "Mrs." | "Ms." | "Dr." | "Sen." | "Rep."))
                .collect::<Vec<_>>()
                .join(" ");
            let capitals = !bare.is_empty()
                && bare.chars().any(char::is_alphabetic)
                && bare
                    .chars()
                    .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
            let (s, e) = trim_span(chars, line_start + colon + 1, i);
            if capitals
                && !NOT_SPEAKERS.contains(&bare.as_str())
                && words_in(chars, s, e).len() >= MIN_WORDS
            {
                let speaker = match bare.as_str() {
                    "Q" | "QUESTION" => Some(QUESTIONER.to_owned()),
                    "A" | "ANSWER" => Some(ANSWERER.to_owned()),
                    _ => Some(ordinary_case(&bare)),
                };
                turns.push((s, e, speaker));
            }
        }
        line_start = i + 1;
    }
    if turns.len() < 2 {
        turns.clear();
    }
    turns
}

/// Labels in capitals that are notes, not speakers.
const NOT_SPEAKERS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "CORRECTION",
    "NOTE",
    "EDITOR'S NOTE",
    "WATCH",
    "READ MORE",
    "RELATED",
    "PHOTOS",
    "VIDEO",
    "BREAKING",
    "SOURCE",
    "SOURCES",
    "CLARIFICATION",
    "ADVERTISEMENT",
];

/// "SEN. ELIZABETH WARREN" → "Sen. Elizabeth Warren".
fn ordinary_case(label: &str) -> String {
    label
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
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
                && let Some(who) = speaker_of_reported(chars, &ws, k)
                    .filter(|w| !matches!(w.as_str(), "he" | "she" | "they"))
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
                // What is reported is a clause, with a verb: "At a news conference in
                // Phoenix, Lindqvist said …" reports nothing before the comma.
                let clause = words_in(chars, qs, qe).iter().any(|w| {
                    let w = word(chars, *w);
                    !capitalised(&w) && matches!(lexical(&w), Pos::Verb | Pos::Aux)
                });
                if words_in(chars, qs, qe).len() >= MIN_WORDS && clause {
                    out.push((qs, qe, who));
                }
                break;
            }
        }
    }
    out
}
