//! How the window names who made a claim or link and who changed it last.

/// "Tagged by Ana Lima · changed by Ben Okafor", "Made by an unknown researcher".
pub fn made_by(verb: &str, author: Option<&str>, edited_by: Option<&str>) -> String {
    let mut line = match author {
        Some(a) => format!("{verb} by {a}"),
        None => format!("{verb} by an unknown researcher"),
    };
    if let Some(e) = edited_by.filter(|e| Some(*e) != author) {
        line.push_str(&format!(" · changed by {e}"));
    } else if edited_by.is_some() {
        line.push_str(" · changed since");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::made_by;

    #[test]
    fn the_line_names_the_maker_and_a_different_editor() {
        assert_eq!(made_by("Tagged", Some("Ana"), None), "Tagged by Ana");
        assert_eq!(
            made_by("Tagged", Some("Ana"), Some("Ben")),
            "Tagged by Ana · changed by Ben"
        );
        assert_eq!(
            made_by("Tagged", Some("Ana"), Some("Ana")),
            "Tagged by Ana · changed since"
        );
        assert_eq!(
            made_by("Linked", None, None),
            "Linked by an unknown researcher"
        );
    }
}
