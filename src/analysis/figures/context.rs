//! Reading a number's surroundings: its qualifier, the noun it counts, the event measure the
//! words around it point to. Who the sentence attributes it to is in `attribution`.

use super::figure::Measure;
use super::numbers::starts_number;
use super::sentence_words::{is_function_word, is_noun_modifier};
use super::words::{is_non_person_noun, is_period_word, measure_keyword};
use crate::analysis::text::Cx;
use crate::analysis::text::Lower;
use crate::analysis::text::pos;
use crate::analysis::text::tokens::Kind;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How a qualifier turns a number into an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Qual {
    /// `at least n`, `n or more`: `[n, ∞)`.
    AtLeast,
    /// `over n`, `more than n`: `(n, ∞)`.
    Over,
    /// `just over n`: `(n, n·(1+tol)]`.
    JustOver,
    /// `up to n`, `at most n`: `[0, n]`.
    UpTo,
    /// `fewer than n`, `under n`: `[0, n)`.
    Under,
    /// `nearly n`, `almost n`: `[n·(1−tol), n)`.
    Nearly,
    /// `about n`, `some n`: `[n·(1−tol), n·(1+tol)]`.
    About,
    /// `exactly n`: `[n, n]`.
    Exactly,
}

/// Qualifiers written before the number, longest first so `no more than` wins over `more than`.
const BEFORE: &[(&[&str], Qual)] = &[
    (&["less", "than", "or", "equal", "to"], Qual::UpTo),
    (&["fewer", "than", "or", "equal", "to"], Qual::UpTo),
    (&["more", "than", "or", "equal", "to"], Qual::AtLeast),
    (&["greater", "than", "or", "equal", "to"], Qual::AtLeast),
    (&["equal", "to", "or", "more", "than"], Qual::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Qual::AtLeast),
    (&["equal", "to", "or", "higher", "than"], Qual::AtLeast),
    (&["equal", "to", "or", "less", "than"], Qual::UpTo),
    (&["equal", "to", "or", "fewer", "than"], Qual::UpTo),
    (&["equal", "to", "or", "lower", "than"], Qual::UpTo),
    (&["at", "least", "or", "equal", "to"], Qual::AtLeast),
    (&["at", "most", "or", "equal", "to"], Qual::UpTo),
    (&["greater", "or", "equal", "than"], Qual::AtLeast),
    (&["greater", "or", "equal", "to"], Qual::AtLeast),
    (&["larger", "or", "equal", "than"], Qual::AtLeast),
    (&["larger", "or", "equal", "to"], Qual::AtLeast),
    (&["bigger", "or", "equal", "than"], Qual::AtLeast),
    (&["bigger", "or", "equal", "to"], Qual::AtLeast),
    (&["higher", "or", "equal", "than"], Qual::AtLeast),
    (&["higher", "or", "equal", "to"], Qual::AtLeast),
    (&["more", "or", "equal", "than"], Qual::AtLeast),
    (&["more", "or", "equal", "to"], Qual::AtLeast),
    (&["less", "or", "equal", "than"], Qual::UpTo),
    (&["less", "or", "equal", "to"], Qual::UpTo),
    (&["smaller", "or", "equal", "than"], Qual::UpTo),
    (&["smaller", "or", "equal", "to"], Qual::UpTo),
    (&["lower", "or", "equal", "than"], Qual::UpTo),
    (&["lower", "or", "equal", "to"], Qual::UpTo),
    (&["fewer", "or", "equal", "than"], Qual::UpTo),
    (&["in", "the", "region", "of"], Qual::About),
    (&["in", "the", "order", "of"], Qual::About),
    (&["on", "the", "order", "of"], Qual::About),
    (&["a", "little", "more", "than"], Qual::JustOver),
    (&["a", "little", "over"], Qual::JustOver),
    (&["a", "little", "under"], Qual::Nearly),
    (&["a", "little", "less", "than"], Qual::Nearly),
    (&["slightly", "more", "than"], Qual::JustOver),
    (&["slightly", "less", "than"], Qual::Nearly),
    (&["slightly", "fewer", "than"], Qual::Nearly),
    (&["just", "more", "than"], Qual::JustOver),
    (&["just", "less", "than"], Qual::Nearly),
    (&["just", "fewer", "than"], Qual::Nearly),
    (&["no", "greater", "than"], Qual::UpTo),
    (&["not", "fewer", "than"], Qual::AtLeast),
    (&["not", "exceeding"], Qual::UpTo),
    (&["greater", "than"], Qual::Over),
    (&["higher", "than"], Qual::Over),
    (&["larger", "than"], Qual::Over),
    (&["bigger", "than"], Qual::Over),
    (&["lower", "than"], Qual::Under),
    (&["smaller", "than"], Qual::Under),
    (&["well", "over"], Qual::Over),
    (&["well", "above"], Qual::Over),
    (&["well", "under"], Qual::Under),
    (&["well", "below"], Qual::Under),
    (&["upward", "of"], Qual::Over),
    (&["north", "of"], Qual::Over),
    (&["the", "best", "part", "of"], Qual::Nearly),
    (&["as", "much", "as"], Qual::UpTo),
    (&["as", "high", "as"], Qual::UpTo),
    (&["at", "a", "minimum"], Qual::AtLeast),
    (&["at", "the", "least"], Qual::AtLeast),
    (&["at", "the", "most"], Qual::UpTo),
    (&["no", "fewer", "than"], Qual::AtLeast),
    (&["no", "less", "than"], Qual::AtLeast),
    (&["not", "less", "than"], Qual::AtLeast),
    (&["a", "minimum", "of"], Qual::AtLeast),
    (&["no", "more", "than"], Qual::UpTo),
    (&["not", "more", "than"], Qual::UpTo),
    (&["a", "maximum", "of"], Qual::UpTo),
    (&["as", "many", "as"], Qual::UpTo),
    (&["in", "excess", "of"], Qual::Over),
    (&["just", "shy", "of"], Qual::Nearly),
    (&["at", "least"], Qual::AtLeast),
    (&["minimum", "of"], Qual::AtLeast),
    (&["up", "to"], Qual::UpTo),
    (&["at", "most"], Qual::UpTo),
    (&["maximum", "of"], Qual::UpTo),
    (&["just", "over"], Qual::JustOver),
    (&["just", "above"], Qual::JustOver),
    (&["more", "than"], Qual::Over),
    (&["upwards", "of"], Qual::Over),
    (&["just", "under"], Qual::Nearly),
    (&["just", "below"], Qual::Nearly),
    (&["fewer", "than"], Qual::Under),
    (&["less", "than"], Qual::Under),
    (&["close", "to"], Qual::Nearly),
    (&["an", "estimated"], Qual::About),
    (&["over"], Qual::Over),
    (&["above"], Qual::Over),
    (&["exceeding"], Qual::Over),
    (&["under"], Qual::Under),
    (&["below"], Qual::Under),
    (&["nearly"], Qual::Nearly),
    (&["almost"], Qual::Nearly),
    (&["approaching"], Qual::Nearly),
    (&["beyond"], Qual::Over),
    (&["topping"], Qual::Over),
    (&["about"], Qual::About),
    (&["some"], Qual::About),
    (&["roughly"], Qual::About),
    (&["around"], Qual::About),
    (&["approximately"], Qual::About),
    (&["approx"], Qual::About),
    (&["circa"], Qual::About),
    (&["estimated"], Qual::About),
    (&["exactly"], Qual::Exactly),
    (&["precisely"], Qual::Exactly),
];

/// A qualifier found before the number: its kind and first token.
pub(crate) fn qualifier_before(
    cx: &Cx,
    first: usize,
    sentence_start: usize,
) -> Option<(Qual, usize)> {
    if first > sentence_start && cx.is_punct(first - 1, "~") {
        return Some((Qual::About, first - 1));
    }
    // `>10`, `<20`, `>= 5`, `< = 100`, `≥ 3`: comparison signs.
    if first > sentence_start && cx.kind(first - 1) == Some(Kind::Punct) {
        let k = first - 1;
        let or_equal = cx.is_punct(k, "=") && k > sentence_start;
        let sign = if or_equal { k - 1 } else { k };
        let q = match (cx.s(sign), or_equal) {
            (">", false) => Some(Qual::Over),
            ("<", false) => Some(Qual::Under),
            (">", true) | ("\u{2265}", false) => Some(Qual::AtLeast),
            ("<", true) | ("\u{2264}", false) => Some(Qual::UpTo),
            _ => None,
        };
        if let Some(q) = q {
            // `=< 5`, `=> 5`: the equals sign written first.
            let eq_first = !or_equal
                && matches!(q, Qual::Over | Qual::Under)
                && sign > sentence_start
                && cx.is_punct(sign - 1, "=")
                && cx.attached(sign);
            if eq_first {
                let q = if q == Qual::Over {
                    Qual::AtLeast
                } else {
                    Qual::UpTo
                };
                return Some((q, sign - 1));
            }
            return Some((q, sign));
        }
    }
    // Every pattern ends in the word just before the number: read it once and try only the
    // patterns ending in it (this runs for every number, over a long list).
    let last = cx.low(first.checked_sub(1).filter(|&k| k >= sentence_start)?)?;
    let candidates = before_by_last_word().get(last.as_str())?;
    'pat: for &i in candidates {
        let (words, q) = &BEFORE[i];
        let n = words.len();
        if first < sentence_start + n {
            continue;
        }
        let at = first - n;
        for (k, w) in words[..n - 1].iter().enumerate() {
            if !cx.is_word(at + k, w) {
                continue 'pat;
            }
        }
        // `turned over 300 emails`, `handed over £5,000`: after a verb it completes, `over`
        // is the verb's particle, not a bound.
        if *words == ["over"] && at > sentence_start && takes_over(cx, at - 1) {
            continue;
        }
        return Some((*q, at));
    }
    None
}

/// A form of a verb that `over` completes as a particle, handing something on or taking it
/// in: `turned over 300 emails`, `handed over £5,000`, `signed over`, `forked over`. Not `gave
/// over £1m`, which as often means more than £1m.
fn takes_over(cx: &Cx, j: usize) -> bool {
    cx.low(j).is_some_and(|w| {
        matches!(
            w.as_str(),
            "turn"
                | "turns"
                | "turned"
                | "turning"
                | "hand"
                | "hands"
                | "handed"
                | "handing"
                | "sign"
                | "signs"
                | "signed"
                | "signing"
                | "fork"
                | "forks"
                | "forked"
                | "forking"
        )
    })
}

/// The patterns of [`BEFORE`] by their last word, each list in the table's order (longer
/// patterns first where they share a last word). This runs for every number.
fn before_by_last_word() -> &'static HashMap<&'static str, Vec<usize>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, (words, _)) in BEFORE.iter().enumerate() {
            if let Some(last) = words.last() {
                index.entry(*last).or_default().push(i);
            }
        }
        index
    })
}

/// A qualifier written after the number (`or more`, `or so`, `+`, `-plus`): kind and the
/// token after it.
pub(crate) fn qualifier_after(cx: &Cx, end: usize) -> Option<(Qual, usize)> {
    if cx.is_punct(end, "+") && cx.attached(end) {
        return Some((Qual::AtLeast, end + 1));
    }
    if cx.is_punct(end, "-") && cx.attached(end) && cx.attached(end + 1) {
        if cx.is_word(end + 1, "plus") {
            return Some((Qual::AtLeast, end + 2));
        }
        if cx.is_word(end + 1, "odd") {
            return Some((Qual::About, end + 2));
        }
    }
    if cx.is_word(end, "or") || cx.is_word(end, "and") {
        let or = cx.is_word(end, "or");
        let q = match cx.low(end + 1).as_ref().map(Lower::as_str) {
            Some("more" | "greater" | "higher" | "above" | "over") if or => Qual::AtLeast,
            // `500 and more`: never `and more than 300`, read below.
            Some("more") => Qual::AtLeast,
            Some("above" | "over" | "up" | "upwards" | "upward" | "counting") => Qual::AtLeast,
            Some("so" | "thereabouts") if or => Qual::About,
            Some("fewer" | "less" | "lower" | "below" | "under") if or => Qual::UpTo,
            Some("below" | "under") => Qual::UpTo,
            _ => return None,
        };
        // `5 or more than 6`, `5 and over 20`: the second number has its own qualifier.
        // A `than` closing the clause is the same bound (`200 or greater than`).
        let than = cx.is_word(end + 2, "than");
        if starts_number(cx, end + 2 + usize::from(than))
            || (than && cx.kind(end + 3) == Some(Kind::Word))
        {
            return None;
        }
        return Some((q, end + 2 + usize::from(than)));
    }
    if cx.is_word(end, "at")
        && let Some(w) = cx.low(end + 1)
    {
        match w.as_str() {
            "least" => return Some((Qual::AtLeast, end + 2)),
            "most" => return Some((Qual::UpTo, end + 2)),
            _ => {}
        }
    }
    if cx.is_word(end, "max") || cx.is_word(end, "maximum") && !cx.is_word(end + 1, "of") {
        return Some((Qual::UpTo, end + 1));
    }
    None
}

/// Lowercase text of a word token, allocating only for non-ASCII words.
pub(crate) fn lower_string(cx: &Cx, i: usize) -> String {
    match cx.low(i) {
        Some(l) => l.as_str().to_owned(),
        None => cx.s(i).to_lowercase(),
    }
}

/// Noun forms of measure keywords, which are also the counted noun (`130 casualties`).
fn is_measure_noun(w: &str) -> bool {
    matches!(
        w,
        "deaths"
            | "casualties"
            | "fatalities"
            | "injuries"
            | "detainees"
            | "evacuees"
            | "bodies"
            | "arrests"
            | "survivors"
            | "suspects"
            | "refugees"
    )
}

/// The counted noun after a number: its lowercase text and token index, and a measure the
/// noun itself names (`130 casualties`, `182 wounded`).
pub(crate) fn counted_noun(cx: &Cx, after: usize) -> (Option<(String, usize)>, Option<Measure>) {
    let mut j = after;
    let mut partitive = false;
    for _ in 0..5 {
        let Some(t) = cx.get(j) else { break };
        if t.kind != Kind::Word {
            break;
        }
        let Some(l) = cx.low(j) else {
            // Non-ASCII word: a noun as far as we can tell.
            return (Some((lower_string(cx, j), j)), None);
        };
        let w = l.as_str();
        if let Some(m) = measure_keyword(w) {
            // `two detention officers`, `four arrest warrants`, `five death row inmates`: a
            // keyword's singular noun before another noun only modifies it.
            let modifier = !w.ends_with('s')
                && pos::lexical(w) == pos::Pos::Noun
                && cx.kind(j + 1) == Some(Kind::Word)
                && !cx.capitalised(j + 1)
                && cx
                    .low(j + 1)
                    .is_some_and(|n| pos::lexical(n.as_str()) == pos::Pos::Noun);
            if !modifier {
                let noun = is_measure_noun(w).then(|| (w.to_owned(), j));
                return (noun, Some(m));
            }
            j += 1;
            continue;
        }
        // `$1.5 billion the following year`: a determiner straight after the number opens a
        // phrase of its own; only past `of` does it lead to what is counted (`40 of the dead`).
        // A fraction or a multiple takes one (`half the sentence`, `twice the amount`).
        if j == after
            && is_determiner(w)
            && !(after > 0
                && cx.low(after - 1).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "half" | "quarter" | "third" | "twice" | "double" | "triple" | "treble"
                    )
                }))
        {
            break;
        }
        // `£2.5m worth of assets` counts assets, like `two of the assets`.
        if w == "worth" && cx.is_word(j + 1, "of") {
            partitive = true;
            j += 2;
            continue;
        }
        // `one civilian was injured`: a noun that often modifies another (`civilian
        // casualties`, `police officers`) is the head when no noun follows it.
        let heads_phrase = || {
            let ends_phrase = match cx.kind(j + 1) {
                Some(Kind::Word) => cx.low(j + 1).is_some_and(|n| {
                    is_function_word(n.as_str())
                        || matches!(pos::lexical(n.as_str()), pos::Pos::Aux | pos::Pos::Verb)
                }),
                _ => true,
            };
            ends_phrase
                && (pos::lexical(w) == pos::Pos::Noun || super::lexicon::class_of(w).is_some())
        };
        if is_noun_modifier(w) && !heads_phrase() {
            partitive |= w == "of";
            j += 1;
            continue;
        }
        // `killed 40 people today`: a time said from the story's day is never counted.
        if is_deictic_time(w) {
            break;
        }
        // `fined £10,000 last month`, `rose 5% last year`: a time phrase straight after the
        // number says when, not what (`three last-minute goals` is one hyphenated word).
        if j == after
            && matches!(w, "last" | "next")
            && !cx.attached(j + 1)
            && cx.low(j + 1).is_some_and(|n| {
                let n = n.as_str();
                is_period_word(n)
                    || matches!(
                        n,
                        "night" | "summer" | "winter" | "spring" | "autumn" | "fall"
                    )
                    || crate::model::month_number(n).is_some()
                    || crate::analysis::text::names::is_weekday(n)
            })
        {
            break;
        }
        if is_function_word(w) {
            break;
        }
        // `two of the victims' families`, `three of the company's directors`: past `of`, a
        // possessive noun is the group the part is taken from; the number counts what it has.
        if partitive && let Some(head) = possessed(cx, j) {
            return counted_noun(cx, head);
        }
        // `close to zero once the weather warms up`: an adverb or a conjunction the lexicon
        // knows is never what a number counts.
        if let (p, true) = pos::lookup(w)
            && matches!(
                p,
                pos::Pos::Adv | pos::Pos::Sconj | pos::Pos::Cconj | pos::Pos::Adp | pos::Pos::Aux
            )
        {
            break;
        }
        // Capitalised adjectives (`11 Russian soldiers`) and `-ed` participles
        // (`four presumed perpetrators`) before a lowercase noun.
        let next_is_noun = cx.kind(j + 1) == Some(Kind::Word)
            && !cx.capitalised(j + 1)
            && cx
                .low(j + 1)
                .is_some_and(|n| !is_function_word(n.as_str()) || is_noun_modifier(n.as_str()));
        if next_is_noun && (cx.capitalised(j) || (w.ends_with("ed") && w.len() > 4)) {
            j += 1;
            continue;
        }
        return (Some((w.to_owned(), j)), None);
    }
    (None, None)
}

/// Determiners that open a noun phrase of their own (`the`, `their`).
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "their" | "its" | "his" | "her" | "our" | "my" | "your" | "those" | "these"
    )
}

/// Words that place an event in time from the day the story is told: adverbs in use, never
/// what a number counts, though the lexicon files `today` as a noun. Narrower than
/// `names::is_time_word` on purpose: `morning`, `night` and the months can be counted (`three
/// nights`, `six months`).
pub(crate) fn is_deictic_time(w: &str) -> bool {
    matches!(
        w,
        "today" | "yesterday" | "tomorrow" | "tonight" | "overnight"
    )
}

/// True when the word at `j`, right after the number starting at token `first` (a count or a
/// share, not a sum), is the verb whose subject the number is (`the two met in Paris`, `64
/// percent think the law is wrong`, `200 march through the city`): the tagger calls it a verb
/// and a determiner, pronoun, preposition or particle follows it (`met in`, `fought off`).
/// Right after a number the tagger's verbs are often nouns, so plurals (`12 matches`), a
/// number of one (`one charge of`) and a number after `a` (`a 22 percent cut in benefits`)
/// are left out.
pub(crate) fn is_verb_of_the_number(cx: &Cx, first: usize, j: usize, value: f64) -> bool {
    use pos::Pos;
    let Some(w) = cx.low(j) else { return false };
    let w = w.as_str();
    // `a 22 percent cut`, `a proposed 5 percent trim`: a singular noun phrase.
    let after_article =
        (first.saturating_sub(2)..first).any(|k| cx.is_word(k, "a") || cx.is_word(k, "an"));
    if value == 1.0 || after_article || w.ends_with('s') || pos::lexical(w) != Pos::Verb {
        return false;
    }
    cx.kind(j + 1) == Some(Kind::Word)
        && cx.low(j + 1).is_some_and(|n| {
            // `not` follows a participle (`the first 999 call not made`), not a verb.
            n.as_str() != "not"
                && matches!(
                    pos::lexical(n.as_str()),
                    Pos::Det | Pos::Pron | Pos::Adp | Pos::Part
                )
        })
}

/// Whether a word the lists took after a number, with no noun phrase around it, can be what
/// the number counts. Not a time said from the story's day, a pronoun or a function word, and
/// not a participle opening a clause that describes the number (`£15.9 million paid in 2011`,
/// `over £189,000 found in an account`, `$15 million helping farmers`). Participles are told
/// by their form, not by the tagger, which reads nouns after a number as verbs too (`12
/// matches`, `one charge`).
pub(crate) fn may_be_counted(w: &str) -> bool {
    use pos::Pos;
    let (p, _) = pos::lookup(w);
    let participle =
        p == Pos::Verb && (w.ends_with("ed") || w.ends_with("ing") || is_irregular_participle(w));
    !is_deictic_time(w)
        && !participle
        && !matches!(
            p,
            Pos::Pron | Pos::Det | Pos::Aux | Pos::Adp | Pos::Part | Pos::Sconj | Pos::Cconj
        )
}

/// Past participles not formed with `-ed` that follow an amount in news copy (`£5 million set
/// aside`, `£40,000 paid`, `one hidden`).
fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "paid"
            | "found"
            | "set"
            | "sold"
            | "held"
            | "hidden"
            | "given"
            | "taken"
            | "made"
            | "spent"
            | "lost"
            | "won"
            | "left"
            | "seen"
            | "stolen"
            | "bought"
            | "brought"
            | "sent"
            | "kept"
            | "put"
            | "owed"
    )
}

/// The word a possessive at `j` owns (`victims'` → the token after the apostrophe,
/// `company's` → the one after `s`), when `j` is one.
fn possessed(cx: &Cx, j: usize) -> Option<usize> {
    let word = |k: usize| (cx.kind(k) == Some(Kind::Word)).then_some(k);
    // A tokenizer that keeps the apostrophe in the word: `company's`.
    if cx.s(j).ends_with("'s") || cx.s(j).ends_with("\u{2019}s") {
        return word(j + 1);
    }
    let apostrophe = |k: usize| cx.is_punct(k, "'") || cx.is_punct(k, "\u{2019}");
    if !apostrophe(j + 1) || !cx.attached(j + 1) {
        return None;
    }
    let head = if cx.is_word(j + 2, "s") && cx.attached(j + 2) {
        j + 3
    } else if cx.s(j).ends_with('s') {
        j + 2
    } else {
        return None;
    };
    word(head)
}

/// A counted word the lexicon knows as an adjective, before a lowercase word (`34 percent of
/// likely voters`), gives way to that word: the share is of voters. For the figures whose
/// noun phrase is not read (shares, amounts, units), where `counted_noun` stops at the first
/// word.
pub(crate) fn past_adjective(cx: &Cx, counted: (String, usize)) -> (String, usize) {
    let (w, j) = &counted;
    let next = cx.low(j + 1).filter(|_| cx.kind(j + 1) == Some(Kind::Word));
    match next {
        Some(n)
            if pos::lexical(w) == pos::Pos::Adj
                && !cx.capitalised(j + 1)
                && !is_function_word(n.as_str())
                && matches!(pos::lexical(n.as_str()), pos::Pos::Noun) =>
        {
            (n.as_str().to_owned(), j + 1)
        }
        _ => counted,
    }
}

/// Nearest event keyword to a figure, searching forward then backward within the sentence;
/// `blocked(i)` is true for tokens of other figures, which end the search.
pub(crate) fn nearest_measure(
    cx: &Cx,
    sentence_start: usize,
    first: usize,
    after: usize,
    blocked: &dyn Fn(usize) -> bool,
) -> Option<(Measure, u32)> {
    const MAX: u32 = 14;
    // A table cell or a label: `Deaths: 18`, `Officers injured: 6`, `Rescued = 56`.
    if first > sentence_start && (cx.is_punct(first - 1, ":") || cx.is_punct(first - 1, "=")) {
        let label = (first.saturating_sub(4).max(sentence_start)..first - 1)
            .rev()
            .take_while(|&k| cx.kind(k) == Some(Kind::Word))
            .find_map(|k| cx.low(k).and_then(|l| measure_at(cx, k, l.as_str())));
        if let Some(m) = label {
            return Some((m, 0));
        }
    }
    let mut fwd = None;
    let mut dist = 0u32;
    let mut seen_comma = false;
    let mut seen_link = false;
    let aside = in_relative_aside(cx, sentence_start, first);
    let mut j = after;
    while j < cx.end && dist <= MAX {
        if blocked(j) {
            break;
        }
        let t = cx.toks[j];
        match t.kind {
            // `Jones, who has three children, was jailed`: the verb after the aside is its
            // antecedent's, not the figure's.
            Kind::Punct if aside && cx.s(j) == "," => break,
            Kind::Punct => match cx.s(j) {
                "," | "(" | ")" => {
                    dist += 3;
                    seen_comma = true;
                }
                "-" | "'" | "\u{2019}" | "/" => {}
                _ => break,
            },
            Kind::Word => {
                dist += 1;
                if let Some(l) = cx.low(j) {
                    let w = l.as_str();
                    if let Some(m) = measure_at(cx, j, w) {
                        // `measured 7.8, killed 59,000`: the keyword governs the next figure.
                        if !governs_next(cx, j, blocked) {
                            fwd = Some((combined(cx, j, m), dist));
                        }
                        break;
                    }
                    // `more than 30 relatives of those killed`: past the figure's own noun, a
                    // keyword straight after `of those` or `of the` tells what befell the
                    // people that noun is related to. The search goes on past it (`20
                    // relatives of the dead were hurt`); `14 of those killed`, with no noun
                    // between, is a part of the killed.
                    if w == "of"
                        && j > first + 1
                        && cx
                            .low(j - 1)
                            .is_some_and(|n| pos::lexical(n.as_str()) == pos::Pos::Noun)
                        && cx
                            .low(j + 1)
                            .is_some_and(|d| matches!(d.as_str(), "those" | "the" | "these"))
                        && cx
                            .low(j + 2)
                            .is_some_and(|k| measure_at(cx, j + 2, k.as_str()).is_some())
                    {
                        j += 3;
                        dist += 3;
                        continue;
                    }
                    // `answer five questions to establish whether he was killed`: past a
                    // clause with a subject of its own, a keyword says what befell that.
                    if opens_clause(cx, j, j == after) || own_subject(cx, j, false) {
                        break;
                    }
                    // `one turkey left standing, the rest dead`, `one protester sat on the
                    // grass and the other was detained`: what follows is the others.
                    if (seen_comma || seen_link) && is_complement_set(cx, j) {
                        break;
                    }
                    if matches!(
                        w,
                        "and" | "but" | "while" | "whereas" | "or" | "after" | "before" | "when"
                    ) {
                        dist += 2;
                        seen_link = true;
                    }
                }
            }
            Kind::Num => dist += 1,
        }
        j += 1;
    }
    let mut back = None;
    let mut dist = 0u32;
    let mut j = first;
    while j > sentence_start && dist <= MAX {
        j -= 1;
        if blocked(j) {
            break;
        }
        let t = cx.toks[j];
        match t.kind {
            // `The toll, which stood at 20 on Monday, rose to 31`: the verb after a relative
            // aside is its antecedent's, so the search passes over the aside to it.
            Kind::Punct if cx.s(j) == "," => {
                dist += 3;
                if let Some(open) = (j.saturating_sub(20).max(sentence_start)..j)
                    .rev()
                    .find(|&k| cx.kind(k) == Some(Kind::Punct))
                    .filter(|&k| opens_relative_aside(cx, k))
                {
                    j = open;
                }
            }
            Kind::Punct => match cx.s(j) {
                "(" | ")" => dist += 3,
                "-" | "'" | "\u{2019}" | "/" | "$" | "£" | "€" => {}
                _ => break,
            },
            Kind::Word => {
                dist += 1;
                if let Some(l) = cx.low(j) {
                    let w = l.as_str();
                    if let Some(m) = measure_at(cx, j, w) {
                        back = Some((combined_back(cx, j, m, sentence_start), dist));
                        break;
                    }
                    // `a ferry carrying 150 passengers`: the figure is the object of a
                    // participle describing the noun before it, and what befell the noun's
                    // clause befell the noun, not the figure. (`the toll passed 140`, `has
                    // reached 31` keep the toll's measure.)
                    if j + 1 == first
                        && j > sentence_start
                        && w.ends_with("ing")
                        && pos::lexical(w) == pos::Pos::Verb
                        && cx
                            .low(j - 1)
                            .is_some_and(|n| pos::lexical(n.as_str()) == pos::Pos::Noun)
                    {
                        break;
                    }
                    // `the inquest into the death of X that they may reach one of three
                    // conclusions`: the figure sits in a clause of its own.
                    if opens_clause(cx, j, false) || own_subject(cx, j, true) {
                        break;
                    }
                    if matches!(w, "and" | "but" | "while" | "whereas" | "or") {
                        dist += 2;
                    }
                }
            }
            Kind::Num => dist += 1,
        }
    }
    match (fwd, back) {
        (Some(f), Some(b)) => Some(if b.1 < f.1 { b } else { f }),
        (f, b) => f.or(b),
    }
}

/// Whether the figure starting at token `first` lies in a relative clause set off by commas
/// (`Jones, who has three children, was jailed`, `the bus, which was carrying 40 passengers,
/// crashed`): the clause opens with `who`, `which` or `whose` right after the last comma
/// before the figure.
fn in_relative_aside(cx: &Cx, sentence_start: usize, first: usize) -> bool {
    (sentence_start..first)
        .rev()
        .find(|&k| cx.kind(k) == Some(Kind::Punct))
        .is_some_and(|k| opens_relative_aside(cx, k))
}

/// Whether token `k` is a comma that opens a relative aside (`, who`, `, which`, `, whose`).
pub(crate) fn opens_relative_aside(cx: &Cx, k: usize) -> bool {
    cx.is_punct(k, ",")
        && cx
            .low(k + 1)
            .is_some_and(|w| matches!(w.as_str(), "who" | "which" | "whose"))
}

/// A subordinating word at `j` that opens a clause with a subject of its own (`whether he was
/// killed`, `once the weather warms up and kills off the virus`, `because police shot`). One
/// followed by a participle keeps the figure as its subject (`fled before being killed`,
/// `while trying to escape`), and so does a relative pronoun straight after the figure's noun
/// (`30 people who died`, which `right_after` says).
fn opens_clause(cx: &Cx, j: usize, right_after: bool) -> bool {
    let Some(w) = cx.low(j) else { return false };
    let w = w.as_str();
    let relative = matches!(w, "that" | "which" | "who" | "whom" | "whose" | "where");
    if relative && right_after {
        return false;
    }
    if !relative && pos::lexical(w) != pos::Pos::Sconj && w != "once" {
        return false;
    }
    match cx.low(j + 1) {
        Some(n) => {
            let n = n.as_str();
            let participle = n == "being"
                || n == "having"
                || (n.ends_with("ing") && pos::lexical(n) == pos::Pos::Verb);
            // `who were killed`, `which killed 30`: the relative's subject is the noun before
            // it; only one met later, after other words, is about something else.
            let verb_next = matches!(pos::lexical(n), pos::Pos::Verb | pos::Pos::Aux)
                && matches!(w, "that" | "which" | "who");
            !participle && !verb_next
        }
        None => false,
    }
}

/// A subject pronoun at `j`: the verb after it has its own subject. Forward, `they` may be the
/// figure's own people again (`five people said they were injured`), so only `back` counts it;
/// `there` counts only as the subject of `there were`.
fn own_subject(cx: &Cx, j: usize, back: bool) -> bool {
    let Some(w) = cx.low(j) else { return false };
    match w.as_str() {
        // `it` and `you` are objects as often (`two people in it were hurt`).
        "he" | "she" | "i" => true,
        "they" | "we" => back,
        "there" => cx.low(j + 1).is_some_and(|n| {
            matches!(
                n.as_str(),
                "was" | "were" | "is" | "are" | "had" | "have" | "has" | "will" | "would"
            )
        }),
        _ => false,
    }
}

/// `the rest`, `the other(s)`, `the remainder` after a comma or a conjunction: the keyword
/// after it describes the rest of a group, not the figure's part of it.
fn is_complement_set(cx: &Cx, j: usize) -> bool {
    j > 0
        && cx.is_word(j - 1, "the")
        && cx
            .low(j)
            .is_some_and(|w| matches!(w.as_str(), "rest" | "others" | "other" | "remainder"))
}

/// The measure the word `w` at token `j` names, reading the phrases one word cannot:
/// `forced from their homes`, `driven out`, `lost their homes` (displaced), `pulled alive`
/// (rescued).
fn measure_at(cx: &Cx, j: usize, w: &str) -> Option<Measure> {
    // `no arrests were made`, `without injuries`: the keyword names what did not happen.
    if j > 0
        && cx
            .low(j - 1)
            .is_some_and(|p| matches!(p.as_str(), "no" | "zero" | "without" | "nor"))
    {
        return None;
    }
    if let Some(m) = measure_keyword(w) {
        return Some(m);
    }
    match w {
        "homes" | "houses" | "villages" => (j >= 2
            && cx.is_word(j - 1, "their")
            && cx.low(j - 2).is_some_and(|p| {
                matches!(
                    p.as_str(),
                    "from" | "fled" | "left" | "lost" | "of" | "abandoned"
                )
            }))
        .then_some(Measure::Displaced),
        "alive" => (!(j > 0 && cx.is_word(j - 1, "still"))).then_some(Measure::Rescued),
        // `forced 6,000 people to leave`, `told to leave their homes`.
        "leave" => (j > 0 && cx.is_word(j - 1, "to")).then_some(Measure::Displaced),
        "forced" | "driven" | "chased" | "pushed" => (cx.is_word(j + 1, "from")
            || cx.is_word(j + 1, "out")
            || (cx.is_word(j + 1, "to") && cx.is_word(j + 2, "flee")))
        .then_some(Measure::Displaced),
        "lost" | "left" | "abandoned" => (cx.is_word(j + 1, "their")
            && (cx.is_word(j + 2, "homes") || cx.is_word(j + 2, "houses")))
        .then_some(Measure::Displaced),
        "pulled" | "dug" | "found" => (cx.is_word(j + 1, "alive")
            || (cx.is_word(j + 1, "out") && cx.is_word(j + 2, "alive")))
        .then_some(Measure::Rescued),
        _ => None,
    }
}

/// True when the keyword at `j` is followed, past qualifier words, by another figure.
fn governs_next(cx: &Cx, j: usize, blocked: &dyn Fn(usize) -> bool) -> bool {
    let mut k = j + 1;
    while k < cx.end && k <= j + 4 {
        if blocked(k) {
            return true;
        }
        let skip = match cx.kind(k) {
            Some(Kind::Word) => cx.low(k).is_some_and(|l| {
                matches!(
                    l.as_str(),
                    "at" | "least"
                        | "more"
                        | "than"
                        | "over"
                        | "nearly"
                        | "almost"
                        | "about"
                        | "some"
                        | "around"
                        | "roughly"
                        | "up"
                        | "to"
                        | "as"
                        | "many"
                        | "an"
                        | "estimated"
                        | "a"
                        | "further"
                        | "another"
                        | "total"
                        | "of"
                        | "only"
                        | "just"
                        | "approximately"
                )
            }),
            Some(Kind::Punct) => matches!(cx.s(k), "$" | "£" | "€" | "~"),
            _ => false,
        };
        if !skip {
            return false;
        }
        k += 1;
    }
    false
}

fn is_pair(a: Measure, b: Measure) -> bool {
    matches!(
        (a, b),
        (Measure::Killed, Measure::Injured) | (Measure::Injured, Measure::Killed)
    )
}

/// `killed or injured`, `dead and wounded`: together they are casualties.
fn combined(cx: &Cx, j: usize, m: Measure) -> Measure {
    for k in [j + 2, j + 3] {
        // `killed and 40 injured` are two counts; `killed or seriously injured` is one.
        if k == j + 3
            && (cx.kind(j + 2) != Some(Kind::Word)
                // `killed and five wounded` are two counts too.
                || (starts_number(cx, j + 2) && !cx.is_word(j + 2, "a") && !cx.is_word(j + 2, "an")))
        {
            break;
        }
        if (cx.is_word(j + 1, "and") || cx.is_word(j + 1, "or"))
            && let Some(l) = cx.low(k)
            && let Some(m2) = measure_keyword(l.as_str())
            && is_pair(m, m2)
        {
            return Measure::Casualties;
        }
    }
    m
}

fn combined_back(cx: &Cx, j: usize, m: Measure, sentence_start: usize) -> Measure {
    if j >= sentence_start + 2
        && (cx.is_word(j - 1, "and") || cx.is_word(j - 1, "or"))
        && let Some(l) = cx.low(j - 2)
        && let Some(m2) = measure_keyword(l.as_str())
        && is_pair(m, m2)
    {
        return Measure::Casualties;
    }
    combined(cx, j, m)
}

/// True for a noun that cannot carry a toll of people.
pub(crate) fn blocks_event(counted: &str) -> bool {
    is_non_person_noun(counted)
}
