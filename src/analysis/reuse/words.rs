//! The words text reuse compares: each word of an article (the shared splitter of
//! [`crate::analysis::text::names`]) with its character range, a hash of its folded form
//! (lowercase, diacritics dropped: `Zürich` = `zurich`, `ÉTÉ` = `ete`) and whether it stands
//! inside a quotation. Works for any language written with spaces between words.

use crate::analysis::text::names;
use crate::analysis::text::single_quotes::single_quoted;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// One word of an article.
#[derive(Clone, Copy, Debug)]
pub(crate) struct W {
    /// Character offsets, end exclusive.
    pub start: u32,
    pub end: u32,
    /// Hash of the folded word.
    pub hash: u64,
    /// The word stands between quotation marks.
    pub quoted: bool,
    /// The word stands on the first line of a text of several: its headline.
    pub headline: bool,
}

/// FNV-1a, 64 bits: short keys, no allocation, stable across runs (benchmarks and tests
/// see the same candidates every time).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(pub u64);

impl Fnv {
    pub(crate) const START: Fnv = Fnv(0xcbf2_9ce4_8422_2325);

    #[inline]
    pub(crate) fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
    }

    pub(crate) fn u64(mut self, v: u64) -> Fnv {
        for b in v.to_le_bytes() {
            self = self.byte(b);
        }
        self
    }
}

/// The hash of `word` folded: lowercase, without diacritics.
pub(crate) fn fold_hash(word: &str) -> u64 {
    let mut h = Fnv::START;
    for c in word.chars() {
        if c.is_ascii() {
            h = h.byte(c.to_ascii_lowercase() as u8);
            continue;
        }
        for l in c.to_lowercase() {
            decompose_canonical(l, |d| {
                if !is_combining_mark(d) {
                    let mut buf = [0u8; 4];
                    for &b in d.encode_utf8(&mut buf).as_bytes() {
                        h = h.byte(b);
                    }
                }
            });
        }
    }
    h.0
}

/// The words of `text`, in order, leaving out lines without a letter: a date line under the
/// title (`2016-02-25`) or a time stamp is the folder's metadata, which every article of a day
/// shares, and as words it bridged a headline's names to the same names in the first sentence
/// into one "copied" passage between independent reports.
pub(crate) fn words(text: &str) -> Vec<W> {
    let quoted = quoted_ranges(text);
    let letterless = letterless_lines(text);
    let headline_end = headline_end(text);
    let mut q = 0;
    let mut l = 0;
    names::words(text)
        .into_iter()
        .filter(|w| {
            while l < letterless.len() && letterless[l].1 <= w.at {
                l += 1;
            }
            !letterless
                .get(l)
                .is_some_and(|&(a, b)| a <= w.at && w.at < b)
        })
        .map(|w| {
            let start = w.at;
            while q < quoted.len() && quoted[q].1 <= start {
                q += 1;
            }
            let inside = quoted.get(q).is_some_and(|&(a, b)| a <= start && start < b);
            W {
                start: start as u32,
                end: (start + w.text.chars().count()) as u32,
                hash: fold_hash(w.text),
                quoted: inside,
                headline: start < headline_end,
            }
        })
        .collect()
}

/// Where the headline of `text` ends (in characters), 0 when it has none: a first line that
/// more lines follow and that reads as a headline — no closing stop, at most 30 words. A first
/// line ending in a full stop is the story's first paragraph (wire copy without a headline).
fn headline_end(text: &str) -> usize {
    let Some(b) = text.find('\n') else {
        return 0;
    };
    let line = text[..b].trim_end();
    let stop = line
        .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?', ':', ';']);
    if stop || line.split_whitespace().count() > 30 {
        0
    } else {
        text[..b].chars().count()
    }
}

/// The character ranges of the lines of `text` that hold no letter, in order.
fn letterless_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        if !line.chars().any(char::is_alphabetic) {
            out.push((start, start + n));
        }
        start += n + 1;
    }
    out
}

/// The character ranges between quotation marks, in order and not overlapping. Straight double
/// quotes open and close in turn; curly and angle quotes open and close by shape; single marks
/// are read by [`single_quoted`] (British house style). A quotation never runs past its
/// paragraph: a quote continued in the next paragraph opens again there, and, as news style
/// writes it, the paragraph before has no closing mark — so a quotation still open at a
/// paragraph's end runs to that end.
pub(crate) fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut ranges = double_quoted(&chars);
    // A quotation inside another (`'He called it "shocking"'`) is part of the outer one.
    ranges.extend(single_quoted(&chars));
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The ranges between double (and angle) quotation marks; see [`quoted_ranges`].
fn double_quoted(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // A doubled mark (`""We have`, a slip of content systems) is one mark.
            '"' if chars.get(i + 1) == Some(&'"') => {}
            '"' => match (straight_quote_side(chars, i), open) {
                (Side::Opens, None) | (Side::Either, None) => open = Some(i),
                (Side::Closes, Some(s)) | (Side::Either, Some(s)) => {
                    out.push((s, i + 1));
                    open = None;
                }
                // An opening mark inside an open quotation, or a closing one outside: a mark
                // left out earlier; the quotation's shape is kept as it is.
                _ => {}
            },
            '“' | '«' | '„' if open.is_none() => open = Some(i),
            '”' | '»' => {
                if let Some(s) = open.take() {
                    out.push((s, i + 1));
                }
            }
            '\n' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            _ => {}
        }
    }
    out
}

enum Side {
    Opens,
    Closes,
    Either,
}

/// Which side of a quotation a straight double quote at `i` stands on, read from its
/// neighbours as a typesetter would: after a space or a bracket and before a word it opens,
/// after a word or a stop and before a space it closes. Read by shape rather than by turn, one
/// missing or stray mark no longer turns every later quotation of the paragraph inside out.
fn straight_quote_side(chars: &[char], i: usize) -> Side {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
    match (space(before), space(after)) {
        (true, false) => Side::Opens,
        (false, true) => Side::Closes,
        _ => Side::Either,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_fold_to_one_word() {
        assert_eq!(fold_hash("Zürich"), fold_hash("zurich"));
        assert_eq!(fold_hash("ÉTÉ"), fold_hash("ete"));
        assert_eq!(fold_hash("Łódź"), fold_hash("łódź"));
        assert_ne!(fold_hash("said"), fold_hash("sad"));
    }

    #[test]
    fn a_quotation_continued_in_the_next_paragraph_is_quoted_to_its_paragraphs_end() {
        let t = "\"We are disappointed,\" he said. \"The charges are political and we will \
                 fight them.\n\"We expect to win,\" he added. Then he left.";
        let w = words(t);
        let quoted: Vec<&str> = w
            .iter()
            .filter(|w| w.quoted)
            .map(|w| &t[w.start as usize..w.end as usize])
            .collect();
        assert!(
            quoted.contains(&"political") && quoted.contains(&"fight"),
            "{quoted:?}"
        );
        assert!(quoted.contains(&"win"), "{quoted:?}");
        assert!(
            !quoted.contains(&"added") && !quoted.contains(&"left"),
            "{quoted:?}"
        );
    }

    #[test]
    fn words_inside_quotation_marks_are_marked() {
        let t = "He said \"we will rebuild\" and left. “Never again,” she said.";
        let w = words(t);
        let q: Vec<bool> = w.iter().map(|w| w.quoted).collect();
        assert_eq!(
            q,
            [
                false, false, true, true, true, false, false, true, true, false, false
            ]
        );
        let first = &w[2];
        assert_eq!(
            t.chars()
                .skip(first.start as usize)
                .take((first.end - first.start) as usize)
                .collect::<String>(),
            "we"
        );
    }

    #[test]
    fn straight_quotes_are_read_by_their_side_so_a_doubled_mark_turns_nothing_inside_out() {
        // A doubled opening mark used to open and close at once, so the narration between the
        // two quotations read as quoted and the quotations as narration.
        let text = "\"\"We have learned something important,\" Mr. Blumenthal said to the group. \
                    \"Whatever we call it, we owe them support.\"";
        let w = words(text);
        let chars: Vec<char> = text.chars().collect();
        let quoted = |word: &str| {
            w.iter()
                .find(|x| {
                    chars[x.start as usize..x.end as usize]
                        .iter()
                        .collect::<String>()
                        == word
                })
                .map(|x| x.quoted)
        };
        assert_eq!(quoted("learned"), Some(true));
        assert_eq!(quoted("Blumenthal"), Some(false));
        assert_eq!(quoted("group"), Some(false));
        assert_eq!(quoted("owe"), Some(true));
    }

    #[test]
    fn a_date_line_is_metadata_not_words_to_copy() {
        let text = "Storm shuts harbour bridge\n2024-05-14\n12:30\n\nThe bridge closed on 14 May.";
        let w = words(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = w
            .iter()
            .map(|x| chars[x.start as usize..x.end as usize].iter().collect())
            .collect();
        assert_eq!(got.first().map(String::as_str), Some("Storm"));
        assert!(!got.iter().any(|g| g == "2024" || g == "30"), "{got:?}");
        // Numbers inside the text's sentences stay words.
        assert!(got.iter().any(|g| g == "14"), "{got:?}");
    }
}
