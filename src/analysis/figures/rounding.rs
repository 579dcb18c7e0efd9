//! The precision a figure is written with: `$4.2 million` stands for anything from 4.15 to
//! 4.25 million, the interval its last written digit implies, and agrees with `$4,187,310`.
//!
//! A number carries a rounding interval when it is scaled (`4.2 million`, `15.8m`, `two
//! million`), has decimals (`35.7%` is 35.65 to 35.75), or is a whole percentage (`41%`).
//! Whole numbers written out in full (`139 people`, `$4,187,310`) are exact, except round
//! thousands of ten thousand or more (`£140,000`, see [`round_thousands`]); and anything the
//! text calls exact (`exactly $4.2 million`) is exact.

use super::numbers::{Cx, Kind, NumExpr, digits_value, scale_word};

/// Half the unit of the last written digit of `raw` (the digits as written, `4.2` or
/// `2,997`), times `scale` (what a scale word or suffix multiplied them by).
pub(crate) fn half_unit(raw: &str, scale: f64) -> f64 {
    let decimals = raw
        .rsplit_once('.')
        .map_or(0, |(_, d)| d.bytes().take_while(u8::is_ascii_digit).count());
    0.5 * 10f64.powi(-(decimals as i32)) * scale
}

/// The interval `[value − h, value + h]` the written number implies, or `None` when it is
/// exact.
///
/// - `raw`: the digits as written, or `None` for a number in words;
/// - `value`: the figure's value (scaled);
/// - `scale`: the multiplier a scale word or suffix applied (1 when none);
/// - `percent`: the figure is a percentage;
/// - `exact`: the text says so (`exactly`, `precisely`).
pub(crate) fn implied(
    raw: Option<&str>,
    value: f64,
    scale: f64,
    percent: bool,
    exact: bool,
) -> Option<(f64, f64)> {
    if exact || !value.is_finite() {
        return None;
    }
    let h = match raw {
        Some(r) => {
            let decimals = r.contains('.');
            if scale == 1.0 && !decimals && !percent {
                return round_thousands(value).map(|h| (tidy(value - h), tidy(value + h)));
            }
            half_unit(r, scale)
        }
        // `two million`: to the nearest half million; `one and a half million` and `half a
        // million`: to a tenth of the scale.
        None if scale > 1.0 => {
            let units = value / scale;
            if units.fract() == 0.0 {
                0.5 * scale
            } else {
                0.05 * scale
            }
        }
        None => return None,
    };
    (h > 0.0).then(|| (tidy(value - h), tidy(value + h)))
}

/// Half the unit a whole number of ten thousand or more, ending in three zeros or more, may
/// be rounded to: `£140,000` for an award of £140,600, `£79,000` for a salary of £79,015.
/// Writers round such sums and crowds to two or three significant digits, so the trailing
/// zeros are not taken at their word; at least two significant digits are kept (`10,000` is
/// 9,500 to 10,500, never 5,000 to 15,000), and the digits written are always kept (`125,000`
/// is 124,500 to 125,500). Smaller numbers (`139`, `1,000` killed) and any other whole number
/// (`4,187,310`) stay exact.
fn round_thousands(value: f64) -> Option<f64> {
    let v = value.abs();
    if v < 1e4 || v.fract() != 0.0 || v >= 1e15 {
        return None;
    }
    let n = v as u64;
    let digits = n.to_string().len() as u32;
    let zeros = n
        .to_string()
        .bytes()
        .rev()
        .take_while(|&b| b == b'0')
        .count() as u32;
    (zeros >= 3).then(|| 0.5 * 10f64.powi(zeros.min(digits - 2) as i32))
}

/// Rounds away binary noise (`4.2e6 − 5e4`) to 12 significant digits.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mag = 10f64.powi(12 - x.abs().log10().ceil() as i32);
    (x * mag).round() / mag
}

/// The interval the number's last written digit implies (see [`implied`]).
pub(super) fn written_precision(
    cx: &Cx,
    x: &NumExpr,
    percent: bool,
    exact: bool,
) -> Option<(f64, f64)> {
    if cx.kind(x.first) == Some(Kind::Num) {
        let raw = cx.s(x.first);
        let written = digits_value(raw).filter(|v| *v != 0.0)?;
        let ratio = (x.value / written).abs();
        let scale = if x.scaled && ratio > 1.5 {
            10f64.powi(ratio.log10().round() as i32)
        } else {
            1.0
        };
        return implied(Some(raw), x.value, scale, percent, exact);
    }
    // A number in words: the last scale word written (`two million`, `three lakh`).
    let scale = (x.first..x.end)
        .rev()
        .filter_map(|k| cx.low(k).and_then(|w| scale_word(w.as_str())))
        .find(|v| *v >= 1e3)?;
    implied(None, x.value, scale, percent, exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_written_digit_sets_the_interval() {
        assert_eq!(
            implied(Some("4.2"), 4.2e6, 1e6, false, false),
            Some((4.15e6, 4.25e6))
        );
        assert_eq!(
            implied(Some("13.6"), 13.6e6, 1e6, false, false),
            Some((13.55e6, 13.65e6))
        );
        assert_eq!(
            implied(Some("2"), 2e6, 1e6, false, false),
            Some((1.5e6, 2.5e6))
        );
        assert_eq!(
            implied(Some("35.7"), 35.7, 1.0, true, false),
            Some((35.65, 35.75))
        );
        assert_eq!(
            implied(Some("41"), 41.0, 1.0, true, false),
            Some((40.5, 41.5))
        );
        assert_eq!(implied(None, 2e6, 1e6, false, false), Some((1.5e6, 2.5e6)));
    }

    #[test]
    fn round_thousands_may_be_rounded_to_two_significant_digits_or_as_written() {
        let at = |raw: &str, v: f64| implied(Some(raw), v, 1.0, false, false);
        assert_eq!(at("79,000", 79e3), Some((78_500.0, 79_500.0)));
        assert_eq!(at("140,000", 140e3), Some((135_000.0, 145_000.0)));
        assert_eq!(at("10,000", 1e4), Some((9_500.0, 10_500.0)));
        assert_eq!(at("125,000", 125e3), Some((124_500.0, 125_500.0)));
        assert_eq!(at("1,000,000", 1e6), Some((950_000.0, 1_050_000.0)));
        // Said to be exact, it is.
        assert_eq!(implied(Some("79,000"), 79e3, 1.0, false, true), None);
    }

    #[test]
    fn whole_numbers_and_exact_figures_are_exact() {
        assert_eq!(
            implied(Some("4,187,310"), 4_187_310.0, 1.0, false, false),
            None
        );
        assert_eq!(implied(Some("139"), 139.0, 1.0, false, false), None);
        assert_eq!(implied(Some("1,000"), 1000.0, 1.0, false, false), None);
        assert_eq!(implied(Some("79,015"), 79015.0, 1.0, false, false), None);
        assert_eq!(implied(Some("79,500"), 79500.0, 1.0, false, false), None);
        assert_eq!(implied(Some("4.2"), 4.2e6, 1e6, false, true), None);
    }
}
