//! When an article speaks and when the event it reports happened, in days since 1970, as
//! story grouping reads them. The event's day is the first day its lead names (`on Monday`,
//! `Friday's quake`, `March 3`) in the three weeks before the article speaks, so a follow-up
//! published a week later still sits on its event's day, not on the day of the next quake; an
//! article whose lead names no such day sits on the day it speaks.

use crate::analysis::time::{Precision, TimeKind, article_anchor, first_time};
use crate::model::Article;
use jiff::civil::Date;

/// How many characters of an article (title and first paragraphs) may name the event's day.
const LEAD_CHARS: usize = 700;

/// How far back a day named in the lead may lie and still be the event's.
const EVENT_DAYS_BACK: i64 = 21;

/// The day an article speaks and its event's day, when known.
pub(super) type Days = (Option<i64>, Option<i64>);

/// The day an article speaks (its publication date, else its dateline) and its event's day.
pub(super) fn article_days(a: &Article) -> Days {
    let Some(anchor) = article_anchor(a.published.as_deref(), &a.text) else {
        return (None, None);
    };
    let spoken = day_of(anchor.start.date());
    let lead_end = a
        .text
        .char_indices()
        .nth(LEAD_CHARS)
        .map_or(a.text.len(), |(i, _)| i);
    let event = first_time(&a.text[..lead_end], Some(anchor), |t| {
        let d = day_of(t.when.start.date());
        t.when.precision <= Precision::Day
            // A dateline names the day the article speaks, not the event's.
            && !(t.kind == TimeKind::Absolute && d == spoken)
            && d <= spoken
            && spoken - d <= EVENT_DAYS_BACK
    })
    .map_or(spoken, |t| day_of(t.when.start.date()));
    (Some(spoken), Some(event))
}

/// Days since 1970-01-01.
fn day_of(d: Date) -> i64 {
    let epoch = Date::constant(1970, 1, 1);
    i64::from(epoch.until(d).map_or(0, |s| s.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(published: &str, text: &str) -> Article {
        Article {
            published: Some(published.to_owned()),
            ..Article::in_memory(1, "a.txt", "A", text)
        }
    }

    #[test]
    fn a_follow_up_sits_on_its_event_day() {
        let monday = day_of(Date::constant(2025, 3, 3));
        let a = art(
            "2025-03-06",
            "Orla waits\n2025-03-06\n\nThree days after the earthquake of Monday, families wait.",
        );
        let (spoken, event) = article_days(&a);
        assert_eq!(spoken, Some(monday + 3));
        assert_eq!(event, Some(monday));
        // No day in the lead: the day it speaks.
        let (_, event) = article_days(&art("2025-03-06", "Orla waits\n\nFamilies wait."));
        assert_eq!(event, Some(monday + 3));
        assert_eq!(day_of(Date::constant(1970, 1, 2)), 1);
    }
}
