//! Quotations in single marks (`'…'` and `‘…’`), the house style of much of the British press
//! (the Daily Mail, Metro, the Sun, RTÉ). The same mark is an apostrophe inside words
//! (`O'Grady`, `don't`), after a plural possessive (`the workers' union`) and before an elision
//! (`'90s`), so a mark counts only where its shape says quotation: it opens after a space or a
//! bracket and before a word, and closes after a word or a stop and before a space or a stop.

/// The character ranges (marks included, end exclusive) of `chars` quoted in single marks, in
/// order. A quotation never runs past its paragraph. One never closed runs to the paragraph's end
/// when it opened the paragraph or the next paragraph opens with a mark: news style carries a
/// long quotation on that way, leaving each paragraph but the last unclosed. Any other mark
/// left open was an elision or a stray mark, and is dropped.
pub(crate) fn single_quoted(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut para_start = 0;
    for i in 0..=chars.len() {
        let c = chars.get(i).copied().unwrap_or('\n');
        if c == '\n' {
            if let Some(s) = open.take()
                && (chars[para_start..s].iter().all(|c| c.is_whitespace())
                    || next_paragraph_opens_quoted(chars, i))
            {
                out.push((s, i));
            }
            para_start = i + 1;
            continue;
        }
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        match open {
            None if c != '’' && opens(chars, i) => open = Some(i),
            Some(s) if c != '‘' && closes(chars, i) => {
                out.push((s, i + 1));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether the first paragraph after the line break at `i` (past blank lines) opens with a
/// single mark.
fn next_paragraph_opens_quoted(chars: &[char], i: usize) -> bool {
    chars[i..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| c == '\'' || c == '‘')
}

/// After the start, a space, a bracket or a dash, and before a letter, a digit or an ellipsis.
pub(crate) fn opens(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    before.is_none_or(|b| b.is_whitespace() || "([{—–-\"“:".contains(b))
        && after.is_some_and(|a| a.is_alphanumeric() || a == '…' || a == '.')
}

/// After a word or a stop, and before the end, a space or a stop; not the apostrophe of a
/// plural possessive (`the workers' union`: an `s` before, a lower-case word after).
pub(crate) fn closes(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let ends = after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]—–-\"”".contains(a));
    let possessive = before == Some('s')
        && after == Some(' ')
        && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
    before.is_some_and(|b| !b.is_whitespace()) && ends && !possessive
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        single_quoted(&chars)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn a_british_quotation_in_single_marks_is_found_and_apostrophes_are_not() {
        let t = "Paul O'Grady's partner said: 'He will be greatly missed, and we don't know \
                 how we'll cope.' The workers' union called it 'a loss', in the '90s style.";
        assert_eq!(
            quoted(t),
            [
                "'He will be greatly missed, and we don't know how we'll cope.'",
                "'a loss'"
            ]
        );
    }

    #[test]
    fn a_quotation_carried_on_by_paragraphs_runs_to_each_paragraphs_end() {
        let t = "His partner wrote: 'It is with great sadness that I inform you.\n\n\
                 'He will be greatly missed.\n\n\
                 'I know he would want me to thank you,' he added. Then he left.\n\n\
                 The '90s were his decade.";
        assert_eq!(
            quoted(t),
            [
                "'It is with great sadness that I inform you.",
                "'He will be greatly missed.",
                "'I know he would want me to thank you,'",
            ]
        );
    }

    #[test]
    fn curly_single_marks_open_and_close_by_shape() {
        let t = "The judge said ‘this was a wicked crime’ and the family’s lawyer agreed.";
        assert_eq!(quoted(t), ["‘this was a wicked crime’"]);
    }
}
