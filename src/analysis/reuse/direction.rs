//! Which of two articles that share text is the likely source: the wire copy itself (its outlet
//! is a news agency), else the one published earlier, else the one that carries a wire credit
//! ("WASHINGTON (AP) —", "— Reuters", a "press release" line). Where none of these shows it,
//! no direction is given.

use crate::model::Article;

/// The news agencies a credit names, with the spellings that name them.
const AGENCIES: &[(&str, &[&str])] = &[
    ("AP", &["AP", "Associated Press", "The Associated Press"]),
    ("Reuters", &["Reuters", "Thomson Reuters"]),
    (
        "AFP",
        &["AFP", "Agence France-Presse", "Agence France Presse"],
    ),
    ("PA", &["PA", "PA Media", "Press Association", "PA Wire"]),
    ("TASS", &["TASS", "ITAR-TASS"]),
    ("dpa", &["dpa", "DPA", "Deutsche Presse-Agentur"]),
    ("UPI", &["UPI", "United Press International"]),
    ("Xinhua", &["Xinhua"]),
    ("ANSA", &["ANSA"]),
    ("EFE", &["EFE"]),
];

/// How much of the text's start and end a credit is looked for in (datelines open a story,
/// credit lines close it).
const EDGE_CHARS: usize = 400;

/// The agency `a` is: its outlet names one.
pub fn agency_outlet(a: &Article) -> Option<&'static str> {
    let outlet = a.outlet.as_deref()?.trim();
    AGENCIES
        .iter()
        .find(|(_, names)| names.iter().any(|n| outlet.eq_ignore_ascii_case(n)))
        .map(|(name, _)| *name)
}

/// The wire credit `a` carries, if any: an agency in a dateline (`(AP) —`, `(Reuters) -`) or on
/// a line of its own near the start or end (`— Reuters`, `Associated Press`), a TASS-style
/// `/TASS/` dateline, or a line
/// calling the text a press release. The agency itself, when its outlet is one.
pub fn wire_credit(a: &Article) -> Option<&'static str> {
    if let Some(name) = agency_outlet(a) {
        return Some(name);
    }
    let text = &a.text;
    let head: String = text.chars().take(EDGE_CHARS).collect();
    let n = text.chars().count();
    let tail: String = text.chars().skip(n.saturating_sub(EDGE_CHARS)).collect();
    for part in [head.as_str(), tail.as_str()] {
        for (name, spellings) in AGENCIES {
            for s in *spellings {
                if part.contains(&format!("({s})")) || part.contains(&format!("/{s}/")) {
                    return Some(name);
                }
                let credit_line = part.lines().any(|l| {
                    let l = l.trim().trim_start_matches(['—', '–', '-', '©']).trim();
                    l == *s
                        || l.strip_prefix("By ").is_some_and(|rest| rest.ends_with(s))
                        || l.strip_suffix(s)
                            .is_some_and(|r| r.trim_end().ends_with(['/', ',', '|']))
                        || (l.starts_with("Copyright") && l.contains(s))
                        || (l.starts_with("Reporting by") && *name == "Reuters")
                });
                if credit_line {
                    return Some(name);
                }
            }
        }
        let lower = part.to_lowercase();
        if lower.lines().any(|l| {
            let l = l.trim();
            l.starts_with("press release") || l.starts_with("for immediate release")
        }) {
            return Some("press release");
        }
    }
    None
}

/// Why one side is the likely source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Its outlet is a news agency; the other's is not.
    WireCopy,
    /// It was published earlier.
    Earlier,
    /// It carries a wire credit; the other does not.
    WireCredit,
}

impl Evidence {
    /// The reason in words, about the source.
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::WireCopy => "is the wire copy",
            Evidence::Earlier => "was published earlier",
            Evidence::WireCredit => "carries the wire credit",
        }
    }
}

/// Whether `a` is the source of `b` (`Some(true)`), `b` of `a` (`Some(false)`), or neither can be
/// told, with the evidence. `credit_a`/`credit_b` are the articles' [`wire_credit`]s.
pub fn source_of(
    a: &Article,
    b: &Article,
    credit_a: Option<&str>,
    credit_b: Option<&str>,
) -> Option<(bool, Evidence)> {
    match (agency_outlet(a).is_some(), agency_outlet(b).is_some()) {
        (true, false) => return Some((true, Evidence::WireCopy)),
        (false, true) => return Some((false, Evidence::WireCopy)),
        _ => {}
    }
    if let (Some(da), Some(db)) = (a.published.as_deref(), b.published.as_deref()) {
        // ISO dates and date-times order as text when both have the same precision; a date
        // alone is compared by its day only.
        let (da, db) = if da.len() == db.len() {
            (da, db)
        } else {
            (&da[..da.len().min(10)], &db[..db.len().min(10)])
        };
        if !da.starts_with("--") && !db.starts_with("--") && da != db {
            return Some((da < db, Evidence::Earlier));
        }
    }
    match (credit_a.is_some(), credit_b.is_some()) {
        (true, false) => Some((true, Evidence::WireCredit)),
        (false, true) => Some((false, Evidence::WireCredit)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(text: &str, outlet: Option<&str>, published: Option<&str>) -> Article {
        let mut a = Article::in_memory(1, "a.txt", "A", text);
        a.outlet = outlet.map(str::to_owned);
        a.published = published.map(str::to_owned);
        a
    }

    #[test]
    fn credits_are_read_from_datelines_and_credit_lines_not_from_mentions() {
        let ap = art("WASHINGTON (AP) — The Senate voted.", None, None);
        assert_eq!(wire_credit(&ap), Some("AP"));
        let reuters = art("The bank raised rates.\n\n— Reuters", None, None);
        assert_eq!(wire_credit(&reuters), Some("Reuters"));
        let mention = art("Antonov said so, according to TASS, on Monday.", None, None);
        assert_eq!(wire_credit(&mention), None);
        let release = art("PRESS RELEASE\nThe company announced a merger.", None, None);
        assert_eq!(wire_credit(&release), Some("press release"));
    }

    #[test]
    fn the_wire_then_the_earlier_then_the_credited_article_is_the_source() {
        let wire = art("x", Some("Reuters"), Some("2024-03-02"));
        let paper = art("x", Some("Daily Post"), Some("2024-03-01"));
        assert_eq!(
            source_of(&wire, &paper, Some("Reuters"), None),
            Some((true, Evidence::WireCopy))
        );
        let early = art("x", None, Some("2024-03-01T08:00:00"));
        let late = art("x", None, Some("2024-03-01T10:30:00"));
        assert_eq!(
            source_of(&late, &early, None, None),
            Some((false, Evidence::Earlier))
        );
        let same = art("x", None, Some("2024-03-01"));
        assert_eq!(
            source_of(&same, &same, Some("AP"), None),
            Some((true, Evidence::WireCredit))
        );
        assert_eq!(source_of(&same, &same, None, None), None);
    }
}
