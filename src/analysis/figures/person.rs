//! People's names as a clause gives them: which capitalised words can be part of a name (not
//! a title, a court, a month or a word opening the sentence), the name in full (`Sandi
//! Jackson`, past `Jr.`), and whether a name is a place after a preposition (`of Leeds`). The
//! readers of prison terms ([`super::term`]) and of ages ([`super::ages`]) name people with
//! them.

use crate::analysis::text::Cx;
use crate::analysis::text::names::{is_month, is_weekday};
use crate::analysis::text::tokens::Kind;

/// The name written from token `b` to the surname at `n`, at most a first name, a middle one
/// and the surname (`Sandi Jackson`, `Harris`): a husband and wife share a surname, and their
/// terms are two.
pub(super) fn full_name(cx: &Cx, b: usize, n: usize) -> String {
    let from = b.max(n.saturating_sub(2));
    (from..=n)
        .filter(|&k| is_name(cx, k) && !is_suffix(cx, k))
        .map(|k| cx.s(k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Jr`, `Sr`, `III`: a suffix after a surname, not the surname.
pub(super) fn is_suffix(cx: &Cx, k: usize) -> bool {
    cx.low(k)
        .is_some_and(|w| matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
}

/// The surname that ends just before token `end`, past a suffix (`Jesse Jackson Jr.,`, `Tom
/// Alder III`): its token, if the words there are a name.
pub(super) fn surname_before(cx: &Cx, s: usize, end: usize) -> Option<usize> {
    let mut j = end.checked_sub(1).filter(|&j| j >= s)?;
    let suffix = |k: usize| is_suffix(cx, k);
    if j > s + 1 && cx.is_punct(j, ".") && suffix(j - 1) {
        j -= 1;
    }
    if j > s && suffix(j) && is_name(cx, j - 1) {
        j -= 1;
    }
    is_name(cx, j).then_some(j)
}

/// A capitalised word that can be part of a person's name: not a pronoun, a function word
/// opening the sentence, a month or a weekday, a court's name or a title (`Mr`, `Rep`,
/// `Judge`).
pub(super) fn is_name(cx: &Cx, k: usize) -> bool {
    if cx.kind(k) != Some(Kind::Word) || !cx.capitalised(k) || is_pronoun(cx, k) {
        return false;
    }
    let Some(w) = cx.low(k) else {
        return true;
    };
    let w = w.as_str();
    !(is_month(w)
        || is_weekday(w)
        || super::is_function_word(w)
        || is_title(w)
        || matches!(
            w,
            "court" | "crown" | "magistrates" | "police" | "former" | "ex"
        ))
}

/// Whether the name ending at `k` follows a preposition or an article (`of Leeds`, `at Dublin
/// Circuit Criminal Court`, `the United States`): a place or a body, not a person.
pub(super) fn after_preposition(cx: &Cx, k: usize) -> bool {
    let mut b = k;
    while b > 0 && is_name(cx, b - 1) {
        b -= 1;
    }
    // An address's parts between commas: `of Ard Mor Lawn, Fortunestown, Tallaght, Dublin`.
    while b > 1 && cx.is_punct(b - 1, ",") && is_name(cx, b - 2) {
        b -= 2;
        while b > 0 && is_name(cx, b - 1) {
            b -= 1;
        }
    }
    b > 0
        && cx.low(b - 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "of" | "from" | "in" | "at" | "near" | "before" | "to" | "by" | "the"
            )
        })
}

/// Whether the word at `k` stands capitalised after another word somewhere in the text (a
/// name, not a word opening its sentence).
pub(super) fn capitalised_inside(cx: &Cx, k: usize) -> bool {
    let w = cx.s(k);
    (1..cx.toks.len())
        .any(|j| j != k && cx.kind(j - 1) == Some(Kind::Word) && cx.s(j) == w && cx.capitalised(j))
}

pub(super) fn is_pronoun(cx: &Cx, k: usize) -> bool {
    cx.low(k).is_some_and(|w| {
        matches!(
            w.as_str(),
            "he" | "she" | "they" | "him" | "her" | "them" | "it" | "we" | "i" | "you"
        )
    })
}

/// A title before a name (`Judge`, `Mr`, `Rep`, `Det`, `MP`, lowercase): part of how a clause
/// names a person, never the person. The conflict rules use it too: a judge or an officer sits
/// on many cases, so `Judge McCartan` names no one case's person.
pub(crate) fn is_title(w: &str) -> bool {
    matches!(
        w,
        "judge"
            | "justice"
            | "recorder"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "rev"
            | "rep"
            | "sen"
            | "gov"
            | "president"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "det"
            | "garda"
            | "gda"
            | "sgt"
            | "supt"
            | "insp"
            | "pc"
            | "dc"
            | "officer"
            | "constable"
            | "sergeant"
            | "inspector"
            | "prosecutor"
            | "cllr"
            | "mp"
            | "mep"
            | "qc"
            | "kc"
            | "captain"
            | "capt"
            | "col"
            | "gen"
            | "lt"
    )
}
