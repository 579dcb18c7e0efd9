//! Bytes → text: byte-order marks, UTF-16, UTF-8 with replaced bytes, and legacy encodings
//! detected with chardetng; then line endings normalised to `\n`.
//!
//! The order matters: a BOM is trusted first (UTF-16 text is full of NUL bytes), then a NUL
//! byte marks a binary file, then valid UTF-8 is taken as is. Only invalid UTF-8 goes to the
//! detector, and even then a file that is mostly valid UTF-8 with a few bad bytes is kept as
//! UTF-8 with replacements, since a detector would turn its good characters into mojibake.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text and how it was obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text with `\r\n` and `\r` turned into `\n`, without a BOM.
    pub text: String,
    /// The encoding's WHATWG name: `UTF-8`, `UTF-16LE`, `windows-1252`, …
    pub encoding: &'static str,
    /// Set when the text is not a faithful decoding of valid input, saying why.
    pub repair: Option<String>,
}

/// Why bytes could not be decoded as text at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotText {
    /// Contains NUL bytes and has no UTF-16 byte-order mark.
    Binary,
}

/// Decodes a file's bytes. `html_hint` lets a `<meta charset>` declaration decide the
/// encoding of an HTML file that is not valid UTF-8.
pub fn decode(bytes: &[u8], html_hint: bool) -> Result<Decoded, NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(with_encoding(rest, UTF_8, "the UTF-8 byte-order mark"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(with_encoding(
            rest,
            UTF_16LE,
            "the UTF-16LE byte-order mark",
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(with_encoding(
            rest,
            UTF_16BE,
            "the UTF-16BE byte-order mark",
        ));
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(encoding) => {
                let mut d = with_encoding(bytes, encoding, "no byte-order mark");
                d.repair = Some(format!(
                    "{} without a byte-order mark{}",
                    encoding.name(),
                    d.repair
                        .map_or(String::new(), |_| "; bad bytes replaced with \u{FFFD}"
                            .into())
                ));
                Ok(d)
            }
            None => Err(NotText::Binary),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: normalize_newlines(s),
            encoding: UTF_8.name(),
            repair: None,
        });
    }
    if mostly_utf8(bytes) {
        let (text, _) = UTF_8.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: normalize_newlines(&text),
            encoding: UTF_8.name(),
            repair: Some("invalid UTF-8 bytes were replaced with \u{FFFD}".to_owned()),
        });
    }
    let declared = if html_hint {
        declared_charset(bytes)
    } else {
        None
    };
    let (encoding, how) = match declared {
        Some(e) => (e, "declared in the page"),
        None => (detect_legacy(bytes), "detected"),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut repair = format!("not UTF-8; decoded as {} ({how})", encoding.name());
    if had_errors {
        repair.push_str(", some bytes replaced with \u{FFFD}");
    }
    Ok(Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        repair: Some(repair),
    })
}

/// UTF-16 saved without a byte-order mark: text mostly from the Basic Latin and Latin-1
/// blocks has a NUL as the high byte of most code units and almost never as the low byte.
/// Binary data has NULs (if any) on both sides alike, so it is not mistaken for text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.len() / 2;
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // At least 60 % of units have a NUL high byte, and NUL low bytes are rare.
    let looks = |high: usize, low: usize| high * 10 >= units * 6 && low * 50 <= units;
    if looks(odd, even) {
        Some(UTF_16LE)
    } else if looks(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Guesses the legacy encoding of bytes that are not UTF-8.
///
/// chardetng needs letters inside words to tell encodings apart; with only a stray symbol to
/// go on (English text with one `£`, byte 0xA3) it may pick windows-1250 and read `Ł5`. When
/// its guess puts no non-ASCII letter next to another letter, there was no such evidence, and
/// windows-1252 (the web's default for Western text) is the better reading.
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    if guess == WINDOWS_1252 {
        return guess;
    }
    let (guessed, _) = guess.decode_without_bom_handling(bytes);
    let (western, western_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if !has_accented_word(&guessed) && !western_errors && !western.contains(is_c1_control) {
        WINDOWS_1252
    } else {
        guess
    }
}

/// True when some non-ASCII letter touches another letter, as accented letters in words do.
fn has_accented_word(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        let neighbour_is_letter = (i > 0 && chars[i - 1].is_alphabetic())
            || chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        !c.is_ascii() && c.is_alphabetic() && neighbour_is_letter
    })
}

fn is_c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

fn with_encoding(bytes: &[u8], encoding: &'static Encoding, bom: &str) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let repair = had_errors.then(|| {
        format!(
            "invalid {} after {bom}; bad bytes replaced with \u{FFFD}",
            encoding.name()
        )
    });
    Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        repair,
    }
}

/// True when the bytes hold more well-formed multi-byte UTF-8 sequences than malformed ones:
/// a UTF-8 file with a stray byte, not a legacy file (where high bytes rarely pair up).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // Validity was just checked by from_utf8, so this cannot fail.
                good += std::str::from_utf8(&rest[..valid])
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                bad += 1;
                let skip = valid + e.error_len().unwrap_or(rest.len() - valid).max(1);
                rest = &rest[skip.min(rest.len())..];
            }
        }
    }
    good > bad
}

/// The encoding named by `<meta charset=…>` or `content="…; charset=…"` in the first 2 KB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let value: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    let encoding = Encoding::for_label(&value)?;
    // A page that declares UTF-8 (or UTF-16) but is not valid UTF-8 is better detected.
    (encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE).then_some(encoding)
}

/// Turns `\r\n` and lone `\r` into `\n`.
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in s.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_and_reported_but_binary_is_not() {
        for be in [false, true] {
            let bytes = utf16("Zoë counted 139 — «dead».\r\n", be);
            let d = decode(&bytes[2..], false).unwrap();
            assert_eq!(d.text, "Zoë counted 139 — «dead».\n");
            assert_eq!(d.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
            assert!(d.repair.unwrap().contains("without a byte-order mark"));
        }
        let binary: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(binary.contains(&0));
        assert_eq!(decode(&binary, false), Err(NotText::Binary));
        assert_eq!(decode(b"text\0with a NUL", false), Err(NotText::Binary));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Zoë said 12".as_bytes(), false).unwrap();
        assert_eq!(plain.text, "Zoë said 12");
        assert_eq!(plain.encoding, "UTF-8");
        assert_eq!(plain.repair, None);
        let bom = decode(b"\xEF\xBB\xBFZo\xC3\xAB", false).unwrap();
        assert_eq!(bom.text, "Zoë");
        assert_eq!(bom.repair, None);
    }

    #[test]
    fn utf16_both_byte_orders() {
        for be in [false, true] {
            let d = decode(&utf16("Мост — 14 killed\r\n", be), false).unwrap();
            assert_eq!(d.text, "Мост — 14 killed\n");
            assert_eq!(d.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
            assert_eq!(d.repair, None);
        }
    }

    #[test]
    fn nul_bytes_without_bom_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00", false), Err(NotText::Binary));
    }

    #[test]
    fn latin1_pound_is_detected_and_reported() {
        let d = decode(
            b"The repairs will cost \xA35 million, the council said.",
            false,
        )
        .unwrap();
        assert_eq!(
            d.text,
            "The repairs will cost £5 million, the council said."
        );
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.repair.unwrap().contains("windows-1252"));
    }

    #[test]
    fn central_european_and_cyrillic_text_keeps_its_detected_encoding() {
        let polish = decode(
            b"Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1 \xA3\xF3d\xBC",
            false,
        )
        .unwrap();
        assert_eq!(polish.text, "Zażółć gęślą jaźń Łódź");
        let russian = decode(
            b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0, \xec\xee\xf1\xf2 \xf3\xef\xe0\xeb",
            false,
        )
        .unwrap();
        assert_eq!(russian.encoding, "windows-1251");
        assert_eq!(russian.text, "Привет мир, мост упал");
    }

    #[test]
    fn mostly_utf8_keeps_good_characters_and_replaces_the_stray_byte() {
        let mut bytes = "Zoë Ångström said “twelve” — ".as_bytes().to_vec();
        bytes.push(0xA3);
        bytes.extend_from_slice(b"5m");
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "Zoë Ångström said “twelve” — \u{FFFD}5m");
        assert!(d.repair.unwrap().contains("replaced"));
    }

    #[test]
    fn html_meta_charset_decides_a_legacy_page() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xA3\xF3d\xBC</body>";
        let d = decode(page, true).unwrap();
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.contains("Łódź"));
    }

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
        assert_eq!(normalize_newlines("no returns"), "no returns");
    }
}
