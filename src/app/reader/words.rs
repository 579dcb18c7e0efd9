//! Word boundaries for double-click selection, in character offsets.

/// The word around character offset `at`: letters, digits and in-word apostrophes, hyphens,
/// periods and commas between digits (so `2,997` and `1.5` select whole). Returns an empty
/// range at `at` when it is not on a word.
pub fn word_at(text: &str, at: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let is_word = |i: usize| -> bool {
        let Some(&c) = chars.get(i) else { return false };
        if c.is_alphanumeric() {
            return true;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let next = chars.get(i + 1);
        let joins = |f: fn(&char) -> bool| prev.is_some_and(f) && next.is_some_and(f);
        match c {
            '\'' | '’' | '-' => joins(|c| c.is_alphanumeric()),
            '.' | ',' => joins(|c| c.is_ascii_digit()),
            _ => false,
        }
    };
    let at = if !is_word(at) && at > 0 && is_word(at - 1) {
        at - 1
    } else {
        at
    };
    if !is_word(at) {
        return (at, at);
    }
    let mut a = at;
    while a > 0 && is_word(a - 1) {
        a -= 1;
    }
    let mut b = at;
    while is_word(b) {
        b += 1;
    }
    (a, b)
}

/// Widens `start..end` so neither end cuts a word in half.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let alnum = |i: Option<usize>| {
        i.and_then(|i| text.chars().nth(i))
            .is_some_and(char::is_alphanumeric)
    };
    let cuts_start = alnum(Some(start)) && alnum(start.checked_sub(1));
    let cuts_end = alnum(Some(end)) && alnum(end.checked_sub(1));
    let a = if cuts_start {
        word_at(text, start).0
    } else {
        start
    };
    let b = if cuts_end { word_at(text, end).1 } else { end };
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::word_at;

    #[test]
    fn double_click_takes_the_whole_word_or_number() {
        let t = "Zoë’s toll: 2,997 people, 1.5 km.";
        assert_eq!(word_at(t, 1), (0, 5));
        assert_eq!(word_at(t, 13), (12, 17));
        assert_eq!(word_at(t, 27), (26, 29));
        assert_eq!(
            word_at(t, 10),
            (6, 10),
            "a click just after a word takes that word"
        );
        assert_eq!(word_at(t, 11), (11, 11));
    }

    #[test]
    fn selections_that_cut_words_grow_to_whole_words() {
        let t = "At least 139 people were killed.";
        assert_eq!(
            super::snap_to_words(t, 4, 11),
            (3, 12),
            "ea..13 → least 139"
        );
        assert_eq!(
            super::snap_to_words(t, 9, 12),
            (9, 12),
            "whole words stay as they are"
        );
        assert_eq!(
            super::snap_to_words(t, 8, 13),
            (8, 13),
            "spaces at the ends stay"
        );
    }
}

/// Shrinks `start..end` past whitespace at either end (a dragged selection often takes the
/// space after the last word; a claim should not).
pub fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text
        .chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    if lead == chars.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

#[cfg(test)]
mod trim_tests {
    #[test]
    fn tagged_ranges_lose_surrounding_whitespace() {
        let t = "a  139 killed \n next";
        assert_eq!(super::trim_range(t, 1, 15), (3, 13));
        assert_eq!(
            super::trim_range(t, 1, 3),
            (1, 1),
            "only spaces: nothing left"
        );
    }
}
