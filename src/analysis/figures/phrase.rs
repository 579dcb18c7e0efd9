//! What a figure counts and how far it reaches, read from the sentence's structure.
//!
//! - [`noun_phrase`]: the noun phrase after the number, with parts of speech from
//!   [`crate::analysis::text::pos`]: its head is what is counted (`nine homemade pipe bombs`
//!   counts bombs), the words before the head are its modifiers (`homemade`, `pipe`). The
//!   lexicon settles most phrases in one lookup a word; the contextual tagger runs on a short
//!   window only when a word is unknown or could be a verb (`17 suspects`, `improvised`).
//! - [`scope`]: the words that narrow the figure to part of a whole — a subgroup as its head
//!   (`pupils`, `children`), a place (`in the northern district`, `in Central Aceh`) or a site
//!   (`a school`, `the hospital`).
//! - [`past_insertion`]: where the predicate resumes after a list inserted between commas
//!   (`Six people, including two congressmen, two officers and an aide, were injured`).

use super::context::is_deictic_time;
use super::figure::{Scope, ScopeKind};
use super::lexicon::is_subgroup;
use super::words::{is_event_noun, is_period_word};
use crate::analysis::text::Cx;
use crate::analysis::text::names::is_time_word;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::Kind;

/// The noun phrase a number counts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Phrase {
    /// The head noun, lowercase (`bombs`).
    pub head: String,
    /// Its token index.
    pub head_tok: usize,
    /// The words between the number and the head, lowercase (`homemade`, `pipe`).
    pub modifiers: Vec<String>,
}

/// Most words read after a number for its noun phrase.
const MAX_WORDS: usize = 6;
/// Words of context the tagger sees before the number.
const BEFORE: usize = 3;

/// The noun phrase starting at token `from` (the first token after the number and any
/// qualifier or unit), or `None` when no noun follows (`rose to 139 on Sunday`, `four dead`).
///
/// The lexicon's tags settle the phrase when it knows every word up to the first that
/// cannot be in a noun phrase and the first word is not a verb form that may be a plural
/// noun (`17 suspects`); otherwise the tagger reads a window around the number.
pub(crate) fn noun_phrase(cx: &Cx, s: usize, number: usize, from: usize) -> Option<Phrase> {
    // The words that may belong to the phrase: a run of words, hyphenated compounds joined
    // (`pipe-bomb`), up to and including the first that cannot be in a noun phrase.
    let mut idx = [0usize; MAX_WORDS + 1];
    let mut tags = [Pos::Noun; MAX_WORDS + 1];
    let (mut n, mut known) = (0, true);
    let mut j = from;
    while j < cx.end && n <= MAX_WORDS {
        match cx.kind(j) {
            Some(Kind::Word) => {
                let (p, k) = pos::lookup(cx.s(j));
                // `took 60 firefighters four hours`: a number word after the phrase's first
                // word opens a phrase of its own.
                if p == Pos::Num && n > 0 {
                    break;
                }
                idx[n] = j;
                tags[n] = p;
                n += 1;
                known &= k;
                if !can_be_in_phrase(p) {
                    break;
                }
            }
            Some(Kind::Punct)
                if n > 0
                    && cx.s(j) == "-"
                    && cx.attached(j)
                    && cx.attached(j + 1)
                    && cx.kind(j + 1) == Some(Kind::Word) => {}
            _ => break,
        }
        j += 1;
    }
    if n == 0 || (known && !can_be_in_phrase(tags[0])) {
        return None;
    }
    let (idx, tags) = (&idx[..n], &mut tags[..n]);
    let plural_verb = tags[0] == Pos::Verb && cx.s(idx[0]).ends_with('s');
    if plural_verb || !known {
        in_context(cx, s, number, idx, tags);
    }
    read_phrase(cx, idx, tags)
}

fn can_be_in_phrase(p: Pos) -> bool {
    matches!(
        p,
        Pos::Noun | Pos::Propn | Pos::Adj | Pos::Verb | Pos::Num | Pos::Adv
    )
}

/// The tagger's parts of speech for the words `idx`, read on a window around the number.
fn in_context(cx: &Cx, s: usize, number: usize, idx: &[usize], tags: &mut [Pos]) {
    let lo = number.saturating_sub(BEFORE).max(s);
    let hi = (idx[idx.len() - 1] + 2).min(cx.end);
    let words: Vec<String> = (lo..hi)
        .map(|k| {
            // Numbers read as the model's own numeral; every other token as written.
            if cx.kind(k) == Some(Kind::Num) {
                "100".to_owned()
            } else {
                cx.s(k).to_owned()
            }
        })
        .collect();
    let tagged = pos::tag(&words);
    for (t, &k) in tags.iter_mut().zip(idx) {
        if let Some(p) = tagged.get(k - lo) {
            *t = *p;
        }
    }
}

/// The head and modifiers of the run of words `idx` tagged `tags`.
fn read_phrase(cx: &Cx, idx: &[usize], tags: &[Pos]) -> Option<Phrase> {
    let mut head: Option<usize> = None;
    for (n, (&k, &t)) in idx.iter().zip(tags).enumerate() {
        let next = tags.get(n + 1).copied();
        // `killed 40 people today`: a time said from the story's day ends the phrase.
        if cx.low(k).is_some_and(|w| is_deictic_time(w.as_str())) {
            break;
        }
        // `312 knife offences last year`: a time ends the phrase; its noun is no head.
        if cx
            .low(k)
            .is_some_and(|w| matches!(w.as_str(), "last" | "next" | "this" | "past"))
            && idx
                .get(n + 1)
                .and_then(|&m| cx.low(m))
                .is_some_and(|w| is_time_word(w.as_str()) || is_period_word(w.as_str()))
        {
            break;
        }
        let inside = match t {
            Pos::Noun => true,
            // A name inside a phrase of lowercase words ends it (`500 people Monday`), except
            // as the phrase's first word (`11 Russian soldiers`, `3 Democrats`).
            Pos::Propn => head.is_none() || cx.capitalised(idx[n - 1]),
            Pos::Adj | Pos::Num => {
                next.is_some_and(|p| matches!(p, Pos::Noun | Pos::Adj | Pos::Propn | Pos::Verb))
            }
            // Participles before a noun: `improvised devices`, `four presumed perpetrators`,
            // and a gerund right before its noun (`two speeding offences`, `a £1m hacking
            // payout`), not one opening a clause (`$15 million helping stricken farmers`,
            // `two incidents involving alcohol`).
            Pos::Verb => {
                let w = cx.s(k);
                ((w.ends_with("ed") || w.ends_with("en"))
                    && next.is_some_and(|p| matches!(p, Pos::Noun | Pos::Adj | Pos::Propn)))
                    || (head.is_none() && w.ends_with("ing") && next == Some(Pos::Noun))
            }
            // `seriously injured people`
            Pos::Adv => {
                cx.s(k).ends_with("ly") && next.is_some_and(|p| matches!(p, Pos::Adj | Pos::Verb))
            }
            _ => false,
        };
        if !inside {
            break;
        }
        if t.is_nominal() {
            head = Some(n);
        }
    }
    let h = head?;
    let word = |k: usize| {
        cx.low(k)
            .map_or_else(|| cx.s(k).to_lowercase(), |l| l.as_str().to_owned())
    };
    Some(Phrase {
        head: word(idx[h]),
        head_tok: idx[h],
        modifiers: idx[..h].iter().map(|&k| word(k)).collect(),
    })
}

/// The event the sentence names (`quake`, `attack`), singular and lowercase: the first event
/// noun in it.
pub(super) fn sentence_event(cx: &Cx, s: usize) -> Option<String> {
    (s..cx.end).find_map(|k| {
        let w = cx.low(k)?;
        let w = w.as_str();
        (is_event_noun(w) && !matches!(w, "magnitude" | "operation" | "wave" | "game"))
            .then(|| w.trim_end_matches('s').to_owned())
    })
}

/// Prepositions that open a place phrase.
fn is_place_preposition(w: &str) -> bool {
    matches!(w, "in" | "at" | "inside" | "near" | "outside")
}

/// The words that narrow the figure spanning tokens `first..end` with counted head `head`,
/// in the sentence `s..cx.end` (a title-case `headline` names no places: its capitals say
/// nothing).
pub(crate) fn scope(
    cx: &Cx,
    (s, headline): (usize, bool),
    first: usize,
    end: usize,
    head: Option<&str>,
) -> Vec<Scope> {
    let mut out = Vec::new();
    if let Some(h) = head
        && is_subgroup(h)
    {
        out.push(Scope {
            kind: ScopeKind::Subgroup,
            text: h.to_owned(),
        });
    }
    if let Some(text) = portion(cx, end).or_else(|| leading_portion(cx, s, first)) {
        out.push(Scope {
            kind: ScopeKind::Portion,
            text,
        });
    }
    // The figure's clause: from the last clause break before it to the next after it.
    let clause_end = (end..cx.end)
        .find(|&k| is_clause_break(cx, k))
        .unwrap_or(cx.end);
    let clause_start = (s..first)
        .rev()
        .find(|&k| is_clause_break(cx, k))
        .map_or(s, |k| k + 1);
    // `In the district of Euskirchen, eight deaths were confirmed`: a place set before the
    // sentence's first comma narrows every figure after it.
    if clause_start > s
        && !headline
        && cx.low(s).is_some_and(|w| is_place_preposition(w.as_str()))
        && let Some(comma) = (s + 1..first).find(|&k| is_clause_break(cx, k))
        && cx.is_punct(comma, ",")
        && let Some(last) = place_phrase(cx, s + 1, comma)
        && last + 1 == comma
    {
        out.push(Scope {
            kind: ScopeKind::Place,
            text: cx.text[cx.toks[s].start..cx.toks[last].end].to_owned(),
        });
    }
    let mut k = clause_start;
    while k < clause_end {
        if k >= first && k < end {
            k += 1;
            continue;
        }
        let Some(w) = cx.low(k) else {
            k += 1;
            continue;
        };
        let w = w.as_str();
        if is_site_word(w) && !out.iter().any(|x: &Scope| x.kind == ScopeKind::Site) {
            let text = match k.checked_sub(1).and_then(|p| cx.low(p)) {
                Some(d) if matches!(d.as_str(), "a" | "the" | "an") && k > clause_start => {
                    format!("{} {}", cx.s(k - 1), cx.s(k))
                }
                _ => cx.s(k).to_owned(),
            };
            out.push(Scope {
                kind: ScopeKind::Site,
                text,
            });
        } else if is_place_preposition(w)
            && !headline
            && !out.iter().any(|x: &Scope| x.kind == ScopeKind::Place)
            && let Some(last) = place_phrase(cx, k + 1, clause_end)
        {
            out.push(Scope {
                kind: ScopeKind::Place,
                text: cx.text[cx.toks[k].start..cx.toks[last].end].to_owned(),
            });
            k = last + 1;
            continue;
        }
        k += 1;
    }
    out
}

/// `six more bodies`, `12 further deaths`, `14 of the dead`, `five of them`, `five members of
/// one family`: the words after the number at `end` that make it a portion of a larger count.
fn portion(cx: &Cx, end: usize) -> Option<String> {
    let w = cx.low(end)?;
    match w.as_str() {
        // `40 more than last year` compares; `six more bodies` adds.
        "more" | "additional" | "further" if !cx.is_word(end + 1, "than") => {
            Some(cx.s(end).to_owned())
        }
        "of" => {
            let det = cx.low(end + 1)?;
            let last = match det.as_str() {
                "them" | "whom" => end + 1,
                "the" | "those" if cx.kind(end + 2).is_some() => end + 2,
                _ => return None,
            };
            Some(cx.text[cx.toks[end].start..cx.toks[last].end].to_owned())
        }
        // `five members of one family`, `three pupils of the school`: a noun, then `of` and a
        // determiner, names the group the number is a part of.
        _ if cx.kind(end) == Some(Kind::Word)
            // A plural noun: `8 miles south of the White House` names a place, not a group.
            && w.as_str().ends_with('s')
            && pos::lexical(w.as_str()) == Pos::Noun
            && cx.is_word(end + 1, "of")
            && cx.low(end + 2).is_some_and(|d| {
                matches!(
                    d.as_str(),
                    "one" | "a" | "the" | "his" | "her" | "their" | "its" | "our"
                )
            })
            && cx.kind(end + 3) == Some(Kind::Word) =>
        {
            Some(cx.text[cx.toks[end].start..cx.toks[end + 3].end].to_owned())
        }
        _ => None,
    }
}

/// `Of the 45 killed, 30 were civilians`: a sentence that opens with a part of a counted whole
/// makes the figures after its comma portions of it. The opening phrase, or `None`.
fn leading_portion(cx: &Cx, s: usize, first: usize) -> Option<String> {
    if !(cx.is_word(s, "of") || cx.is_word(s, "among")) {
        return None;
    }
    // A short opening (`Of the 45 killed,`), not a clause that runs on to a comma far off.
    let comma = (s + 1..first.min(s + 9)).find(|&k| cx.is_punct(k, ","))?;
    (s + 1..comma)
        .any(|k| {
            cx.kind(k) == Some(Kind::Num)
                || cx
                    .low(k)
                    .is_some_and(|w| pos::lexical(w.as_str()) == Pos::Num)
        })
        .then(|| cx.text[cx.toks[s].start..cx.toks[comma - 1].end].to_owned())
}

/// Commas, semicolons and the conjunctions that start a new clause.
fn is_clause_break(cx: &Cx, k: usize) -> bool {
    match cx.kind(k) {
        Some(Kind::Punct) => matches!(cx.s(k), "," | ";" | ":" | "(" | ")" | "\u{2014}"),
        Some(Kind::Word) => cx
            .low(k)
            .is_some_and(|w| matches!(w.as_str(), "while" | "whereas" | "but" | "including")),
        _ => false,
    }
}

/// A place after a preposition: `the northern district`, `Central Aceh`, `the village of
/// Kuta`; the last token's index. Wide places (`the country`, `the region`) and times (`in
/// March`) are not narrowing.
fn place_phrase(cx: &Cx, from: usize, end: usize) -> Option<usize> {
    let mut k = from;
    if cx
        .low(k)
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
    {
        k += 1;
    }
    let mut last = None;
    let mut named = false;
    let mut locality = false;
    // Five words, a hyphen's two parts counting as one more.
    while k < end && k < from + 7 && cx.kind(k) == Some(Kind::Word) {
        // `North Rhine-Westphalian`: one name across a hyphen.
        if cx.is_punct(k + 1, "-")
            && cx.attached(k + 1)
            && cx.attached(k + 2)
            && cx.capitalised(k + 2)
            && cx.capitalised(k)
        {
            named = true;
            last = Some(k + 2);
            k += 3;
            continue;
        }
        let w = cx.low(k);
        let ws = w.as_ref().map_or("", |l| l.as_str());
        let possessive = cx.s(k).ends_with("'s") || cx.s(k).ends_with("\u{2019}s");
        if crate::model::month_number(ws).is_some()
            || crate::analysis::text::names::is_weekday(ws)
            || possessive
            || matches!(
                ws,
                "country" | "nation" | "world" | "region" | "state" | "total" | "all"
            )
        {
            return None;
        }
        if cx.capitalised(k) {
            named = true;
        } else if is_locality_word(ws) {
            // `the North Rhine-Westphalian district of Euskirchen`.
            locality = true;
        } else if named {
            // After a name only more of the name: `in California late on Thursday`.
            break;
        } else if !matches!(pos::lexical(cx.s(k)), Pos::Adj) {
            break;
        }
        last = Some(k);
        k += 1;
    }
    // `the village of Kuta`
    if locality && cx.is_word(k, "of") && cx.capitalised(k + 1) && k + 1 < end {
        last = Some(k + 1);
    }
    if named || locality { last } else { None }
}

/// Sites whose toll is part of an event's: a school, a hospital, a building.
pub(crate) fn is_site_word(w: &str) -> bool {
    matches!(
        w,
        "school"
            | "hospital"
            | "market"
            | "building"
            | "mosque"
            | "church"
            | "temple"
            | "mall"
            | "station"
            | "factory"
            | "mine"
            | "bridge"
            | "hotel"
            | "stadium"
            | "prison"
            | "camp"
            | "dormitory"
            | "classroom"
            | "nightclub"
            | "club"
            | "restaurant"
            | "apartment"
            | "tower"
            | "shelter"
            | "clinic"
            | "office"
            | "warehouse"
            | "plant"
    )
}

/// Nouns of places narrower than a country.
fn is_locality_word(w: &str) -> bool {
    matches!(
        w,
        "village"
            | "town"
            | "city"
            | "district"
            | "province"
            | "county"
            | "neighbourhood"
            | "neighborhood"
            | "suburb"
            | "municipality"
            | "area"
            | "quarter"
            | "valley"
            | "island"
            | "capital"
            | "north"
            | "south"
            | "east"
            | "west"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
    )
}

/// Where the sentence's predicate resumes after a list inserted after the noun at `after`:
/// `Six people, including two congressmen, two police officers and an aide, were injured`
/// inserts everything from `including` to the comma before `were`. Returns the index of the
/// first token after that comma, or `None` when no insertion starts at `after` or no comma
/// before a verb closes it. The list's own numbers must not end the search for the verb that
/// tells what the first number counts.
pub(crate) fn past_insertion(cx: &Cx, after: usize) -> Option<usize> {
    if !cx.is_punct(after, ",") {
        return None;
    }
    // `including …`, `among them …`, and ages (`Three men, aged 18, 19 and 22, were held`).
    let opens = cx.is_word(after + 1, "including")
        || cx.is_word(after + 1, "aged")
        || (cx.is_word(after + 1, "among")
            && (cx.is_word(after + 2, "them") || cx.is_word(after + 2, "whom")));
    if !opens {
        return None;
    }
    (after + 2..cx.end)
        .take(40)
        .take_while(|&k| !cx.is_punct(k, ".") && !cx.is_punct(k, ";"))
        .find(|&k| {
            cx.is_punct(k, ",")
                && cx
                    .low(k + 1)
                    .is_some_and(|w| matches!(pos::lexical(w.as_str()), Pos::Aux | Pos::Verb))
        })
        .map(|k| k + 1)
}
