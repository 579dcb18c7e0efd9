//! Time in articles: when an article speaks (its publication date-time, else a dateline in
//! its first lines) and the time expressions in its text, each resolved against that date to a
//! span of time with a precision.
//!
//! Classes read: absolute dates (`22 March 2024`, `March 22`, `2024-03-22`, `March 2024`, `in
//! 2013`), weekdays (`on Friday`, `last Friday`, `Friday morning`; the latest such day on or
//! before the article's date, the next one when the clause speaks of the future), relative
//! days and periods (`yesterday`, `tonight`, `last night`, `last week`, `earlier this month`,
//! `three days ago`, `two days after the attack` from the first day the article names) and
//! times of day (`6 pm`, `18:00 GMT`), which make `as of` expressions when written after `as
//! of`, `by` or `as at`.
//!
//! Calendar arithmetic is `jiff`'s; the reading is ours, token by token, like the figures.

use jiff::ToSpan;
use jiff::civil::{Date, DateTime, Time};
use serde::{Serialize, Serializer};

/// How precisely a span of time is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A time of day (`6 pm`, `12:11`).
    Minute,
    /// Part of a day (`Friday morning`, `late on Sunday`, `last night`).
    PartOfDay,
    Day,
    Week,
    Month,
    Year,
}

/// A span of time `[start, end)` in the article's clock, with its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    pub start: DateTime,
    pub end: DateTime,
    pub precision: Precision,
    /// Minutes east of UTC of the article's clock, when its publication time gave an offset
    /// (`2024-03-26T18:45+02:00`); times of one article share it. Comparisons across
    /// articles use it, so reports from different time zones fall in the right order.
    pub utc_offset: Option<i16>,
}

impl When {
    pub(super) fn day(d: Date) -> When {
        When {
            start: d.to_datetime(Time::midnight()),
            end: d
                .checked_add(1.day())
                .unwrap_or(d)
                .to_datetime(Time::midnight()),
            precision: Precision::Day,
            utc_offset: None,
        }
    }

    pub(super) fn days(from: Date, to_exclusive: Date, precision: Precision) -> When {
        When {
            start: from.to_datetime(Time::midnight()),
            end: to_exclusive.to_datetime(Time::midnight()),
            precision,
            utc_offset: None,
        }
    }

    pub(super) fn hours(d: Date, from: i8, to: i8, precision: Precision) -> When {
        let at = |h: i8| -> DateTime {
            if h >= 24 {
                d.checked_add(1.day())
                    .unwrap_or(d)
                    .to_datetime(Time::constant(h - 24, 0, 0, 0))
            } else {
                d.to_datetime(Time::constant(h, 0, 0, 0))
            }
        };
        When {
            start: at(from),
            end: at(to),
            precision,
            utc_offset: None,
        }
    }

    /// The first day of the span.
    pub fn date(&self) -> Date {
        self.start.date()
    }

    /// True when the whole span ends before `other` starts, in UTC where the offsets are
    /// known.
    pub fn before(&self, other: &When) -> bool {
        self.ends_before(other, jiff::SignedDuration::ZERO)
    }

    /// True when the span ends at least `slack` before `other` starts (UTC where known).
    pub fn ends_before(&self, other: &When, slack: jiff::SignedDuration) -> bool {
        let utc = |t: DateTime, offset: Option<i16>| {
            t.checked_sub(jiff::SignedDuration::from_mins(i64::from(
                offset.unwrap_or(0),
            )))
            .unwrap_or(t)
        };
        utc(self.end, self.utc_offset)
            .checked_add(slack)
            .is_ok_and(|e| e <= utc(other.start, other.utc_offset))
    }

    /// ISO 8601 at the span's precision: `2024-03-22T18:00`, `2024-03-22`, `2024-W12`,
    /// `2024-03`, `2024`; a part of a day is its start and end (`2024-03-22T06/12`).
    pub fn iso(&self) -> String {
        let d = self.start.date();
        match self.precision {
            Precision::Minute => {
                format!("{}T{:02}:{:02}", d, self.start.hour(), self.start.minute())
            }
            Precision::PartOfDay => format!(
                "{}T{:02}:00/{}T{:02}:00",
                d,
                self.start.hour(),
                self.end.date(),
                self.end.hour()
            ),
            Precision::Day => d.to_string(),
            Precision::Week => {
                let w = d.iso_week_date();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Precision::Month => format!("{}-{:02}", d.year(), d.month()),
            Precision::Year => format!("{}", d.year()),
        }
    }

    /// How people read it: `22 Mar 2024`, `22 Mar 2024 18:00`, `Mar 2024`, `2024`.
    pub fn label(&self) -> String {
        let d = self.start.date();
        let month = MONTHS[(d.month() - 1) as usize];
        match self.precision {
            Precision::Minute => format!(
                "{} {month} {} {:02}:{:02}{}",
                d.day(),
                d.year(),
                self.start.hour(),
                self.start.minute(),
                match self.utc_offset {
                    None => String::new(),
                    Some(0) => " UTC".to_owned(),
                    Some(o) => format!(
                        " {}{:02}:{:02}",
                        if o < 0 { '-' } else { '+' },
                        o.abs() / 60,
                        o.abs() % 60
                    ),
                }
            ),
            Precision::PartOfDay => format!(
                "{} {month} {} {}",
                d.day(),
                d.year(),
                part_name(self.start.hour())
            ),
            Precision::Day => format!("{} {month} {}", d.day(), d.year()),
            Precision::Week => format!("week of {} {month} {}", d.day(), d.year()),
            Precision::Month => format!("{month} {}", d.year()),
            Precision::Year => format!("{}", d.year()),
        }
    }
}

pub(super) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(super) fn part_name(start_hour: i8) -> &'static str {
    match start_hour {
        0..=5 => "early hours",
        6..=11 => "morning",
        12..=17 => "afternoon",
        _ => "evening",
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("When", 5)?;
        st.serialize_field("iso", &self.iso())?;
        if let Some(o) = self.utc_offset {
            st.serialize_field("utc_offset_minutes", &o)?;
        } else {
            st.skip_field("utc_offset_minutes")?;
        }
        st.serialize_field("start", &self.start.to_string())?;
        st.serialize_field("end", &self.end.to_string())?;
        st.serialize_field("precision", &self.precision)?;
        st.end()
    }
}

/// What kind of time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A date the text names in full or in part (`22 March 2024`, `March 2024`, `in 2013`).
    Absolute,
    /// A time named against the article's date (`yesterday`, `on Friday`, `last week`).
    Relative,
    /// A time a count was true at (`as of 6 pm`, `by Tuesday evening`).
    AsOf,
}

/// One time expression in an article, resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Character offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: TimeKind,
    pub when: When,
}
