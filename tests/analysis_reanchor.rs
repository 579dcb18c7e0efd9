//! Claims follow their text digit-strictly: for random edits of a text, a re-anchored claim
//! always ends on a span whose text is exactly its quote, and a quote that is nowhere in the
//! new text is orphaned.

use crosscheck::analysis::versions::diff::VersionDiff;
use crosscheck::analysis::versions::reanchor::{Anchor, Indexed, reanchor};
use crosscheck::analysis::versions::refresh;
use crosscheck::model::{Article, Edit, Project, char_slice};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the", "toll", "rose", "to", "139", "143", "killed", "not", "never", "Berg", "Anna", "police",
    "said", "three", "thirty", "in", "Zürich", "—", "1,5", "million", ".", ",", "\n\n", "people",
    "were", "found",
];

fn text() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(WORDS), 1..60)
}

/// One edit of a word list: insert, delete or replace a word, or change a digit.
#[derive(Clone, Debug)]
enum WordEdit {
    Insert(usize, &'static str),
    Delete(usize),
    Replace(usize, &'static str),
}

fn edits() -> impl Strategy<Value = Vec<WordEdit>> {
    let one = prop_oneof![
        (any::<usize>(), prop::sample::select(WORDS)).prop_map(|(i, w)| WordEdit::Insert(i, w)),
        any::<usize>().prop_map(WordEdit::Delete),
        (any::<usize>(), prop::sample::select(WORDS)).prop_map(|(i, w)| WordEdit::Replace(i, w)),
    ];
    prop::collection::vec(one, 0..8)
}

fn apply(words: &[&'static str], edits: &[WordEdit]) -> Vec<&'static str> {
    let mut out = words.to_vec();
    for e in edits {
        let n = out.len().max(1);
        match *e {
            WordEdit::Insert(i, w) => out.insert(i % (out.len() + 1), w),
            WordEdit::Delete(i) if !out.is_empty() => {
                out.remove(i % n);
            }
            WordEdit::Replace(i, w) if !out.is_empty() => out[i % n] = w,
            _ => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_claim_ever_lands_on_different_words(
        old_words in text(),
        edits in edits(),
        a in any::<usize>(),
        b in any::<usize>(),
    ) {
        let old = old_words.join(" ");
        let new = apply(&old_words, &edits).join(" ");
        let len = old.chars().count();
        prop_assume!(len >= 2);
        let start = a % (len - 1);
        let end = start + 1 + b % (len - start - 1).max(1);
        let quote = char_slice(&old, start, end).to_owned();
        let diff = VersionDiff::new(&old, &new);
        let anchor = reanchor(&Indexed::new(&old), &Indexed::new(&new), &diff, start, end, &quote);
        match anchor {
            Anchor::Moved { start, end } => prop_assert_eq!(char_slice(&new, start, end), quote.as_str()),
            Anchor::Orphaned { .. } => {}
        }
        if !new.contains(&quote) {
            let orphaned = matches!(anchor, Anchor::Orphaned { .. });
            prop_assert!(orphaned, "a quote nowhere in the new text must be orphaned");
        }
        if old == new {
            prop_assert_eq!(anchor, Anchor::Moved { start, end });
        }
    }

    #[test]
    fn a_refresh_keeps_every_claim_on_its_quote_and_undoes_exactly(
        old_words in text(),
        edits in edits(),
        spans in prop::collection::vec((any::<usize>(), 1usize..12), 1..6),
    ) {
        let old = old_words.join(" ");
        let new = apply(&old_words, &edits).join(" ");
        let len = old.chars().count();
        prop_assume!(len >= 2);
        let mut p = Project::new(vec![Article::in_memory(1, "a.txt", "A", old.clone())]);
        for (s, l) in spans {
            let s = s % (len - 1);
            let e = (s + l).min(len);
            let c = p.make_claim(1, s, e, None).expect("in range");
            p.apply(Edit::PutClaim(c)).expect("tag");
        }
        let before = p.clone();
        let plan = refresh::plan(&p, &[Article::in_memory(0, "a.txt", "A", new.clone())], "t");
        let undo = p.apply(plan.edit).expect("the plan applies");
        for c in p.claims() {
            let on = p.text_of(c).expect("text");
            prop_assert_eq!(char_slice(on, c.start, c.end), c.quote.as_str());
            if !p.is_orphaned(c) {
                prop_assert_eq!(char_slice(&new, c.start, c.end), c.quote.as_str());
            }
        }
        p.apply(undo).expect("undo");
        prop_assert_eq!(p, before);
    }
}
