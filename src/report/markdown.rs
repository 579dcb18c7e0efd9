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

fn quote_in_context(data: &ReportData<'_>, c: &Claim) -> String {
    let (pre, post) = data.context_words(c);
    format!("{}**{}**{}", esc(&pre), esc(&c.quote), esc(&post))
}

fn source_line(data: &ReportData<'_>, c: &Claim) -> String {
    let (title, rest) = data.source_parts(c);
    std::iter::once(title)
        .chain(rest)
        .map(|p| esc(&p))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn write(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let n = data.counts();
    writeln!(out, "# Fact-check report: {}\n", esc(&opts.project_name))?;
    writeln!(
        out,
        "{} articles · {} claims · {} links · {} conflicts ({} open)\n",
        n.articles, n.claims, n.links, n.conflicts, n.open_conflicts
    )?;

    writeln!(
        out,
        "## Sources\n\n| # | Title | Outlet | Date | File | SHA-256 |\n|---|---|---|---|---|---|"
    )?;
    for a in data.project.articles() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | `{}` |",
            a.id,
            esc(&a.title),
            esc(a.outlet.as_deref().unwrap_or("—")),
            esc(a.published.as_deref().unwrap_or("—")),
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
        if !link.note.is_empty() {
            writeln!(out, "\n*{}*", esc(&link.note))?;
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
            if !c.note.is_empty() {
                write!(out, "  \n  *{}*", esc(&c.note))?;
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
