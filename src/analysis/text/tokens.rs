//! Splitting text into tokens (words, numbers, punctuation) and tokens into sentences.
//!
//! Offsets here are byte offsets; [`crate::analysis::figures::extract_figures`] converts to character offsets
//! once at the end, which keeps the scanner a single pass over bytes.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner apostrophes (`Russia's`, `don't`).
    Word,
    /// Digits, with thousands separators and one decimal point (`2,997`, `15.8`).
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token: byte range, kind, and what separates it from the previous token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace precedes the token (false means attached, as in `$3`, `15.8m`, `9/11`).
    pub space: bool,
    /// Number of line breaks in the whitespace before the token.
    pub newlines: u8,
    /// Every byte of the token is ASCII (so its lowercase form can be matched against lists).
    pub ascii: bool,
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut space = true;
    let mut newlines = 0u8;
    while i < n {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\r' {
            space = true;
            i += 1;
            continue;
        }
        if c == b'\n' {
            space = true;
            newlines = newlines.saturating_add(1);
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        // `.5`: a decimal with no leading zero, after a space.
        let leading_point = c == b'.' && space && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c.is_ascii_digit() || leading_point {
            if leading_point {
                i += 1;
            }
            i += 1;
            while i < n {
                if b[i].is_ascii_digit() {
                    i += 1;
                } else if b[i] == b',' && group_of(b, i + 1, 3) {
                    i += 4;
                } else if b[i] == b','
                    && group_of(b, i + 1, 2)
                    && b.get(i + 3) == Some(&b',')
                    && !text[start..i].contains('.')
                {
                    // Indian grouping: `1,23,45,678` (lakh and crore places).
                    i += 3;
                } else if let Some(w) = group_space(text, i)
                    && group_of(b, i + w, 3)
                    && !text[start..i].contains('.')
                {
                    // Thin or no-break spaces between groups: `1 234 567`.
                    i += w + 3;
                } else if b[i] == b' '
                    && i - start <= 3
                    && b[start] != b'0'
                    && text[start..i].bytes().all(|d| d.is_ascii_digit())
                    && group_of(b, i + 1, 3)
                    && b.get(i + 4) == Some(&b' ')
                    && group_of(b, i + 5, 3)
                {
                    // Plain spaces between groups, only when two full groups follow a short
                    // head (`1 234 567`), which a list of numbers or a phone number rarely is.
                    i += 4;
                    while b.get(i) == Some(&b' ') && group_of(b, i + 1, 3) {
                        i += 4;
                    }
                } else if b[i] == b' '
                    && i - start <= 3
                    && b[start] != b'0'
                    && text[start..i].bytes().all(|d| d.is_ascii_digit())
                    && group_of(b, i + 1, 3)
                    && !(b.get(i + 4) == Some(&b' ')
                        && b.get(i + 5).is_some_and(u8::is_ascii_digit))
                    && !b
                        .get(i + 4)
                        .is_some_and(|c| matches!(c, b'-' | b'/' | b':'))
                {
                    // `40 000 people`: one group after a short head, when no further digits
                    // follow (a run of numbers stays apart).
                    i += 4;
                } else if b[i] == b'.'
                    && i - start <= 3
                    && text[start..i].bytes().all(|d| d.is_ascii_digit())
                    && group_of(b, i + 1, 3)
                    && b.get(i + 4) == Some(&b'.')
                    && group_of(b, i + 5, 3)
                    && !ip_address(b, start)
                {
                    // Points between groups, as much of Europe writes them: `1.234.567`
                    // (two points cannot be a decimal), then a decimal comma: `,89`.
                    while b.get(i) == Some(&b'.') && group_of(b, i + 1, 3) {
                        i += 4;
                    }
                    if b.get(i) == Some(&b',')
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                        && !group_of(b, i + 1, 3)
                    {
                        i += 1;
                        while b.get(i).is_some_and(u8::is_ascii_digit) {
                            i += 1;
                        }
                    }
                    break;
                } else if b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    // One decimal point only; `1.2.3` leaves `.3` to the next tokens.
                    if text[start..i].contains('.') {
                        break;
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            kind = Kind::Num;
        } else if c.is_ascii_alphabetic() || (c >= 0x80 && is_letter_at(text, i)) {
            i += char_len(c);
            while i < n {
                let d = b[i];
                if d.is_ascii_alphabetic()
                    || (d == b'\'' && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
                {
                    i += 1;
                } else if d >= 0x80 {
                    // Right single quote as apostrophe, or a non-ASCII letter.
                    if text[i..].starts_with('\u{2019}')
                        && b.get(i + 3).is_some_and(u8::is_ascii_alphabetic)
                    {
                        i += 3;
                    } else if is_letter_at(text, i) {
                        i += char_len(d);
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else {
            i += char_len(c);
            kind = Kind::Punct;
        }
        out.push(Tok {
            start,
            end: i,
            kind,
            space,
            newlines,
            ascii: b[start..i].is_ascii(),
        });
        space = false;
        newlines = 0;
    }
}

/// True when an address like `192.168.100.200` starts at `at`: four dotted parts, none above
/// 255, not a number grouped with points.
fn ip_address(b: &[u8], at: usize) -> bool {
    let mut parts = 0;
    let mut i = at;
    loop {
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let part = std::str::from_utf8(&b[s..i])
            .ok()
            .and_then(|p| p.parse::<u32>().ok());
        if part.is_none_or(|p| p > 255) {
            return false;
        }
        parts += 1;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            return parts == 4;
        }
    }
}

/// True when exactly `len` digits start at `at` and no further digit follows.
fn group_of(b: &[u8], at: usize, len: usize) -> bool {
    b.get(at..at + len)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && !b.get(at + len).is_some_and(u8::is_ascii_digit)
}

/// Byte length of a digit-group separator space at `i` (no-break, narrow no-break, thin).
fn group_space(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    ['\u{a0}', '\u{202f}', '\u{2009}']
        .into_iter()
        .find(|c| rest.starts_with(*c))
        .map(char::len_utf8)
}

/// The value of a digit token, ignoring its group separators.
pub(crate) fn digits_value(raw: &str) -> Option<f64> {
    // `1.234.567,89`: points group, the comma is the decimal.
    if raw.bytes().filter(|b| *b == b'.').count() > 1 {
        let clean: String = raw
            .chars()
            .filter_map(|c| match c {
                '.' => None,
                ',' => Some('.'),
                c => Some(c),
            })
            .collect();
        return clean.parse().ok();
    }
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    clean.parse().ok()
}

/// True when a digit token is a plain integer without separators (`2001`, `17`).
pub(crate) fn is_plain_int(raw: &str) -> bool {
    raw.bytes().all(|b| b.is_ascii_digit())
}

fn char_len(first: u8) -> usize {
    match first {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

/// Words whose trailing `.` does not end a sentence.
fn is_abbreviation(w: &str) -> bool {
    const ABBR: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "gov", "sen", "rep", "jr", "sr",
        "prof", "no", "vs", "rs", "etc", "capt", "maj", "cpl", "pvt", "adm", "rev", "fr", "inc",
        "corp", "ltd", "co", "mt", "ft", "approx", "est", "jan", "feb", "aug", "sept", "oct",
        "nov", "dec", "e", "i", "a", "p",
    ];
    w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase()
        || ABBR.iter().any(|a| a.eq_ignore_ascii_case(w))
}

fn starts_upper_or_digit(text: &str, t: &Tok) -> bool {
    let c = text[t.start..].chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[')
}

fn starts_lower(text: &str, t: &Tok) -> bool {
    text[t.start..]
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Splits tokens into sentences, returned as token index ranges `[start, end)`.
pub(crate) fn sentences(text: &str, toks: &[Tok], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // A line break can end a sentence (headlines, datelines, paragraphs).
        if i > start && t.newlines > 0 {
            let prev = toks[i - 1];
            let prev_s = &text[prev.start..prev.end];
            let joins = t.newlines == 1
                && starts_lower(text, &t)
                && (prev.kind == Kind::Word || prev_s == ",");
            if !joins {
                out.push((start, i));
                start = i;
            }
        }
        if t.kind == Kind::Punct {
            let s = &text[t.start..t.end];
            if matches!(s, "." | "!" | "?" | "\u{2026}") {
                let mut j = i + 1;
                while j < toks.len()
                    && !toks[j].space
                    && toks[j].kind == Kind::Punct
                    && matches!(
                        &text[toks[j].start..toks[j].end],
                        "\"" | "'" | "\u{201d}" | "\u{2019}" | ")" | "]" | "." | "!" | "?"
                    )
                {
                    j += 1;
                }
                let abbreviation = s == "."
                    && j == i + 1
                    && i > 0
                    && !t.space
                    && toks[i - 1].kind == Kind::Word
                    && is_abbreviation(&text[toks[i - 1].start..toks[i - 1].end]);
                let ends = match toks.get(j) {
                    None => true,
                    Some(next) => next.space && starts_upper_or_digit(text, next) && !abbreviation,
                };
                if ends {
                    out.push((start, j));
                    start = j;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
        // Text without full stops (a table flattened by a PDF, a page's run-on list) would
        // make one sentence of megabytes, and the per-figure look-arounds quadratic. No real
        // sentence is this long: cut it at its last clause mark, or here.
        if i - start >= MAX_SENTENCE_TOKENS {
            let cut = (start + MAX_SENTENCE_TOKENS / 2..i)
                .rev()
                .find(|&k| {
                    toks[k].kind == Kind::Punct
                        && matches!(&text[toks[k].start..toks[k].end], "," | ";" | ":")
                })
                .map_or(i, |k| k + 1);
            out.push((start, cut));
            start = cut;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
}

/// The most tokens one sentence may hold (ten times a long sentence of real prose).
const MAX_SENTENCE_TOKENS: usize = 600;

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter()
            .map(|t| text[t.start..t.end].to_owned())
            .collect()
    }

    fn sents(text: &str) -> Vec<String> {
        let mut toks = Vec::new();
        let mut out = Vec::new();
        tokenize(text, &mut toks);
        sentences(text, &toks, &mut out);
        out.iter()
            .map(|&(a, b)| text[toks[a].start..toks[b - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        assert_eq!(words("2,997 people"), ["2,997", "people"]);
        assert_eq!(words("£15.8m"), ["£", "15.8", "m"]);
        assert_eq!(
            words("9/11 and 12:11"),
            ["9", "/", "11", "and", "12", ":", "11"]
        );
        assert_eq!(
            words("1,2 and 35.7%."),
            ["1", ",", "2", "and", "35.7", "%", "."]
        );
        assert_eq!(words("Russia’s toll"), ["Russia’s", "toll"]);
    }

    #[test]
    fn a_run_on_text_is_cut_into_bounded_sentences_at_clause_marks() {
        let text = "killed 3, ".repeat(1_000);
        let mut toks = Vec::new();
        tokenize(&text, &mut toks);
        let mut out = Vec::new();
        sentences(&text, &toks, &mut out);
        assert!(out.len() >= 5, "{} sentences", out.len());
        assert!(out.iter().all(|(a, b)| b - a <= MAX_SENTENCE_TOKENS));
        assert_eq!(out.first().map(|s| s.0), Some(0));
        assert_eq!(out.last().map(|s| s.1), Some(toks.len()));
        assert!(out.windows(2).all(|w| w[0].1 == w[1].0), "no token lost");
        // Cut after a comma, not inside a figure.
        assert!(
            out[..out.len() - 1]
                .iter()
                .all(|&(_, b)| &text[toks[b - 1].start..toks[b - 1].end] == ",")
        );
    }

    #[test]
    fn sentences_split_on_stops_and_lines_not_on_abbreviations() {
        assert_eq!(
            sents(
                "Mr. Smith met U.S. officials. They said 1.5 million fled.\nHeadline here\nNext one."
            ),
            [
                "Mr. Smith met U.S. officials.",
                "They said 1.5 million fled.",
                "Headline here",
                "Next one."
            ]
        );
        assert_eq!(
            sents("He said \"no.\" Then left."),
            ["He said \"no.\"", "Then left."]
        );
    }
}
