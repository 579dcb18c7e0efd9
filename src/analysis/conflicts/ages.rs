//! Whether two ages of one person can both be true. An age is a whole number of years that
//! grows by one on a birthday nobody reports, so `47` in February and `48` in August are one
//! man; only reports of one day, or a gap the years between the reports cannot explain, are
//! a disagreement.

use crate::analysis::figures::Figure;
use crate::analysis::time::Precision;

/// True when ages `a` and `b` of one person may both be right: equal; one year apart unless
/// both were given on the same known day; or, where both days are known, apart by the whole
/// years between the days or one more.
pub(super) fn ages_agree(a: &Figure, b: &Figure) -> bool {
    let gap = (a.value - b.value).abs().round() as i64;
    if gap == 0 {
        return true;
    }
    let day = |f: &Figure| {
        f.as_of
            .filter(|w| w.precision <= Precision::Day)
            .map(|w| w.date())
    };
    let (Some(da), Some(db)) = (day(a), day(b)) else {
        // A birthday may fall between two undated reports.
        return gap == 1;
    };
    let days = i64::from(da.until(db).map_or(0, |s| s.get_days())).abs();
    if days == 0 {
        return false;
    }
    // Whole years between the reports, and the later report older by those or one more.
    let years = (days as f64 / 365.25).floor() as i64;
    let (earlier, later) = if da <= db { (a, b) } else { (b, a) };
    let grew = (later.value - earlier.value).round() as i64;
    grew == years || grew == years + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::figures::{FigureOptions, extract_figures};

    /// The age of the first named person in `text`, as spoken on `day`.
    fn age(text: &str, day: &str) -> Figure {
        let opts = FigureOptions {
            published: Some(day.to_owned()),
            ..FigureOptions::default()
        };
        extract_figures(text, &opts)
            .into_iter()
            .find(|f| f.measure == crate::analysis::figures::Measure::Age)
            .expect("an age")
    }

    #[test]
    fn a_birthday_between_two_reports_is_no_disagreement() {
        let feb = age("Jesse Jackson Jr., 47, pleaded guilty.", "2013-02-20");
        let aug = age("Jesse Jackson Jr., 48, was jailed.", "2013-08-14");
        assert!(ages_agree(&feb, &aug));
        // The same day: one of the two is wrong.
        let same = age("Jesse Jackson Jr., 48, pleaded guilty.", "2013-02-20");
        assert!(!ages_agree(&feb, &same));
        // A later report cannot be younger, nor three years older after six months.
        let younger = age("Jesse Jackson Jr., 46, was jailed.", "2013-08-14");
        assert!(!ages_agree(&feb, &younger));
        let older = age("Jesse Jackson Jr., 50, was jailed.", "2013-08-14");
        assert!(!ages_agree(&feb, &older));
        // Five years on, five years older (or six).
        let later = age("Jesse Jackson Jr., 52, was freed.", "2018-03-01");
        assert!(ages_agree(&feb, &later));
    }

    #[test]
    fn undated_reports_allow_one_birthday() {
        let mut a = age("John Harris, 54, was jailed.", "2020-01-01");
        let mut b = age("John Harris, 55, was jailed.", "2020-01-01");
        let mut c = age("John Harris, 57, was jailed.", "2020-01-01");
        for f in [&mut a, &mut b, &mut c] {
            f.as_of = None;
        }
        assert!(ages_agree(&a, &b));
        assert!(!ages_agree(&a, &c));
    }
}
