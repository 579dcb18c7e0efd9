//! How a stored publication date reads to a person. The file keeps ISO 8601 as imported
//! (`2024-03-26`, `2024-03-26T18:45:00+02:00`, or the partial `--09-12` when the article gave
//! no year); screens and reports show it through [`display_date`], so a partial date reads
//! "12 Sep (year unknown)" and never as a broken date.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The month (1–12) a lowercase English month name or abbreviation names (`march`, `mar`,
/// `sept`). One table for the importer, the figure engine and the time reader.
pub fn month_number(lowercase: &str) -> Option<u8> {
    Some(match lowercase {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// A stored date as people read it: full dates stay ISO (`2024-03-26`), a date-time keeps
/// its minutes and offset (`2024-03-26 18:45 +02:00`), a partial date names its month
/// (`12 Sep (year unknown)`). Anything else is shown as stored.
pub fn display_date(stored: &str) -> String {
    let s = stored.trim();
    if let Some(md) = s.strip_prefix("--") {
        let mut parts = md.splitn(2, '-');
        let month: Option<usize> = parts.next().and_then(|m| m.parse().ok());
        let day: Option<u32> = parts.next().and_then(|d| d.parse().ok());
        return match (month, day) {
            (Some(m @ 1..=12), Some(d @ 1..=31)) => {
                format!("{d} {} (year unknown)", MONTHS[m - 1])
            }
            _ => s.to_owned(),
        };
    }
    match s.split_once('T') {
        Some((date, time)) if date.len() == 10 => {
            let hm: String = time.chars().take(5).collect();
            let zone = time
                .find(['+', 'Z'])
                .or_else(|| time.rfind('-'))
                .map(|i| &time[i..]);
            match zone {
                Some("Z") => format!("{date} {hm} UTC"),
                Some(z) => format!("{date} {hm} {z}"),
                None => format!("{date} {hm}"),
            }
        }
        _ => s.to_owned(),
    }
}

/// The calendar day of a stored date (`2024-03-26`), when it has a year.
pub fn full_day(stored: &str) -> Option<&str> {
    let d = stored.trim().get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    ok.then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_name_the_month_and_say_the_year_is_unknown() {
        assert_eq!(display_date("--09-12"), "12 Sep (year unknown)");
        assert_eq!(display_date("--02-29"), "29 Feb (year unknown)");
        assert_eq!(
            display_date("--13-01"),
            "--13-01",
            "not a month: shown as stored"
        );
    }

    #[test]
    fn full_dates_and_date_times_read_plainly() {
        assert_eq!(display_date("2024-03-26"), "2024-03-26");
        assert_eq!(
            display_date("2025-06-03T18:45:00+02:00"),
            "2025-06-03 18:45 +02:00"
        );
        assert_eq!(display_date("2024-11-17T07:20:00Z"), "2024-11-17 07:20 UTC");
        assert_eq!(display_date("2024-11-17T07:20"), "2024-11-17 07:20");
        assert_eq!(
            display_date("2024-11-17T07:20:00-05:00"),
            "2024-11-17 07:20 -05:00"
        );
    }

    #[test]
    fn the_day_of_a_date_needs_a_year() {
        assert_eq!(full_day("2024-11-17T07:20:00Z"), Some("2024-11-17"));
        assert_eq!(full_day("--09-12"), None);
        assert_eq!(full_day("2024"), None);
    }
}
