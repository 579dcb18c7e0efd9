//! The Markdown report: the HTML report's content for pasting into a CMS or a repository.
//! User text is escaped so it can neither format nor link; no raw HTML comes from it.

use super::ReportOptions;
use super::context::ReportData;
use crate::model::Claim;
use std::io::{self, Write};

/// Escapes Markdown-active characters (and `<`, so no HTML passes through), and turns line
/// breaks into spaces so user text never starts a line: list and heading markers (`-`, `1.`)
/// only act there, so they need no escaping.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '~' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes user text that starts a line (a list item's first words, a continuation line) so it
/// cannot open a block of its own: a list marker (`-`, `+`, `2024.`, `1)`), a setext underline
/// (`=`) or, through leading spaces, an indented code block.
fn esc_line_start(s: &str) -> String {
    let e = esc(s.trim_start());
    let digits = e.bytes().take_while(u8::is_ascii_digit).count();
    if e.starts_with(['-', '+', '=']) {
        format!("\\{e}")
    } else if digits > 0 && matches!(e.as_bytes().get(digits), Some(b'.' | b')')) {
        format!("{}\\{}", &e[..digits], &e[digits..])
    } else {
        e
    }
}

/// The quote in bold between a few words of context; the line it starts is escaped as a line
/// start. Whitespace at the quote's edges goes outside the asterisks, where it cannot stop
/// them from acting.
fn quote_in_context(data: &ReportData<'_>, c: &Claim) -> String {
    let (pre, post) = data.context_words(c);
    let mut line = esc_line_start(&pre);
    let core = c.quote.trim();
    if c.quote.starts_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
    if !core.is_empty() {
        line.push_str("**");
        line.push_str(&esc(core));
        line.push_str("**");
    }
    if c.quote.ends_with(char::is_whitespace) && !post.is_empty() && !post.starts_with(' ') {
        line.push(' ');
    }
    if line.is_empty() {
        line = esc_line_start(&post);
    } else {
        line.push_str(&esc(&post));
    }
    line
}

/// A note in italics, or nothing for a blank note. Web addresses in it become autolinks.
fn note(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| format!("*{}*", esc_linking(s)))
}

/// Like [`esc`], but an `http(s)://` address in the text is written as an autolink (`<URL>`),
/// untouched: escaping it (`\_`, `&amp;`) would change the address a reader follows, because
/// renderers that link bare addresses take the escapes into the link. Only addresses that pass
/// [`super::iri::is_web_address`] are linked; punctuation that ends a sentence stays outside.
fn esc_linking(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(at) = next_address(rest) {
        out.push_str(&esc(&rest[..at]));
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| c.is_whitespace() || "<>\"'`".contains(c))
            .unwrap_or(tail.len());
        let mut url = &tail[..end];
        // A closing bracket belongs to the address only when the address opened one.
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
            let trimmed = match trimmed.strip_suffix(')') {
                Some(t) if t.matches('(').count() < t.matches(')').count() + 1 => t,
                _ => trimmed,
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if super::iri::is_web_address(url) && url.len() > "https://".len() {
            out.push('<');
            out.push_str(url);
            out.push('>');
        } else {
            out.push_str(&esc(url));
        }
        rest = &tail[url.len()..];
    }
    out.push_str(&esc(rest));
    out
}

/// Byte index of the next `http://` or `https://` that starts a word.
fn next_address(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find("http").map(|i| i + from) {
        let starts_word = s[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{\"'".contains(c));
        let tail = &s[i..];
        if starts_word && (tail.starts_with("https://") || tail.starts_with("http://")) {
            return Some(i);
        }
        from = i + 4;
    }
    None
}

fn source_line(data: &ReportData<'_>, c: &Claim) -> String {
    let (title, rest) = data.source_parts(c);
    std::iter::once(esc_line_start(&title))
        .chain(rest.iter().map(|p| esc(p)))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn write(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let n = data.counts();
    writeln!(out, "# Fact-check report: {}\n", esc(&opts.project_name))?;
    writeln!(out, "{}\n", n.summary())?;

    writeln!(
        out,
        "## Sources\n\n| # | Title | Outlet | Author | Date | File | SHA-256 |\n|---|---|---|---|---|---|---|"
    )?;
    for a in data.project.articles() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | `{}` |",
            a.id,
            esc(&a.title),
            esc(a.outlet.as_deref().unwrap_or("—")),
            esc(a.author.as_deref().unwrap_or("—")),
            esc(&a
                .published
                .as_deref()
                .map_or("—".to_owned(), crate::model::display_date)),
            esc(&a.path),
            a.sha256
                .chars()
                .filter(char::is_ascii_hexdigit)
                .collect::<String>()
        )?;
    }

    writeln!(out, "\n## Conflicts and links\n")?;
    let links = data.links_sorted();
    if links.is_empty() {
        writeln!(out, "No claims were linked.")?;
    }
    for link in links {
        writeln!(
            out,
            "### Link {}: {} · {}\n",
            link.id,
            link.kind.label(),
            esc(&data.resolution_text(link))
        )?;
        for c in link.members.iter().filter_map(|m| data.project.claim(*m)) {
            writeln!(
                out,
                "- {} — {} · {}",
                quote_in_context(data, c),
                source_line(data, c),
                esc(data.verdict(c))
            )?;
        }
        if let Some(diffs) = data.quote_diffs(link) {
            writeln!(out)?;
            for (c, parts) in diffs {
                let marked: String = parts
                    .iter()
                    .map(|p| {
                        use crate::analysis::quotes::Change;
                        let t = esc(p.text.trim());
                        let t = if p.strong { format!("**{t}**") } else { t };
                        let lead = if p.text.starts_with(char::is_whitespace) {
                            " "
                        } else {
                            ""
                        };
                        let trail = if p.text.ends_with(char::is_whitespace) {
                            " "
                        } else {
                            ""
                        };
                        match p.change {
                            Change::Same => esc(&p.text),
                            _ if p.text.trim().is_empty() => String::new(),
                            Change::Deleted => format!("{lead}~~{t}~~{trail}"),
                            Change::Inserted => format!("{lead}_{t}_{trail}"),
                        }
                    })
                    .collect();
                writeln!(
                    out,
                    "- Differences in {} (~~deleted~~, _inserted_): {marked}",
                    esc(data.article(c.article_id).map_or("?", |a| a.title.as_str()))
                )?;
            }
        }
        if let Some(note) = note(&link.note) {
            writeln!(out, "\n{note}")?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## Claims\n")?;
    let groups = data.claims_grouped();
    if groups.is_empty() {
        writeln!(out, "No claims were tagged.\n")?;
    }
    for (category, verdict, list) in groups {
        writeln!(
            out,
            "### {} — {} ({})\n",
            esc(category),
            esc(&verdict),
            list.len()
        )?;
        for c in list {
            write!(
                out,
                "- {}  \n  {}",
                quote_in_context(data, c),
                source_line(data, c)
            )?;
            let links: Vec<String> = data
                .link_ids(c.id)
                .iter()
                .map(|l| format!("link {l}"))
                .collect();
            if !links.is_empty() {
                write!(out, " · {}", links.join(", "))?;
            }
            if let Some(note) = note(&c.note) {
                write!(out, "  \n  {note}")?;
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## Method and provenance\n")?;
    writeln!(out, "{}\n", esc(super::context::METHOD))?;
    let scale: Vec<String> = data
        .project
        .verdicts()
        .iter()
        .map(|v| esc(&v.name))
        .collect();
    writeln!(out, "Verdict scale: {}.\n", scale.join(", "))?;
    writeln!(out, "- Project: {}", esc(&opts.project_name))?;
    writeln!(out, "- Exported: {}", esc(&opts.exported_at))?;
    writeln!(out, "- Software: Crosscheck {}", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::esc_line_start;

    #[test]
    fn web_addresses_in_notes_stay_followable() {
        let note =
            super::note("See https://example.org/a_b?x=1&y=2. Also *this*").unwrap_or_default();
        assert_eq!(
            note,
            "*See <https://example.org/a_b?x=1&y=2>. Also \\*this\\**"
        );
        // An address inside brackets keeps its own bracket and leaves the closing one out.
        assert_eq!(
            super::esc_linking("(https://en.wikipedia.org/wiki/Foo_(bar))"),
            "\\(<https://en.wikipedia.org/wiki/Foo_(bar)>\\)"
        );
        // Not an address: a scheme alone, or javascript dressed as text.
        assert_eq!(super::esc_linking("https:// x"), "https:// x");
        assert_eq!(
            super::esc_linking("javascript:alert(1)"),
            "javascript:alert\\(1\\)"
        );
    }

    #[test]
    fn text_at_a_line_start_cannot_open_a_list_heading_or_code_block() {
        assert_eq!(esc_line_start("- 5 percent"), "\\- 5 percent");
        assert_eq!(esc_line_start("+3"), "\\+3");
        assert_eq!(esc_line_start("2024. The toll"), "2024\\. The toll");
        assert_eq!(esc_line_start("1) first"), "1\\) first");
        assert_eq!(esc_line_start("==="), "\\===");
        assert_eq!(esc_line_start("      code?"), "code?");
        assert_eq!(esc_line_start("139 people"), "139 people");
    }
}
