//! Differences of form that are not differences of words: letter case, curly against straight
//! apostrophes, and British against American spelling (`terrorised` / `terrorized`,
//! `colour` / `color`, `centre` / `center`, `travelled` / `traveled`, `defence` / `defense`).
//! Each word maps to one key; two renderings are compared on keys, so only real changes of
//! wording show.

/// The key a word is compared by. Applied to both sides alike, so a rule that maps an
/// unrelated word too ("rise" → "rize") changes nothing: only two different words that share
/// a key would be confused, and the rules are chosen so that English has few such pairs.
pub fn word_key(w: &str) -> String {
    let mut k: String = w
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    if !k.is_ascii() || k.len() < 5 {
        return k;
    }
    // -ise/-isation → -ize/-ization (and -yse → -yze).
    const IZE: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
    ];
    // -our → -or (colour, favour, labour, honour, neighbour and their forms).
    const OR: &[(&str, &str)] = &[
        ("ours", "ors"),
        ("our", "or"),
        ("oured", "ored"),
        ("ouring", "oring"),
        ("ourite", "orite"),
        ("ourable", "orable"),
        ("ourhood", "orhood"),
    ];
    // -tre → -ter (centre, theatre, metre), -ence → -ense (defence, offence, licence).
    const ER: &[(&str, &str)] = &[
        ("tres", "ters"),
        ("tre", "ter"),
        ("fence", "fense"),
        ("fences", "fenses"),
        ("cence", "cense"),
        ("logue", "log"),
        ("logues", "logs"),
    ];
    for (table, min_stem) in [(IZE, 3), (OR, 3), (ER, 2)] {
        if let Some((stem, to)) = table
            .iter()
            .find_map(|(from, to)| k.strip_suffix(from).map(|stem| (stem, to)))
            .filter(|(stem, _)| stem.len() >= min_stem)
        {
            k = format!("{stem}{to}");
        }
    }
    // A doubled l before -ed/-ing/-er (travelled, cancelling, counsellor).
    for suffix in ["lled", "lling", "llers", "ller", "llor", "llors"] {
        if let Some(stem) = k.strip_suffix(suffix)
            && stem.len() >= 3
            && !stem.ends_with('l')
        {
            k = format!("{stem}{}", &suffix[1..]);
            break;
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::word_key;

    #[test]
    fn british_and_american_forms_share_a_key() {
        for (gb, us) in [
            ("terrorised", "terrorized"),
            ("Organisation", "organization"),
            ("colour", "color"),
            ("favourite", "favorite"),
            ("labour", "labor"),
            ("centre", "center"),
            ("defence", "defense"),
            ("travelled", "traveled"),
            ("analysed", "analyzed"),
            ("Russia’s", "Russia's"),
            ("catalogue", "catalog"),
        ] {
            assert_eq!(word_key(gb), word_key(us), "{gb} / {us}");
        }
    }

    #[test]
    fn different_words_keep_different_keys() {
        for (a, b) in [
            ("four", "for"),
            ("killed", "kill"),
            ("not", "now"),
            ("fell", "fill"),
            ("hour", "hor"),
            ("tell", "tel"),
        ] {
            assert_ne!(word_key(a), word_key(b), "{a} / {b}");
        }
    }
}
