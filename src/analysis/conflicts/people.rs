//! Whether two plain counts of people (no toll: `about 300 people were at the market`, `more
//! than 2,000 people have signed a book of condolence`) count one group. The counted noun says
//! little (`people` is anyone), so what a plain count counts is what its clause says of them:
//! the verb and its objects, the noun's own words. Two outlets giving one crowd's size say
//! something alike of it (`4,000 marchers crossed the harbour`, `10,000 people joined the
//! march`); counts whose first words after the number share none are different groups
//! (`800,000 federal workers … miss a paycheck`, `an extension to 300,000 people from El
//! Salvador`), and are not compared. Only the first few words count: past them, a clause names
//! the story's place and event, which all its counts share.

use crate::analysis::figures::{
    Figure, is_function_word, is_speech_verb, scale_word, small_number,
};

/// How many content words after the number say what its people do or are: the noun and its
/// words, the verb, its object. Further words are the story's (its place, its event), which
/// every count of the story shares.
const PREDICATE_WORDS: usize = 3;

/// The first content words after `f` in its clause in `text` (past one aside: `Six people,
/// including the gunman, died`), folded to lowercase and stripped of their inflections
/// (`marchers` and `march` are one word), without names and the words that say nothing of a
/// group (`people`, `were`, `the`).
pub(super) fn clause_words(text: &str, f: &Figure) -> Vec<String> {
    let sentence: Vec<char> = text
        .chars()
        .skip(f.sentence_start)
        .take(f.sentence_end.saturating_sub(f.sentence_start))
        .collect();
    let b = f.end.saturating_sub(f.sentence_start).min(sentence.len());
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    let part_end = |from: usize| {
        sentence[from..]
            .iter()
            .position(|&c| is_break(c))
            .map_or(sentence.len(), |k| from + k)
    };
    let to = part_end(b);
    let mut words = words_of(&sentence[b..to]);
    if words.len() < 2 && to < sentence.len() {
        words.extend(words_of(&sentence[to + 1..part_end(to + 1)]));
    }
    words.truncate(PREDICATE_WORDS);
    words
}

/// Whether two clauses' words say something alike of their people.
pub(super) fn same_people(a: &[String], b: &[String]) -> bool {
    a.iter().any(|w| b.contains(w))
}

fn words_of(chars: &[char]) -> Vec<String> {
    let s: String = chars.iter().collect();
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        // Names place the scene (`in Orlen`), which every count of the story shares.
        .filter(|w| !w.starts_with(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| !says_nothing(w))
        .map(|w| root(&w).to_owned())
        .collect()
}

/// `marchers`, `marching`, `marched` → `march`: enough to meet the same word in another form.
/// Not the stories' stemmer (`stories::features::stem`), which keeps agent nouns whole: a topic
/// word `marcher` is not `march`, but a crowd of marchers is the march's.
fn root(w: &str) -> &str {
    for suffix in ["ers", "er", "ing", "ed", "es", "s"] {
        if let Some(r) = w.strip_suffix(suffix)
            && r.chars().count() >= 3
        {
            return r;
        }
    }
    w
}

/// Words that say nothing of which group a count is: the figure reader's function words and
/// verbs of saying, number words, and what is left of a clause's grammar and of the nouns that
/// name anyone. (The stories' stop words are not these: they drop the months, and `march`.)
fn says_nothing(w: &str) -> bool {
    is_function_word(w)
        || is_speech_verb(w)
        || small_number(w).is_some()
        || scale_word(w).is_some()
        || matches!(
            w,
            "the"
                | "their"
                | "they"
                | "them"
                | "its"
                | "his"
                | "her"
                | "there"
                | "some"
                | "more"
                | "less"
                | "fewer"
                | "nearly"
                | "almost"
                | "around"
                | "least"
                | "most"
                | "only"
                | "just"
                | "another"
                | "other"
                | "through"
                | "along"
                | "against"
                | "between"
                | "within"
                | "without"
                | "until"
                | "according"
                | "people"
                | "person"
                | "persons"
                | "individuals"
                | "hundreds"
                | "thousands"
                | "millions"
                | "dozens"
                | "tens"
        )
}
