//! Which of the titles a web page gives is the article's headline.
//!
//! A page names itself several times: in JSON-LD (`headline`, `name`), in Dublin Core, Open
//! Graph and Twitter tags, in `<meta name=title>`, in `<title>` and in its `<h1>`s. The ones
//! declared for machines are taken first, in the order Firefox's reader view (Readability)
//! reads them, because they are written for exactly this question; the `<title>` element, which
//! usually carries the site's name after a separator, comes last, cleaned the way reader views
//! clean it. An `<h1>` is used only when `<title>` is missing or unusable: pages often have an
//! `<h1>` for the site's logo or a section heading.

/// The titles a page declares for machines, best first: what [`choose`] picks among.
#[derive(Default)]
pub(super) struct Declared {
    /// JSON-LD article `headline` and `name` (they differ when one is shortened or is the site).
    pub ld_headline: Option<String>,
    pub ld_name: Option<String>,
    /// Dublin Core, Open Graph, `<meta name=title>`, Twitter, Parse.ly: in this order.
    pub metas: Vec<String>,
}

/// The article's title and, when a "| Site" tail was taken off, that tail (it names the outlet
/// when nothing else does).
pub(super) fn choose(
    declared: Declared,
    doc_title: Option<&str>,
    single_h1: Option<&str>,
    outlet: Option<&str>,
) -> (Option<String>, Option<String>) {
    let doc_title = doc_title.filter(|t| !is_template(t));
    let ld = ld_title(declared.ld_headline, declared.ld_name, doc_title);
    if let Some(t) = ld
        .into_iter()
        .chain(declared.metas)
        .find(|t| is_title_like(t))
    {
        // A declared title is kept as written, except a tail that is exactly the outlet's
        // name ("… - BBC News"), the day's date ("… | DW | 19.01.2020") or a breadcrumb trail
        // ("… » Local » News » Site"): an author's name or a series after a bar is part of it.
        let t = strip_breadcrumbs(&t).unwrap_or(t);
        let t = strip_date_tail(&t).unwrap_or(t);
        let t = strip_outlet_tail(&t, outlet).unwrap_or(t);
        // The outlet's name in front goes too ("SimplyScience - Wie entsteht Erdöl?").
        let t = strip_outlet_prefix(&t, outlet).unwrap_or(t);
        return (Some(t), None);
    }
    // `<title>` lengths outside this range are a site name or a run-on; an `<h1>` does better
    // — but a short `<title>` stays when the only `<h1>` says no more than it does ("Lorem"
    // under "Base URL test" is a section, not the page's name).
    let usable = |t: &&str| (15..=150).contains(&t.chars().count());
    let words = |t: &str| t.split_whitespace().count();
    let h1_says_more =
        |h1: &str| doc_title.is_none_or(|t| t.chars().count() > 150 || words(h1) > words(t));
    let title = match (doc_title.filter(usable), single_h1) {
        (Some(t), _) => t,
        (None, Some(h1)) if h1_says_more(h1) => return (Some(h1.to_owned()), None),
        (None, _) => match doc_title {
            Some(t) => t,
            None => return (None, None),
        },
    };
    let (head, site) = split_site_suffix(title, outlet);
    let head = strip_outlet_prefix(&head, outlet).unwrap_or(head);
    ((!head.is_empty()).then_some(head), site)
}

/// Whether a declared title can be one: not empty, not a template placeholder that a script
/// was meant to fill (`{{page.title}}`), not an address slug (`kindersitztest-herbst-2018`).
fn is_title_like(t: &str) -> bool {
    let slug = !t.contains(' ')
        && t.contains(['-', '_'])
        && t.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    !t.is_empty() && !slug && !is_template(t)
}

/// Text with a `{{ … }}` placeholder of a client-side template, shown before a script runs.
pub(super) fn is_template(t: &str) -> bool {
    t.find("{{").is_some_and(|at| t[at..].contains("}}"))
}

/// The title without a last part that is only a date (`| 19.01.2020`, `- 2024-06-25`).
fn strip_date_tail(title: &str) -> Option<String> {
    let (at, sep) = last_separator(title)?;
    let tail = title[at + sep.len()..].trim();
    let digits = tail.chars().filter(char::is_ascii_digit).count();
    let datelike = digits >= 6
        && tail
            .chars()
            .all(|c| c.is_ascii_digit() || "./-".contains(c));
    datelike.then(|| title[..at].trim().to_owned())
}

/// A title without the outlet's name in front (`Northern Times: Ferry runs aground`,
/// `BBC News - Dam holds`, `Site-Name » Headline`); the headline left must still have two
/// words.
fn strip_outlet_prefix(title: &str, outlet: Option<&str>) -> Option<String> {
    let outlet = outlet?;
    [": ", " | ", " - ", " – ", " — ", " » ", " › "]
        .iter()
        .find_map(|sep| {
            let (front, rest) = title.split_once(sep)?;
            let rest = rest.trim();
            (names_the_outlet(front, outlet) && rest.split_whitespace().count() >= 2)
                .then(|| rest.to_owned())
        })
}

/// Readability's choice between a JSON-LD `name` and `headline` that differ: the one that reads
/// like the page's `<title>`; a `headline` that is the `name` cut short loses to it.
fn ld_title(
    headline: Option<String>,
    name: Option<String>,
    doc_title: Option<&str>,
) -> Option<String> {
    match (headline, name) {
        (Some(h), Some(n)) if h != n => {
            let cut = h.trim_end_matches(['…', '.', ' ']);
            if n.len() > h.len() && n.starts_with(cut) {
                return Some(n);
            }
            let Some(dt) = doc_title else {
                return Some(h);
            };
            if similarity(&n, dt) > similarity(&h, dt) {
                Some(n)
            } else {
                Some(h)
            }
        }
        (h, n) => h.or(n),
    }
}

/// How much of `b`'s words `a` has, by length (1.0: all of them).
fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (words(a), words(b));
    let total: usize = b.iter().map(|w| w.chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let shared: usize = b
        .iter()
        .filter(|w| a.contains(w))
        .map(|w| w.chars().count())
        .sum();
    shared as f32 / total as f32
}

/// Whitespace collapsed to single spaces, entities already decoded by the parser.
pub(super) fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " -- ", " :: ", " · ", " // ", " » ", " › ",
];

/// The headline before a breadcrumb trail (`Headline » Local » News » Site`): two or more
/// chevrons make a trail; one may be part of the headline. The head must still read as a
/// title (three words or more).
fn strip_breadcrumbs(title: &str) -> Option<String> {
    let sep = [" » ", " > "]
        .into_iter()
        .find(|s| title.matches(s).count() >= 2)?;
    let head = title[..title.find(sep)?].trim();
    (head.split_whitespace().count() >= 3).then(|| head.to_owned())
}

/// Letters and digits only, lower-cased: "BBC News" and "bbcnews" compare equal.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The last separator of a title: where it starts and which one it is.
fn last_separator(title: &str) -> Option<(usize, &'static str)> {
    SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|i| (i, *s)))
        .max_by_key(|(i, _)| *i)
}

/// A site's name or address without a domain ending: "DW.COM" and "DW", "Modepilot.de" and
/// "Modepilot" name the same outlet.
fn without_domain(name: &str) -> &str {
    let name = name.trim();
    match name.rsplit_once('.') {
        Some((head, end))
            if !head.is_empty()
                && (2..=4).contains(&end.len())
                && end.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            head
        }
        _ => name,
    }
}

/// Whether `part` of a title names the outlet: "the Guardian" / "The Guardian", "Washington
/// Post" / "The Washington Post", "DW" / "DW.COM".
fn names_the_outlet(part: &str, outlet: &str) -> bool {
    let (part, outlet) = (squash(without_domain(part)), squash(without_domain(outlet)));
    !part.is_empty()
        && (part == outlet
            || part.strip_prefix("the") == Some(outlet.as_str())
            || outlet.strip_prefix("the") == Some(part.as_str()))
}

/// The title without a tail that is exactly the outlet's name, when it has one. The name
/// may have separators of its own ("… - Martina Berg - Lady 50plus"): every separator from
/// the end is tried as the tail's start.
fn strip_outlet_tail(title: &str, outlet: Option<&str>) -> Option<String> {
    let outlet = outlet?;
    let mut end = title.len();
    // At most three separators back: an outlet's name is short.
    for _ in 0..3 {
        let (at, sep) = last_separator(&title[..end])?;
        let head = title[..at].trim();
        if names_the_outlet(&title[at + sep.len()..], outlet) {
            return (head.split_whitespace().count() >= 2).then(|| head.to_owned());
        }
        end = at;
    }
    None
}

/// A title without its "| Site" tail, and the tail when it was taken off: it goes when it
/// names the outlet, or when it is short and reads as a name ("Metro Today", "nytimes.com",
/// "My website") while what is left still reads as a title.
pub fn split_site_suffix(title: &str, outlet: Option<&str>) -> (String, Option<String>) {
    let title = tidy(title);
    let Some((sep_at, sep)) = last_separator(&title) else {
        return (title, None);
    };
    let (head, tail) = (&title[..sep_at], &title[sep_at + sep.len()..]);
    let names_outlet = outlet.is_some_and(|o| {
        let (o, t) = (squash(o), squash(tail));
        !o.is_empty() && !t.is_empty() && (o.contains(&t) || t.contains(&o))
    });
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    let head_words = head.split_whitespace().count();
    let capital = |w: &&str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    // "Metro Today", "BBC News", "nytimes.com": a name, not the end of a headline. After a
    // longer head a capitalised first word is enough ("– My website"); "- and win" is not.
    let looks_like_name = tail.contains('.')
        || tail_words.iter().all(capital)
        || (head_words >= 3 && tail_words.first().is_some_and(capital));
    if names_outlet || (tail_words.len() <= 4 && head_words >= 2 && looks_like_name) {
        let (head, _) = split_site_suffix(head, outlet);
        (head, Some(tail.to_owned()))
    } else {
        (title, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(metas: &[&str]) -> Declared {
        Declared {
            metas: metas.iter().map(|s| s.to_string()).collect(),
            ..Declared::default()
        }
    }

    #[test]
    fn a_declared_title_keeps_an_authors_name_but_not_the_outlets() {
        let (t, _) = choose(
            declared(&["Whales strand again | Jo Bloggs"]),
            None,
            None,
            Some("The Herald"),
        );
        assert_eq!(t.as_deref(), Some("Whales strand again | Jo Bloggs"));
        let (t, _) = choose(
            declared(&["Whales strand again - The Herald"]),
            None,
            None,
            Some("Herald"),
        );
        assert_eq!(t.as_deref(), Some("Whales strand again"));
    }

    #[test]
    fn json_ld_name_that_is_the_site_loses_to_the_headline() {
        let d = Declared {
            ld_headline: Some("Dam holds as river peaks".into()),
            ld_name: Some("Valley Post".into()),
            metas: vec!["Dam holds as river peaks | Valley Post".into()],
        };
        let (t, _) = choose(
            d,
            Some("Dam holds as river peaks - Valley Post"),
            None,
            None,
        );
        assert_eq!(t.as_deref(), Some("Dam holds as river peaks"));
    }

    #[test]
    fn a_shortened_headline_loses_to_the_full_name() {
        let d = Declared {
            ld_headline: Some("Dam holds as river peaks after a week…".into()),
            ld_name: Some("Dam holds as river peaks after a week of rain".into()),
            metas: vec![],
        };
        let (t, _) = choose(d, None, None, None);
        assert_eq!(
            t.as_deref(),
            Some("Dam holds as river peaks after a week of rain")
        );
    }

    #[test]
    fn the_title_element_beats_an_h1_and_loses_its_site_tail() {
        let (t, _) = choose(
            Declared::default(),
            Some("Ferry timetable changes this spring – My website"),
            Some("Welcome to my website"),
            None,
        );
        assert_eq!(t.as_deref(), Some("Ferry timetable changes this spring"));
        let (t, _) = choose(
            Declared::default(),
            Some("Home"),
            Some("Ferry timetable changes this spring"),
            None,
        );
        assert_eq!(t.as_deref(), Some("Ferry timetable changes this spring"));
        // A short title and an `<h1>` of fewer words: the `<h1>` is a section heading.
        let (t, _) = choose(
            Declared::default(),
            Some("Tide tables"),
            Some("Contents"),
            None,
        );
        assert_eq!(t.as_deref(), Some("Tide tables"));
    }

    #[test]
    fn a_declared_title_loses_a_breadcrumb_trail_and_a_double_dash_outlet() {
        let (t, _) = choose(
            declared(&[
                "Prosecutors to decide in Madrid on the appeal » Local » News » Island Daily",
            ]),
            None,
            None,
            None,
        );
        assert_eq!(
            t.as_deref(),
            Some("Prosecutors to decide in Madrid on the appeal")
        );
        let (t, _) = choose(
            declared(&["New court files expose the security team -- Sott.net"]),
            None,
            None,
            Some("Sott.net"),
        );
        assert_eq!(
            t.as_deref(),
            Some("New court files expose the security team")
        );
        // One chevron is part of a headline ("Rates » what it means"), not a trail.
        let (t, _) = choose(
            declared(&["Rates rise » what it means for you"]),
            None,
            None,
            None,
        );
        assert_eq!(t.as_deref(), Some("Rates rise » what it means for you"));
    }

    #[test]
    fn the_title_element_loses_the_outlets_name_in_front() {
        let (t, _) = choose(
            Declared::default(),
            Some("Northern Times: Ferry runs aground off the northern cape"),
            Some("Ferry runs aground off the northern cape"),
            Some("Northern Times"),
        );
        assert_eq!(
            t.as_deref(),
            Some("Ferry runs aground off the northern cape")
        );
        // Another name in front is part of the headline.
        let (t, _) = choose(
            Declared::default(),
            Some("Brexit: what the vote means for farmers"),
            None,
            Some("Northern Times"),
        );
        assert_eq!(
            t.as_deref(),
            Some("Brexit: what the vote means for farmers")
        );
    }

    #[test]
    fn a_lower_case_tail_is_the_end_of_a_headline() {
        let (t, site) = split_site_suffix("Mayor vows to fight on - and win", None);
        assert_eq!(t, "Mayor vows to fight on - and win");
        assert_eq!(site, None);
    }
}
