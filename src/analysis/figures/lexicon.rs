//! Which counted nouns may name the same things, and which name a part of a group.
//!
//! A small lexicon, checked on real reporting: outlets count one crowd as `people`,
//! `marchers` and `protesters`, one batch of bombs as `bombs`, `devices` and `packages`, one
//! leak as `pages`, `files` and `documents`; one sanction as a `fine` and a `penalty`. Figures
//! whose heads fall in one class are
//! compared; other heads only when they are the same word. Subgroups (`children`, `pupils`,
//! `soldiers`) are part of the people an event touches: their figure is `part of` a toll of
//! people, never a contradiction of it.

/// The singular-insensitive form of a head: `bombs` and `bomb` compare equal.
pub(crate) fn stem(head: &str) -> &str {
    if let Some(s) = head.strip_suffix("ies") {
        return s;
    }
    if head.ends_with("ss") {
        return head;
    }
    head.strip_suffix('s').unwrap_or(head)
}

/// Classes of counted heads that news reports use for the same things (singular stems).
const CLASSES: &[(&str, &[&str])] = &[
    (
        "people",
        &[
            "people",
            "person",
            "individual",
            "resident",
            "civilian",
            "migrant",
            "marcher",
            "protester",
            "protestor",
            "demonstrator",
            "participant",
            "attendee",
            "visitor",
            "spectator",
            "supporter",
            "worker",
            "employee",
            "passenger",
            "victim",
            "inhabitant",
            "villager",
            "local",
            "pilgrim",
            "asylum-seeker",
            "refugee",
            "member",
        ],
    ),
    (
        "explosive devices",
        &[
            "bomb",
            "device",
            "package",
            "parcel",
            "explosive",
            "pipe-bomb",
            "envelope",
            "mailer",
            "ied",
        ],
    ),
    (
        "documents",
        &[
            // Not `page`: pages measure a document's length, they do not count documents
            // (`300 emails` ran to `900 pages`; `55,000 pages` of `15,000 documents`).
            "file", "document", "record", "email", "e-mail", "cable", "paper", "message", "memo",
            "letter", "report",
        ],
    ),
    ("discs", &["disc", "disk", "cd", "dvd"]),
    (
        "firearms",
        &["gun", "firearm", "weapon", "rifle", "pistol", "handgun"],
    ),
    (
        "homes",
        &["home", "house", "dwelling", "building", "structure"],
    ),
];

/// What amounts of money are for (`a fine of`, `a $2 million penalty`): outlets name one
/// sanction, one payout, one bail in different words. Kept apart from [`CLASSES`], which also
/// decides which plain quantities are compared at all (`three awards` are not).
const MONEY_KINDS: &[(&str, &[&str])] = &[
    ("penalties", &["fine", "penalty", "sanction"]),
    (
        "damages",
        &["damage", "compensation", "payout", "settlement", "award"],
    ),
    ("bail", &["bail", "bond", "surety"]),
];

/// The kind an amount of money is (`a penalty of` → `penalties`), by the noun that says what
/// it is for; the noun's stem when the lexicon does not class it.
pub(crate) fn money_kind(head: &str) -> &str {
    let s = stem(head);
    MONEY_KINDS
        .iter()
        .find(|(_, words)| words.contains(&s) || words.contains(&head))
        .map_or(s, |(name, _)| *name)
}

/// Whether `head` names what an amount is for (a fine, a payout, bail), by [`MONEY_KINDS`].
pub(crate) fn is_money_kind(head: &str) -> bool {
    let s = stem(head);
    MONEY_KINDS
        .iter()
        .any(|(_, words)| words.contains(&s) || words.contains(&head))
}

/// The class a counted head belongs to (`marchers` → `people`), if the lexicon has it.
pub(crate) fn class_of(head: &str) -> Option<&'static str> {
    let s = stem(head);
    CLASSES
        .iter()
        .find(|(_, words)| words.contains(&s) || words.contains(&head))
        .map(|(name, _)| *name)
}

/// Heads that name a part of the people an event touches.
pub(crate) fn is_subgroup(head: &str) -> bool {
    matches!(
        stem(head),
        "child"
            | "children"
            | "pupil"
            | "student"
            | "schoolchildren"
            | "kid"
            | "infant"
            | "baby"
            | "babie"
            | "teenager"
            | "minor"
            | "women"
            | "woman"
            | "men"
            | "man"
            | "girl"
            | "boy"
            | "soldier"
            | "troop"
            | "officer"
            | "policemen"
            | "policeman"
            | "firefighter"
            | "rescuer"
            | "doctor"
            | "nurse"
            | "patient"
            | "tourist"
            | "foreigner"
            | "national"
            | "citizen"
            | "miner"
            | "teacher"
            | "worshipper"
            | "guest"
            | "journalist"
            | "child-"
            | "elderly"
            | "crew"
            | "sailor"
            | "fighter"
            | "militant"
            | "gunmen"
            | "gunman"
            | "attacker"
            | "police"
    )
}

/// How two counted heads relate: the same word, near-synonyms of one class, or unrelated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kinship {
    Same,
    Class(&'static str),
    /// One head names a subgroup of the other's people (`pupils` and `people`).
    Part,
    Unrelated,
}

/// How the heads `a` and `b` relate.
pub(crate) fn kinship(a: &str, b: &str) -> Kinship {
    if stem(a) == stem(b) {
        return Kinship::Same;
    }
    let (ca, cb) = (class_of(a), class_of(b));
    if let (Some(x), Some(y)) = (ca, cb)
        && x == y
    {
        return Kinship::Class(x);
    }
    let people = |h: &str| class_of(h) == Some("people");
    if (is_subgroup(a) && people(b)) || (is_subgroup(b) && people(a)) {
        return Kinship::Part;
    }
    Kinship::Unrelated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_words_for_one_thing_share_a_class() {
        assert_eq!(kinship("marchers", "people"), Kinship::Class("people"));
        assert_eq!(
            kinship("bombs", "devices"),
            Kinship::Class("explosive devices")
        );
        assert_eq!(
            kinship("packages", "bombs"),
            Kinship::Class("explosive devices")
        );
        assert_eq!(kinship("emails", "documents"), Kinship::Class("documents"));
        assert_eq!(kinship("pages", "emails"), Kinship::Unrelated);
        assert_eq!(kinship("bomb", "bombs"), Kinship::Same);
        assert_eq!(kinship("pupils", "people"), Kinship::Part);
        assert_eq!(kinship("bombs", "people"), Kinship::Unrelated);
    }
}
