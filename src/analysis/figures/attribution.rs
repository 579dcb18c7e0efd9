//! Who a sentence attributes its figures to: `according to TASS`, `confirmed by the
//! Investigative Committee`, `the ministry said`, `said the ministry`.

use super::sentence_words::{is_source_filler, is_source_noun, is_speech_verb};
use crate::analysis::text::Cx;
use crate::analysis::text::tokens::Kind;

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "you"
            | "his"
            | "this"
            | "that"
    )
}

/// Longest run of source-like tokens from `from` going forward (`Russia's state
/// Investigative Committee`); returns the last token index.
fn source_forward(cx: &Cx, from: usize) -> Option<usize> {
    let mut last = None;
    let mut j = from;
    let mut any_name = false;
    while j < cx.end && j < from + 8 {
        let t = cx.toks[j];
        if t.kind != Kind::Word {
            break;
        }
        let cap = cx.capitalised(j);
        let filler = cx.low(j).is_some_and(|l| is_source_filler(l.as_str()));
        if !(cap || filler) {
            break;
        }
        if cap || cx.low(j).is_some_and(|l| is_source_noun(l.as_str())) {
            any_name = true;
            last = Some(j);
        }
        j += 1;
    }
    if any_name { last } else { None }
}

fn span(cx: &Cx, a: usize, b: usize) -> String {
    cx.text[cx.toks[a].start..cx.toks[b].end].to_owned()
}

/// Who the sentence attributes its content to, if it says.
pub(crate) fn attribution(cx: &Cx, s: usize) -> Option<String> {
    let e = cx.end;
    // `according to TASS`
    for k in s..e.saturating_sub(2) {
        if cx.is_word(k, "according") && cx.is_word(k + 1, "to") {
            if cx.low(k + 2).is_some_and(|l| is_pronoun(l.as_str())) {
                break;
            }
            if let Some(last) = source_forward(cx, k + 2) {
                return Some(span(cx, k + 2, last));
            }
        }
    }
    // `confirmed at 133 by Russia's state Investigative Committee`, `as quoted by Sputnik`
    for k in s..e {
        if cx.low(k).is_some_and(|l| {
            matches!(
                l.as_str(),
                "confirmed"
                    | "reported"
                    | "quoted"
                    | "cited"
                    | "announced"
                    | "released"
                    | "published"
                    | "given"
                    | "provided"
                    | "compiled"
                    | "estimated"
            )
        }) {
            for m in k + 1..(k + 10).min(e) {
                if cx.kind(m) == Some(Kind::Punct) && !matches!(cx.s(m), "," | "'" | "\u{2019}") {
                    break;
                }
                if cx.is_word(m, "by")
                    && let Some(last) = source_forward(cx, m + 1)
                {
                    return Some(span(cx, m + 1, last));
                }
            }
        }
    }
    // `the Investigative Committee said`, `Antonov told TASS`, `said the ministry`
    for k in s..e {
        let Some(l) = cx.low(k) else { continue };
        // `An estimated 1.2 million`: after an article the verb is an adjective.
        let article = k > s
            && cx
                .low(k - 1)
                .is_some_and(|p| matches!(p.as_str(), "a" | "an"));
        if !is_speech_verb(l.as_str()) || cx.capitalised(k) || article {
            continue;
        }
        let mut first = None;
        let mut any_name = false;
        let mut j = k;
        while j > s && j + 8 > k {
            let i = j - 1;
            if cx.kind(i) != Some(Kind::Word) {
                break;
            }
            let cap = cx.capitalised(i);
            let low = cx.low(i);
            let filler = low.as_ref().is_some_and(|l| is_source_filler(l.as_str()));
            let possessive = cx.s(i).ends_with("'s") || cx.s(i).ends_with("\u{2019}s");
            if low.as_ref().is_some_and(|l| is_pronoun(l.as_str())) {
                break;
            }
            if !(cap || filler || possessive) {
                break;
            }
            if cap || low.as_ref().is_some_and(|l| is_source_noun(l.as_str())) {
                any_name = true;
            }
            first = Some(i);
            j -= 1;
        }
        if let Some(f) = first
            && any_name
        {
            // Drop leading connectors such as `and`, `to`, `of`.
            let mut f = f;
            while f < k - 1
                && cx
                    .low(f)
                    .is_some_and(|l| matches!(l.as_str(), "and" | "to" | "of" | "for" | "de"))
            {
                f += 1;
            }
            return Some(span(cx, f, k - 1));
        }
        // `…, said the ministry.`
        let mut m = k + 1;
        if cx.is_word(m, "the") {
            m += 1;
        }
        if let Some(last) = source_forward(cx, m)
            && (last + 1 >= e || cx.kind(last + 1) == Some(Kind::Punct))
        {
            return Some(span(cx, k + 1, last));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tokens::{sentences, tokenize};

    fn attr(text: &str) -> Option<String> {
        let mut toks = Vec::new();
        let mut sents = Vec::new();
        tokenize(text, &mut toks);
        sentences(text, &toks, &mut sents);
        let (s, e) = sents[0];
        let lower = text.to_ascii_lowercase();
        attribution(
            &Cx {
                text,
                lower: &lower,
                toks: &toks,
                end: e,
            },
            s,
        )
    }

    #[test]
    fn attribution_patterns() {
        for (sentence, source) in [
            (
                "At least 139 people were killed, according to TASS.",
                Some("TASS"),
            ),
            (
                "The toll rose to 133, the Investigative Committee said.",
                Some("the Investigative Committee"),
            ),
            (
                "Russian Ambassador Anatoly Antonov told TASS on Friday that 11 were held.",
                Some("Russian Ambassador Anatoly Antonov"),
            ),
            (
                "The death toll has been confirmed at 133 by Russia's state Investigative Committee.",
                Some("Russia's state Investigative Committee"),
            ),
            ("Five people died, he said.", None),
            ("Five people died, said Mr Jones.", Some("Mr Jones")),
            ("Police said 12 were arrested.", Some("Police")),
        ] {
            assert_eq!(attr(sentence).as_deref(), source, "{sentence}");
        }
    }
}
