//! Title, publication date and outlet, read from the top of an article.
//!
//! Only the first [`HEADER_LINES`] non-empty lines are looked at: a publication date or an
//! agency dateline sits there, while dates further down are history ("the September 11, 2001
//! attacks"). Even within the header a date counts only where a publication date is written:
//! alone on its line (`Tuesday 26 March 2024 - 12:11`, `date 2018-09-14 …`), after a label
//! such as `Published:`, or in an agency dateline (`WASHINGTON, September 12. /TASS/.`). A
//! date without a year is kept as the ISO 8601 partial `--MM-DD` rather than guessed.
//!
//! The outlet comes only from a dateline (`/TASS/`, `(Reuters)`): names mentioned in a
//! sentence ("according to TASS") are sources, not the publisher.

/// How many non-empty lines from the top are searched.
pub const HEADER_LINES: usize = 10;

/// Titles longer than this are shortened at a sentence or word boundary.
const MAX_TITLE_CHARS: usize = 160;

/// What was detected; `None` where the text does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    /// ISO 8601 date (`2024-03-26`) or month-day partial (`--09-12`).
    pub published: Option<String>,
    pub outlet: Option<String>,
}

/// Detects title, date and outlet in an article's text.
pub fn detect(text: &str) -> Metadata {
    let header: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
        .collect();
    Metadata {
        title: detect_title(&header),
        published: detect_date(&header).map(|d| d.iso()),
        outlet: header
            .iter()
            .find_map(|l| dateline(l).and_then(|d| d.outlet)),
    }
}

fn detect_title(header: &[&str]) -> Option<String> {
    for raw in header {
        let line = strip_markdown(raw);
        // `{{ page.title }}`: a template placeholder shown before its script runs.
        if is_boilerplate(line) || date_line(line).is_some() || line.contains("{{") {
            continue;
        }
        let candidate = match dateline(line) {
            Some(d) => line[d.body_start..].trim(),
            None => line,
        };
        if is_too_short(candidate) {
            continue;
        }
        return Some(shorten(candidate));
    }
    None
}

/// A date as far as the text states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DateValue {
    year: Option<i32>,
    month: u32,
    day: u32,
    /// Hour and minute, when the line gives them (`26 March 2024 - 12:11`).
    time: Option<(u32, u32)>,
    /// Minutes east of UTC, when the time carries an offset (`2024-03-26T12:11+03:00`).
    offset: Option<i32>,
}

impl DateValue {
    fn iso(self) -> String {
        match (self.year, self.time) {
            (Some(y), Some((h, m))) => {
                let zone = match self.offset {
                    Some(0) => "Z".to_owned(),
                    Some(o) => format!(
                        "{}{:02}:{:02}",
                        if o < 0 { '-' } else { '+' },
                        o.abs() / 60,
                        o.abs() % 60
                    ),
                    None => String::new(),
                };
                format!(
                    "{y:04}-{:02}-{:02}T{h:02}:{m:02}{zone}",
                    self.month, self.day
                )
            }
            (Some(y), None) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            (None, _) => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// The offset after a time (`10:00+03:00` → 180, `10:00Z` → 0, `10:00-0500` → −300).
fn offset_after_clock(word: &str) -> Option<i32> {
    let w = trim_punct(word);
    let rest = w.get(5..)?;
    if rest == "Z" {
        return Some(0);
    }
    let (sign, digits) = rest.split_at_checked(1)?;
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 || !matches!(sign, "+" | "-") {
        return None;
    }
    let minutes = digits[..2].parse::<i32>().ok()? * 60 + digits[2..].parse::<i32>().ok()?;
    Some(if sign == "-" { -minutes } else { minutes })
}

/// Minutes east of UTC of a zone abbreviation a dateline names (`GMT`, `EST`, `IST`, `AEST`).
/// Abbreviations naming two zones (`CST`: China or US Central; `AST`) are left unread: a
/// wrong offset is worse than none.
pub(crate) fn zone_offset(w: &str) -> Option<i32> {
    Some(match w {
        "gmt" | "utc" | "z" => 0,
        "bst" | "cet" | "wat" => 60,
        "cest" | "eet" | "sast" | "cat" => 120,
        "eest" | "msk" | "eat" | "trt" => 180,
        "gst" => 240,
        "pkt" => 300,
        "ist" => 330,
        "ict" | "wib" => 420,
        "hkt" | "sgt" | "pht" | "awst" => 480,
        "jst" | "kst" => 540,
        "acst" => 570,
        "aest" => 600,
        "aedt" => 660,
        "nzst" => 720,
        "nzdt" => 780,
        "edt" => -240,
        "est" | "cdt" => -300,
        "mdt" => -360,
        "mst" | "pdt" => -420,
        "pst" => -480,
        _ => return None,
    })
}

/// `12:11`, `06:10,`: a 24-hour time of day.
fn clock(word: &str) -> Option<(u32, u32)> {
    let (h, m) = trim_punct(word).split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

fn detect_date(header: &[&str]) -> Option<DateValue> {
    let mut found: Option<DateValue> = None;
    for (i, line) in header.iter().enumerate() {
        // A date under `Founded` or `Born` is that field's value in an infobox, not the page's.
        let field_value = i > 0 && is_event_field(header[i - 1]);
        let date = dateline(line)
            .and_then(|d| d.date)
            .or_else(|| date_line(line).filter(|_| !field_value));
        let Some(date) = date else { continue };
        match found {
            None if date.year.is_some() => return Some(date),
            None => found = Some(date),
            // A partial date is completed by a later full one for the same day.
            Some(p) if date.year.is_some() && (date.month, date.day) == (p.month, p.day) => {
                return Some(date);
            }
            Some(_) => {}
        }
    }
    found
}

/// The date of a line that states a publication date: the date comes first or after labels
/// only, and the line is short or the rest is a time of day.
fn date_line(line: &str) -> Option<DateValue> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for start in 0..words.len().min(5) {
        let prefix = &words[..start];
        if !prefix.iter().enumerate().all(|(i, w)| is_label(w, i == 0)) {
            return None;
        }
        let Some((date, used)) = date_at(&words, start) else {
            continue;
        };
        let rest = &words[start + used..];
        let time_only = rest.len() <= 4 && rest.iter().all(|w| is_time_word(w));
        if time_only || (date.year.is_some() && words.len() <= 12) {
            // The time of publication, when the line gives one with a full date.
            let time = if time_only && date.year.is_some() {
                rest.iter().find_map(|w| clock(w))
            } else {
                None
            };
            // `12:11 GMT`, `09:30 EST`, `18:00 IST`, `10:00 AEST`: the dateline's zone.
            let zone = time.and(
                rest.iter()
                    .find_map(|w| zone_offset(&trim_punct(w).to_ascii_lowercase())),
            );
            return Some(DateValue {
                time: date.time.or(time),
                offset: date.offset.or(zone),
                ..date
            });
        }
        return None;
    }
    None
}

/// A line that names an event other than publication (`Founded`, `Born`, `Initial release`):
/// the field name of an infobox or a fact sheet, whose value is the line below.
fn is_event_field(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().map(|w| trim_punct(w).to_lowercase());
    words.count() <= 2
        && first.is_some_and(|w| {
            matches!(
                w.as_str(),
                "founded"
                    | "born"
                    | "died"
                    | "established"
                    | "launched"
                    | "opened"
                    | "incorporated"
                    | "formed"
                    | "premiered"
                    | "initial"
                    | "dissolved"
                    | "completed"
            )
        })
}

/// Words that may precede a publication date on its line.
fn is_label(word: &str, first: bool) -> bool {
    let w = trim_punct(word).to_lowercase();
    if weekday(&w) || w.is_empty() {
        return true;
    }
    match w.as_str() {
        "date" | "dated" | "published" | "posted" | "updated" | "modified" | "created"
        | "issued" | "last" | "first" | "time" => true,
        // "On September 11, 2001, …" opens a sentence about history.
        "on" | "at" => !first,
        _ => false,
    }
}

fn is_time_word(word: &str) -> bool {
    let w = trim_punct(word).to_lowercase();
    let has_digit = w.chars().any(|c| c.is_ascii_digit());
    w.is_empty()
        || (has_digit && w.contains(':'))
        || w.starts_with("utc")
        || w.starts_with("gmt")
        || zone_offset(&w).is_some()
        || matches!(
            w.as_str(),
            "am" | "pm"
                | "a.m"
                | "p.m"
                | "at"
                | "msk"
                | "et"
                | "est"
                | "edt"
                | "cet"
                | "cest"
                | "bst"
                | "local"
                | "time"
        )
}

/// A date starting at `words[i]`, with how many words it spans.
fn date_at(words: &[&str], i: usize) -> Option<(DateValue, usize)> {
    let w0 = *words.get(i)?;
    if let Some(d) = iso_date(w0) {
        return Some((d, 1));
    }
    let w1 = words.get(i + 1).copied()?;
    let (month, day) = match (month(w0), day(w0), month(w1), day(w1)) {
        (Some(m), _, _, Some(d)) => (m, d),
        (_, Some(d), Some(m), _) => (m, d),
        _ => return None,
    };
    let year = words.get(i + 2).and_then(|w| year(w));
    let date = DateValue {
        year,
        month,
        day,
        time: None,
        offset: None,
    };
    valid(date).then_some((date, if year.is_some() { 3 } else { 2 }))
}

/// Whether `y-m-d` is a day of the calendar.
pub fn is_valid_date(y: i32, m: u32, d: u32) -> bool {
    valid(DateValue {
        year: Some(y),
        month: m,
        day: d,
        time: None,
        offset: None,
    })
}

/// The first written date in a short text ("March 22, 2024", "22 March 2024 21:10"), as
/// ISO 8601, or the `--MM-DD` partial when it has no year.
pub fn date_in_text(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().take(12).collect();
    (0..words.len()).find_map(|i| date_at(&words, i).map(|(d, _)| d.iso()))
}

fn valid(d: DateValue) -> bool {
    let leap = d
        .year
        .is_none_or(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    let max = match d.month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max).contains(&d.day)
}

/// `2018-09-14`, possibly followed by a time (`2018-09-14T05:01`).
fn iso_date(word: &str) -> Option<DateValue> {
    let w = trim_punct(word);
    let b = w.as_bytes();
    if b.len() < 10 || (b.len() > 10 && b[10] != b'T') {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = w.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(0..4)? as i32;
    let date = DateValue {
        year: (1900..=2100).contains(&year).then_some(year),
        month: digits(5..7)?,
        day: digits(8..10)?,
        // `2018-09-14T05:01`, `2018-09-14T05:01+03:00`
        time: w.get(11..).and_then(clock),
        offset: w.get(11..).and_then(offset_after_clock),
    };
    (date.year.is_some() && valid(date)).then_some(date)
}

fn month(word: &str) -> Option<u32> {
    crate::model::month_number(&trim_punct(word).to_lowercase()).map(u32::from)
}

/// A weekday's name or abbreviation, in lower case.
pub(crate) fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// A day of the month: `26`, `14,`, `12.`, `3rd`.
fn day(word: &str) -> Option<u32> {
    let w = trim_punct(word);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    let w = trim_punct(word);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1900..=2100).contains(y))
}

fn trim_punct(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | '|' | '-' | '–' | '—' | '(' | ')' | '[' | ']'
        )
    })
}

/// An agency dateline at the start of a line: `WASHINGTON, September 12. /TASS/. Text…`,
/// `LONDON (Reuters) - Text…`, `VARNHOLM, March 3 (AP) — Text…`.
#[derive(Debug)]
struct Dateline {
    date: Option<DateValue>,
    outlet: Option<String>,
    /// Byte offset where the article's own text begins after the dateline.
    body_start: usize,
}

fn dateline(line: &str) -> Option<Dateline> {
    let words: Vec<(usize, &str)> = word_offsets(line);
    // The place: one to four upper-case words, the last usually followed by a comma.
    let mut i = 0;
    let mut comma = false;
    while i < words.len().min(4) && is_caps_word(words[i].1, i == 0) {
        comma = words[i].1.ends_with(',');
        i += 1;
        if comma {
            break;
        }
    }
    if i == 0 {
        return None;
    }
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let mut date = None;
    if comma && let Some((d, used)) = date_at(&plain, i) {
        date = Some(d);
        i += used;
    }
    let mut outlet = None;
    if let Some((name, used)) = outlet_at(&plain, i) {
        outlet = Some(name);
        i += used;
    }
    if date.is_none() && outlet.is_none() {
        return None;
    }
    if plain
        .get(i)
        .is_some_and(|w| matches!(*w, "-" | "–" | "—" | "--"))
    {
        i += 1;
    }
    let body_start = words.get(i).map_or(line.len(), |(at, _)| *at);
    Some(Dateline {
        date,
        outlet,
        body_start,
    })
}

fn word_offsets(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// A word of a place name in capitals: `WASHINGTON,`, `NEW`, `ST.`, `ZÖLLNERBRÜCK`.
fn is_caps_word(word: &str, first: bool) -> bool {
    if word.starts_with(['(', '/']) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= if first { 2 } else { 1 }
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ',' | '.' | '-' | '\'' | '’'))
}

/// An outlet written as `/TASS/.` or `(Reuters)` / `(Baltic Wire)`, with the words it spans.
fn outlet_at(words: &[&str], i: usize) -> Option<(String, usize)> {
    let first = *words.get(i)?;
    let (open, close) = match first.chars().next()? {
        '/' => ('/', '/'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let mut parts = Vec::new();
    for (n, w) in words[i..].iter().take(4).enumerate() {
        let w = w.trim_end_matches(['.', ',', ':']);
        parts.push(w);
        if (n > 0 || w.len() > 1) && w.ends_with(close) {
            let joined = parts.join(" ");
            let name = joined
                .strip_prefix(open)?
                .strip_suffix(close)?
                .trim()
                .to_owned();
            return plausible_outlet(&name).then_some((name, n + 1));
        }
    }
    None
}

fn plausible_outlet(name: &str) -> bool {
    let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
    let tidy = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '&' | '.' | '-' | '\''));
    let not_a_note = !matches!(
        name.to_lowercase().as_str(),
        "updated" | "update" | "corrected" | "correction" | "photo" | "video" | "live" | "breaking"
    );
    (2..=40).contains(&name.chars().count()) && starts_upper && tidy && not_a_note
}

/// Lines of page furniture rather than article text.
fn is_boilerplate(line: &str) -> bool {
    let l = line.to_lowercase();
    const EXACT: &[&str] = &[
        "all news",
        "news",
        "home",
        "menu",
        "share",
        "share this",
        "share this article",
        "print",
        "advertisement",
        "subscribe",
        "listen",
        "listen to this article",
        "read more",
        "comments",
        "related",
        "top stories",
        "latest news",
        "breaking news",
        "more",
        "close",
    ];
    const PREFIXES: &[&str] = &[
        "updated",
        "published",
        "posted",
        "last updated",
        "last modified",
        "story code",
        "story id",
        "news code",
        "news id",
        "article id",
        "©",
        "(c) ",
        "copyright",
        "photo:",
        "photo by",
        "photo credit",
        "photograph:",
        "image:",
        "picture:",
        "credit:",
        "source:",
        "also read",
        "read also",
        "read more",
        "see also",
        "by ",
        "date ",
        "date:",
        "tags:",
        "category:",
        "filed under",
        "follow us",
    ];
    EXACT.contains(&l.as_str())
        || PREFIXES.iter().any(|p| l.starts_with(p))
        || l.ends_with(':')
        || l.contains(" min read")
        || (l.contains('©') && l.split_whitespace().count() <= 12)
}

fn is_too_short(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    line.chars().count() < 12
        || line.split_whitespace().count() < 2
        || letters * 2 < line.chars().count()
}

/// Markdown heading marks and emphasis around a whole line.
fn strip_markdown(line: &str) -> &str {
    line.trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
}

/// Shortens a long first line (a lead paragraph used as title) at a sentence end, or at a
/// word boundary with an ellipsis.
fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_owned();
    }
    let limit = line
        .char_indices()
        .nth(MAX_TITLE_CHARS)
        .map_or(line.len(), |(b, _)| b);
    let head = &line[..limit];
    if let Some(end) = head.rfind(". ").filter(|&e| e >= 40) {
        return line[..=end].to_owned();
    }
    let cut = head.rfind(' ').filter(|&e| e >= 40).unwrap_or(limit);
    format!("{}…", line[..cut].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_dateline_then_title() {
        let m = detect(
            "Tuesday 26 March 2024 - 12:11\n\nFerry Service Halted After Pier Fire, Mayor Says\n\nStory Code : 4471\nBody.",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry Service Halted After Pier Fire, Mayor Says")
        );
        // The time of publication is kept: the timeline places the article by it.
        assert_eq!(m.published.as_deref(), Some("2024-03-26T12:11"));
        assert_eq!(m.outlet, None);
    }

    #[test]
    fn agency_dateline_without_year_stays_partial_and_names_the_outlet() {
        let m = detect(
            "All news\nUpdated at:\u{a0}\n\nPier reopens after repairs - Mayor\n\n\
             KESTRELTON, September 12. /NORDPRESS/. The pier reopened on Friday.\n\n\
             On September 11, 2001, nothing happened here.",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Pier reopens after repairs - Mayor")
        );
        assert_eq!(m.published.as_deref(), Some("--09-12"));
        assert_eq!(m.outlet.as_deref(), Some("NORDPRESS"));
    }

    #[test]
    fn labelled_iso_date_wins_over_later_partial() {
        let m = detect(
            " date 2019-04-02 Regional Affairs\nTown council approves the new pier budget\n\n\
             April 2, 9:15 UTC+2\n\n© Ilse Marr/NORDPRESS\n\n\
             KESTRELTON, April 2. /NORDPRESS/. The council voted.",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Town council approves the new pier budget")
        );
        assert_eq!(m.published.as_deref(), Some("2019-04-02"));
        assert_eq!(m.outlet.as_deref(), Some("NORDPRESS"));
    }

    #[test]
    fn partial_date_is_completed_by_a_later_full_one() {
        let m = detect(
            "Pier fire leaves dozens homeless\nApril 2, 9:15 UTC+2\nPosted 2 April 2019\nText.",
        );
        assert_eq!(m.published.as_deref(), Some("2019-04-02"));
    }

    #[test]
    fn history_dates_in_the_body_are_not_publication_dates() {
        let m = detect(
            "Pier fire recalls the great blaze\n\
             On March 3, 1998, a fire destroyed the old pier, residents recalled on Sunday.\n\
             The September 11, 2001 attacks were also mentioned.\nMarch 3, 1998 was a cold day for all of the town and its fishermen.",
        );
        assert_eq!(m.published, None);
        assert_eq!(m.outlet, None);
    }

    #[test]
    fn dates_below_the_header_are_ignored() {
        let mut text = String::from("Harbour news from the coast\n");
        for i in 0..HEADER_LINES {
            text.push_str(&format!("Paragraph {i} of the article.\n"));
        }
        text.push_str("Published 4 May 2020\n");
        assert_eq!(detect(&text).published, None);
    }

    #[test]
    fn reuters_style_dateline_gives_outlet_and_title_from_the_lead() {
        let m = detect("LONDON (Reuters) - A pier in the town of Kestrelton collapsed on Sunday.");
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            m.title.as_deref(),
            Some("A pier in the town of Kestrelton collapsed on Sunday.")
        );
        assert_eq!(m.published, None);
    }

    #[test]
    fn ordinary_capitalised_openings_are_not_datelines() {
        for line in [
            "US, Norway agree on pier safety rules",
            "NATO (the alliance) said nothing about the pier",
            "NEW RULES - the pier is closed",
        ] {
            let m = detect(line);
            assert_eq!(m.outlet, None, "{line}");
            assert_eq!(m.title.as_deref(), Some(line));
        }
    }

    #[test]
    fn headline_starting_with_a_month_is_a_title_not_a_date() {
        let m = detect("March 3 pier fire: what we know so far\nText.");
        assert_eq!(m.published, None);
        assert_eq!(
            m.title.as_deref(),
            Some("March 3 pier fire: what we know so far")
        );
    }

    #[test]
    fn boilerplate_credits_and_short_lines_are_not_titles() {
        let m = detect(
            "Menu\nBy Zoë Marr\n© Ilse Marr/NORDPRESS\nPhoto: archive\nOK\n## **Pier closed for the winter**\nText",
        );
        assert_eq!(m.title.as_deref(), Some("Pier closed for the winter"));
        assert_eq!(detect("Menu\nShare\n").title, None);
    }

    #[test]
    fn long_lead_is_shortened_at_a_sentence_or_word() {
        let lead = "The pier at Kestrelton, which had stood for more than a century, collapsed into the harbour early on Sunday morning. Divers searched the water all day while relatives waited on the quay.";
        assert_eq!(
            detect(lead).title.as_deref(),
            Some(
                "The pier at Kestrelton, which had stood for more than a century, collapsed into the harbour early on Sunday morning."
            )
        );
        let run_on = "word ".repeat(60);
        let t = detect(&run_on).title.unwrap_or_default();
        assert!(
            t.ends_with('…') && t.chars().count() <= MAX_TITLE_CHARS + 1,
            "{t}"
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(
            detect("Title of the piece here\n31 February 2024").published,
            None
        );
        assert_eq!(
            detect("Title of the piece here\n29 February 2024")
                .published
                .as_deref(),
            Some("2024-02-29")
        );
    }
}
