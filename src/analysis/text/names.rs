//! Words and names of running text, as ranking and stories read them: a one-pass word
//! splitter that knows which words open a sentence, what makes a word a name (a capital
//! mid-sentence, an acronym), time words (weekdays, months, years) and the capitalised words
//! that are not names.

/// A word with its character offset in the text.
pub(crate) struct Word<'t> {
    pub(crate) at: usize,
    pub(crate) text: &'t str,
    /// First word of its sentence or line, where a capital says nothing.
    pub(crate) initial: bool,
}

/// Splits `text` into words (letters, digits, inner apostrophes and hyphens), in one pass.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut initial = true;
    for (chars, (b, c)) in text.char_indices().enumerate() {
        let inner = matches!(c, '\'' | '’' | '-') && start.is_some();
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some((chars, b));
            }
        } else {
            if let Some(s) = start.take() {
                push_word(text, &mut out, s, b, &mut initial);
            }
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '(') {
                initial = true;
            }
        }
    }
    if let Some(s) = start {
        push_word(text, &mut out, s, text.len(), &mut initial);
    }
    out
}

/// Adds the word starting at `s` (char offset, byte offset) and ending at byte `end`.
fn push_word<'t>(
    text: &'t str,
    out: &mut Vec<Word<'t>>,
    s: (usize, usize),
    end: usize,
    initial: &mut bool,
) {
    // A possessive names the same thing: "Russia's" is "Russia".
    let w = text[s.1..end].trim_end_matches(['\'', '-', '’']);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    if !w.is_empty() {
        out.push(Word {
            at: s.0,
            text: w,
            initial: *initial,
        });
        *initial = false;
    }
}

/// A capitalised word ("Halden") or an acronym ("UN", "G7"); numbers are not names.
pub(crate) fn is_capitalised(w: &str) -> bool {
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    let acronym = w.chars().count() >= 2
        && w.chars().any(char::is_uppercase)
        && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    first_upper && (w.chars().any(char::is_lowercase) || acronym)
}

pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub(crate) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

pub(crate) fn is_month(w: &str) -> bool {
    crate::model::month_number(w).is_some()
}

pub(crate) fn is_time_word(w: &str) -> bool {
    is_weekday(w)
        || is_year(w)
        || is_month(w)
        || matches!(
            w,
            "yesterday" | "today" | "tonight" | "overnight" | "morning" | "evening" | "night"
        )
}

/// Capitalised words that are not names: function words, titles, words of speech and news.
pub(crate) fn is_common_word(w: &str) -> bool {
    is_month(w)
        || matches!(
            w,
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "but"
                | "in"
                | "on"
                | "at"
                | "of"
                | "to"
                | "for"
                | "by"
                | "with"
                | "from"
                | "as"
                | "after"
                | "before"
                | "since"
                | "during"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "this"
                | "that"
                | "these"
                | "those"
                | "there"
                | "their"
                | "his"
                | "her"
                | "its"
                | "our"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "president"
                | "minister"
                | "police"
                | "officials"
                | "according"
                | "update"
                | "updated"
                | "breaking"
                | "live"
                | "news"
                | "at least"
                | "more"
                | "some"
                | "about"
                | "nearly"
                | "almost"
                | "over"
                | "up"
        )
}
