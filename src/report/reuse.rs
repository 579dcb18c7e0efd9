//! The report's section on source families and independent confirmation: which articles
//! descend from one text (a wire story and its reprints and rewrites), how many independent
//! sources stand behind each figure several outlets report, and which links join claims of
//! copies of one text (a disagreement between copies is not one between independent reports).

use super::context::ReportData;
use super::html_escape::esc;
use crate::analysis::reuse::{Class, FigureSources, Reuse, figure_sources};
use crate::analysis::{article_figures, find_reuse, group_stories};
use crate::model::{ArticleId, LinkId};
use serde_json::{Value, json};
use std::io::{self, Write};

/// The most figures the section lists (most outlets first); the rest are counted.
pub const MAX_FIGURES: usize = 40;

/// One member of a family, as the report lists it.
pub struct Member {
    pub id: ArticleId,
    pub title: String,
    pub outlet: String,
    pub date: String,
    /// `source`, `wholly derived`, `partially derived` or `shares text`.
    pub role: &'static str,
    /// Share of its words copied from `from`, and that article's title.
    pub from: Option<(f64, String)>,
}

/// What the section says.
pub struct Section {
    pub families: Vec<(Option<&'static str>, Vec<Member>)>,
    pub independent_articles: usize,
    pub figures: Vec<FigureSources>,
    /// Links whose claims all lie in copies of one text.
    pub copy_links: Vec<LinkId>,
}

impl Section {
    /// Finds the families and the figures' sources of the project's articles.
    pub fn of(data: &ReportData<'_>) -> Section {
        let articles = data.project.articles();
        let reuse = find_reuse(articles);
        let figs = article_figures(articles);
        let pairs: Vec<_> = articles
            .iter()
            .zip(&figs)
            .map(|(a, f)| (a, f.as_slice()))
            .collect();
        let stories = group_stories(articles, data.project.story_overrides());
        let figures = figure_sources(
            &pairs,
            &reuse,
            &crate::analysis::stories::story_keys(&stories),
        );
        let copy_links = data
            .links_sorted()
            .into_iter()
            .filter(|l| {
                let arts: Vec<ArticleId> = l
                    .members
                    .iter()
                    .filter_map(|c| data.project.claim(*c))
                    .map(|c| c.article_id)
                    .collect();
                arts.iter().any(|&a| arts.iter().any(|&b| a != b))
                    && arts
                        .iter()
                        .all(|&a| arts.iter().all(|&b| reuse.same_family(a, b)))
            })
            .map(|l| l.id)
            .collect();
        Section {
            families: families(data, &reuse),
            independent_articles: reuse.articles.iter().filter(|a| a.family.is_none()).count(),
            figures,
            copy_links,
        }
    }
}

fn families(data: &ReportData<'_>, reuse: &Reuse) -> Vec<(Option<&'static str>, Vec<Member>)> {
    let title = |id: ArticleId| data.article(id).map_or(String::new(), |a| a.title.clone());
    reuse
        .families
        .iter()
        .map(|fam| {
            let members = fam
                .articles
                .iter()
                .map(|&id| {
                    let from = reuse.copied_from(id);
                    let role = if fam.source == Some(id) {
                        "source"
                    } else {
                        match from.as_ref().map(|v| v.class) {
                            Some(Class::Wholly) => "wholly derived",
                            Some(Class::Partially) => "partially derived",
                            _ => "shares text",
                        }
                    };
                    let a = data.article(id);
                    Member {
                        id,
                        title: title(id),
                        outlet: a.and_then(|a| a.outlet.clone()).unwrap_or_default(),
                        date: a.and_then(|a| a.published.clone()).unwrap_or_default(),
                        role,
                        from: from
                            .filter(|_| role != "source")
                            .map(|v| (v.share, title(v.other))),
                    }
                })
                .collect();
            (fam.wire, members)
        })
        .collect()
}

/// The titles of `ids`, joined by " + " (one source's articles).
pub fn titles(data: &ReportData<'_>, ids: &[ArticleId]) -> String {
    ids.iter()
        .map(|&id| {
            data.article(id)
                .map_or_else(|| format!("#{id}"), |a| a.title.clone())
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// What the section is about, for every format.
pub const INTRO: &str = "Articles that share passages were aligned word by word. A family is a \
group of articles that descend from one text: a wire story and the papers that reprinted it \
(wholly derived) or rewrote it with their own material (partially derived). A figure several \
outlets print is confirmed only as often as it has independent sources: copies of one text \
count once.";

/// The HTML section.
pub fn html(data: &ReportData<'_>, s: &Section, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"source-families\">\n<h2>Source families and independent confirmation</h2>"
    )?;
    writeln!(out, "<p class=\"small\">{}</p>", esc(INTRO))?;
    if s.families.is_empty() {
        writeln!(
            out,
            "<p>No article copies or rewrites another: each of the {} is its own source.</p>",
            s.independent_articles
        )?;
    }
    for (k, (wire, members)) in s.families.iter().enumerate() {
        let credit = wire
            .map(|w| format!(" · credit: {}", esc(w)))
            .unwrap_or_default();
        writeln!(out, "<h3>Family {}{credit}</h3>\n<table>", k + 1)?;
        writeln!(
            out,
            "<thead><tr><th>Article</th><th>Outlet</th><th>Date</th><th>Role</th><th>Copied</th></tr></thead>\n<tbody>"
        )?;
        for m in members {
            let copied = m
                .from
                .as_ref()
                .map(|(share, t)| format!("{:.0}% of its words from {}", share * 100.0, esc(t)))
                .unwrap_or_default();
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{copied}</td></tr>",
                esc(&m.title),
                esc(&m.outlet),
                esc(&m.date),
                m.role
            )?;
        }
        writeln!(out, "</tbody>\n</table>")?;
    }
    if !s.families.is_empty() {
        writeln!(
            out,
            "<p>{} written independently of the others.</p>",
            super::context::count(s.independent_articles, "article")
        )?;
    }
    if !s.figures.is_empty() {
        writeln!(
            out,
            "<h3>Figures reported by several articles</h3>\n<table>"
        )?;
        writeln!(
            out,
            "<thead><tr><th>Figure</th><th>Measure</th><th>Confirmation</th><th>Independent sources</th></tr></thead>\n<tbody>"
        )?;
        for f in s.figures.iter().take(MAX_FIGURES) {
            let groups: Vec<String> = f.sources.iter().map(|g| esc(&titles(data, g))).collect();
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&f.label),
                esc(f.measure.as_str()),
                esc(&f.describe()),
                groups.join("<br>")
            )?;
        }
        writeln!(out, "</tbody>\n</table>")?;
        if s.figures.len() > MAX_FIGURES {
            writeln!(
                out,
                "<p class=\"small\">And {} more.</p>",
                super::context::count(s.figures.len() - MAX_FIGURES, "figure")
            )?;
        }
    }
    for id in &s.copy_links {
        writeln!(
            out,
            "<p>Link L{id} joins claims of copies of one text: a copy changed the figure, which \
             is not a disagreement between independent reports.</p>"
        )?;
    }
    writeln!(out, "</section>")
}

/// The section as JSON, for the Web Annotation collection.
pub fn json(s: &Section) -> Value {
    json!({
        "families": s.families.iter().map(|(wire, members)| json!({
            "wire": wire,
            "articles": members.iter().map(|m| json!({
                "article": m.id,
                "title": m.title,
                "role": m.role,
                "share": m.from.as_ref().map(|f| (f.0 * 1000.0).round() / 1000.0),
                "from": m.from.as_ref().map(|f| f.1.clone()),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "independentArticles": s.independent_articles,
        "figures": s.figures.iter().take(MAX_FIGURES).map(|f| json!({
            "figure": f.label,
            "measure": f.measure.as_str(),
            "outlets": f.outlets,
            "independentSources": f.independent,
            "sources": f.sources,
        })).collect::<Vec<_>>(),
        "linksBetweenCopies": s.copy_links,
    })
}
