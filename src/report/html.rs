//! The HTML report: one self-contained page (inline CSS, no scripts, no external requests),
//! readable on screen and printable.

use super::ReportOptions;
use super::context::ReportData;
use super::html_escape::esc;
use crate::analysis::{FigureOptions, extract_figures};
use crate::model::{Claim, Link};
use std::io::{self, Write};

const CSS: &str = include_str!("../../assets/report.css");

pub fn write(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let name = esc(&opts.project_name);
    let n = data.counts();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    // A second line of defence: even if text slipped through unescaped, nothing could run or
    // load from elsewhere.
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    )?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"Crosscheck {}\">",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "<title>Fact-check report: {name}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>"
    )?;
    writeln!(out, "<header>\n<h1>Fact-check report: {name}</h1>")?;
    writeln!(out, "<p class=\"summary\">{}</p>\n</header>", n.summary())?;

    sources(data, out)?;
    links(data, out)?;
    let families = super::reuse::Section::of(data);
    super::reuse::html(data, &families, out)?;
    super::timeline::section(data, out)?;
    claims(data, out)?;
    method(data, opts, out)?;
    writeln!(out, "</main>\n</body>\n</html>")
}

fn sources(data: &ReportData<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<section id=\"sources\">\n<h2>Sources</h2>\n<table>")?;
    writeln!(
        out,
        "<thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Author</th><th>Date</th><th>File and SHA-256</th></tr></thead>\n<tbody>"
    )?;
    for a in data.project.articles() {
        // A title links to its page only when the address is plain http(s).
        let title = match a.url.as_deref().filter(|u| super::iri::is_web_address(u)) {
            Some(u) => format!("<a href=\"{}\">{}</a>", esc(u), esc(&a.title)),
            None => esc(&a.title),
        };
        writeln!(
            out,
            "<tr id=\"article-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}<br><code>{}</code></td></tr>",
            a.id,
            a.id,
            title,
            esc(a.outlet.as_deref().unwrap_or("—")),
            esc(a.author.as_deref().unwrap_or("—")),
            esc(&a
                .published
                .as_deref()
                .map_or("—".to_owned(), crate::model::display_date)),
            esc(&a.path),
            esc(&a.sha256)
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

/// The quote with a few words of context, the quote marked.
fn quote_in_context(data: &ReportData<'_>, c: &Claim) -> String {
    let (pre, post) = data.context_words(c);
    format!("{}<mark>{}</mark>{}", esc(&pre), esc(&c.quote), esc(&post))
}

fn source_line(data: &ReportData<'_>, c: &Claim) -> String {
    let (title, rest) = data.source_parts(c);
    let mut parts = vec![format!(
        "<a href=\"#article-{}\">{}</a>",
        c.article_id,
        esc(&title)
    )];
    parts.extend(rest.iter().map(|p| esc(p)));
    parts.join(" · ")
}

fn links(data: &ReportData<'_>, out: &mut dyn Write) -> io::Result<()> {
    let links = data.links_sorted();
    writeln!(out, "<section id=\"links\">\n<h2>Conflicts and links</h2>")?;
    if links.is_empty() {
        writeln!(out, "<p class=\"small\">No claims were linked.</p>")?;
    }
    for link in links {
        writeln!(
            out,
            "<article class=\"link {}\" id=\"link-{}\">\n<h3>Link {}: {} · {}</h3>",
            link.kind.as_str(),
            link.id,
            link.id,
            link.kind.label(),
            esc(&data.resolution_text(link))
        )?;
        let by =
            super::context::made_by("Linked", link.author.as_deref(), link.edited_by.as_deref());
        if !by.is_empty() {
            writeln!(out, "<p class=\"meta\">{}</p>", esc(&by.join(" · ")))?;
        }
        writeln!(out, "<div class=\"members\">")?;
        for c in link.members.iter().filter_map(|m| data.project.claim(*m)) {
            writeln!(
                out,
                "<figure><blockquote>{}</blockquote><figcaption>{} · {}</figcaption></figure>",
                quote_in_context(data, c),
                source_line(data, c),
                esc(data.verdict(c))
            )?;
        }
        writeln!(out, "</div>")?;
        if let Some(diffs) = data.quote_diffs(link) {
            for (c, parts) in diffs {
                writeln!(
                    out,
                    "<p class=\"diff\">{} against the first rendering: {}</p>",
                    esc(data.article(c.article_id).map_or("?", |a| a.title.as_str())),
                    diff_html(&parts)
                )?;
            }
        }
        if let Some(svg) = figure_chart(data, link) {
            writeln!(out, "{svg}")?;
        }
        if !link.note.is_empty() {
            writeln!(out, "<p class=\"note\">{}</p>", esc(&link.note))?;
        }
        writeln!(out, "</article>")?;
    }
    writeln!(out, "</section>")
}

/// An inline SVG of the members' figures as intervals on one axis, when at least two members
/// state a number.
fn figure_chart(data: &ReportData<'_>, link: &Link) -> Option<String> {
    let opts = FigureOptions::default();
    let rows: Vec<(String, f64, Option<f64>, String)> = link
        .members
        .iter()
        .filter_map(|m| data.project.claim(*m))
        .filter_map(|c| {
            let f = extract_figures(&c.quote, &opts).into_iter().next()?;
            let title = data
                .article(c.article_id)
                .map_or(String::new(), |a| a.title.chars().take(40).collect());
            let low = f.low.unwrap_or(0.0);
            // A figure too large to place on an axis gets no bar rather than a broken chart.
            (low.is_finite() && f.high.is_none_or(f64::is_finite))
                .then(|| (f.text.clone(), low, f.high, title))
        })
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let lo = rows.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    let hi = rows
        .iter()
        .map(|r| r.2.unwrap_or(r.1))
        .fold(f64::NEG_INFINITY, f64::max);
    let span = (hi - lo).max(hi.abs() * 0.1).max(1.0);
    let (min, max) = (lo - span * 0.15, hi + span * 0.35);
    let (w, left, right) = (640.0, 10.0, 630.0);
    let x = |v: f64| left + (v - min) / (max - min) * (right - left);
    let h = 30 + rows.len() * 28;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"The figures of this link on one axis\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (i, (text, low, high, title)) in rows.iter().enumerate() {
        let y = 20 + i * 28;
        let (a, b) = (x(*low), high.map_or(right, &x));
        let b = b.max(a + 3.0);
        svg.push_str(&format!(
            "<line x1=\"{a:.1}\" y1=\"{y}\" x2=\"{b:.1}\" y2=\"{y}\" stroke=\"#2f6fb8\" stroke-width=\"6\" stroke-linecap=\"round\"/>"
        ));
        if high.is_none() {
            svg.push_str(&format!(
                "<text x=\"{right}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">→ ∞</text>",
                y - 6
            ));
        }
        // Labels of figures in the right half end where their bar starts, so long titles
        // stay inside the chart.
        let anchor = if a > (left + right) / 2.0 {
            " text-anchor=\"end\""
        } else {
            ""
        };
        svg.push_str(&format!(
            "<text x=\"{a:.1}\" y=\"{}\" font-size=\"12\"{anchor}>{} — {}</text>",
            y - 6,
            esc(text),
            esc(title)
        ));
    }
    let axis = h - 8;
    svg.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{axis}\" x2=\"{right}\" y2=\"{axis}\" stroke=\"#999\"/>"
    ));
    for v in [lo, hi] {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">{}</text>",
            x(v),
            axis - 3,
            crate::analysis::fmt_number(v)
        ));
    }
    svg.push_str("</svg>");
    Some(svg)
}

fn claims(data: &ReportData<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<section id=\"claims\">\n<h2>Claims</h2>")?;
    let groups = data.claims_grouped();
    if groups.is_empty() {
        writeln!(out, "<p class=\"small\">No claims were tagged.</p>")?;
    }
    for (category, verdict, list) in groups {
        writeln!(
            out,
            "<h3>{} — {} ({})</h3>\n<ul class=\"claims\">",
            esc(category),
            esc(&verdict),
            list.len()
        )?;
        for c in list {
            write!(
                out,
                "<li id=\"claim-{}\"><blockquote>{}</blockquote><p class=\"meta\">{}",
                c.id,
                quote_in_context(data, c),
                source_line(data, c)
            )?;
            for l in data.link_ids(c.id) {
                write!(out, " · <a href=\"#link-{l}\">link {l}</a>")?;
            }
            write!(out, "</p>")?;
            if !c.note.is_empty() {
                write!(out, "<p class=\"note\">{}</p>", esc(&c.note))?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

fn method(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"method\">\n<h2>Method and provenance</h2>"
    )?;
    writeln!(out, "<p>{}</p>", esc(super::context::METHOD))?;
    let scale: Vec<String> = data
        .project
        .verdicts()
        .iter()
        .map(|v| esc(&v.name))
        .collect();
    writeln!(out, "<p>Verdict scale: {}.</p>", scale.join(", "))?;
    writeln!(out, "<dl class=\"small\">")?;
    writeln!(out, "<dt>Project</dt><dd>{}</dd>", esc(&opts.project_name))?;
    writeln!(out, "<dt>Exported</dt><dd>{}</dd>", esc(&opts.exported_at))?;
    writeln!(
        out,
        "<dt>Software</dt><dd>Crosscheck {}</dd>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "</dl>\n</section>")
}

/// Word differences as `<del>`/`<ins>`, a number or negation that differs in `<strong>`.
fn diff_html(parts: &[crate::analysis::quotes::DiffPart]) -> String {
    use crate::analysis::quotes::Change;
    parts
        .iter()
        .map(|p| {
            let text = if p.strong {
                format!("<strong>{}</strong>", esc(&p.text))
            } else {
                esc(&p.text)
            };
            match p.change {
                Change::Same => text,
                Change::Deleted => format!("<del>{text}</del>"),
                Change::Inserted => format!("<ins>{text}</ins>"),
            }
        })
        .collect()
}
