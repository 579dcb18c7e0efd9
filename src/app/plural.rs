//! Counts in words: "1 claim", "2 claims", "1 match", "3 matches". Every count the window
//! shows goes through [`count`], so no label reads "1 claims".

/// `n` and the noun, singular for exactly one. Nouns ending in a hissing sound take "es".
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_for(n, noun))
}

/// The noun alone, in the form `n` needs ("of 1 article", "of 5 articles").
pub fn noun_for(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_owned()
    } else if noun.ends_with("ch") || noun.ends_with("sh") || noun.ends_with(['s', 'x', 'z']) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count(1, "match"), "1 match");
        assert_eq!(noun_for(5, "article"), "articles");
    }
}
