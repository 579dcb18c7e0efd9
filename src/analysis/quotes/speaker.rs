//! Who said a quotation: sentences and words of the text, the speaker named next to a speech
//! verb before or after the quote, pronouns and unattributed follow-up quotes resolved to the
//! speaker named last, and the surname that identifies a speaker across outlets ("Mr. Steele",
//! "Michael Steele" and "Steele" are one person).

pub(super) use super::lexicon::OPENERS;
use super::lexicon::{CHANNELS, CONNECTORS, DOCUMENTS};
use super::mentions::{Mentions, TITLES};
pub use super::sentence::speaker_key;
pub(super) use super::sentence::{capitalised, is_speech_verb, joined, sentences, word, words_in};
use super::verbs::{Form, NAMING, speech_verb};
use crate::analysis::text::names::is_time_word;
use crate::analysis::text::pos::{Pos, lexical, lookup};

/// Verbs followed by whom the words were said to ("told AP", "asked reporters"), not by who
/// said them.
fn names_listener(verb: &str) -> bool {
    matches!(verb.to_lowercase().as_str(), "told" | "tells" | "asked")
}

/// A speaker named next to a speech verb: capitalised words ("Anja Berg", "Antonov"), or
/// "the" with a role ("the ambassador", "the envoy"), or a pronoun.
pub(super) fn speaker_after(chars: &[char], ws: &[(usize, usize)], from: usize) -> Option<String> {
    let first = word(chars, *ws.get(from)?);
    let lower = first.to_lowercase();
    if matches!(lower.as_str(), "he" | "she" | "they") {
        return Some(lower);
    }
    // "said a White House spokesman, Eric Schultz": the role, then the name after a comma.
    if matches!(lower.as_str(), "a" | "an" | "the")
        && let Some(comma) =
            (from + 2..ws.len().min(from + 7)).find(|&i| chars[ws[i - 1].1..ws[i].0].contains(&','))
        && (from + 1..comma).all(|i| joined(chars, ws[i - 1], ws[i]))
        && !DOCUMENTS.contains(&word(chars, ws[comma - 1]).to_lowercase().as_str())
        && capitalised(&word(chars, ws[comma]))
        && let Some(name) = speaker_after(chars, ws, comma).filter(|n| n.contains(' '))
    {
        return Some(name);
    }
    // "tweeted opposition leader Thabo Mbeki": a role's words before the name.
    if !capitalised(&first) && !matches!(lower.as_str(), "the" | "a" | "an") {
        let name = (from..ws.len().min(from + 4))
            .take_while(|&i| i == from || joined(chars, ws[i - 1], ws[i]))
            .find(|&i| capitalised(&word(chars, ws[i])))?;
        let role_words = (from..name).all(|i| {
            let w = word(chars, ws[i]);
            matches!(lexical(&w), Pos::Noun | Pos::Adj) && !is_time_word(&w)
        });
        return role_words.then(|| speaker_after(chars, ws, name)).flatten();
    }
    if lower == "the" {
        let role = word(chars, *ws.get(from + 1)?);
        // "said the statement from Grimm's attorney, William McGinley": whose text it is.
        if DOCUMENTS.contains(&role.as_str())
            && ws
                .get(from + 2)
                .is_some_and(|w| matches!(word(chars, *w).as_str(), "from" | "by" | "of"))
        {
            return author_after(chars, ws, from + 3);
        }
        // "fumed the Pole": a demonym alone, the sentence ending after it, is a role too.
        let demonym = capitalised(&role)
            && ws
                .get(from + 2)
                .is_none_or(|next| !joined(chars, ws[from + 1], *next));
        return ((!capitalised(&role) || demonym)
            && role.chars().all(char::is_alphabetic)
            && !DOCUMENTS.contains(&role.as_str())
            && !CHANNELS.contains(&format!("the {}", role.to_lowercase()).as_str()))
        .then(|| format!("the {role}"));
    }
    let mut names: Vec<String> = Vec::new();
    let span = ws[from..]
        .iter()
        .enumerate()
        .take_while(|(i, w)| *i == 0 || joined(chars, ws[from + i - 1], **w))
        .count();
    for w in ws[from..from + span]
        .iter()
        .map(|w| word(chars, *w))
        .take(8)
    {
        // "Secretary of the Interior Ryan Zinke": "the" inside an office's name.
        let office = w == "the" && names.last().is_some_and(|l| l == "of");
        let joins = !names.is_empty() && (CONNECTORS.contains(&w.as_str()) || office);
        if (!capitalised(&w) || is_speech_verb(&w)) && !joins {
            break;
        }
        names.push(w);
    }
    while names
        .last()
        .is_some_and(|w| CONNECTORS.contains(&w.as_str()) || w == "the")
    {
        names.pop();
    }
    // "Strzok's attorney": the one who speaks is the attorney, not named here.
    if names
        .last()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
    {
        return None;
    }
    clean_name(&names)
}

/// The first name within six words from `from` that is not a possessor ("Grimm's attorney,
/// William McGinley" is McGinley; "the White House" is the White House).
fn author_after(chars: &[char], ws: &[(usize, usize)], from: usize) -> Option<String> {
    let end = ws.len().min(from + 6);
    let mut k = from;
    while k < end {
        let w = word(chars, ws[k]);
        if !capitalised(&w) || w.ends_with("'s") || w.ends_with("’s") {
            k += 1;
            continue;
        }
        let run: Vec<String> = (k..end)
            .take_while(|&i| i == k || joined(chars, ws[i - 1], ws[i]))
            .map(|i| word(chars, ws[i]))
            .take_while(|w| capitalised(w))
            .collect();
        if run
            .last()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            k += run.len();
            continue;
        }
        return clean_name(&run);
    }
    None
}

/// The name as shown: words joined, a leading courtesy title dropped ("Mr Steele" →
/// "Steele"); `None` for an empty name or a news channel.
fn clean_name(words: &[String]) -> Option<String> {
    let mut words = words;
    // A courtesy title starts the name, whatever capitalised word stood before it (the last
    // word of a quotation, a sentence opener): "Christian Mr Perry" is "Mr Perry".
    if let Some(t) = words.iter().rposition(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "mr" | "mrs" | "ms" | "dr" | "miss" | "mister"
        )
    }) && t + 1 < words.len()
    {
        words = &words[t..];
    }
    while words.len() > 1
        && matches!(
            words[0].to_lowercase().as_str(),
            "mr" | "mrs" | "ms" | "dr" | "miss" | "mister"
        )
    {
        words = &words[1..];
    }
    // "Treasury Secretary Jacob Lew", "Secretary of the Interior Ryan Zinke": the office
    // before a name is not the name (the role is read apart, by [`super::roles`]).
    if let Some(t) = words
        .iter()
        .rposition(|w| TITLES.contains(&w.trim_end_matches('.')))
        .filter(|&t| t + 1 < words.len())
    {
        let mut i = t + 1;
        let mut office = false;
        while i + 1 < words.len() && matches!(words[i].as_str(), "of" | "the" | "for" | "and") {
            i += 1;
            office = true;
        }
        if office {
            i += 1;
        }
        if i < words.len() {
            words = &words[i..];
        }
    }
    // "Chief Executive Martin Cole", "U.S. Attorney Gary Lindqvist": a capitalised common
    // noun before the last two words is an office, not a given name.
    if let Some(i) = (0..words.len().saturating_sub(2))
        .rev()
        .find(|&i| office_word(&words[i]))
    {
        words = &words[i + 1..];
    }
    // "Chuck Schumer of New York": the place a person is of is not their name (an office
    // "of" something was stripped above; "Bank of America" has one word before it).
    if let Some(of) = words.iter().position(|w| w == "of")
        && of >= 2
    {
        words = &words[..of];
    }
    // "The Dutchman": a role written capitalised, not a name.
    if words.len() == 2 && words[0] == "The" {
        return Some(format!("the {}", words[1]));
    }
    // "Trump's Inaugural Address": a possessive inside is a thing of someone's, not a name.
    if words[..words.len().saturating_sub(1)]
        .iter()
        .any(|w| w.ends_with("'s") || w.ends_with("’s"))
    {
        return None;
    }
    // "Mike Thibodeau (R-Winterport)" leaves a party letter behind.
    while words.len() > 1 && words[words.len() - 1].chars().count() == 1 {
        words = &words[..words.len() - 1];
    }
    // "said Tuesday", "Romney said Friday": a day or month is when, not who.
    if words.iter().any(|w| is_time_word(&w.to_lowercase())) {
        return None;
    }
    let name = words.join(" ");
    if name.is_empty() {
        return None;
    }
    // "CNN and MSNBC": channels named together are channels too.
    if name.contains(" and ")
        && name
            .split(" and ")
            .all(|part| CHANNELS.contains(&part.to_lowercase().as_str()))
    {
        return None;
    }
    // "Fox told CNN" may be Vicente Fox: whether a channel's name is a person's is settled
    // once the article's people are known ([`settle_channel`]).
    if CHANNELS.contains(&name.to_lowercase().as_str()) {
        return Some(format!("{CHANNEL_TAG}{name}"));
    }
    Some(name)
}

/// A capitalised word that is a common noun, adjective or verb, not a name: "Executive",
/// "Attorney", "Charge" (but not "Martin", which the lexicon knows as a name too).
fn office_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    matches!(lookup(&lower), (Pos::Noun | Pos::Adj | Pos::Verb, true))
        && !matches!(lookup(w).0, Pos::Propn)
        && !CONNECTORS.contains(&lower.as_str())
}

/// Marks a speaker whose name is also a news channel's, until [`settle_channel`].
const CHANNEL_TAG: &str = "\u{1}";

/// A speaker named like a channel ("Fox", "Bloomberg") is a person when the article names
/// someone of that surname in full or with a title ("Vicente Fox", "Mr. Bloomberg"); else it
/// is the channel the words came through, never their speaker.
pub(super) fn settle_channel(who: Option<String>, mentions: &Mentions) -> Option<String> {
    match who {
        Some(w) if w.starts_with(CHANNEL_TAG) => {
            let bare = &w[CHANNEL_TAG.len()..];
            mentions.names_person(bare).then(|| bare.to_owned())
        }
        other => other,
    }
}

/// Whether two speaker keys name one person: equal, or one letter apart in a surname of four
/// letters or more with the same first letter (a typo: "Tump" for "Trump").
pub(super) fn same_person(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len().min(y.len()) < 4 || x.len().abs_diff(y.len()) > 1 || x[0] != y[0] {
        return false;
    }
    // One edit (substitution, insertion or deletion) apart.
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        if x[i] == y[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        match x.len().cmp(&y.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (x.len() - i) + (y.len() - j) <= 1
}

/// The speaker named just before a speech verb, and the index of its first word: a pronoun,
/// capitalised words ("Anja Berg", "Antonov"), or "the" with up to three lower-case words
/// ("the ambassador", "the regional governor"), perhaps followed by a name.
pub(super) fn speaker_phrase_before(
    chars: &[char],
    ws: &[(usize, usize)],
    verb: usize,
) -> Option<(usize, String)> {
    if verb == 0 {
        return None;
    }
    let at = |k: usize| word(chars, ws[k]);
    // "quoted Antonov as saying"
    if at(verb - 1).eq_ignore_ascii_case("as") && verb >= 2 {
        // The name quoted is the object of "quoted": "the agency quoted Doe as saying".
        let mut start = verb - 1;
        while start > 0 && verb - 1 - start < 4 && capitalised(&at(start - 1)) {
            start -= 1;
        }
        if start < verb - 1 {
            let names: Vec<String> = (start..verb - 1).map(at).collect();
            if let Some(name) = clean_name(&names) {
                return Some((start, name));
            }
        }
        return speaker_phrase_before(chars, ws, verb - 1);
    }
    // "Senate President Mike Thibodeau (R) said": the bracket is not the name.
    if chars[ws[verb - 1].1..ws[verb].0].contains(&')')
        && let Some(open) = (1..verb)
            .rev()
            .take(4)
            .find(|&j| chars[ws[j - 1].1..ws[j].0].contains(&'('))
    {
        return speaker_phrase_before(chars, ws, open);
    }
    let prev = at(verb - 1);
    // "Mr. Perry also says": an adverb between the name and the verb.
    if verb >= 2
        && !capitalised(&prev)
        && !matches!(prev.as_str(), "he" | "she" | "they")
        && lexical(&prev) == Pos::Adv
        && joined(chars, ws[verb - 1], ws[verb])
    {
        return speaker_phrase_before(chars, ws, verb - 1);
    }
    // "Mr. Rubio is expected to say", "she would later tell": the auxiliaries of a verb
    // stand between its subject and it.
    if verb >= 2 && AUXILIARIES.contains(&prev.as_str()) && joined(chars, ws[verb - 1], ws[verb]) {
        return speaker_phrase_before(chars, ws, verb - 1);
    }
    if matches!(prev.to_lowercase().as_str(), "he" | "she" | "they") {
        return Some((verb - 1, prev.to_lowercase()));
    }
    let mut start = verb;
    while start > 0 && verb - start < 6 {
        if start < verb && !joined(chars, ws[start - 1], ws[start]) {
            break;
        }
        let w = at(start - 1);
        // "Relief and Works Agency": a connector only between capitalised words.
        let joins = CONNECTORS.contains(&w.as_str())
            && start < verb
            && start >= 2
            && capitalised(&at(start - 2));
        if !capitalised(&w) && !joins {
            break;
        }
        start -= 1;
    }
    // A sentence's first word is capitalised whatever it is: "However Antonov said".
    while start < verb
        && (OPENERS.contains(&at(start).to_lowercase().as_str())
            || CONNECTORS.contains(&at(start).to_lowercase().as_str()))
    {
        start += 1;
    }
    if let Some(role) = role_before(chars, ws, verb) {
        return Some(role);
    }
    // "the ambassador", "the regional governor", "the ambassador Anatoly Antonov"
    let mut k = start;
    while k > 0
        && start - k < 3
        && !capitalised(&at(k - 1))
        && !at(k - 1).eq_ignore_ascii_case("the")
        && (k == verb || joined(chars, ws[k - 1], ws[k]))
    {
        k -= 1;
    }
    if k > 0 && k < start + 1 && at(k - 1).eq_ignore_ascii_case("the") && k < verb {
        let phrase: Vec<String> = (k..verb).map(at).collect();
        // "the cover, with some saying": a role is one noun phrase, not a clause.
        if phrase.iter().any(|w| {
            matches!(
                w.as_str(),
                "with"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "to"
                    | "from"
                    | "by"
                    | "about"
                    | "and"
                    | "or"
                    | "but"
            )
        }) {
            return None;
        }
        let who = format!("the {}", phrase.join(" "));
        let document = phrase
            .last()
            .is_some_and(|w| DOCUMENTS.contains(&w.as_str()));
        return (!CHANNELS.contains(&who.to_lowercase().as_str()) && !document)
            .then_some((k - 1, who));
    }
    if start >= verb {
        return None;
    }
    let names: Vec<String> = (start..verb).map(at).collect();
    clean_name(&names).map(|n| (start, n))
}

/// A role just before the verb, as one noun phrase from its determiner: "the Texas senator",
/// "a spokesman", "one senior aide", "a spokeswoman for Mayor Ruiz" (the spokeswoman speaks,
/// not the mayor). `None` when the words before the verb are not such a phrase, or the
/// phrase is a text or a channel ("the statement", "the network").
fn role_before(chars: &[char], ws: &[(usize, usize)], verb: usize) -> Option<(usize, String)> {
    let at = |k: usize| word(chars, ws[k]);
    let mut det = None;
    for j in (verb.saturating_sub(8)..verb).rev() {
        if !joined(chars, ws[j], ws[j + 1]) {
            return None;
        }
        let w = at(j).to_lowercase();
        if matches!(w.as_str(), "the" | "a" | "an" | "one" | "another") {
            det = Some(j);
            // "a source close to the singer": a determiner after a preposition opens the
            // role's complement; the role's own determiner stands further back.
            let complement =
                j > 0 && PREPOSITIONS_OF_ROLE.contains(&at(j - 1).to_lowercase().as_str());
            if !complement {
                break;
            }
            continue;
        }
        if is_speech_verb(&w) || matches!(w.as_str(), "and" | "or" | "but" | "who" | "that") {
            return None;
        }
    }
    let det = det?;
    let words: Vec<String> = (det + 1..verb).map(at).collect();
    // The head noun: the last word before any preposition; lower case ("the Texas senator").
    let head_at = words
        .iter()
        .position(|w| PREPOSITIONS_OF_ROLE.contains(&w.as_str()))
        .unwrap_or(words.len());
    let head = words[..head_at].last()?;
    if capitalised(head)
        || !head.chars().all(|c| c.is_alphabetic() || c == '-')
        || DOCUMENTS.contains(&head.as_str())
        || words.len() > 7
    {
        return None;
    }
    let who = format!("{} {}", at(det).to_lowercase(), words.join(" "));
    (!CHANNELS.contains(&who.as_str())).then_some((det, who))
}

/// Prepositions that end a role's head ("a spokesman for the agency").
const PREPOSITIONS_OF_ROLE: &[&str] = &["for", "of", "at", "with", "to", "from", "in", "on"];

/// The speaker of the speech verb `ws[verb]` as reported speech reads it ("X said that …"):
/// a participle after a comma is its clause subject's ("took a swipe at CNN and MSNBC, saying
/// that …" is whoever took the swipe), a finite verb the name before it.
pub(super) fn speaker_of_reported(
    chars: &[char],
    ws: &[(usize, usize)],
    verb: usize,
) -> Option<String> {
    if participle(&word(chars, ws[verb])) {
        return speaker_of_participle(chars, ws, verb).map(|(_, who)| who);
    }
    speaker_before(chars, ws, verb)
}

pub(super) fn speaker_before(chars: &[char], ws: &[(usize, usize)], verb: usize) -> Option<String> {
    speaker_phrase_before(chars, ws, verb).map(|(_, s)| s)
}

/// Words between a subject and its speech verb: auxiliaries and the verbs that look ahead
/// to speaking ("is expected to say", "went on to tell", "did not say").
const AUXILIARIES: &[&str] = &[
    "to", "expected", "going", "set", "likely", "due", "is", "was", "are", "were", "will", "would",
    "can", "could", "may", "might", "shall", "should", "must", "did", "does", "do", "has", "have",
    "had", "not", "never", "on", "went", "later", "then", "also", "plans", "planned", "wants",
    "wanted",
];

/// The speaker of a quotation from the words of its sentence outside the quote, with the
/// character offset where the speaker is named (a pronoun is resolved from what precedes it).
pub(super) fn speaker_near(
    chars: &[char],
    sentence: (usize, usize),
    quote: (usize, usize),
) -> Option<(usize, String)> {
    let before = words_in(chars, sentence.0, quote.0);
    let introduced = chars[sentence.0..quote.0.min(chars.len())]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '“' | '"' | '«' | '„' | '‘'))
        == Some(&':');
    if introduced {
        // `Antonov said: «…»`, `Romney released a statement saying: "…"`
        for k in (0..before.len()).rev() {
            let verb = word(chars, before[k]);
            if participle(&verb) {
                return speaker_of_participle(chars, &before, k);
            }
            if is_speech_verb(&verb) {
                return speaker_of_verb(chars, &before, k);
            }
        }
        // `She went on: "…"`: a short clause before the colon; its subject speaks.
        if before.len() <= 4
            && let Some(found) = sentence_subject(chars, &before)
        {
            return Some(found);
        }
    }
    // After the quote: `,” Antonov said`, `, said Anja Berg`, `” he noted`.
    let after = words_in(chars, quote.1, sentence.1);
    // Six words, or twelve past an apposition (`,” Marvin Kirsner, a tax lawyer at Greenberg
    // Traurig, said`) or in a role's phrase (`,” a spokeswoman for Mayor Ines Ruiz said`).
    let role = after.first().is_some_and(|w| {
        matches!(
            word(chars, *w).to_lowercase().as_str(),
            "a" | "an" | "the" | "one" | "another"
        )
    });
    for (k, w) in after.iter().enumerate().take(12) {
        if is_speech_verb(&word(chars, *w)) {
            if k >= 6 && !comma_before(chars, &after, k) && !(role && k < 9) {
                break;
            }
            return speaker_of_verb(chars, &after, k);
        }
    }
    // `what he calls “…”`, `Gibbs called his rhetoric “…”`: a naming verb at most three
    // words before the quote gives it as the subject's words.
    for k in (before.len().saturating_sub(4)..before.len()).rev() {
        if NAMING.contains(&word(chars, before[k]).to_lowercase().as_str())
            && !chars[before[k].0..quote.0]
                .iter()
                .any(|c| matches!(c, ',' | ';' | '.'))
        {
            if let Some(found) = speaker_phrase_before(chars, &before, k) {
                return Some((before[found.0].0, found.1));
            }
            return clause_subject(chars, &before[..k])
                .or_else(|| sentence_subject(chars, &before));
        }
    }
    // Before it: `Zelenskyy said in a statement that “…”`, `Trump accused Obama of …,
    // saying “…”`.
    for k in (0..before.len()).rev() {
        let verb = word(chars, before[k]);
        if participle(&verb) {
            return speaker_of_participle(chars, &before, k);
        }
        if is_speech_verb(&verb) {
            return speaker_of_verb(chars, &before, k);
        }
    }
    None
}

/// Who spoke by the speech verb `ws[k]`: named before it (past an appositive or a relative
/// clause), else after it ("said Anja Berg") — unless the verb names the listener there
/// ("tells Etheridge", "asked reporters").
fn speaker_of_verb(chars: &[char], ws: &[(usize, usize)], k: usize) -> Option<(usize, String)> {
    let verb = word(chars, ws[k]);
    // "the statement said Grimm …": the text spoke, and Grimm is what it speaks of.
    if k >= 2
        && word(chars, ws[k - 2]).eq_ignore_ascii_case("the")
        && DOCUMENTS.contains(&word(chars, ws[k - 1]).to_lowercase().as_str())
    {
        return None;
    }
    let before = subject_past_insert(chars, ws, k)
        .or_else(|| speaker_phrase_before(chars, ws, k))
        .map(|(i, who)| (ws[i].0, who));
    if before.is_some() || names_listener(&verb) {
        return before;
    }
    let from = k + 1;
    speaker_after(chars, ws, from).map(|who| (ws[from].0, who))
}

/// "Trump, who would have to hand over the reins of the country, said", "Jim Manley, a top
/// adviser to Mr. Reid, said": the words just before the verb belong to an inserted clause
/// set off by commas, so the speaker is named before its opening comma, not at its end.
pub(super) fn subject_past_insert(
    chars: &[char],
    ws: &[(usize, usize)],
    verb: usize,
) -> Option<(usize, String)> {
    if !comma_before(chars, ws, verb) {
        return None;
    }
    // The insert's first word: the nearest word, at most 20 back, that follows a comma.
    // One word is an insert only when it is an age ("Biden, 79, told them").
    // So may a party tag: "Schumer, D-N.Y., concluded".
    let party_tag = |w: &str| ["D-", "R-", "I-"].iter().any(|p| w.starts_with(p));
    let first = (verb.saturating_sub(20).max(1)..verb).rev().find(|&i| {
        let w = word(chars, ws[i]);
        comma_before(chars, ws, i)
            && (i + 1 < verb || w.chars().all(|c| c.is_ascii_digit()) || party_tag(&w))
    })?;
    // A capitalised insert is the name itself, in apposition: "Another, Tom Price, added",
    // "The Republican leader, Michael Thibodeau, said".
    let opener = word(chars, ws[first]);
    // But "Trey Gowdy, Republican of South Carolina, said" describes, as does a party tag.
    let party = party_tag(&opener);
    let described =
        party || (first..verb).any(|i| CONNECTORS.contains(&word(chars, ws[i]).as_str()));
    let insert = matches!(
        opener.to_lowercase().as_str(),
        "who" | "whose" | "which" | "a" | "an" | "the" | "his" | "her" | "their" | "its"
    ) || !capitalised(&opener)
        || described;
    if !insert {
        return None;
    }
    speaker_phrase_before(chars, ws, first)
}

/// Whether a comma stands between word `k - 1` and word `k`.
pub(super) fn comma_before(chars: &[char], ws: &[(usize, usize)], k: usize) -> bool {
    k > 0 && chars[ws[k - 1].1..ws[k].0].contains(&',')
}

/// Who speaks by a participle: after a comma, the sentence's subject ("He accused Obama of
/// …, saying"); else the name just before it ("one blogger asking" names no one), or the
/// subject when only a time stands there ("a statement late Tuesday saying").
fn speaker_of_participle(
    chars: &[char],
    ws: &[(usize, usize)],
    k: usize,
) -> Option<(usize, String)> {
    // "…, saying", "before again claiming", "and claiming": the participle hangs on the
    // clause before it, whose subject speaks.
    let mut j = k;
    while j > 0 && lexical(&word(chars, ws[j - 1]).to_lowercase()) == Pos::Adv {
        j -= 1;
    }
    let hangs = j > 0
        && matches!(
            word(chars, ws[j - 1]).to_lowercase().as_str(),
            "before" | "after" | "while" | "when" | "by" | "without" | "and" | "then"
        );
    if comma_before(chars, ws, k) || comma_before(chars, ws, j) || hangs {
        return clause_subject(chars, &ws[..k]).or_else(|| sentence_subject(chars, ws));
    }
    if let Some((i, who)) = speaker_phrase_before(chars, ws, k) {
        return Some((ws[i].0, who));
    }
    let timed = k > 0 && is_time_word(&word(chars, ws[k - 1]).to_lowercase());
    if timed {
        sentence_subject(chars, ws)
    } else {
        None
    }
}

/// Speech verbs in their participle, which take the sentence's subject as speaker: "He
/// accused Obama of a confusing policy, saying …".
fn participle(w: &str) -> bool {
    speech_verb(w) == Some(Form::Participle)
}

/// The subject of the last clause in `ws` that has a named or pronoun subject: a name or
/// "he"/"she" followed by a lower-case word that is not a preposition ("Rice's comments came
/// as Netanyahu turned down an invitation, saying …" is Netanyahu; "He accused Obama of …"
/// is "he", Obama being followed by "of").
pub(super) fn clause_subject(chars: &[char], ws: &[(usize, usize)]) -> Option<(usize, String)> {
    (0..ws.len().saturating_sub(1)).rev().find_map(|i| {
        let w = word(chars, ws[i]);
        let next = word(chars, ws[i + 1]);
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        // The lexicon's most frequent tag: "turned", "has", "also" go on a clause; "during",
        // "of", "comments" do not.
        let verbish = !capitalised(&next)
            && matches!(
                lexical(&next.to_lowercase()),
                Pos::Verb | Pos::Aux | Pos::Adv
            );
        if !verbish || possessive {
            return None;
        }
        // "Senator Chuck Schumer, the Democratic leader, denounced": past the insert; "The
        // shadow chancellor, Mel Stride, accused": the name in apposition. A name in full
        // (an insert's own last word, "from Tennessee,", is no subject).
        if chars[ws[i].1..ws[i + 1].0].contains(&',') {
            let full = |found: &(usize, String)| capitalised(&found.1) && found.1.contains(' ');
            return subject_past_insert(chars, ws, i + 1)
                .filter(full)
                .or_else(|| {
                    // "the actress Nina Patel": the name ending a role's phrase.
                    let (j, who) = speaker_phrase_before(chars, ws, i + 1)?;
                    let words: Vec<&str> = who.split(' ').collect();
                    let name =
                        words.len() - words.iter().rev().take_while(|w| capitalised(w)).count();
                    Some((j + name, words[name..].join(" "))).filter(full)
                })
                .map(|(j, who)| (ws[j].0, who));
        }
        if matches!(w.to_lowercase().as_str(), "he" | "she") {
            return Some((ws[i].0, w.to_lowercase()));
        }
        if !capitalised(&w) || OPENERS.contains(&w.to_lowercase().as_str()) {
            return None;
        }
        subject_past_insert(chars, ws, i + 1)
            .or_else(|| speaker_phrase_before(chars, ws, i + 1))
            .map(|(j, who)| (ws[j].0, who))
    })
}

/// The sentence's subject as a speaker: the name that ends its first noun phrase, before
/// the first verb ("Senior White House economic adviser Larry Summers offered …" is Larry
/// Summers), else its first words past an opener ("But", "On Monday").
pub(super) fn sentence_subject(chars: &[char], ws: &[(usize, usize)]) -> Option<(usize, String)> {
    let from = ws
        .iter()
        .position(|w| !OPENERS.contains(&word(chars, *w).to_lowercase().as_str()))?;
    let verb = (from + 1..ws.len().min(from + 10)).find(|&j| {
        let w = word(chars, ws[j]);
        !capitalised(&w) && matches!(lexical(&w.to_lowercase()), Pos::Verb | Pos::Aux)
    });
    // "A TV chef has been forced …": an article opening the sentence begins its subject.
    let article = |i: usize| i + 1 == from && matches!(word(chars, ws[i]).as_str(), "A" | "An");
    if let Some(j) = verb
        && let Some((i, who)) = speaker_phrase_before(chars, ws, j)
        && (i >= from
            || article(i)
                && who
                    .rsplit(' ')
                    .next()
                    .is_some_and(|h| lexical(h) == Pos::Noun))
    {
        return Some((ws[i].0, who));
    }
    speaker_after(chars, ws, from).map(|who| (ws[from].0, who))
}
