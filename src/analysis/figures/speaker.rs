//! A count that names who speaks (`one official said`, `two witnesses told Reuters`,
//! `according to one doctor`, `…, said one resident.`) counts the sources of a sentence, not
//! what the sentence reports. News attributes a toll in the same sentence as the toll
//! (`Thirty people were killed, one witness said`), so the nearest event word belonged to the
//! toll and the speaker became a toll of one; `Twelve were injured, two officials said` read
//! as two injured and was set against the twelve.
//!
//! Read by the clause's structure: the counted noun phrase is the subject of a verb of saying,
//! the object of `according to`, or the subject after an inverted verb of saying at the end of
//! a clause. Speakers who say it of themselves (`five people said they were injured`) are
//! still counted by what they say. Verbs that also take a state (`reported missing`, `confirmed dead`) are not verbs
//! of saying here.

use super::sentence_words::is_speech_verb;
use crate::analysis::text::Cx;
use crate::analysis::text::pos::{self, Pos};
use crate::analysis::text::tokens::Kind;

/// A verb that reports speech and never names a state of its subject: `said`, `told`,
/// `recalled`. Not `reported`, `confirmed`, `claimed`, `estimated`: `42 people reported
/// missing`, `five confirmed dead` are tolls.
fn says(w: &str) -> bool {
    let takes_a_state = matches!(
        w,
        "reported" | "reports" | "confirmed" | "claimed" | "estimated"
    );
    (is_speech_verb(w) && !takes_a_state)
        || matches!(
            w,
            "recalled"
                | "recalls"
                | "explained"
                | "insisted"
                | "testified"
                | "recounted"
                | "warned"
                | "admitted"
                | "described"
                | "tells"
        )
}

/// Whether the count whose number starts at token `first` and whose noun phrase ends at token
/// `last` (its head noun) names the speakers of its clause, in the sentence starting at `s`.
pub(super) fn counts_speakers(cx: &Cx, s: usize, first: usize, last: usize) -> bool {
    let low = |j: usize| cx.low(j).map(|l| l.as_str());
    // `two officials said`, `one witness later told police`.
    let mut j = last + 1;
    if low(j).is_some_and(|w| !says(w) && pos::lexical(w) == Pos::Adv) {
        j += 1;
    }
    if low(j).is_some_and(says) {
        // `Five people said they were injured`: the speakers say it of themselves, so what
        // they say is what they count.
        let of_themselves = (j + 1..(j + 4).min(cx.end))
            .any(|k| low(k).is_some_and(|w| matches!(w, "they" | "we" | "he" | "she" | "i")));
        return !of_themselves;
    }
    // `according to one doctor`.
    if first >= s + 2 && low(first - 1) == Some("to") && low(first - 2) == Some("according") {
        return true;
    }
    // `…, said one resident.`: an inverted attribution ends its clause; `said two people died`
    // goes on to what was said.
    let ends_clause = match cx.get(last + 1) {
        None => true,
        Some(t) => t.kind == Kind::Punct && !cx.is_punct(last + 1, "-"),
    };
    first > s && low(first - 1).is_some_and(says) && ends_clause
}
