//! The CSV report: one row per claim (with its article's title, path, outlet and date, and the
//! ids and kinds of the links it is in), RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order
//! mark so spreadsheet programs detect the encoding. Text cells a spreadsheet would evaluate as a
//! formula are prefixed with `'`; plain negative numbers keep their sign. Each row names the
//! version of the article's text its quote comes from.

use super::context::ReportData;
use std::io::{self, Write};

/// The column names, shared with the `.xlsx` report.
pub const HEADER: [&str; 20] = [
    "claim_id",
    "article_title",
    "article_path",
    "start",
    "end",
    "quote",
    "category",
    "verdict",
    "attribution",
    "note",
    "link_ids",
    // Added later, so they come last: scripts that read columns by position keep working.
    "link_kinds",
    "article_outlet",
    "article_published",
    "article_author",
    "article_url",
    // The version of the article's text the quote and offsets come from (issue 14): its
    // number, sha256 and the time it was read; `orphaned` when a later version changed it.
    "version",
    "version_sha256",
    "version_read_at",
    "orphaned",
];

/// Quotes a cell when needed (RFC 4180).
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A text cell: neutralised if a spreadsheet would read it as a formula, then quoted. Leading
/// spaces do not make a formula safe (some importers trim them), so they are looked past.
pub fn text_cell(s: &str) -> String {
    let risky = s.starts_with(['\t', '\r'])
        || (s
            .trim_start_matches(' ')
            .starts_with(['=', '+', '-', '@', '\t', '\r'])
            && !is_plain_negative_number(s)
            && !is_partial_date(s));
    if risky {
        cell(&format!("'{s}"))
    } else {
        cell(s)
    }
}

/// `--02-15` (a day whose year is unknown), `--02` (a month), `---15` (a day of the month):
/// ISO 8601's partial dates, which the project stores for `published`. The guard exists for
/// formulas that reach other cells, functions or other programs (`=HYPERLINK(…)`,
/// `-2-cmd|…`); these hold only digits and dashes, so no spreadsheet can do harm with them, and
/// a `'` would change the date a script reading the file sees.
fn is_partial_date(s: &str) -> bool {
    let digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    if let Some(day) = s.strip_prefix("---") {
        return digits(day);
    }
    match s.strip_prefix("--").map(|r| r.split_once('-')) {
        Some(Some((m, d))) => digits(m) && digits(d),
        Some(None) => digits(&s[2..]),
        None => false,
    }
}

/// `-12`, `-3.5`, `-1,234`, `-40%`: a number a spreadsheet reads as a number and nothing else,
/// so it keeps its sign instead of gaining a `'`.
fn is_plain_negative_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-') else {
        return false;
    };
    let rest = rest.strip_suffix('%').unwrap_or(rest);
    !rest.is_empty()
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.ends_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// One cell of a claim's row, before a format writes it: a number, or text as it is (CSV
/// guards and quotes it; the workbook stores it as a string, which a spreadsheet never
/// evaluates).
pub enum Cell<'a> {
    Number(i64),
    Text(std::borrow::Cow<'a, str>),
}

/// The rows of the claim table, one per claim in article and offset order, in [`HEADER`]'s
/// column order.
pub fn rows<'a>(data: &'a ReportData<'_>) -> Vec<Vec<Cell<'a>>> {
    use Cell::{Number, Text};
    let t = |s: &'a str| Text(s.into());
    let mut claims: Vec<_> = data.project.claims().collect();
    claims.sort_by_key(|c| (c.article_id, c.start, c.id));
    claims
        .into_iter()
        .map(|c| {
            let a = data.article(c.article_id);
            let v = data.claim_version(c);
            let ids = data.link_ids(c.id);
            let links: Vec<String> = ids.iter().map(ToString::to_string).collect();
            // One kind per id, in the same order, so the two cells read side by side.
            let kinds: Vec<&str> = ids
                .iter()
                .map(|id| data.project.link(*id).map_or("", |l| l.kind.as_str()))
                .collect();
            vec![
                Number(c.id),
                t(a.map_or("", |a| a.title.as_str())),
                t(a.map_or("", |a| a.path.as_str())),
                Number(c.start as i64),
                Number(c.end as i64),
                t(&c.quote),
                t(data.category_name(c)),
                t(data.verdict(c)),
                t(c.attribution.as_deref().unwrap_or("")),
                t(&c.note),
                Text(links.join(" ").into()),
                Text(kinds.join(" ").into()),
                t(a.and_then(|a| a.outlet.as_deref()).unwrap_or("")),
                t(a.and_then(|a| a.published.as_deref()).unwrap_or("")),
                t(a.and_then(|a| a.author.as_deref()).unwrap_or("")),
                t(a.and_then(|a| a.url.as_deref()).unwrap_or("")),
                Number(i64::from(v.number)),
                t(v.sha256),
                t(v.read_at.unwrap_or("")),
                t(if v.orphaned { "true" } else { "" }),
            ]
        })
        .collect()
}

pub fn write(data: &ReportData<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    out.write_all(HEADER.join(",").as_bytes())?;
    out.write_all(b"\r\n")?;
    for row in rows(data) {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Number(n) => n.to_string(),
                Cell::Text(s) => text_cell(s),
            })
            .collect();
        out.write_all(cells.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn formulas_are_neutralised_and_quoting_follows_rfc_4180() {
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(text_cell("+1"), "'+1");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("a, b"), "\"a, b\"");
        assert_eq!(text_cell("plain"), "plain");
        assert_eq!(text_cell("  =1+1"), "'  =1+1");
        assert_eq!(text_cell("\tx"), "'\tx");
        assert_eq!(
            text_cell("-12"),
            "-12",
            "a plain negative number keeps its sign"
        );
        assert_eq!(text_cell("-3.5%"), "-3.5%");
        assert_eq!(text_cell("-1,234"), "\"-1,234\"");
        assert_eq!(text_cell("-1+2"), "'-1+2");
        assert_eq!(text_cell("-"), "'-");
        assert_eq!(text_cell("-2-cmd|' /C calc'!A0"), "'-2-cmd|' /C calc'!A0");
        assert_eq!(text_cell("Zoë = 3"), "Zoë = 3");
        assert_eq!(
            text_cell("--02-15"),
            "--02-15",
            "a date whose year is unknown"
        );
        assert_eq!(text_cell("--02"), "--02");
        assert_eq!(text_cell("---15"), "---15");
        assert_eq!(text_cell("--02-15+A1"), "'--02-15+A1");
        assert_eq!(text_cell("--2-15"), "'--2-15");
    }
}
