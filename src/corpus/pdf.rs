//! PDF files → paragraphs of text, with title, author and date from the document information.
//!
//! Text comes from `pdf-extract` (on `lopdf`), page by page, in the order the page draws it.
//! Then the page furniture goes: a line that repeats at the top or bottom of most pages (a
//! running header or footer, page numbers allowed to differ) and lines that are only a page
//! number. Lines are joined into paragraphs (a blank line ends one), a word broken by a hyphen
//! at the end of a line is mended, and a paragraph that runs on to the next page is joined.
//!
//! The PDF parser is third-party code fed untrusted bytes; a panic inside it is caught and
//! reported as a damaged file, so one bad PDF never stops an import.

use std::collections::HashMap;

/// What a PDF holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PdfDocument {
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date-time from the creation date.
    pub published: Option<String>,
}

/// Why a PDF gives no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfProblem {
    /// Encrypted with a password we do not have.
    Encrypted,
    /// Pages without text: a scan or images only.
    NoTextLayer,
    /// Not a PDF we can read.
    Damaged(String),
}

impl std::fmt::Display for PdfProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfProblem::Encrypted => write!(f, "encrypted PDF (needs a password), not read"),
            PdfProblem::NoTextLayer => {
                write!(
                    f,
                    "no text layer — scanned? Run OCR on it and import it again"
                )
            }
            PdfProblem::Damaged(why) => write!(f, "damaged or unsupported PDF ({why})"),
        }
    }
}

/// Reads the text and document information of a PDF.
pub fn read_pdf(bytes: &[u8]) -> Result<PdfDocument, PdfProblem> {
    let mut doc = std::panic::catch_unwind(|| lopdf::Document::load_mem(bytes))
        .map_err(|_| PdfProblem::Damaged("the PDF parser gave up".into()))?
        .map_err(|e| PdfProblem::Damaged(e.to_string()))?;
    // Many PDFs are encrypted with an empty user password (only printing or copying is
    // restricted): those open; one that needs a real password is skipped.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfProblem::Encrypted);
    }
    let info = information(&doc);
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| PdfProblem::Damaged("the text extractor gave up".into()))?
        .map_err(|e| PdfProblem::Damaged(e.to_string()))?;
    let text = pages_to_text(&pages);
    if text.trim().is_empty() {
        return Err(PdfProblem::NoTextLayer);
    }
    Ok(PdfDocument {
        text,
        title: info.get("Title").cloned(),
        author: info.get("Author").cloned(),
        published: info.get("CreationDate").and_then(|d| pdf_date(d)),
    })
}

/// The `/Info` dictionary's text entries.
fn information(doc: &lopdf::Document) -> HashMap<&'static str, String> {
    let mut out = HashMap::new();
    let Ok(info) = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(lopdf::Object::as_dict)
    else {
        return out;
    };
    for key in ["Title", "Author", "CreationDate"] {
        if let Ok(v) = info.get_deref(key.as_bytes(), doc)
            && let Ok(s) = lopdf::decode_text_string(v)
        {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if !s.is_empty() {
                out.insert(key, s);
            }
        }
    }
    out
}

/// `D:20240326121100+03'00'` → `2024-03-26T12:11:00+03:00` (as much as is given).
pub fn pdf_date(s: &str) -> Option<String> {
    let s = s.trim().strip_prefix("D:").unwrap_or(s.trim());
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    let (y, m, d) = (
        digits[0..4].parse().ok()?,
        digits[4..6].parse().ok()?,
        digits[6..8].parse().ok()?,
    );
    if !super::detect::is_valid_date(y, m, d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    if digits.len() < 12 {
        return Some(date);
    }
    let sec = if digits.len() >= 14 {
        &digits[12..14]
    } else {
        "00"
    };
    let time = format!("{}:{}:{sec}", &digits[8..10], &digits[10..12]);
    let rest = &s[digits.len()..];
    let zone = match rest.chars().next() {
        Some('Z') => "Z".to_owned(),
        Some(sign @ ('+' | '-')) => {
            let z: String = rest[1..]
                .chars()
                .filter(char::is_ascii_digit)
                .take(4)
                .collect();
            if z.len() == 4 {
                format!("{sign}{}:{}", &z[..2], &z[2..])
            } else {
                String::new()
            }
        }
        _ => String::new(),
    };
    Some(format!("{date}T{time}{zone}"))
}

/// A line as a running header or footer is recognised across pages: digits stand for any
/// number, so "Page 3 of 12" and "Page 4 of 12" are the same line.
fn furniture_key(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// A line that is only a page number: "7", "- 7 -", "Page 7", "Page 7 of 12", "7/12".
fn is_page_number(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    let l = l.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let l = l.strip_prefix("page").unwrap_or(l).trim();
    !l.is_empty()
        && l.chars().any(|c| c.is_ascii_digit())
        && l.split(|c: char| c.is_whitespace() || c == '/')
            .all(|w| w.is_empty() || w == "of" || w.chars().all(|c| c.is_ascii_digit()))
}

/// How many lines at each end of a page can be a running header or footer.
const EDGE_LINES: usize = 2;

/// Joins pages into paragraphs without their headers, footers and page numbers.
pub fn pages_to_text(pages: &[String]) -> String {
    let lines: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect())
        .collect();
    // Keys of edge lines, counted once per page.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in &lines {
        let content: Vec<&&str> = page.iter().filter(|l| !l.trim().is_empty()).collect();
        let n = content.len();
        let mut keys: Vec<String> = content
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < EDGE_LINES || *i + EDGE_LINES >= n)
            .map(|(_, l)| furniture_key(l))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let repeated = |line: &str| {
        pages.len() >= 3 && seen.get(&furniture_key(line)).copied().unwrap_or(0) * 2 > pages.len()
    };

    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for page in &lines {
        let content_idx: Vec<usize> = (0..page.len())
            .filter(|&i| !page[i].trim().is_empty())
            .collect();
        let n = content_idx.len();
        // The page without its furniture; blank lines kept, except at its ends, so the gap
        // above a footer never reads as the end of a paragraph.
        let kept: Vec<&str> = page
            .iter()
            .enumerate()
            .filter(|(i, line)| {
                let line = line.trim();
                if line.is_empty() {
                    return true;
                }
                let rank = content_idx.iter().position(|j| j == i).unwrap_or(0);
                let at_edge = rank < EDGE_LINES || rank + EDGE_LINES >= n;
                !(is_page_number(line) || (at_edge && repeated(line)))
            })
            .map(|(_, l)| l.trim())
            .collect();
        let first = kept
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(kept.len());
        let last = kept
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(first, |i| i + 1);
        for line in &kept[first..last] {
            if line.is_empty() {
                end_paragraph(&mut paragraphs, &mut current);
            } else {
                join_line(&mut current, line);
            }
        }
        // A paragraph that does not end a sentence runs on to the next page.
        if current.ends_with(['.', '!', '?', '"', '”', ':']) {
            end_paragraph(&mut paragraphs, &mut current);
        }
    }
    end_paragraph(&mut paragraphs, &mut current);
    paragraphs.join("\n\n")
}

fn end_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    let p = current.trim();
    if !p.is_empty() {
        paragraphs.push(p.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    current.clear();
}

/// Appends a line to a paragraph, mending a word hyphenated across the break ("com-" +
/// "mittee"); a hyphen before a capital or a digit ("Franco-" + "German", "COVID-" + "19")
/// stays.
fn join_line(current: &mut String, line: &str) {
    if current.is_empty() {
        current.push_str(line);
        return;
    }
    let broken_word = current.ends_with('-')
        && current
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if broken_word {
        current.pop();
    } else if !current.ends_with('-') {
        // After a hyphen that belongs to the word, the next line follows without a space.
        current.push(' ');
    }
    current.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(header: &str, body: &str, n: usize) -> String {
        format!("{header}\n\n{body}\n\nPage {n} of 3\n")
    }

    #[test]
    fn running_headers_and_page_numbers_go_and_paragraphs_join_across_lines_and_pages() {
        let pages = vec![
            page(
                "MINISTRY OF EMERGENCIES — PRESS RELEASE",
                "Rescue teams recovered 14 bodies from the river on Tues-\nday, the regional com-\nmittee said.\n\nThe search for six missing people continues and",
                1,
            ),
            page(
                "MINISTRY OF EMERGENCIES — PRESS RELEASE",
                "will resume at dawn with 120 divers.\n\nFranco-\nGerman teams joined the COVID-\n19 field hospital.",
                2,
            ),
            page(
                "MINISTRY OF EMERGENCIES — PRESS RELEASE",
                "Contact: press office.",
                3,
            ),
        ];
        let text = pages_to_text(&pages);
        assert_eq!(
            text,
            "Rescue teams recovered 14 bodies from the river on Tuesday, the regional committee \
             said.\n\nThe search for six missing people continues and will resume at dawn with \
             120 divers.\n\nFranco-German teams joined the COVID-19 field hospital.\n\n\
             Contact: press office."
        );
    }

    #[test]
    fn a_short_document_keeps_a_line_that_only_looks_repeated() {
        let pages = vec!["Summary\n\nThe toll is 139.".to_owned()];
        assert_eq!(pages_to_text(&pages), "Summary\n\nThe toll is 139.");
    }

    #[test]
    fn pdf_dates_become_iso() {
        assert_eq!(
            pdf_date("D:20240326121100+03'00'").as_deref(),
            Some("2024-03-26T12:11:00+03:00")
        );
        assert_eq!(pdf_date("D:20240326").as_deref(), Some("2024-03-26"));
        assert_eq!(
            pdf_date("D:202403261211Z").as_deref(),
            Some("2024-03-26T12:11:00Z")
        );
        assert_eq!(pdf_date("D:20240231"), None);
        assert_eq!(pdf_date("yesterday"), None);
    }

    #[test]
    fn garbage_is_a_damaged_pdf_not_a_panic() {
        assert!(matches!(
            read_pdf(b"%PDF-1.4 not really"),
            Err(PdfProblem::Damaged(_))
        ));
        assert!(matches!(read_pdf(&[0xff; 64]), Err(PdfProblem::Damaged(_))));
    }
}
