//! Speech verbs in every form attribution meets them: past (`said`, `fumed`), present
//! (`says`, `insists` — features and tabloids tell in the present), the bare form after an
//! auxiliary (`is expected to say`) and the participle (`…, saying`). Forms are made from the
//! bare verb by English spelling rules, so a verb is listed once; forms that are also common
//! nouns (`states`, `notes`, `claims`, `posts`) are never made, as "the United States said"
//! and "the post said" must not read as verbs.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How a speech verb stands in the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// `said`, `says`, `say`: a finite verb or a bare one after an auxiliary.
    Finite,
    /// `saying`: takes its clause's subject ("He accused Obama of …, saying …").
    Participle,
}

/// One verb: its bare form, its past where spelling rules do not make it, and which forms
/// are safe to read as verbs.
struct Verb {
    bare: &'static str,
    past: Option<&'static str>,
    /// The bare and third-person forms are verbs only (not also nouns).
    present: bool,
}

const fn v(bare: &'static str) -> Verb {
    Verb {
        bare,
        past: None,
        present: true,
    }
}

/// Past only: its present forms are nouns too ("the claims", "a note", "the post").
const fn past(bare: &'static str) -> Verb {
    Verb {
        bare,
        past: None,
        present: false,
    }
}

const fn irregular(bare: &'static str, past: &'static str) -> Verb {
    Verb {
        bare,
        past: Some(past),
        present: true,
    }
}

/// The speech verbs. Reporting verbs of wire copy and broadsheets, and the livelier ones of
/// tabloids and features (`fumed`, `gushed`, `sobbed`).
const VERBS: &[Verb] = &[
    irregular("say", "said"),
    irregular("tell", "told"),
    irregular("write", "wrote"),
    v("add"),
    past("note"),
    v("stress"),
    v("emphasize"),
    v("emphasise"),
    past("state"),
    v("declare"),
    v("explain"),
    v("ask"),
    v("reply"),
    v("warn"),
    v("insist"),
    v("argue"),
    past("claim"),
    v("announce"),
    past("remark"),
    v("continue"),
    v("recall"),
    past("tweet"),
    past("post"),
    v("testify"),
    v("acknowledge"),
    irregular("admit", "admitted"),
    v("concede"),
    past("charge"),
    v("contend"),
    v("suggest"),
    v("predict"),
    past("promise"),
    past("vow"),
    past("pledge"),
    v("urge"),
    v("complain"),
    past("joke"),
    irregular("quip", "quipped"),
    past("shout"),
    v("respond"),
    past("answer"),
    v("conclude"),
    v("observe"),
    past("counter"),
    v("maintain"),
    v("assert"),
    past("caution"),
    v("lament"),
    past("boast"),
    v("reveal"),
    v("confess"),
    past("fume"),
    v("gush"),
    past("rage"),
    irregular("sob", "sobbed"),
    past("blast"),
    irregular("slam", "slammed"),
    past("exclaim"),
    past("whisper"),
    past("scream"),
    past("yell"),
    v("mutter"),
    past("plead"),
    past("protest"),
    past("demand"),
    v("confirm"),
    v("deny"),
    past("report"),
    past("recount"),
    v("reflect"),
    v("interject"),
    irregular("retort", "retorted"),
    v("mock"),
    v("tease"),
    v("beg"),
    past("beam"),
    past("laugh"),
    past("sigh"),
    irregular("grin", "grinned"),
    irregular("snap", "snapped"),
    past("smile"),
    past("cry"),
    v("chuckle"),
];

/// Verbs that give a quotation as what someone called something (`what he calls “a war of
/// choice”`): speech only when the quote follows them.
pub(super) const NAMING: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "described",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    "termed",
];

fn third_person(bare: &str) -> String {
    if bare.ends_with('s') || bare.ends_with("sh") || bare.ends_with("ch") || bare.ends_with('x') {
        format!("{bare}es")
    } else if let Some(stem) = bare.strip_suffix('y').filter(|s| !ends_in_vowel(s)) {
        format!("{stem}ies")
    } else {
        format!("{bare}s")
    }
}

fn regular_past(bare: &str) -> String {
    if bare.ends_with('e') {
        format!("{bare}d")
    } else if let Some(stem) = bare.strip_suffix('y').filter(|s| !ends_in_vowel(s)) {
        format!("{stem}ied")
    } else {
        format!("{bare}ed")
    }
}

fn ing(bare: &str, past: &str) -> String {
    // A doubled consonant in the past doubles here too ("quipped", "quipping").
    if let Some(stem) = past.strip_suffix("ed")
        && stem.len() > bare.len()
    {
        return format!("{stem}ing");
    }
    match bare.strip_suffix('e') {
        Some(stem) if !stem.ends_with('e') => format!("{stem}ing"),
        _ => format!("{bare}ing"),
    }
}

fn ends_in_vowel(s: &str) -> bool {
    s.ends_with(['a', 'e', 'i', 'o', 'u'])
}

static FORMS: LazyLock<HashMap<String, Form>> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    for verb in VERBS {
        let past = verb
            .past
            .map_or_else(|| regular_past(verb.bare), str::to_owned);
        forms.insert(ing(verb.bare, &past), Form::Participle);
        forms.insert(past, Form::Finite);
        if verb.present {
            forms.insert(verb.bare.to_owned(), Form::Finite);
            forms.insert(third_person(verb.bare), Form::Finite);
        }
    }
    // "said" is also a participle's past ("the words said at the rally") but never one that
    // takes a subject; "written" likewise.
    forms
});

/// The form of `w` (any case) if it is a speech verb.
pub(super) fn speech_verb(w: &str) -> Option<Form> {
    FORMS.get(w.to_lowercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_follow_english_spelling() {
        for w in [
            "said", "says", "say", "fumed", "sobbed", "replies", "replied", "gushes",
        ] {
            assert_eq!(speech_verb(w), Some(Form::Finite), "{w}");
        }
        for w in [
            "saying", "quipping", "arguing", "telling", "adding", "sobbing",
        ] {
            assert_eq!(speech_verb(w), Some(Form::Participle), "{w}");
        }
        // Nouns as often as verbs: only their past is read.
        for w in [
            "states", "notes", "claims", "posts", "tweet", "answer", "promises",
        ] {
            assert_eq!(speech_verb(w), None, "{w}");
        }
    }
}
