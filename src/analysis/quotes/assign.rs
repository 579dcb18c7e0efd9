//! Giving each quotation of an article its speaker: the speaker its sentence names, else the
//! one the sentence before it or the paragraph run says; pronouns, roles and epithets
//! resolved to the people the article names ([`Mentions`], [`Roles`]).

use super::lexicon::CHANNELS;
use super::mentions::{Mentions, Resolved};
use super::quote::{Quote, QuoteKind};
use super::roles::{Resolution, Roles, is_descriptor};
use super::sentence::{capitalised, is_speech_verb, sentences, word, words_in};
use super::speaker::{
    clause_subject, comma_before, sentence_subject, settle_channel, speaker_near,
    speaker_phrase_before, subject_past_insert,
};
use super::verbs::speech_verb;

/// Gives each direct quote its speaker. A pronoun stands for the person the text named last
/// before it — the subject of a sentence first — in this paragraph or the one before
/// ([`Mentions`]), following sentences it leads further back, else for the speaker named
/// last. A quotation whose sentence names no one is the words of whom the narration before
/// it is about (`Nesbitt praised Doyle. “He's got everything.”`), else continues the
/// statement of the speaker named last (the newspaper way: `“…,” Steele said. “…”`); one
/// inside a narrated clause is its subject's (`Fontaine accused the minister of “…”`).
pub(super) fn assign_speakers(chars: &[char], quotes: &mut [Quote]) {
    let sents = sentences(chars);
    let breaks = paragraph_breaks(chars);
    // First the speakers each sentence names, then the people the text names.
    let mut found: Vec<Option<(usize, String)>> = Vec::with_capacity(quotes.len());
    for q in quotes.iter() {
        if let Some(who) = &q.speaker {
            found.push(Some((q.start, who.clone())));
            continue;
        }
        // The sentence holding the quote's start, widened to its end.
        let s = sents
            .iter()
            .find(|(a, b)| *a <= q.start.saturating_sub(1) && q.start <= *b)
            .map_or(q.start, |(a, _)| *a);
        let mut e = sents
            .iter()
            .find(|(a, b)| *a <= q.end && q.end < *b)
            .map_or(chars.len(), |(_, b)| *b);
        // `“Is it true …?” he asked.`: the question mark ended a sentence the attribution
        // goes on with, in lower case.
        // Also `“…?” Justice Ginsburg asked.`: a name, then the verb.
        if let Some(&(_, b)) = sents.iter().find(|(a, b)| *a <= e && e < *b)
            && chars[e..b].first() != Some(&'\n')
        {
            let next = words_in(chars, e, b);
            let lower = next.first().is_some_and(|w| !capitalised(&word(chars, *w)));
            let named = next
                .iter()
                .take(5)
                .position(|w| is_speech_verb(&word(chars, *w)))
                .is_some_and(|k| k > 0 && next[..k].iter().all(|w| capitalised(&word(chars, *w))));
            if lower || named {
                e = b;
            }
        }
        let mut near = speaker_near(chars, (s, e), (q.start.saturating_sub(1), q.end + 1));
        // Only a quotation that opens its sentence continues someone's statement; one
        // embedded in a sentence of its own ("the letter calls it a “rationale for …”") is
        // the sentence subject's, named or not.
        let opens_sentence = words_in(chars, s, q.start.saturating_sub(1)).is_empty();
        if near.is_none() && q.kind == QuoteKind::Direct && opens_sentence {
            // `“What is this? A circus?” he said. “America is not …”`: the sentence before,
            // in the same paragraph, says who is speaking; else the speaker named last.
            let before = sents.iter().rev().find(|(_, b)| *b <= s).copied();
            let same_paragraph = |p: (usize, usize)| !chars[p.1..s].contains(&'\n');
            // Read past any quotation in that sentence: its words are not the attribution.
            let past_quotes = |p: (usize, usize)| {
                let from = quotes
                    .iter()
                    .filter(|o| p.0 <= o.end && o.end < p.1)
                    .map(|o| o.end + 1)
                    .max()
                    .unwrap_or(p.0);
                speaker_near(chars, (from, p.1), (from, from))
            };
            // `Nesbitt praised Doyle. “He's got everything.”`, or a paragraph of narration
            // before a paragraph of quotation: a sentence without quotation marks tells
            // whom the text is following, and its subject speaks on.
            let opens_paragraph = before.is_none_or(|p| !same_paragraph(p));
            let narration = |p: (usize, usize)| {
                let quoted = quotes.iter().any(|o| p.0 <= o.end && o.start < p.1);
                let ws = words_in(chars, p.0, p.1);
                (!quoted && !ws.is_empty())
                    .then(|| reported_by(chars, &ws).or_else(|| sentence_subject(chars, &ws)))
                    .flatten()
                    .map(|(at, who)| (at, format!("{SUBJECT}{who}")))
            };
            near = before
                .filter(|p| same_paragraph(*p))
                .and_then(|p| past_quotes(p).or_else(|| narration(p)))
                .or_else(|| before.filter(|_| opens_paragraph).and_then(narration))
                .or(Some((q.start, CONTINUES.into())));
        }
        // `Fontaine accused the minister of “covering up …”`: a quotation inside a sentence
        // that names no speaker is the words of the subject of the clause it stands in,
        // when that is someone the article names.
        if near.is_none() && q.kind == QuoteKind::Direct && !opens_sentence {
            let ws = words_in(chars, s, q.start.saturating_sub(1));
            near = embedding_subject(chars, &ws).map(|(at, who)| (at, format!("{EMBEDDED}{who}")));
        }
        found.push(near);
    }
    let roles = Roles::find(chars, &|i| quotes.iter().any(|q| q.start <= i && i < q.end));
    let mut named = found.clone();
    named.extend(
        narrated_speakers(chars, &sents, quotes)
            .into_iter()
            .map(|n| Some((0, n))),
    );
    let mentions = Mentions::find(chars, quotes, &named, &roles.names());
    let mut last_named: Option<(usize, String)> = None;
    for (q, near) in quotes.iter_mut().zip(found) {
        let paragraph = breaks.partition_point(|&b| b < q.start);
        if last_named.as_ref().is_some_and(|(p, _)| paragraph > *p + 1) {
            last_named = None;
        }
        let floor = paragraph
            .checked_sub(2)
            .and_then(|p| breaks.get(p))
            .map_or(0, |&b| b);
        let last = || last_named.as_ref().map(|(_, n)| n.clone());
        let resolve =
            |at: usize, who: String| resolve(chars, &mentions, &roles, (at, floor), who, last);
        q.speaker = match near {
            Some((_, who)) if who == CONTINUES => last(),
            // The subject of the narration before speaks on, when it is someone the
            // article names; else the statement of the speaker named last goes on.
            Some((at, who)) if who.starts_with(SUBJECT) => {
                narrator(chars, &mentions, &roles, (at, floor), &who[SUBJECT.len()..]).or_else(last)
            }
            Some((at, who)) if who.starts_with(EMBEDDED) => narrator(
                chars,
                &mentions,
                &roles,
                (at, floor),
                &who[EMBEDDED.len()..],
            ),
            Some((at, who)) => resolve(at, who),
            None => None,
        };
        // `A TV chef has been forced to apologise after calling vegans “…”` … `Gordon
        // Flint, 52, made the remark`: the lede's unnamed person is named as the subject
        // of the paragraph after it.
        if paragraph == 0
            && q.speaker
                .as_ref()
                .is_some_and(|w| w.starts_with("a ") || w.starts_with("an "))
            && let Some(name) = named_next(chars, &breaks, &sents, &mentions)
        {
            q.speaker = Some(name);
        }
        q.speaker = settle_channel(q.speaker.take(), &mentions);
        if let Some(name) = &q.speaker {
            last_named = Some((paragraph, name.clone()));
        }
    }
}

/// The person a speaker phrase `who` found at `at` stands for: a pronoun, a role or an
/// epithet resolved to whom the text names (mentions from `floor` on), a name as it is.
fn resolve(
    chars: &[char],
    mentions: &Mentions,
    roles: &Roles,
    (at, floor): (usize, usize),
    who: String,
    last: impl Fn() -> Option<String>,
) -> Option<String> {
    if matches!(who.as_str(), "he" | "she") {
        return match mentions.latest_before(at, floor, &who) {
            Resolved::Person(name) => Some(name.to_owned()),
            Resolved::Unnamed => None,
            // `The teenager will now be considered … “…,” she admitted`: no one named
            // nearby, but a sentence's subject is someone introduced before.
            Resolved::NoMention => {
                unnamed_nearby(chars, mentions, roles, (at, floor), &who).or_else(last)
            }
        };
    }
    if who == "they" {
        return last();
    }
    if who == ANSWERER {
        return mentions.first_person(at).map(str::to_owned);
    }
    if who == QUESTIONER {
        return None;
    }
    if !who.starts_with("the ") {
        return Some(mentions.in_full(who));
    }
    // "the 43-year-old said": whoever the article gave as 43, else someone the text was
    // talking about, like "he".
    if let Some(name) = roles.by_age(&who) {
        return Some(mentions.in_full(name.to_owned()));
    }
    if who.split(' ').any(is_descriptor) || roles.is_epithet(&who, at) {
        return match mentions.latest_before(at, floor, "") {
            Resolved::Person(name) => Some(name.to_owned()),
            _ => Some(who),
        };
    }
    // `Patrick … said the touchdown was a play they had practised. “…,” the receiver
    // said`: a role no one was introduced with, right after a person spoke in the same
    // paragraph, describes that person.
    if roles.resolve(&who, at).is_none()
        && let Some(name) = spoke_between(chars, mentions, paragraph_start(chars, at), at)
    {
        return Some(name);
    }
    // "the president said": the person introduced with that role.
    match roles.resolve(&who, at) {
        Some(Resolution::Introduced(name)) => Some(name.to_owned()),
        Some(Resolution::Described(name)) => match mentions.latest_before(at, floor, "") {
            Resolved::Person(person) => Some(person.to_owned()),
            _ => Some(name.to_owned()),
        },
        None => Some(who),
    }
}

/// The speaker a sentence of reported speech names at its end: "The savings would be
/// reinvested, she said."
fn reported_by(chars: &[char], ws: &[(usize, usize)]) -> Option<(usize, String)> {
    let verb = (1..ws.len())
        .rev()
        .find(|&k| is_speech_verb(&word(chars, ws[k])))?;
    let (i, who) = speaker_phrase_before(chars, ws, verb)?;
    comma_before(chars, ws, i).then(|| (ws[i].0, who))
}

/// Whom the subject `who` of a sentence of narration (at `at`) names, when it surely names
/// someone: a person the article names, a pronoun standing for one, or a role someone was
/// introduced with. An epithet's person is left to the speaker named last.
fn narrator(
    chars: &[char],
    mentions: &Mentions,
    roles: &Roles,
    (at, floor): (usize, usize),
    who: &str,
) -> Option<String> {
    if matches!(who, "he" | "she") {
        return match mentions.latest_before(at, floor, who) {
            Resolved::Person(name) => Some(name.to_owned()),
            Resolved::Unnamed => None,
            Resolved::NoMention => unnamed_nearby(chars, mentions, roles, (at, floor), who),
        };
    }
    if who.starts_with("the ") {
        if let Some(name) = roles.by_age(who) {
            return Some(name.to_owned());
        }
        return match roles.resolve(who, at)? {
            Resolution::Introduced(name) | Resolution::Described(name) => Some(name.to_owned()),
        };
    }
    mentions.person(who).map(str::to_owned)
}

/// The person a sentence between `floor` and `at` is about, when its subject is a role or
/// an age that says who ("The teenager will now be considered …"): the nearest such.
fn described_before(
    chars: &[char],
    mentions: &Mentions,
    roles: &Roles,
    (at, floor): (usize, usize),
) -> Option<String> {
    let sents = sentences(&chars[..at]);
    sents
        .iter()
        .rev()
        .take_while(|(a, _)| *a >= floor)
        .find_map(|&(a, b)| {
            let ws = words_in(chars, a, b);
            let (i, who) = sentence_subject(chars, &ws)?;
            who.starts_with("the ")
                .then(|| narrator(chars, mentions, roles, (i, floor), &who))
                .flatten()
        })
}

/// The person named in full as the subject of the first sentence of the article's second
/// paragraph.
fn named_next(
    chars: &[char],
    breaks: &[usize],
    sents: &[(usize, usize)],
    mentions: &Mentions,
) -> Option<String> {
    let first_break = *breaks.first()?;
    let &(a, b) = sents.iter().find(|(a, _)| *a > first_break)?;
    let (_, who) = sentence_subject(chars, &words_in(chars, a, b))?;
    who.contains(' ')
        .then(|| mentions.person(&who))
        .flatten()
        .map(str::to_owned)
}

/// The names that speak in the narration, outside quotation marks: "Tump announced late
/// Friday that …" makes a person of Tump as much as a quotation credited to him would.
fn narrated_speakers(chars: &[char], sents: &[(usize, usize)], quotes: &[Quote]) -> Vec<String> {
    let mut out = Vec::new();
    for &(a, b) in sents {
        let ws = words_in(chars, a, b);
        for k in 1..ws.len() {
            let quoted = |i: usize| quotes.iter().any(|q| q.start <= i && i < q.end);
            if quoted(ws[k].0) || !is_speech_verb(&word(chars, ws[k])) {
                continue;
            }
            if let Some((i, who)) =
                subject_past_insert(chars, &ws, k).or_else(|| speaker_phrase_before(chars, &ws, k))
                && !quoted(ws[i].0)
                && capitalised(&who)
                && !who.starts_with("The ")
                && !CHANNELS.contains(&who.to_lowercase().as_str())
            {
                out.push(who);
            }
        }
    }
    out
}

/// Marks the answers of an interview printed as questions and answers ("Q: …" / "A: …"):
/// they are the words of the person the article introduces first.
pub(super) const ANSWERER: &str = "\u{3}answers";

/// The subject of the clause the words `ws` (a sentence up to its quotation) end in, when
/// that clause is the narration's own: not reported by a speech verb before it ("The letter
/// argues that Ryan misappropriated …" is the letter's), and no relative clause between the
/// subject and the quotation ("the 14th Amendment, which states").
fn embedding_subject(chars: &[char], ws: &[(usize, usize)]) -> Option<(usize, String)> {
    let (at, who) = clause_subject(chars, ws)?;
    let i = ws.iter().position(|w| w.0 >= at)?;
    let reported = ws[..i]
        .iter()
        .any(|w| speech_verb(&word(chars, *w)).is_some());
    let relative = ws[i..].iter().any(|w| {
        matches!(
            word(chars, *w).to_lowercase().as_str(),
            "which" | "who" | "whose" | "that"
        )
    });
    (!reported && !relative).then_some((at, who))
}

/// Marks the questions of an interview ("Q: …"): no one named asks them.
pub(super) const QUESTIONER: &str = "\u{5}asks";

/// Marks the subject of a sentence that holds a quotation and names no speaker.
const EMBEDDED: &str = "\u{4}";

/// Marks the subject of the narration before an unattributed quotation.
const SUBJECT: &str = "\u{2}";

/// Whom a pronoun at `at` stands for when no one is named from `floor` on: the person a
/// role or an age subject describes there, or — when sentences there are led by the
/// pronoun (`Emma Thornton … / Her first classroom … She built one … / “…,” she said`) —
/// the person the paragraph before names.
fn unnamed_nearby(
    chars: &[char],
    mentions: &Mentions,
    roles: &Roles,
    (at, floor): (usize, usize),
    pronoun: &str,
) -> Option<String> {
    described_before(chars, mentions, roles, (at, floor)).or_else(|| {
        let earlier = paragraph_start(chars, floor.checked_sub(1)?);
        mentions.pronoun_led(floor, at, pronoun).then_some(())?;
        match mentions.latest_before(floor, earlier, pronoun) {
            Resolved::Person(name) => Some(name.to_owned()),
            _ => None,
        }
    })
}

/// The person the narration last has speak in `from..to` ("Patrick, who had seven
/// catches, said the touchdown …"), outside quotation marks.
fn spoke_between(chars: &[char], mentions: &Mentions, from: usize, to: usize) -> Option<String> {
    let sents = sentences(&chars[..to]);
    sents
        .iter()
        .rev()
        .take_while(|(a, _)| *a >= from)
        .find_map(|&(a, b)| {
            let ws = words_in(chars, a, b.min(to));
            let verb = (1..ws.len()).find(|&k| is_speech_verb(&word(chars, ws[k])))?;
            let (i, who) = subject_past_insert(chars, &ws, verb)
                .or_else(|| speaker_phrase_before(chars, &ws, verb))?;
            let quoted = chars[a..ws[i].0]
                .iter()
                .any(|c| matches!(c, '"' | '“' | '”'));
            (!quoted)
                .then(|| mentions.person(&who).map(str::to_owned))
                .flatten()
        })
}

/// Where the paragraph holding `at` starts: after the last blank line before it.
fn paragraph_start(chars: &[char], at: usize) -> usize {
    (1..=at.min(chars.len().saturating_sub(1)))
        .rev()
        .find(|&i| chars[i] == '\n' && chars[i - 1] == '\n')
        .map_or(0, |i| i + 1)
}

/// Marks a quotation that opens its sentence and names no one: it continues the statement
/// of the speaker named last.
const CONTINUES: &str = "\u{0}continues";

/// Character offsets of every paragraph break (a blank line), in order.
fn paragraph_breaks(chars: &[char]) -> Vec<usize> {
    (1..chars.len())
        .filter(|&i| chars[i] == '\n' && chars[i - 1] == '\n')
        .collect()
}
