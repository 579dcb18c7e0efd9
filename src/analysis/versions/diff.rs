//! What changed between two versions of an article's text, at word level.
//!
//! [`VersionDiff`] splits both texts into tokens (runs of letters and digits, runs of
//! whitespace, single other characters), diffs the token sequences with `similar`, and keeps
//! the result in two forms: [`VersionDiff::hunks`], the changed passages with the numbers,
//! names and negations they touch called out ("killed: 139 → 143"), and
//! [`VersionDiff::map_span`], which carries a character span of the old text over to the new
//! one when, and only when, every token of it is unchanged. Offsets are character offsets.

use crate::analysis::figures::{is_function_word, measure_keyword};
use serde::Serialize;
use similar::{Algorithm, DiffTag};

/// One token: its text and its character range in the text it came from.
#[derive(Clone, Debug)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Splits `text` into tokens whose concatenation is `text`.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let mut tokens = Vec::new();
    let mut begin_byte = 0;
    let mut begin_char = 0;
    let mut current: Option<Class> = None;
    for (chars, (byte, c)) in text.char_indices().enumerate() {
        let k = class(c);
        // Punctuation is a token of its own so "139," and "139." align on "139".
        let joins = current == Some(k) && k != Class::Other;
        if !joins && current.is_some() {
            tokens.push(Token {
                text: &text[begin_byte..byte],
                start: begin_char,
                end: chars,
            });
            begin_byte = byte;
            begin_char = chars;
        }
        current = Some(k);
    }
    if current.is_some() {
        tokens.push(Token {
            text: &text[begin_byte..],
            start: begin_char,
            end: text.chars().count(),
        });
    }
    tokens
}

/// What a changed passage touches, most telling first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A figure changed: a digit or a number word.
    Number,
    /// A negation appeared or went away ("not", "never", "no", …).
    Negation,
    /// A name changed (a capitalised word inside a sentence).
    Name,
    /// Other wording.
    Words,
}

/// One changed passage between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hunk {
    pub kind: ChangeKind,
    /// Character range in the old text (empty for an insertion).
    pub old_start: usize,
    pub old_end: usize,
    /// Character range in the new text (empty for a deletion).
    pub new_start: usize,
    pub new_end: usize,
    pub old_text: String,
    pub new_text: String,
    /// The word the change is about, for numbers: the next word after it ("killed"), or the
    /// word before when nothing follows.
    pub about: Option<String>,
}

impl Hunk {
    /// One line for people: `killed: 139 → 143`, `- "old words"`, `+ "new words"`.
    pub fn describe(&self) -> String {
        let old = self.old_text.trim();
        let new = self.new_text.trim();
        let body = match (old.is_empty(), new.is_empty()) {
            (true, _) => format!("+ \"{}\"", shorten(new)),
            (_, true) => format!("- \"{}\"", shorten(old)),
            _ => format!("{} → {}", shorten(old), shorten(new)),
        };
        match (&self.about, self.kind) {
            (Some(word), ChangeKind::Number) => format!("{word}: {body}"),
            (_, ChangeKind::Negation) => format!("negation: {body}"),
            (_, ChangeKind::Name) => format!("name: {body}"),
            _ => body,
        }
    }
}

/// At most 80 characters of a passage, with an ellipsis when cut.
fn shorten(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 80 {
        one_line
    } else {
        let cut: String = one_line.chars().take(79).collect();
        format!("{cut}…")
    }
}

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "third",
    "quarter",
    "percent",
    "none",
    "both",
    "single",
    "double",
    "twice",
    "triple",
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "denied", "denies", "deny", "t", "nowhere", "false", "untrue",
];

/// True when `word` is or holds a figure: a digit anywhere, or a number word.
pub fn is_number_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&word.to_lowercase().as_str())
}

/// True when `word` negates ("n't" is split as "n", "'", "t" by the tokenizer, so "t" counts).
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word.to_lowercase().as_str())
}

/// The diff between two versions of a text.
pub struct VersionDiff {
    /// Per old token: the new token it is equal to, if any.
    old_to_new: Vec<Option<usize>>,
    old_tokens: Vec<(usize, usize)>,
    new_tokens: Vec<(usize, usize)>,
    /// Old token index containing each old character.
    old_char_token: Vec<usize>,
    hunks: Vec<Hunk>,
}

impl VersionDiff {
    /// Diffs `old` against `new` word by word.
    pub fn new(old: &str, new: &str) -> VersionDiff {
        let old_t = tokenize(old);
        let new_t = tokenize(new);
        let old_words: Vec<&str> = old_t.iter().map(|t| t.text).collect();
        let new_words: Vec<&str> = new_t.iter().map(|t| t.text).collect();
        let ops = similar::capture_diff_slices(Algorithm::Myers, &old_words, &new_words);
        let mut old_to_new = vec![None; old_t.len()];
        let mut hunks = Vec::new();
        for op in &ops {
            let (tag, o, n) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                for (i, j) in o.zip(n) {
                    old_to_new[i] = Some(j);
                }
                continue;
            }
            let span = |t: &[Token<'_>], r: &std::ops::Range<usize>, at_end: usize| {
                if r.is_empty() {
                    // An empty range sits where the next token starts.
                    let at = t.get(r.start).map_or(at_end, |x| x.start);
                    (at, at)
                } else {
                    (t[r.start].start, t[r.end - 1].end)
                }
            };
            let (old_start, old_end) = span(&old_t, &o, old_t.last().map_or(0, |t| t.end));
            let (new_start, new_end) = span(&new_t, &n, new_t.last().map_or(0, |t| t.end));
            let old_text: String = old_t[o.clone()].iter().map(|t| t.text).collect();
            let new_text: String = new_t[n.clone()].iter().map(|t| t.text).collect();
            if old_text.trim().is_empty() && new_text.trim().is_empty() {
                continue; // whitespace only
            }
            let words = old_t[o.clone()].iter().chain(&new_t[n.clone()]);
            let word_count = words
                .clone()
                .filter(|t| t.text.chars().any(char::is_alphanumeric))
                .count();
            // A passage added or removed whole (a paragraph) is wording, whatever it holds;
            // figures, names and negations are called out where words were replaced or a
            // few were added or dropped.
            let whole_passage = (o.is_empty() || n.is_empty()) && word_count > 3;
            let kind = if whole_passage {
                ChangeKind::Words
            } else {
                classify(words, &old_t, o.start)
            };
            let about = (kind == ChangeKind::Number)
                .then(|| about_word(&new_t, n.end, n.start))
                .flatten();
            hunks.push(Hunk {
                kind,
                old_start,
                old_end,
                new_start,
                new_end,
                old_text,
                new_text,
                about,
            });
        }
        let mut old_char_token = Vec::with_capacity(old_t.last().map_or(0, |t| t.end));
        for (i, t) in old_t.iter().enumerate() {
            old_char_token.extend(std::iter::repeat_n(i, t.end - t.start));
        }
        VersionDiff {
            old_to_new,
            old_tokens: old_t.iter().map(|t| (t.start, t.end)).collect(),
            new_tokens: new_t.iter().map(|t| (t.start, t.end)).collect(),
            old_char_token,
            hunks,
        }
    }

    /// The changed passages, in text order.
    pub fn hunks(&self) -> &[Hunk] {
        &self.hunks
    }

    /// True when the texts differ in more than whitespace.
    pub fn has_changes(&self) -> bool {
        !self.hunks.is_empty()
    }

    /// Where `start..end` of the old text sits in the new text, if every token it touches is
    /// unchanged and they are still consecutive. The caller must still compare the texts:
    /// a span that starts or ends inside a token is carried by its offset in that token.
    pub fn map_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end || end > self.old_char_token.len() {
            return None;
        }
        let first = self.old_char_token[start];
        let last = self.old_char_token[end - 1];
        let mut expected = None;
        for i in first..=last {
            let j = self.old_to_new[i]?;
            if expected.is_some_and(|e| e != j) {
                return None; // something was inserted between two tokens of the span
            }
            expected = Some(j + 1);
        }
        let nf = self.old_to_new[first]?;
        let nl = self.old_to_new[last]?;
        let new_start = self.new_tokens[nf].0 + (start - self.old_tokens[first].0);
        let new_end = self.new_tokens[nl].0 + (end - self.old_tokens[last].0);
        Some((new_start, new_end))
    }

    /// Where the old span `start..end` lands in the new text: exact through unchanged tokens;
    /// a changed start goes back to the end of the unchanged text before it, a changed end
    /// forward to the start of the unchanged text after it. So the result covers whatever
    /// replaced the span (used to show an orphaned claim's new words).
    pub fn map_around(&self, start: usize, end: usize) -> (usize, usize) {
        let new_len = self.new_tokens.last().map_or(0, |t| t.1);
        let exact = |pos: usize, i: usize| {
            self.old_to_new[i].map(|j| self.new_tokens[j].0 + (pos - self.old_tokens[i].0))
        };
        let s = match self.old_char_token.get(start) {
            Some(&i) => exact(start, i).unwrap_or_else(|| {
                (0..i)
                    .rev()
                    .find_map(|k| self.old_to_new[k])
                    .map_or(0, |j| self.new_tokens[j].1)
            }),
            None => new_len,
        };
        let e = match end.checked_sub(1).and_then(|p| self.old_char_token.get(p)) {
            Some(&i) => exact(end - 1, i).map(|x| x + 1).unwrap_or_else(|| {
                (i + 1..self.old_to_new.len())
                    .find_map(|k| self.old_to_new[k])
                    .map_or(new_len, |j| self.new_tokens[j].0)
            }),
            None => s,
        };
        (s, e.max(s))
    }
}

/// The most telling kind among the changed tokens.
fn classify<'a>(
    words: impl Iterator<Item = &'a Token<'a>>,
    old: &[Token<'_>],
    old_at: usize,
) -> ChangeKind {
    // A capital letter after a sentence end or a line break starts a sentence, not a name.
    let ends = |t: &Token<'_>| t.text.contains('\n') || matches!(t.text, "." | "!" | "?" | ":");
    let mut kind = ChangeKind::Words;
    let mut prev_ends_sentence = old[..old_at]
        .iter()
        .rev()
        .find(|t| !t.text.trim().is_empty() || t.text.contains('\n'))
        .is_none_or(ends);
    for t in words {
        let w = t.text;
        if is_number_word(w) {
            return ChangeKind::Number;
        }
        if is_negation(w) {
            kind = ChangeKind::Negation;
        } else if kind == ChangeKind::Words
            && !prev_ends_sentence
            && w.chars().next().is_some_and(char::is_uppercase)
        {
            kind = ChangeKind::Name;
        }
        if !w.trim().is_empty() || w.contains('\n') {
            prev_ends_sentence = ends(t);
        }
    }
    kind
}

/// What a changed number counts: the measure a nearby keyword names (`toll` → `killed`), else
/// the first content word after it (`people`), else the last one before it.
fn about_word(tokens: &[Token<'_>], after: usize, before: usize) -> Option<String> {
    let is_word = |t: &&Token<'_>| t.text.chars().all(char::is_alphabetic) && !t.text.is_empty();
    let lower = |t: &Token<'_>| t.text.to_ascii_lowercase();
    let ahead = tokens
        .get(after..)
        .unwrap_or(&[])
        .iter()
        .filter(is_word)
        .take(6);
    let behind = tokens[..before.min(tokens.len())]
        .iter()
        .rev()
        .filter(is_word)
        .take(6);
    if let Some(m) = ahead
        .clone()
        .chain(behind.clone())
        .find_map(|t| measure_keyword(&lower(t)))
    {
        return Some(m.as_str().to_owned());
    }
    let content = |t: &&Token<'_>| !is_function_word(&lower(t));
    ahead
        .take(4)
        .find(content)
        .or_else(|| behind.take(4).find(content))
        .map(|t| t.text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_figure_is_called_out_with_the_word_it_counts() {
        let d = VersionDiff::new(
            "At least 139 killed in the blast.",
            "At least 143 killed in the blast.",
        );
        assert_eq!(d.hunks().len(), 1);
        assert_eq!(d.hunks()[0].kind, ChangeKind::Number);
        assert_eq!(d.hunks()[0].describe(), "killed: 139 → 143");
    }

    #[test]
    fn a_changed_toll_is_named_by_its_measure_not_the_next_word() {
        let d = VersionDiff::new(
            "The death toll rose to three on Tuesday morning.",
            "The death toll rose to four on Tuesday morning.",
        );
        assert_eq!(d.hunks()[0].describe(), "killed: three → four");
        let d = VersionDiff::new(
            "Police said 12 people were held.",
            "Police said 15 people were held.",
        );
        assert_eq!(d.hunks()[0].describe(), "people: 12 → 15");
    }

    #[test]
    fn negations_and_names_are_told_apart_from_other_wording() {
        let d = VersionDiff::new(
            "The minister confirmed it.",
            "The minister never confirmed it.",
        );
        assert_eq!(d.hunks()[0].kind, ChangeKind::Negation);
        let d = VersionDiff::new(
            "Police chief Anna Berg said.",
            "Police chief Maria Berg said.",
        );
        assert_eq!(d.hunks()[0].kind, ChangeKind::Name);
        let d = VersionDiff::new("It was a sunny day.", "It was a rainy day.");
        assert_eq!(d.hunks()[0].kind, ChangeKind::Words);
    }

    #[test]
    fn spans_map_only_through_unchanged_words() {
        let old = "First para.\n\nThe toll is 139 dead.";
        let new = "Inserted para.\n\nFirst para.\n\nThe toll is 139 dead.";
        let d = VersionDiff::new(old, new);
        let s = old.find("139").unwrap_or(0);
        let (a, b) = d.map_span(s, s + 3).unwrap_or((0, 0));
        assert_eq!(&new[a..b], "139");
        let changed = VersionDiff::new(old, &old.replace("139", "143"));
        assert_eq!(changed.map_span(s, s + 3), None);
        assert_eq!(changed.map_around(s, s + 3), (s, s + 3));
        let cut = VersionDiff::new(old, &old.replace("139 ", ""));
        let (a, b) = cut.map_around(s, s + 3);
        assert!(
            b - a <= 1,
            "a deleted figure maps to (at most) the space it left"
        );
    }

    #[test]
    fn a_removed_paragraph_is_wording_even_when_it_holds_figures() {
        let d = VersionDiff::new(
            "Title\n\nWinds reached 120 km/h on Monday.\n\nOfficials said 12 were hurt.",
            "Title\n\nOfficials said 12 were hurt.",
        );
        assert_eq!(d.hunks().len(), 1);
        assert_eq!(d.hunks()[0].kind, ChangeKind::Words);
        assert_eq!(
            d.hunks()[0].describe(),
            "- \"Winds reached 120 km/h on Monday.\""
        );
    }

    #[test]
    fn identical_texts_have_no_hunks() {
        assert!(!VersionDiff::new("Same text.", "Same text.").has_changes());
        assert!(!VersionDiff::new("Same  text.", "Same text.").has_changes());
    }
}
