//! The report's Timeline section: for each measure that a `contradicts` or `updates` link is
//! about, an inline SVG of its figures over time (one mark per figure at the time it was true,
//! from its lower to its upper end, coloured by outlet), the linked figures ringed and joined
//! in their link's colour, so a reader sees a rising toll apart from a real disagreement.

use super::context::ReportData;
use super::html_escape::esc;
use crate::analysis::timeline::{OUTLET_PALETTE, Timeline, seconds_between};
use crate::analysis::{Measure, fmt_number};
use crate::model::LinkKind;
use std::io::{self, Write};

/// Writes the section, or nothing when no contradiction or update concerns a figure.
pub fn section(data: &ReportData<'_>, out: &mut dyn Write) -> io::Result<()> {
    let links: Vec<_> = data
        .links_sorted()
        .into_iter()
        .filter(|l| matches!(l.kind, LinkKind::Contradicts | LinkKind::Updates))
        .collect();
    if links.is_empty() {
        return Ok(());
    }
    let timeline = Timeline::of(data.project.articles());
    // Which figure each linked claim holds: (link index, figure index).
    let mut linked: Vec<(usize, usize)> = Vec::new();
    for (li, link) in links.iter().enumerate() {
        for c in link.members.iter().filter_map(|m| data.project.claim(*m)) {
            if let Some(fi) = timeline.figures.iter().position(|t| {
                t.article == c.article_id && c.start <= t.figure.start && t.figure.end <= c.end
            }) {
                linked.push((li, fi));
            }
        }
    }
    let mut measures: Vec<Measure> = Vec::new();
    for &(_, fi) in &linked {
        let m = timeline.figures[fi].figure.measure;
        if !measures.contains(&m) && timeline.series(m).count() >= 2 {
            measures.push(m);
        }
    }
    if measures.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section id=\"timeline\">\n<h2>Timeline</h2>")?;
    writeln!(
        out,
        "<p class=\"small\">Each mark is a figure at the time it was true (the time its sentence \
         gives, else when its article was published), from its lower to its upper end. Ringed \
         marks are linked claims.</p>"
    )?;
    for m in measures {
        writeln!(out, "<h3>{}</h3>", esc(m.as_str()))?;
        writeln!(out, "{}", chart(data, &timeline, m, &links, &linked))?;
    }
    writeln!(out, "</section>")
}

fn chart(
    data: &ReportData<'_>,
    timeline: &Timeline,
    measure: Measure,
    links: &[&crate::model::Link],
    linked: &[(usize, usize)],
) -> String {
    let Some((t0, t1)) = timeline.extent(measure) else {
        return String::new();
    };
    let (w, h) = (640.0, 262.0);
    let (left, right, top, bottom) = (52.0, 620.0, 14.0, 190.0);
    let span = seconds_between(t0, t1).max(60.0);
    let series: Vec<usize> = timeline
        .figures
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.figure.measure == measure
                && t.figure.as_of.is_some()
                && t.figure.elsewhere.is_none()
                && t.figure.low.is_some()
        })
        .map(|(k, _)| k)
        .collect();
    let hi = series
        .iter()
        .map(|&k| {
            let f = &timeline.figures[k].figure;
            f.high.unwrap_or(f.value).max(f.value)
        })
        .fold(1.0f64, f64::max)
        * 1.1;
    let x = |d: jiff::civil::DateTime| left + seconds_between(t0, d) / span * (right - left);
    let y = |v: f64| bottom - (v.max(0.0) / hi) * (bottom - top);
    let mut names: Vec<String> = Vec::new();
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{} over time\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(measure.as_str())
    );
    for v in [0.0, hi / 1.1 / 2.0, hi / 1.1] {
        svg.push_str(&format!(
            "<line x1=\"{left}\" y1=\"{0:.1}\" x2=\"{right}\" y2=\"{0:.1}\" stroke=\"#e3e3e3\"/><text x=\"{1}\" y=\"{2:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5f6368\">{3}</text>",
            y(v),
            left - 6.0,
            y(v) + 4.0,
            fmt_number(v.round())
        ));
    }
    for (d, anchor, at) in [(t0, "start", left), (t1, "end", right)] {
        svg.push_str(&format!(
            "<text x=\"{at}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#5f6368\">{} {:02}:{:02}</text>",
            bottom + 16.0,
            d.date(),
            d.hour(),
            d.minute()
        ));
    }
    let mut pos: Vec<Option<(f64, f64)>> = vec![None; timeline.figures.len()];
    for &k in &series {
        let t = &timeline.figures[k];
        let f = &t.figure;
        let Some(when) = f.as_of else { continue };
        let name = data
            .article(t.article)
            .map(|a| a.outlet.clone().unwrap_or_else(|| a.title.clone()))
            .unwrap_or_default();
        if !names.contains(&name) {
            names.push(name.clone());
        }
        let ci = names.iter().position(|n| *n == name).unwrap_or(0);
        let (r, g, b) = OUTLET_PALETTE[ci % OUTLET_PALETTE.len()];
        let color = format!("#{r:02x}{g:02x}{b:02x}");
        let cx = (x(when.start) + x(when.end)) / 2.0;
        let (lo_y, hi_y) = (y(f.low.unwrap_or(0.0)), f.high.map_or(top, &y));
        let title = format!(
            "{} {} as of {} · {}",
            f.text,
            measure.as_str(),
            when.label(),
            name
        );
        if (lo_y - hi_y).abs() < 3.0 {
            svg.push_str(&format!(
                "<g><title>{}</title><circle cx=\"{cx:.1}\" cy=\"{lo_y:.1}\" r=\"4\" fill=\"{color}\"/></g>",
                esc(&title)
            ));
        } else {
            svg.push_str(&format!(
                "<g><title>{}</title><line x1=\"{cx:.1}\" y1=\"{lo_y:.1}\" x2=\"{cx:.1}\" y2=\"{hi_y:.1}\" stroke=\"{color}\" stroke-width=\"4\"/></g>",
                esc(&title)
            ));
        }
        pos[k] = Some((cx, lo_y));
    }
    // Linked figures: a ring each, and a line per link in its kind's colour.
    for (li, link) in links.iter().enumerate() {
        let points: Vec<(f64, f64)> = linked
            .iter()
            .filter(|(l, _)| *l == li)
            .filter_map(|&(_, fi)| pos[fi])
            .collect();
        let stroke = match link.kind {
            LinkKind::Updates => "#b26a00",
            _ => "#c62828",
        };
        for p in &points {
            svg.push_str(&format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"8\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2\"/>",
                p.0, p.1
            ));
        }
        for pair in points.windows(2) {
            svg.push_str(&format!(
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{stroke}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
                pair[0].0, pair[0].1, pair[1].0, pair[1].1
            ));
        }
    }
    // The legend: outlets and their colours, in rows under the axis.
    let (mut lx, mut ly) = (left, bottom + 36.0);
    for (i, name) in names.iter().enumerate() {
        let (r, g, b) = OUTLET_PALETTE[i % OUTLET_PALETTE.len()];
        let short: String = name.chars().take(32).collect();
        let width = 16.0 + short.chars().count() as f64 * 5.4;
        if lx + width > right && lx > left {
            (lx, ly) = (left, ly + 14.0);
        }
        if ly > h - 4.0 {
            break;
        }
        svg.push_str(&format!(
            "<circle cx=\"{lx:.1}\" cy=\"{0:.1}\" r=\"4\" fill=\"#{r:02x}{g:02x}{b:02x}\"/><text x=\"{1:.1}\" y=\"{2:.1}\" font-size=\"10\" fill=\"#5f6368\">{3}</text>",
            ly - 4.0,
            lx + 7.0,
            ly,
            esc(&short)
        ));
        lx += width;
    }
    svg.push_str("</svg>");
    svg
}
