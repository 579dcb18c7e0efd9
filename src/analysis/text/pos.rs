//! Parts of speech for the words around a figure, from Harper's Brill tagger (`harper-brill`,
//! the tagger of the Harper grammar checker; its model, a 27,000-word lexicon and 200
//! contextual patches trained on Universal Dependencies, ships inside the crate).
//!
//! Two levels, so extraction stays fast:
//!
//! - [`lexical`]: a word's most frequent tag in the model's lexicon, one hash lookup, or a
//!   guess from its shape (capital, `-ly`, `-ed`, `-s`) when the lexicon lacks it;
//! - [`tag`]: the contextual tags of a short window of words (the lexicon's tags rewritten by
//!   the patches that read the neighbours: `suspect mailed` against `17 suspects`), run only
//!   where the lexicon alone cannot settle a noun phrase.
//!
//! The tagger's lexicon leaves unknown words untagged, and its patches then skip them; here the
//! shape guess fills them in first, so the patches see every word.

use harper_brill::{BrillTagger, Tagger, UPOS};
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::LazyLock;

/// A universal part of speech (the tag set of Universal Dependencies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    Noun,
    Propn,
    Adj,
    Verb,
    Aux,
    Adv,
    Adp,
    Det,
    Pron,
    Num,
    Cconj,
    Sconj,
    Part,
    Punct,
    Sym,
    Intj,
}

impl From<UPOS> for Pos {
    fn from(u: UPOS) -> Pos {
        match u {
            UPOS::ADJ => Pos::Adj,
            UPOS::ADP => Pos::Adp,
            UPOS::ADV => Pos::Adv,
            UPOS::AUX => Pos::Aux,
            UPOS::CCONJ => Pos::Cconj,
            UPOS::DET => Pos::Det,
            UPOS::INTJ => Pos::Intj,
            UPOS::NOUN => Pos::Noun,
            UPOS::NUM => Pos::Num,
            UPOS::PART => Pos::Part,
            UPOS::PRON => Pos::Pron,
            UPOS::PROPN => Pos::Propn,
            UPOS::PUNCT => Pos::Punct,
            UPOS::SCONJ => Pos::Sconj,
            UPOS::SYM => Pos::Sym,
            UPOS::VERB => Pos::Verb,
        }
    }
}

impl Pos {
    /// Nouns and proper nouns.
    pub(crate) fn is_nominal(self) -> bool {
        matches!(self, Pos::Noun | Pos::Propn)
    }
}

/// A small, fast hash for short words (FxHash's mixing), so a lookup costs a few
/// nanoseconds; the lexicon is compiled in, so no input can choose its collisions.
#[derive(Clone, Copy, Default)]
struct Fx;

struct FxHasher(u64);

impl BuildHasher for Fx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The model's lexicon (lowercase words), with a guess by shape for the words it lacks.
#[derive(Deserialize)]
struct Lexicon {
    mapping: HashMap<String, UPOS, Fx>,
}

impl Lexicon {
    /// The tag of `word` as written or in lowercase, without allocating for short ASCII words.
    fn find(&self, word: &str) -> Option<UPOS> {
        if let Some(t) = self.mapping.get(word) {
            return Some(*t);
        }
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            let lower = std::str::from_utf8(b).ok()?;
            (lower != word)
                .then(|| self.mapping.get(lower).copied())
                .flatten()
        } else {
            self.mapping.get(&word.to_lowercase()).copied()
        }
    }

    fn get(&self, word: &str) -> UPOS {
        self.find(word)
            .unwrap_or_else(|| guess(word, &word.to_lowercase()))
    }
}

/// A part of speech from the word's shape alone.
fn guess(word: &str, lower: &str) -> UPOS {
    let first = word.chars().next();
    if first.is_some_and(|c| c.is_ascii_digit()) {
        UPOS::NUM
    } else if !word.chars().any(char::is_alphanumeric) {
        UPOS::PUNCT
    } else if first.is_some_and(char::is_uppercase) {
        UPOS::PROPN
    } else if lower.ends_with("ly") {
        UPOS::ADV
    } else if lower.ends_with("ed") || lower.ends_with("ing") {
        UPOS::VERB
    } else if ["ous", "ful", "ive", "able", "ible", "ic", "ish", "less"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        UPOS::ADJ
    } else {
        UPOS::NOUN
    }
}

/// The tagger's base: the shared [`Lexicon`] (the model's own copy is dropped on loading).
#[derive(Deserialize)]
struct Shaped {
    #[serde(rename = "mapping")]
    _mapping: serde::de::IgnoredAny,
}

impl Tagger for Shaped {
    fn tag_sentence(&self, sentence: &[String]) -> Vec<Option<UPOS>> {
        let lex = &MODEL.0;
        sentence.iter().map(|w| Some(lex.get(w))).collect()
    }
}

/// The lexicon and Harper's contextual patches, read once (about 20 ms) through the crate's
/// own serde form of its compiled-in model.
static MODEL: LazyLock<(Lexicon, Option<BrillTagger<Shaped>>)> = LazyLock::new(|| {
    let empty = || Lexicon {
        mapping: HashMap::default(),
    };
    let Ok(mut model) = serde_json::to_value(&*harper_brill::brill_tagger()) else {
        return (empty(), None);
    };
    let lexicon = model
        .get_mut("base")
        .map(serde_json::Value::take)
        .and_then(|b| serde_json::from_value(b).ok())
        .unwrap_or_else(empty);
    if let Some(base) = model.get_mut("base") {
        *base = serde_json::json!({ "mapping": {} });
    }
    (lexicon, serde_json::from_value(model).ok())
});

/// The most frequent part of speech of `word` in the model's lexicon, or a guess from its
/// shape. One hash lookup; no context.
pub(crate) fn lexical(word: &str) -> Pos {
    MODEL.0.get(word).into()
}

/// The lexical part of speech of `word` and whether the lexicon holds it (else the part of
/// speech is guessed from its shape): [`lexical`] and [`known`] in one lookup.
pub(crate) fn lookup(word: &str) -> (Pos, bool) {
    match MODEL.0.find(word) {
        Some(t) => (t.into(), true),
        None => (guess(word, &word.to_lowercase()).into(), false),
    }
}

/// The contextual parts of speech of a window of words (punctuation as its own words).
pub(crate) fn tag(words: &[String]) -> Vec<Pos> {
    match &MODEL.1 {
        Some(t) => t
            .tag_sentence(words)
            .into_iter()
            .zip(words)
            .map(|(p, w)| p.map_or_else(|| lexical(w), Pos::from))
            .collect(),
        None => words.iter().map(|w| lexical(w)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Pos> {
        let words: Vec<String> = s.split(' ').map(str::to_owned).collect();
        tag(&words)
    }

    #[test]
    fn the_lexicon_knows_nouns_and_adjectives_and_guesses_the_rest() {
        assert_eq!(lexical("bombs"), Pos::Noun);
        assert_eq!(lexical("homemade"), Pos::Adj);
        assert_eq!(lexical("secret"), Pos::Adj);
        assert_eq!(lexical("were"), Pos::Aux);
        // Not in the lexicon: guessed by shape.
        assert_eq!(lookup("discs"), (Pos::Noun, false));
        assert_eq!(lookup("Bombs"), (Pos::Noun, true));
        assert_eq!(lexical("Krasnogorsk"), Pos::Propn);
    }

    #[test]
    fn context_tags_a_window() {
        let t = tags("nine homemade pipe bombs were found");
        assert_eq!(t[0], Pos::Num);
        assert_eq!(&t[1..4], &[Pos::Adj, Pos::Noun, Pos::Noun]);
        let t = tags("17 improvised devices to critics");
        assert!(t[2].is_nominal(), "{t:?}");
    }
}
