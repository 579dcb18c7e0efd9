//! A figure's value as a reader writes it: `£188,250`, `$1.2 million`, `64%`, `12 km`.
//!
//! The analysis keeps values as plain numbers with a unit code (`188250`, `GBP`) so that they
//! compare; lists that name a figure to a person (the Sources view, the report's section on
//! independent confirmation, the measure summaries) write it the way a newsroom does.

/// `value` with `unit` (a currency code, `%`, or a unit word such as `km`), written for a
/// reader: thousands grouped, millions and larger in words, a currency's symbol before the
/// number when it has a common one and its code after it otherwise.
pub fn fmt_amount(value: f64, unit: Option<&str>) -> String {
    let number = fmt_grouped(value);
    match unit {
        None => number,
        Some("%") => format!("{number}%"),
        Some(code) => match currency_sign(code) {
            Some(sign) if value < 0.0 => format!("-{sign}{}", fmt_grouped(-value)),
            Some(sign) => format!("{sign}{number}"),
            None => format!("{number} {code}"),
        },
    }
}

/// A number with its thousands grouped (`188,250`); a whole number of millions, billions or
/// trillions written with the word (`1.2 million`), as news copy writes large sums.
pub fn fmt_grouped(value: f64) -> String {
    if !value.is_finite() {
        return super::fmt_number(value);
    }
    let size = value.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if size >= scale {
            let short = value / scale;
            // Only when the word loses nothing: 1,234,567 stays in digits.
            let rounded = (short * 1000.0).round() / 1000.0;
            if ((rounded * scale) - value).abs() < 0.5 {
                return format!("{} {word}", super::fmt_number(rounded));
            }
        }
    }
    let plain = super::fmt_number(value);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = format!("{sign}{}", group_digits(whole));
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A run of digits with a comma before every group of three from the right (`12345` →
/// `12,345`); four-digit numbers keep theirs too (`4,500`), as wire style does.
pub fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The sign written before an amount in a currency, for the currencies news copy writes that
/// way; other codes are written after the number.
fn currency_sign(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "GBP" => "£",
        "EUR" => "€",
        "JPY" => "¥",
        "RUB" => "₽",
        "INR" => "₹",
        "UAH" => "₴",
        "KRW" => "₩",
        "NGN" => "₦",
        "TRY" => "₺",
        "ILS" => "₪",
        "PHP" => "₱",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_read_as_a_newsroom_writes_them() {
        assert_eq!(fmt_amount(188_250.0, Some("GBP")), "£188,250");
        assert_eq!(fmt_amount(1_200_000.0, Some("GBP")), "£1.2 million");
        assert_eq!(fmt_amount(3_600_000_000.0, Some("USD")), "$3.6 billion");
        assert_eq!(fmt_amount(1_234_567.0, Some("EUR")), "€1,234,567");
        assert_eq!(fmt_amount(4_500.0, Some("CHF")), "4,500 CHF");
        assert_eq!(fmt_amount(-250.0, Some("GBP")), "-£250");
    }

    #[test]
    fn counts_and_shares_keep_their_units() {
        assert_eq!(fmt_amount(139.0, None), "139");
        assert_eq!(fmt_amount(64.5, Some("%")), "64.5%");
        assert_eq!(fmt_amount(12_000.0, Some("km")), "12,000 km");
        assert_eq!(fmt_grouped(999.0), "999");
        assert_eq!(fmt_grouped(1000.5), "1,000.5");
    }
}
