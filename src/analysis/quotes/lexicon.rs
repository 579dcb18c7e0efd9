//! The words quotation attribution reads: sentence openers, abbreviations
//! whose full stop ends no sentence, connectors inside names, news channels and documents
//! (which carry words but never say them).

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

/// Titles and abbreviations written with a full stop that never ends a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "rev", "fr", "u.s", "u.k", "u.n", "no", "vs", "mt", "ft", "sept", "jan", "feb",
    "aug", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "pres", "supt", "insp",
];

/// Lower-case words that may join the capitalised words of one name ("Relief and Works
/// Agency", "Secretary of State").
pub(super) const CONNECTORS: &[&str] =
    &["of", "and", "for", "de", "del", "van", "von", "al", "bin"];

/// News agencies and outlets, named after `told` or as the source of a report: the channel a
/// quote reached the outlet by, never its speaker.
pub(super) const CHANNELS: &[&str] = &[
    "ap",
    "reuters",
    "afp",
    "tass",
    "cnn",
    "bbc",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "npr",
    "fox",
    "fox news",
    "the associated press",
    "associated press",
    "the new york times",
    "politico",
    "bloomberg",
    "the times",
    "the guardian",
    "the washington post",
    "reporters",
    "journalists",
    "the newspaper",
    "the network",
    "xinhua",
    "interfax",
    "ria novosti",
    "al jazeera",
];

/// What "the … said" may name that is a text, not a person: its author is who spoke, and
/// the sentence does not say who that is.
pub(super) const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "letter",
    "release",
    "ad",
    "advertisement",
    "tweet",
    "post",
    "memo",
    "document",
    "complaint",
    "lawsuit",
    "filing",
    "indictment",
    "ruling",
    "order",
    "bill",
    "email",
    "message",
    "note",
    "website",
    "site",
    "video",
    "book",
    "article",
    "editorial",
];
