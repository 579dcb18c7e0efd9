//! Token access for the scanners: the tokens of one text with the text and its lowercased
//! copy, bounded at the current sentence's end, so the figure and time readers ask "is this a
//! word, a number, attached to the previous token?" without slicing strings themselves.

use super::tokens::{Kind, Tok};

/// A word in lowercase ASCII, borrowed from a lowercased copy of the text (so reading it
/// costs nothing); words with non-ASCII letters have none (none of the listed words do).
#[derive(Clone, Copy)]
pub(crate) struct Lower<'a>(&'a str);

impl<'a> Lower<'a> {
    /// `lowered` is the word after [`str::to_ascii_lowercase`]; `None` when the word has a
    /// non-ASCII character (a curly apostrophe in `Russia’s`, a Cyrillic name).
    pub(crate) fn new(ascii: bool, lowered: &'a str) -> Option<Lower<'a>> {
        ascii.then_some(Lower(lowered))
    }

    pub(crate) fn as_str(&self) -> &'a str {
        self.0
    }
}

/// Token access with the text they point into.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    /// `text` after [`str::to_ascii_lowercase`]: the same byte offsets, lowercase words.
    pub lower: &'a str,
    pub toks: &'a [Tok],
    /// End (exclusive) of the current sentence's tokens.
    pub end: usize,
}

impl<'a> Cx<'a> {
    pub(crate) fn s(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    pub(crate) fn get(&self, i: usize) -> Option<&'a Tok> {
        if i < self.end { self.toks.get(i) } else { None }
    }

    pub(crate) fn low(&self, i: usize) -> Option<Lower<'a>> {
        self.get(i).and_then(|t| match t.kind {
            Kind::Word => Lower::new(t.ascii, &self.lower[t.start..t.end]),
            _ => None,
        })
    }

    pub(crate) fn is_word(&self, i: usize, w: &str) -> bool {
        self.get(i).is_some_and(|t| {
            t.kind == Kind::Word && self.text[t.start..t.end].eq_ignore_ascii_case(w)
        })
    }

    pub(crate) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.get(i)
            .is_some_and(|t| t.kind == Kind::Punct && &self.text[t.start..t.end] == p)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.get(i).map(|t| t.kind)
    }

    /// True when token `i` exists and touches the previous token.
    pub(crate) fn attached(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| !t.space)
    }

    pub(crate) fn capitalised(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && self.text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    }
}
