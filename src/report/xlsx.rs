//! The spreadsheet report: the CSV's claim table as an Excel workbook (`.xlsx`), written with
//! `rust_xlsxwriter`. It exists because spreadsheets guess a CSV's encoding — LibreOffice's
//! default import ignores the byte-order mark and garbles every non-ASCII letter — while a
//! workbook carries its text as Unicode. Every text cell is stored as a string, which no
//! spreadsheet evaluates, so nothing needs the CSV's `'` guard: `=HYPERLINK(…)` in a note stays
//! the words of the note, and `--02-15` stays a date whose year is unknown.

use super::context::ReportData;
use super::csv::{Cell, HEADER, rows};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::{self, Write};

/// Excel's limit on the characters of one cell; longer text is cut, with an ellipsis.
const MAX_CELL: usize = 32_767;

pub fn write(data: &ReportData<'_>, out: &mut dyn Write) -> io::Result<()> {
    let bytes = workbook(data).map_err(io::Error::other)?;
    out.write_all(&bytes)
}

fn workbook(data: &ReportData<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Claims")?;
    let bold = Format::new().set_bold();
    for (col, name) in (0u16..).zip(HEADER) {
        sheet.write_string_with_format(0, col, name, &bold)?;
    }
    for (row, cells) in (1u32..).zip(rows(data)) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Number(n) => {
                    // Ids and offsets are far below 2^53: exact as a spreadsheet number.
                    sheet.write_number(row, col, n as f64)?;
                }
                Cell::Text(s) if s.is_empty() => {}
                Cell::Text(s) => {
                    sheet.write_string(row, col, clip(&s))?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, 0, HEADER.len() as u16 - 1)?;
    book.save_to_buffer()
}

/// `s`, cut to Excel's cell limit when longer (a very long note or quote).
fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= MAX_CELL {
        return s.into();
    }
    let mut cut: String = s.chars().take(MAX_CELL - 1).collect();
    cut.push('…');
    cut.into()
}
