//! Sentences and words as attribution reads them: sentence ranges that a title's full stop
//! does not end, words with their offsets, whether two words stand in one name, and the
//! surname that identifies a speaker.

use super::lexicon::ABBREVIATIONS;
use super::verbs::{Form, speech_verb};

/// Whether the words `a` and `b` (in this order) stand in one name: only spaces between
/// them, or the full stop of a title or an initial ("Mr. Stone", "John G. Roberts"). A comma,
/// a sentence's end or a line break ends a name.
pub(super) fn joined(chars: &[char], a: (usize, usize), b: (usize, usize)) -> bool {
    let gap = &chars[a.1..b.0];
    gap.iter().all(|c| *c == ' ')
        || (gap.first() == Some(&'.')
            && gap[1..].iter().all(|c| *c == ' ')
            && abbreviation_at(chars, a.1))
}

/// True when the `.` at `i` closes an abbreviation or an initial ("Mr.", "John F. Kennedy",
/// "U.S."), not a sentence.
pub(super) fn abbreviation_at(chars: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && (chars[k - 1].is_alphabetic() || chars[k - 1] == '.') {
        k -= 1;
    }
    let w: String = chars[k..i].iter().collect::<String>().to_lowercase();
    let initial = w.chars().count() == 1 && chars[k].is_uppercase();
    initial || ABBREVIATIONS.contains(&w.as_str())
}

/// Sentences as character ranges: split after `.`, `!` or `?` followed by a space (not after
/// a title or an initial), and at line breaks.
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
        let end_mark = matches!(chars[i], '.' | '!' | '?')
            && chars.get(j).is_none_or(|n| n.is_whitespace())
            && !(chars[i] == '.' && j == i + 1 && abbreviation_at(chars, i));
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

/// Which characters of an article lie inside one of its quotations, looked up once a
/// character instead of asking every quotation for every word.
pub(super) fn quoted_mask(len: usize, quotes: &[super::quote::Quote]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for q in quotes {
        let (a, b) = (q.start.min(len), q.end.min(len));
        mask[a..b].fill(true);
    }
    mask
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

/// A speech verb that can have its speaker beside it (`said`, `says`, `is expected to say`);
/// of the participles only `saying`, which other verbs' forms have always included.
pub(super) fn is_speech_verb(w: &str) -> bool {
    speech_verb(w) == Some(Form::Finite) || w.eq_ignore_ascii_case("saying")
}

pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// What identifies a speaker across outlets: the surname of a name ("Michael Steele", "Mr.
/// Steele" and "Steele" give `steele`); `None` for a role ("the senator") or a pronoun, which
/// identify no one.
pub fn speaker_key(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let role = ["the ", "a ", "an ", "one ", "another "]
        .iter()
        .any(|d| lower.starts_with(d));
    if role || matches!(lower.as_str(), "he" | "she" | "they") {
        return None;
    }
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .rfind(|w| w.chars().count() > 1 && !matches!(*w, "mr" | "mrs" | "ms" | "dr" | "jr" | "sr"))
        .map(str::to_owned)
}
