//! Decoding files on import: byte-order marks, UTF-16, legacy encodings, line endings, HTML.

#![allow(clippy::unwrap_used)]

use crosscheck::corpus::{ImportReport, WarningKind, import_folder};
use std::fs;

fn import_one(name: &str, bytes: &[u8]) -> ImportReport {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), bytes).unwrap();
    import_folder(dir.path()).unwrap()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

const TEXT: &str = "Kiosk fire in Kestrelton\n\nZoë Marr said the Тихий kiosk lost £200.\n";

#[test]
fn utf8_with_a_bom_loses_the_bom_without_a_warning() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(TEXT.as_bytes());
    let r = import_one("bom.txt", &bytes);
    let a = &r.articles[0];
    assert_eq!(a.text, TEXT);
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(a.title, "Kiosk fire in Kestrelton");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn utf16_little_and_big_endian_with_bom() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let r = import_one("wide.txt", &utf16(&TEXT.replace('\n', "\r\n"), big_endian));
        let a = &r.articles[0];
        assert_eq!(a.text, TEXT, "{name}");
        assert_eq!(a.encoding, name);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }
}

#[test]
fn latin1_pound_in_english_text_comes_out_as_pound_with_a_repair_warning() {
    let r = import_one(
        "latin1.txt",
        b"Kiosk fire in Kestrelton\n\nThe owner put the damage at \xA3200, the insurer at \xA3150.\n",
    );
    let a = &r.articles[0];
    assert!(
        a.text.contains("damage at £200, the insurer at £150."),
        "{}",
        a.text
    );
    assert_eq!(a.encoding, "windows-1252");
    let w = &r.warnings[0];
    assert_eq!(
        (w.path.as_str(), w.kind),
        ("latin1.txt", WarningKind::Repaired)
    );
    assert!(w.message.contains("windows-1252"), "{w}");
    assert_eq!(r.articles.len(), 1, "a repaired file is still imported");
}

#[test]
fn windows_1252_curly_quotes_and_dashes() {
    let r = import_one(
        "quotes.txt",
        b"Kiosk fire in Kestrelton\r\n\r\n\x93It\x92s gone,\x94 the owner said \x96 twice.\r\n",
    );
    assert_eq!(
        r.articles[0].text,
        "Kiosk fire in Kestrelton\n\n“It’s gone,” the owner said – twice.\n"
    );
    assert_eq!(r.articles[0].encoding, "windows-1252");
}

#[test]
fn a_stray_invalid_byte_in_utf8_is_replaced_and_reported() {
    let mut bytes = TEXT.as_bytes().to_vec();
    bytes.extend_from_slice(b"Loss: \xFF\n");
    let r = import_one("stray.txt", &bytes);
    let a = &r.articles[0];
    assert_eq!(a.encoding, "UTF-8");
    assert!(
        a.text.starts_with(TEXT),
        "good characters are kept: {}",
        a.text
    );
    assert!(a.text.ends_with("Loss: \u{FFFD}\n"));
    assert_eq!(r.warnings[0].kind, WarningKind::Repaired);
}

#[test]
fn crlf_and_lone_cr_become_lf_and_offsets_follow_the_stored_text() {
    let r = import_one(
        "mac.txt",
        b"Kiosk fire in Kestrelton\r\rLine one\r\nLine two\rEnd",
    );
    let a = &r.articles[0];
    assert_eq!(
        a.text,
        "Kiosk fire in Kestrelton\n\nLine one\nLine two\nEnd"
    );
    assert!(!a.text.contains('\r'));
    assert_eq!(a.char_len(), a.text.chars().count());
}

#[test]
fn html_pages_are_reduced_to_their_readable_text() {
    let page = "<!DOCTYPE html>\r\n<html><head><title>Site name</title>\
        <script>document.write('<p>ad</p>')</script><style>h1 { color: red }</style></head>\
        <body><nav><a href=/>Home</a></nav>\
        <h1>Kiosk fire in Kestrelton</h1>\
        <p class=\"lead\">Zo&euml; Marr said the loss was &pound;200&nbsp;000 &mdash; \
        &#8220;all of it&#8221;.</p><ul><li>One</li><li>Two</li></ul></body></html>";
    let r = import_one("page.HTML", page.as_bytes());
    let a = &r.articles[0];
    assert_eq!(
        a.text,
        "Home\n\nKiosk fire in Kestrelton\n\nZoë Marr said the loss was £200\u{A0}000 — “all of it”.\n\nOne\nTwo"
    );
    assert_eq!(a.title, "Kiosk fire in Kestrelton");
}
