//! The people an article names, and where: what a pronoun speaker ("he said") stands for.
//!
//! A person is someone the article gives a quotation to by name ("Steele said") or names with
//! a title ("Mr. Bauer", "Sen. Harry Reid", "President Obama"). Every later or earlier use of
//! their surname outside quotation marks is a mention. A pronoun speaker stands for the latest
//! mention before it that is a sentence's subject ("Beck rejected the notion …", then "“…,” he
//! said"), else the latest mention: a sentence's object ("He accused Obama of …") is rarely who
//! speaks next.

use super::lexicon::{CHANNELS, OPENERS};
use super::quote::Quote;
use super::sentence::{
    capitalised, is_speech_verb, joined, sentences, speaker_key, word, words_in,
};
use super::verbs::{Form, speech_verb};
use crate::analysis::text::names::is_time_word;
use crate::analysis::text::pos::{Pos, lexical, lookup};
use std::collections::HashMap;

/// Words that put a person's name after them. Courtesy titles, offices and ranks as news
/// writes them before a name; capitalised, as they stand there.
pub(super) const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Senator",
    "Rep",
    "Representative",
    "Gov",
    "Governor",
    "President",
    "Secretary",
    "Judge",
    "Justice",
    "Gen",
    "General",
    "Mayor",
    "Minister",
    "Chancellor",
    "Leader",
    "Speaker",
    "Prof",
    "Professor",
    "Rev",
    "Sheriff",
    "Chief",
    "MP",
    "Congressman",
    "Congresswoman",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Commissioner",
    "Ambassador",
    "Inspector",
    "Detective",
    "Sgt",
    "Sergeant",
    "Lt",
    "Col",
    "Capt",
    "Adm",
    "Admiral",
    "Whip",
    "CEO",
    "Chairman",
    "Chairwoman",
];

/// Words after which a name is governed, not a subject.
const PREPOSITIONS: &[&str] = &[
    "of", "about", "for", "to", "with", "against", "by", "from", "at", "on", "in", "over",
    "toward", "towards", "under",
];

/// One mention: where it starts, whose surname it is, and whether it is a sentence's subject.
#[derive(Clone, Debug)]
struct Mention {
    at: usize,
    key: String,
    subject: bool,
    /// Right before a speech verb ("Scalia who said", "Paschal Donohoe, said"): the
    /// likeliest person for a following "he said".
    speaks: bool,
    /// Where its sentence starts.
    sentence: usize,
    /// Right after a preposition ("Of Obama, he said"): never the subject, and never what a
    /// pronoun of the same sentence stands for.
    governed: bool,
}

/// The people of one article and their mentions, in text order.
#[derive(Debug, Default)]
pub(super) struct Mentions {
    mentions: Vec<Mention>,
    /// Surname → the fullest name the article gives.
    names: HashMap<String, String>,
    sentences: Vec<(usize, usize)>,
    /// Sentences (by start) whose subject is a pronoun or a possessive.
    led_by: HashMap<usize, Lead>,
    /// Surnames of people named with a title or in full.
    persons: std::collections::HashSet<String>,
    /// What the article's courtesy titles say of a surname's sex ("Mr. Obama", "Ms.
    /// Lauten"); a surname given both (a couple) is in neither.
    sex: HashMap<String, Sex>,
    /// A given name that stands alone for one person named in full ("Ellie" for "Ellie
    /// Granger", as features and tabloids call people): given name → surname key.
    given: HashMap<String, String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sex {
    Male,
    Female,
    Both,
}

/// What a pronoun stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Resolved<'a> {
    /// A person the article names.
    Person(&'a str),
    /// Someone the article does not name ("Strzok's attorney … He added").
    Unnamed,
    /// No one named nearby: the speaker named last may be meant.
    NoMention,
}

/// What stands as a sentence's subject when it is not a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// "He said Obama …"
    Pronoun,
    /// "Strzok's attorney said …"
    Possessive,
}

/// Openers a main clause's subject may follow ("But he said"); a subordinate clause's
/// opener ("As he announced the deal, Mr. Trump …") is not among them.
const COORDINATORS: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "however",
    "meanwhile",
    "also",
    "then",
    "still",
    "moreover",
    "later",
    "earlier",
    "now",
    "instead",
    "separately",
    "finally",
];

impl Mentions {
    /// Finds the people of the article `chars`, given its quotations, the speakers their
    /// sentences name (`found`, one per quote; pronouns and roles are not people) and the
    /// people introduced with a role (`introduced`, [`super::roles`]).
    pub(super) fn find(
        chars: &[char],
        quotes: &[Quote],
        found: &[Option<(usize, String)>],
        introduced: &[String],
    ) -> Mentions {
        let quoted = |i: usize| quotes.iter().any(|q| q.start <= i && i < q.end);
        // Every form of each surname the article uses; shown as its fullest form, unless two
        // people share the surname ("Bill Clinton" and "Hillary Clinton"): then as the
        // surname alone, which is right for either.
        let mut forms: HashMap<String, Vec<String>> = HashMap::new();
        let mut add = |name: &str| {
            if let Some(key) = speaker_key(name).filter(|_| capitalised(name)) {
                forms.entry(key).or_default().push(name.to_owned());
            }
        };
        for (_, who) in found.iter().flatten() {
            add(who);
        }
        let ws = words_in(chars, 0, chars.len());
        let mut titled: Vec<String> = Vec::new();
        for (k, w) in ws.iter().enumerate() {
            if quoted(w.0) || !TITLES.contains(&word(chars, *w).as_str()) {
                continue;
            }
            let name: Vec<String> = ws[k + 1..]
                .iter()
                .enumerate()
                .take(3)
                // "Justice Clarence Thomas. Mr. Trump": a name ends at a sentence's end.
                .take_while(|(i, x)| joined(chars, ws[k + i], **x))
                .map(|(_, x)| x)
                // "Rep. Bob Etheridge (D-N.C.)": the party tag is not the name.
                .take_while(|w| w.0 == 0 || chars[w.0 - 1] != '(')
                .map(|w| word(chars, *w))
                .take_while(|w| capitalised(w) && !is_speech_verb(w))
                // "Mr. Trump's Inaugural Address": the name ends at its possessive.
                .scan(false, |ended, w| {
                    let take = !*ended;
                    *ended = surname_form(&w) != w;
                    take.then_some(w)
                })
                .collect();
            // "Chief Justice John Roberts": a title after a title is not the name.
            let name: Vec<String> = name
                .into_iter()
                .skip_while(|w| TITLES.contains(&w.as_str()))
                .collect();
            if !name.is_empty() {
                titled.push(surname_form(&name.join(" ")));
            }
        }
        let mut sex: HashMap<String, Sex> = HashMap::new();
        for k in 1..ws.len() {
            let this = match word(chars, ws[k - 1]).as_str() {
                "Mr" | "Mister" => Sex::Male,
                "Mrs" | "Ms" | "Miss" => Sex::Female,
                _ => continue,
            };
            if !joined(chars, ws[k - 1], ws[k]) {
                continue;
            }
            if let Some(key) = speaker_key(&surname_form(&word(chars, ws[k]))) {
                sex.entry(key)
                    .and_modify(|s| {
                        if *s != this {
                            *s = Sex::Both;
                        }
                    })
                    .or_insert(this);
            }
        }
        titled.extend(full_names(chars, &ws, &quoted));
        // "Shopper Dean Marsh", "Ed Ford, the union's leader": named in full with a role.
        titled.extend(introduced.iter().filter(|n| n.contains(' ')).cloned());
        // Who is surely a person: named with a title or in full, not only beside "said".
        let persons: std::collections::HashSet<String> =
            titled.iter().filter_map(|n| speaker_key(n)).collect();
        for name in &titled {
            add(name);
        }

        let names: HashMap<String, String> = forms
            .into_iter()
            .map(|(key, forms)| {
                let shown = display_name(&key, &forms, sex.contains_key(&key));
                (key, shown)
            })
            .collect();
        let sents = sentences(chars);
        let mut mentions = Vec::new();
        for (k, w) in ws.iter().enumerate() {
            let text = surname_form(&word(chars, *w));
            if quoted(w.0) || !capitalised(&text) {
                continue;
            }
            let key = text.to_lowercase();
            // A news channel ("CNN", "MSNBC") is no one a pronoun stands for, unless the
            // article names a person so ("Vicente Fox").
            let channel = CHANNELS.contains(&key.as_str())
                || names
                    .get(&key)
                    .is_some_and(|n| CHANNELS.contains(&n.to_lowercase().as_str()))
                || names.get(&key).is_some_and(|n| {
                    n.split(" and ")
                        .any(|part| CHANNELS.contains(&part.to_lowercase().as_str()))
                });
            if !names.contains_key(&key) || (channel && !persons.contains(&key)) {
                continue;
            }
            let start = sents
                .iter()
                .find(|(a, b)| *a <= w.0 && w.0 < *b)
                .map_or(0, |(a, _)| *a);
            // Before it in its sentence only openers and parts of the name ("But Sen. Harry
            // Reid"), or right after it a speech verb ("Reid said"): a subject.
            // Or a role's words: "Reality star Chloe Vance has opened up", "Local resident
            // Grace Wanjiru, who lost her sister, said".
            let lead = ws[..k]
                .iter()
                .rev()
                .take_while(|x| x.0 >= start)
                .map(|x| word(chars, *x))
                .all(|x| {
                    capitalised(&x)
                        || OPENERS.contains(&x.to_lowercase().as_str())
                        || matches!(lexical(&x), Pos::Noun | Pos::Adj)
                })
                // "Nick Merrill, a Clinton spokesman,": past a comma is an apposition.
                && !chars[start..w.0].contains(&',');
            // "Reid said", "Justice Scalia who said".
            let said = |i: usize| ws.get(i).is_some_and(|n| is_speech_verb(&word(chars, *n)));
            let who = ws
                .get(k + 1)
                .is_some_and(|n| word(chars, *n).eq_ignore_ascii_case("who"));
            // "… Ryan Hurst, saying": after a comma the verb is the clause subject's.
            let comma_after = ws
                .get(k + 1)
                .is_some_and(|n| chars[w.1..n.0].contains(&','));
            let participle = ws
                .get(k + 1)
                .is_some_and(|n| speech_verb(&word(chars, *n)) == Some(Form::Participle));
            let speaks = (said(k + 1) && !(comma_after && participle)) || (who && said(k + 2));
            // "Strzok's attorney": the possessor is not who acts.
            let possessive = word(chars, *w) != text;
            // The word before the whole name ("of Mr. Obama's agenda", "of President Barack
            // Obama") decides.
            let mut p = k;
            // A preposition by the lexicon too ("among", "including", "like").
            let preposition = |w: &str| {
                let lower = w.to_lowercase();
                PREPOSITIONS.contains(&lower.as_str())
                    || lower == "including"
                    || (!capitalised(w) && lexical(&lower) == Pos::Adp)
            };
            // Only words joined to the name: "on NBC, Trump said" is not governed.
            let joined = |p: usize| {
                chars[ws[p - 1].1..ws[p].0]
                    .iter()
                    .all(|c| matches!(c, ' ' | '.'))
            };
            while p > 0 && ws[p - 1].0 >= start && joined(p) && {
                let w = word(chars, ws[p - 1]);
                capitalised(&w) && !preposition(&w)
            } {
                p -= 1;
            }
            // A name right before its speech verb is the verb's subject, whatever preposition
            // ends the office before it ("Special Agent in Charge Teresa Morales said").
            let governed = p > 0
                && ws[p - 1].0 >= start
                && joined(p)
                && preposition(&word(chars, ws[p - 1]))
                && !said(k + 1);
            mentions.push(Mention {
                at: w.0,
                key,
                subject: (speaks || (lead && !governed)) && !possessive,
                speaks: speaks && !possessive,
                sentence: start,
                governed,
            });
        }
        let led_by = sents
            .iter()
            .filter_map(|&(a, b)| {
                let ws = words_in(chars, a, b);
                let first = ws.iter().position(|w| {
                    !COORDINATORS.contains(&word(chars, *w).to_lowercase().as_str())
                })?;
                // A sentence inside a quotation is the speaker's, not the narration's.
                if quoted(ws[first].0) {
                    return None;
                }
                let w = word(chars, ws[first]);
                let next = ws.get(first + 1).map(|n| word(chars, *n));
                // "She's", "It's": a pronoun with "is", not a possessor.
                let pronoun = matches!(
                    surname_form(&w).to_lowercase().as_str(),
                    "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here"
                );
                if matches!(w.to_lowercase().as_str(), "he" | "she") {
                    Some((a, Lead::Pronoun))
                } else if surname_form(&w) != w
                    && !pronoun
                    && capitalised(&w)
                    && next.is_some_and(|n| !capitalised(&n))
                {
                    Some((a, Lead::Possessive))
                } else {
                    None
                }
            })
            .collect();
        let given = given_names(&names);
        Mentions {
            mentions,
            names,
            sentences: sents,
            led_by,
            persons,
            sex,
            given,
        }
    }

    /// Whom a pronoun at `at` stands for. Sentences are read back from the pronoun's own,
    /// within `floor..at`: the first whose subject is a mention gives it ("Smith criticised
    /// Jones. “…,” he said" is Smith); one whose subject is itself a pronoun ("He said Obama
    /// …") continues someone named earlier and is passed over; any other with mentions gives
    /// its last ("prompted Vieira to ask Trump if he …" is Trump). A mention governed by a
    /// preposition in the pronoun's own sentence ("Of Obama, he said") is never the one.
    ///
    /// `pronoun` ("he", "she", or any other word for no pronoun) never stands for someone
    /// the article calls by the other sex's courtesy title ("she" is not "Mr. Obama").
    pub(super) fn latest_before(&self, at: usize, floor: usize, pronoun: &str) -> Resolved<'_> {
        let own = self
            .sentences
            .iter()
            .find(|(a, b)| *a <= at && at < *b)
            .map(|(a, _)| *a);
        let before: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| floor <= m.at && m.at < at)
            .filter(|m| !(m.governed && Some(m.sentence) == own))
            .filter(|m| {
                !matches!(
                    (pronoun, self.sex.get(&m.key)),
                    ("he", Some(Sex::Female)) | ("she", Some(Sex::Male))
                )
            })
            .collect();
        let mut sentences: Vec<usize> = before.iter().map(|m| m.sentence).collect();
        sentences.dedup();
        for sentence in sentences.into_iter().rev() {
            let of = || before.iter().filter(|m| m.sentence == sentence);
            // One who speaks first ("… of Justice Antonin Scalia who said …"), then the head
            // of the subject's phrase ("Former United captain Gary Neville was").
            if let Some(m) = of()
                .rfind(|m| m.speaks)
                .or_else(|| of().rfind(|m| m.subject))
            {
                return self.name(m);
            }
            if Some(sentence) == own {
                if let Some(m) = of().rfind(|m| !m.governed) {
                    return self.name(m);
                }
                continue;
            }
            match self.led_by.get(&sentence) {
                // "He said Obama …" continues someone named earlier.
                Some(Lead::Pronoun) => continue,
                // "Strzok's attorney, meanwhile, blasted …": someone the text does not name.
                Some(Lead::Possessive) => return Resolved::Unnamed,
                None => {}
            }
            if let Some(m) = of().rfind(|m| !m.governed).or_else(|| of().next_back()) {
                return self.name(m);
            }
        }
        Resolved::NoMention
    }

    /// Whether the article names a person called `name` with a title or in full.
    pub(super) fn names_person(&self, name: &str) -> bool {
        speaker_key(name).is_some_and(|k| self.persons.contains(&k))
    }

    /// The person `name` names, as shown, when the article names them: given a quotation
    /// by name, titled, named in full or speaking in the narration.
    pub(super) fn person(&self, name: &str) -> Option<&str> {
        speaker_key(name).and_then(|k| self.shown(&k))
    }

    /// A speaker named by a given name alone ("Ellie said") as the person named in full
    /// ("Ellie Granger"); any other name as it is.
    pub(super) fn in_full(&self, name: String) -> String {
        match self.given.get(&name.to_lowercase()) {
            Some(key) if !name.contains(' ') => self.names.get(key).cloned().unwrap_or(name),
            _ => name,
        }
    }

    /// Whether a sentence starting in `from..to` is led by `pronoun` ("She built one …").
    pub(super) fn pronoun_led(&self, from: usize, to: usize, pronoun: &str) -> bool {
        matches!(pronoun, "he" | "she")
            && self
                .sentences
                .iter()
                .any(|&(a, _)| from <= a && a < to && self.led_by.get(&a) == Some(&Lead::Pronoun))
    }

    /// The first person the article names before `at` who is surely a person (titled, in
    /// full, or introduced with a role): whom an interview is with.
    pub(super) fn first_person(&self, at: usize) -> Option<&str> {
        self.mentions
            .iter()
            .take_while(|m| m.at < at)
            .find(|m| self.persons.contains(&m.key))
            .and_then(|m| self.shown(&m.key))
    }

    /// How the person of surname key `key` is shown, a given name standing alone taken as
    /// the person named in full.
    fn shown(&self, key: &str) -> Option<&str> {
        let key = self.given.get(key).map_or(key, String::as_str);
        self.names.get(key).map(String::as_str)
    }

    fn name(&self, m: &Mention) -> Resolved<'_> {
        self.shown(&m.key)
            .map_or(Resolved::NoMention, Resolved::Person)
    }
}

/// Given names that stand for one person named in full: the first word of a shown name of
/// two words or more, when no one else has that given name and no one has it as a surname
/// named in full.
fn given_names(names: &HashMap<String, String>) -> HashMap<String, String> {
    let mut given: HashMap<String, Option<String>> = HashMap::new();
    for (key, shown) in names {
        let words: Vec<&str> = shown.split_whitespace().collect();
        let [first, .., _] = words[..] else { continue };
        let g = first.to_lowercase();
        let surname_of_someone = names
            .get(&g)
            .is_some_and(|n| n.contains(' ') || n.to_lowercase() != g);
        if g.chars().count() < 2 || surname_of_someone || TITLES.contains(&first) {
            continue;
        }
        given
            .entry(g)
            .and_modify(|k| {
                if k.as_deref() != Some(key) {
                    *k = None;
                }
            })
            .or_insert_with(|| Some(key.clone()));
    }
    given
        .into_iter()
        .filter_map(|(g, k)| Some((g, k?)))
        .collect()
}

/// People named in full once and by surname alone elsewhere ("Glenn Beck" … "Beck rejected
/// the notion"), or named in full as a sentence's subject, before its verb ("Ken Ito spoke on
/// television."). A first word that also stands alone ("Republican Party" … "Republican") is
/// not a given name, and the pair is not a person.
fn full_names(
    chars: &[char],
    ws: &[(usize, usize)],
    quoted: &impl Fn(usize) -> bool,
) -> Vec<String> {
    let texts: Vec<String> = ws.iter().map(|w| surname_form(&word(chars, *w))).collect();
    // Capitalised words standing alone: neither after nor before another capitalised word
    // ("Marsh criticised …" counts: a common word opening a sentence is no one's surname
    // unless the article also names someone with it).
    let alone = |k: usize| {
        let cap = |i: usize| texts.get(i).is_some_and(|t| capitalised(t));
        cap(k) && !(k > 0 && cap(k - 1)) && !cap(k + 1)
    };
    let mut single: std::collections::HashSet<&str> = Default::default();
    for k in 0..ws.len() {
        if alone(k) && !quoted(ws[k].0) {
            single.insert(&texts[k]);
        }
    }
    // "Ken Ito spoke": the pair opens its sentence (past openers) and a verb follows.
    let sents = sentences(chars);
    let subject_pair = |k: usize| {
        let Some(&(a, _)) = sents.iter().find(|(a, b)| *a <= ws[k].0 && ws[k].0 < *b) else {
            return false;
        };
        // Openers only, or one capitalised word opening the sentence: a role ("Shopper Dean
        // Marsh saw").
        let before: Vec<String> = ws[..k - 1]
            .iter()
            .rev()
            .take_while(|w| w.0 >= a)
            .map(|w| word(chars, *w))
            .collect();
        let opens = before
            .iter()
            .all(|w| OPENERS.contains(&w.to_lowercase().as_str()))
            || (before.len() == 1 && capitalised(&before[0]));
        // "Kelly Brook, 34, was walking": an age may stand between.
        let age = ws.get(k + 1).is_some_and(|n| {
            word(chars, *n).chars().all(|c| c.is_ascii_digit())
                && chars[ws[k].1..n.0].contains(&',')
                && ws
                    .get(k + 2)
                    .is_some_and(|m| chars[n.1..m.0].contains(&','))
        });
        let v = if age { k + 2 } else { k + 1 };
        let verb = ws.get(v).is_some_and(|n| {
            let next = word(chars, *n);
            !capitalised(&next)
                && (age || chars[ws[k].1..n.0].iter().all(|c| *c == ' '))
                && matches!(lexical(&next), Pos::Verb | Pos::Aux)
        });
        // "Lorraine Baxter, whose son …", "Ellie Granger, 16, from Bath, clocked …": a
        // relative clause or an age after the pair says it is someone.
        let relative = ws.get(k + 1).is_some_and(|n| {
            chars[ws[k].1..n.0].contains(&',')
                && matches!(word(chars, *n).as_str(), "who" | "whose")
        });
        let given = matches!(lookup(&texts[k - 1]), (Pos::Propn, _) | (_, false));
        opens && (verb || age || relative) && given
    };
    let mut out = Vec::new();
    for k in 1..ws.len() {
        let (first, last) = (&texts[k - 1], &texts[k]);
        let pair = capitalised(first)
            && capitalised(last)
            && chars[ws[k - 1].1..ws[k].0].iter().all(|c| *c == ' ')
            && (!(k >= 2 && capitalised(&texts[k - 2])) || subject_pair(k))
            && !(k + 1 < ws.len() && capitalised(&texts[k + 1]));
        // "Former United …": a common word capitalised because it opens the sentence is
        // no given name.
        let at = ws[k - 1].0;
        let opens = sents
            .iter()
            .find(|(a, b)| *a <= at && at < *b)
            .is_some_and(|(a, _)| chars[*a..at].iter().all(|c| !c.is_alphanumeric()));
        let (pos, known) = lookup(&first.to_lowercase());
        let common_opener = opens && known && pos != Pos::Propn;
        if pair
            && !common_opener
            && !is_time_word(&first.to_lowercase())
            && !is_time_word(&last.to_lowercase())
            && (single.contains(last.as_str()) || subject_pair(k))
            // A first word standing alone elsewhere is no given name ("Republican Party" …
            // "Republican"), unless the pair opens a sentence as someone ("Ellie Granger,
            // 16, …" … "Ellie said").
            && (!single.contains(first.as_str()) || subject_pair(k))
            && !OPENERS.contains(&first.to_lowercase().as_str())
            && !TITLES.contains(&first.as_str())
        {
            out.push(format!("{first} {last}"));
        }
    }
    out
}

/// How the person with surname `key` is shown, from the forms the article gives: the
/// fullest, unless two forms name different people (different given names before the
/// surname), when the surname alone is shown.
///
/// `titled` says the article calls this surname "Mr." or "Mrs.": NYT style, where "Mrs.
/// Clinton" speaks in a story that also names "Bill Clinton". Whose given name a full form
/// gives is then unsure, so the surname alone is shown.
fn display_name(key: &str, forms: &[String], titled: bool) -> String {
    let given: std::collections::HashSet<String> = forms
        .iter()
        .filter_map(|f| {
            let words: Vec<&str> = f.split_whitespace().collect();
            let at = words.iter().rposition(|w| w.to_lowercase() == key)?;
            at.checked_sub(1).map(|g| words[g].to_lowercase())
        })
        .filter(|g| g.chars().count() > 2 && !TITLES.iter().any(|t| t.to_lowercase() == *g))
        .collect();
    if given.len() > 1 || (titled && !given.is_empty()) {
        let form = forms.iter().find(|f| f.to_lowercase().ends_with(key));
        let surname = form
            .and_then(|f| f.split_whitespace().last())
            .unwrap_or(key);
        return surname.to_owned();
    }
    forms
        .iter()
        .max_by_key(|f| f.len())
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// A name without its possessive ending: "Trump's" → "Trump".
fn surname_form(w: &str) -> String {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
        .to_owned()
}
