//! Who a role speaker is: "the president", "the union leader", "the committee chairman". News
//! introduces a person once with their role — before the name ("President Barack Obama",
//! "police spokesman Ray Dunn"), or in apposition ("Ed Ford, the union's leader,", "the
//! N.C.A.A. president, Mark Emmert,") — and later lets the role speak. The role is the
//! person introduced last, before it, with that role's head noun; a role no one was
//! introduced with ("the cameraman") stays a role.

use super::mentions::TITLES;
use super::sentence::{capitalised, joined, word, words_in};
use crate::analysis::text::names::is_time_word;
use crate::analysis::text::pos::{Pos, lookup};

/// One introduction: where, the name as shown, and the role's words (lower case).
#[derive(Debug)]
struct Introduced {
    at: usize,
    name: String,
    role: Vec<String>,
}

/// The people of one article introduced with a role.
#[derive(Debug, Default)]
pub(super) struct Roles {
    introduced: Vec<Introduced>,
    /// People given with their age ("Ellie Granger, 16,"): name and age.
    ages: Vec<(String, u32)>,
}

/// Who a role stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Resolution<'a> {
    /// The person introduced with this role ("President Anton Weller" … "the president").
    Introduced(&'a str),
    /// Only the head noun matches an introduction; the role's other words describe someone
    /// the text is talking about ("the Texas senator"), who is likelier meant.
    Described(&'a str),
}

/// Titles written short, as their role nouns.
fn expand(w: &str) -> &str {
    match w {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "dr" => "doctor",
        "prof" => "professor",
        "pres" => "president",
        "sec" => "secretary",
        "supt" => "superintendent",
        "insp" => "inspector",
        "rev" => "reverend",
        other => other,
    }
}

/// A role's words as compared: lower case, possessive and full stops dropped, short titles
/// expanded.
fn role_word(w: &str) -> String {
    let w = w.to_lowercase();
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(&w);
    expand(w.trim_end_matches('.')).to_owned()
}

/// Nouns news writes for a person already named, to avoid repeating the name: they stand
/// for someone, unlike roles that introduce a new person ("a spokesman", "the cameraman").
const EPITHETS: &[&str] = &[
    "star",
    "pundit",
    "singer",
    "actress",
    "actor",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "captain",
    "veteran",
    "rapper",
    "presenter",
    "host",
    "model",
    "pensioner",
    "grandmother",
    "grandfather",
    "youngster",
    "teenager",
    "comedian",
    "billionaire",
    "tycoon",
    "legend",
    "ace",
    "politician",
    "lawmaker",
    "novelist",
    "author",
    "director",
    "musician",
    "athlete",
    "champion",
    "mogul",
    "entrepreneur",
    "broadcaster",
    "singer-songwriter",
];

/// Words that make another office of a role: the vice president is not the president.
const OFFICE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "associate",
    "acting",
    "lieutenant",
    "former",
    "ex",
    "under",
];

/// Words of a role that say nothing of which role it is.
fn empty_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "then"
            | "current"
            | "new"
            | "late"
            | "his"
            | "her"
            | "its"
            | "their"
            | "longtime"
            | "veteran"
            | "top"
            | "senior"
            | "chief"
    )
}

/// Lower-case words inside names ("Erik van Dam", "Charles de Gaulle").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "del", "della", "der", "den", "ten", "ter", "da", "di", "du", "le", "la",
    "al", "bin", "ibn", "el",
];

/// Whether `w` may be part of a person's name rather than their role: capitalised, not a
/// title, and a proper noun or a word the lexicon does not know (an initial counts).
fn name_word(w: &str) -> bool {
    if PARTICLES.contains(&w) {
        return true;
    }
    let bare = w.trim_end_matches('.');
    capitalised(bare)
        && !TITLES.contains(&bare)
        && !bare.ends_with("'s")
        && !bare.ends_with("’s")
        && !is_time_word(&bare.to_lowercase())
        && (bare.chars().count() == 1 || matches!(lookup(bare), (Pos::Propn, _) | (_, false)))
}

impl Roles {
    /// Finds the introductions of the article `chars` outside quotations (`quoted`).
    pub(super) fn find(chars: &[char], quoted: &impl Fn(usize) -> bool) -> Roles {
        let ws = words_in(chars, 0, chars.len());
        let text: Vec<String> = ws.iter().map(|w| word(chars, *w)).collect();
        let mut introduced = Vec::new();
        let mut ages = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            if quoted(ws[k].0) || !capitalised(&text[k]) {
                k += 1;
                continue;
            }
            // A run of capitalised words joined by spaces or a title's full stop.
            let mut end = k + 1;
            // "Erik van Dam", "Ursula von der Leyen": particles inside a name.
            let particle = |i: usize| {
                PARTICLES.contains(&text[i].as_str())
                    && i + 1 < ws.len()
                    && joined(chars, ws[i], ws[i + 1])
            };
            while end < ws.len()
                && joined(chars, ws[end - 1], ws[end])
                && (capitalised(&text[end]) || particle(end))
            {
                end += 1;
            }
            while end > k + 1 && particle(end - 1) {
                end -= 1;
            }
            let next = end;
            // The name: the last words that may be a name, at most three.
            // A surname may be a word ("Dean Marsh"), when a given name stands before it.
            let mut first = end;
            if !name_word(&text[end - 1]) && end - k >= 2 && name_word(&text[end - 2]) {
                first -= 1;
            }
            while first > k && end - first < 4 && name_word(&text[first - 1]) {
                first -= 1;
            }
            // "Grace Wanjiru", "Mark Feldman": a given name that is also a word, where
            // nothing but a title stands before it in the run.
            if first == end - 1
                && first > k
                && capitalised(&text[first - 1])
                && (first - 1 == k || TITLES.contains(&text[first - 2].trim_end_matches('.')))
                && !TITLES.contains(&text[first - 1].trim_end_matches('.'))
            {
                first -= 1;
            }
            if first == end || text[end - 1].ends_with("'s") || text[end - 1].ends_with("’s") {
                k = next;
                continue;
            }
            let name = text[first..end].join(" ");
            if let Some(age) = age_after(chars, &ws, &text, end) {
                ages.push((name.clone(), age));
            }
            // Role words inside the run ("Trade Secretary") and the lower-case words joined
            // before it ("police spokesman").
            let mut role: Vec<String> = text[k..first].iter().map(|w| role_word(w)).collect();
            let mut b = k;
            while b > 0 && k - b < 3 && joined(chars, ws[b - 1], ws[b]) && !quoted(ws[b - 1].0) {
                let w = text[b - 1].to_lowercase();
                let (pos, _) = lookup(&w);
                if !matches!(pos, Pos::Noun | Pos::Adj | Pos::Propn) || capitalised(&text[b - 1]) {
                    break;
                }
                role.insert(0, role_word(&w));
                b -= 1;
            }
            role.extend(apposition_after(chars, &ws, &text, end));
            // Not the last words of a quotation before its speaker: `“… a line item,” Lindqvist`.
            if k == 0 || !quoted(ws[k - 1].0) {
                role.extend(apposition_before(chars, &ws, &text, k));
            }
            role.retain(|w| !empty_word(w));
            // A role names what someone is: it holds a noun ("next Tuesday's" holds none),
            // or it is an office written in capitals before the name ("Special Agent in
            // Charge Teresa Morales"): a given name and a surname after at most four words,
            // none of them a word that names no office ("The New York Times" is a paper).
            let office = first > k
                && end - first >= 2
                && first - k <= 4
                && text[k..first].iter().all(|w| !empty_word(&role_word(w)));
            if office
                || role.iter().any(|w| {
                    TITLES.iter().any(|t| t.eq_ignore_ascii_case(w)) || lookup(w).0 == Pos::Noun
                })
            {
                introduced.push(Introduced {
                    at: ws[k].0,
                    name,
                    role,
                });
            }
            k = next;
        }
        Roles { introduced, ages }
    }

    /// The one person an age descriptor stands for: "the 41-year-old" is whoever the
    /// article gave as 41, "the teenager" whoever it gave an age from 13 to 19; `None` when
    /// no one or several fit.
    pub(super) fn by_age(&self, role: &str) -> Option<&str> {
        let words: Vec<&str> = role.split_whitespace().collect();
        let fits: Box<dyn Fn(u32) -> bool> = if words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "teenager" | "teen" | "teenage" | "schoolgirl" | "schoolboy"
            )
        }) {
            Box::new(|a| (13..=19).contains(&a))
        } else {
            let age: u32 = words
                .iter()
                .find(|w| w.ends_with("-year-old"))?
                .split('-')
                .next()?
                .parse()
                .ok()?;
            Box::new(move |a| a == age)
        };
        let mut people = self.ages.iter().filter(|(_, a)| fits(*a)).map(|(n, _)| n);
        let first = people.next()?;
        people
            .all(|n| n == first || first.ends_with(n.as_str()) || n.ends_with(first.as_str()))
            .then_some(first.as_str())
    }

    /// The names of everyone introduced with a role.
    pub(super) fn names(&self) -> Vec<String> {
        self.introduced.iter().map(|i| i.name.clone()).collect()
    }

    /// Whether the role speaker `role` at `at` is an epithet for someone the text is talking
    /// about: no one was introduced with it, and it is a demonym ("the Dutchman", "the
    /// Pole") or a word news uses to avoid repeating a name ("the pundit", "the star").
    pub(super) fn is_epithet(&self, role: &str, at: usize) -> bool {
        let words: Vec<&str> = role.split_whitespace().skip(1).collect();
        let Some(head) = words.last() else {
            return false;
        };
        let demonym = words.len() == 1 && capitalised(head);
        (demonym || EPITHETS.contains(&head.to_lowercase().as_str()))
            && self.resolve(role, at).is_none()
    }

    /// The person the role speaker `role` ("the union leader") at `at` stands for: the one
    /// introduced last before it whose role has the same head noun, preferring the one whose
    /// role shares most of its words.
    pub(super) fn resolve(&self, role: &str, at: usize) -> Option<Resolution<'_>> {
        // "the mayor of Calder": the head is the noun before the preposition.
        let words: Vec<String> = role
            .split_whitespace()
            .map(role_word)
            .take_while(|w| !matches!(w.as_str(), "for" | "of" | "at" | "with" | "to" | "from"))
            .filter(|w| !empty_word(w))
            .collect();
        let head = words.last()?;
        // "the scholars say": a group, not one person introduced.
        if head.ends_with('s') && !head.ends_with("ss") && lookup(&head[..head.len() - 1]).1 {
            return None;
        }
        // "the president" is not the vice president, nor the former one.
        let modifiers = |ws: &[String]| -> Vec<String> {
            ws.iter()
                .filter(|w| OFFICE_MODIFIERS.contains(&w.as_str()))
                .cloned()
                .collect()
        };
        let wanted = modifiers(&words);
        let best = self
            .introduced
            .iter()
            .filter(|i| i.at < at && i.role.contains(head) && modifiers(&i.role) == wanted)
            .max_by_key(|i| (words.iter().filter(|w| i.role.contains(w)).count(), i.at))?;
        // "the Texas senator", "the Fox News host": words no introduction gave describe
        // someone the text is talking about; the role alone does not say who.
        Some(if words.iter().all(|w| best.role.contains(w)) {
            Resolution::Introduced(best.name.as_str())
        } else {
            Resolution::Described(best.name.as_str())
        })
    }
}

/// Whether `w` describes someone the text already named, as news writes it in a role: an
/// age ("43-year-old") or a count of children ("mum-of-three", "father-of-two").
pub(super) fn is_descriptor(w: &str) -> bool {
    const COUNTS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    w.contains('-')
        && w.split('-').any(|part| {
            part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() || COUNTS.contains(&part)
        })
}

/// "Ed Ford, the union's leader," / "Tom Hale, 54, a retired welder who …": the role after a
/// name, up to a comma, a full stop, a relative pronoun or a preposition.
fn apposition_after(
    chars: &[char],
    ws: &[(usize, usize)],
    text: &[String],
    end: usize,
) -> Vec<String> {
    let mut k = end;
    if k == 0 || k >= ws.len() || !chars[ws[k - 1].1..ws[k].0].contains(&',') {
        return Vec::new();
    }
    // Past an age: "Tom Hale, 54, a retired welder".
    if text[k].chars().all(|c| c.is_ascii_digit())
        && ws
            .get(k + 1)
            .is_some_and(|n| chars[ws[k].1..n.0].contains(&','))
    {
        k += 1;
    }
    if !matches!(text[k].to_lowercase().as_str(), "a" | "an" | "the") {
        return Vec::new();
    }
    let mut role = Vec::new();
    for i in k + 1..ws.len().min(k + 7) {
        if !joined(chars, ws[i - 1], ws[i]) && i > k + 1 {
            break;
        }
        let w = text[i].to_lowercase();
        if matches!(
            w.as_str(),
            "of" | "for" | "to" | "with" | "at" | "in" | "on" | "who" | "whose" | "which" | "and"
        ) {
            break;
        }
        if !noun_phrase_word(&w) {
            return Vec::new();
        }
        role.push(role_word(&w));
    }
    role
}

/// The age set off by commas after a name ending at word `end`: "Ellie Granger, 16,".
fn age_after(chars: &[char], ws: &[(usize, usize)], text: &[String], end: usize) -> Option<u32> {
    let n = text.get(end)?;
    let commas = chars[ws[end - 1].1..ws[end].0].contains(&',')
        && ws
            .get(end + 1)
            .is_none_or(|next| chars[ws[end].1..next.0].contains(&','));
    commas
        .then(|| n.parse().ok())
        .flatten()
        .filter(|a| (1..120).contains(a))
}

/// Whether `w` may stand in a role's noun phrase ("the union's leader", "a retired welder").
fn noun_phrase_word(w: &str) -> bool {
    let w = w.to_lowercase();
    let bare = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(&w);
    matches!(lookup(bare).0, Pos::Noun | Pos::Adj | Pos::Propn | Pos::Num)
}

/// "the N.C.A.A. president, Mark Emmert,": the role before a name set off by a comma.
fn apposition_before(
    chars: &[char],
    ws: &[(usize, usize)],
    text: &[String],
    k: usize,
) -> Vec<String> {
    if k == 0 || !chars[ws[k - 1].1..ws[k].0].contains(&',') {
        return Vec::new();
    }
    // Back to "the" over at most five words joined to one another.
    let mut b = k - 1;
    // Or back to a possessor: "Ireland's finance minister, Paschal Donohoe,".
    let possessor = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    while b > 0 && k - 1 - b < 5 && joined(chars, ws[b - 1], ws[b]) {
        if ["the", "a", "an"]
            .iter()
            .any(|d| text[b].eq_ignore_ascii_case(d))
            || (b < k - 1 && possessor(&text[b]))
        {
            break;
        }
        b -= 1;
    }
    let from = if ["the", "a", "an"]
        .iter()
        .any(|d| text[b].eq_ignore_ascii_case(d))
    {
        b + 1
    } else if possessor(&text[b]) && b < k - 1 {
        b
    } else {
        return Vec::new();
    };
    if !text[from..k].iter().all(|w| noun_phrase_word(w)) {
        return Vec::new();
    }
    text[from..k].iter().map(|w| role_word(w)).collect()
}
