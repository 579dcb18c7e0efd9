//! Word (`.docx`) and OpenDocument (`.odt`) files → text and their document properties.
//!
//! Both are ZIP archives of XML. The body (`word/document.xml`, `content.xml`) is read with a
//! streaming XML reader: each paragraph or heading becomes a paragraph of our text (blank line
//! between), list items are marked with "• ", and each table row becomes one line of
//! tab-separated cells. Tracked deletions and field codes are not text and are left out. Title,
//! author and date come from the document properties (`docProps/core.xml`, `meta.xml`) where
//! they are set.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The largest XML part we read out of an archive (a guard against ZIP bombs).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// What a document holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficeDocument {
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date or date-time from the properties.
    pub published: Option<String>,
}

/// Which kind of document a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeKind {
    Docx,
    Odt,
}

impl OfficeKind {
    /// The kind a file name says, by its extension.
    pub fn of_name(name: &str) -> Option<OfficeKind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Some(OfficeKind::Docx),
            "odt" => Some(OfficeKind::Odt),
            _ => None,
        }
    }
}

/// Reads a document, or says in a few words why it cannot be read.
pub fn read_office(kind: OfficeKind, bytes: &[u8]) -> Result<OfficeDocument, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable document archive ({e})"))?;
    let (body, props) = match kind {
        OfficeKind::Docx => ("word/document.xml", "docProps/core.xml"),
        OfficeKind::Odt => ("content.xml", "meta.xml"),
    };
    let xml = part(&mut zip, body)?.ok_or_else(|| format!("no {body} in the archive"))?;
    let text = body_text(kind, &xml).map_err(|e| format!("damaged {body} ({e})"))?;
    let mut doc = OfficeDocument {
        text,
        ..Default::default()
    };
    if let Ok(Some(xml)) = part(&mut zip, props) {
        properties(&xml, &mut doc);
    }
    Ok(doc)
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read {name} ({e})")),
    };
    if file.encrypted() {
        return Err("the document is encrypted".into());
    }
    let mut out = String::new();
    file.take(MAX_PART_BYTES)
        .read_to_string(&mut out)
        .map_err(|e| format!("cannot read {name} ({e})"))?;
    Ok(Some(out))
}

/// What an element means for the text, by its local name in the document's vocabulary.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Paragraph,
    ListItem,
    Table,
    Row,
    Cell,
    Text,
    Tab,
    Break,
    /// Deleted text, field codes, notes: never text.
    Hidden,
    Other,
}

fn role(kind: OfficeKind, name: &str) -> Role {
    match (kind, name) {
        (OfficeKind::Docx, "p") => Role::Paragraph,
        (OfficeKind::Docx, "tbl") => Role::Table,
        (OfficeKind::Docx, "tr") => Role::Row,
        (OfficeKind::Docx, "tc") => Role::Cell,
        (OfficeKind::Docx, "t") => Role::Text,
        (OfficeKind::Docx, "tab") => Role::Tab,
        (OfficeKind::Docx, "br" | "cr") => Role::Break,
        (OfficeKind::Docx, "delText" | "instrText" | "footnoteReference") => Role::Hidden,
        (OfficeKind::Odt, "p" | "h") => Role::Paragraph,
        (OfficeKind::Odt, "list-item") => Role::ListItem,
        (OfficeKind::Odt, "table") => Role::Table,
        (OfficeKind::Odt, "table-row") => Role::Row,
        (OfficeKind::Odt, "table-cell") => Role::Cell,
        (OfficeKind::Odt, "tab") => Role::Tab,
        (OfficeKind::Odt, "line-break") => Role::Break,
        (OfficeKind::Odt, "note" | "tracked-changes" | "annotation") => Role::Hidden,
        _ => Role::Other,
    }
}

/// Builds the text: paragraphs, list marks, tables as tab-separated rows.
#[derive(Default)]
struct TextBuilder {
    blocks: Vec<String>,
    paragraph: String,
    /// Cells of the row being read, and the rows of the table being read.
    cells: Vec<String>,
    rows: Vec<String>,
    table_depth: usize,
    list_item: bool,
    hidden: usize,
}

impl TextBuilder {
    fn end_paragraph(&mut self) {
        let p = tidy_line(&std::mem::take(&mut self.paragraph));
        if p.is_empty() {
            return;
        }
        if self.table_depth > 0 {
            // Paragraphs inside a cell join with a space.
            let cell = self.cells.last_mut();
            match cell {
                Some(c) if !c.is_empty() => {
                    c.push(' ');
                    c.push_str(&p);
                }
                Some(c) => c.push_str(&p),
                None => self.cells.push(p),
            }
        } else if self.list_item {
            self.blocks.push(format!("• {p}"));
        } else {
            self.blocks.push(p);
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.blocks.join("\n\n")
    }
}

/// Spaces collapsed, but tabs and line breaks kept.
fn tidy_line(s: &str) -> String {
    s.split('\n')
        .map(|line| {
            line.split('\t')
                .map(|part| {
                    part.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

fn body_text(kind: OfficeKind, xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut b = TextBuilder::default();
    let mut in_text = kind == OfficeKind::Odt;
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                let name = e.local_name();
                let r = role(kind, name.as_ref());
                // Inside a note or a deletion only the nesting of hidden parts matters.
                if b.hidden > 0 && r != Role::Hidden {
                    continue;
                }
                match r {
                    Role::Hidden => b.hidden += 1,
                    Role::Table => {
                        b.end_paragraph();
                        b.table_depth += 1;
                    }
                    Role::Paragraph => b.end_paragraph(),
                    Role::ListItem => b.list_item = true,
                    Role::Row => b.cells.clear(),
                    Role::Cell => b.cells.push(String::new()),
                    Role::Text => in_text = true,
                    // A Word list paragraph says so in its properties, before its text.
                    _ if kind == OfficeKind::Docx && name.as_ref() == "numPr" => {
                        b.list_item = true;
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if b.hidden > 0 {
                    continue;
                }
                match role(kind, e.local_name().as_ref()) {
                    Role::Tab => b.paragraph.push('\t'),
                    Role::Break => b.paragraph.push('\n'),
                    Role::Paragraph => b.end_paragraph(),
                    _ if kind == OfficeKind::Docx && e.local_name().as_ref() == "numPr" => {
                        b.list_item = true;
                    }
                    _ if kind == OfficeKind::Odt && e.local_name().as_ref() == "s" => {
                        let n = attr(&e, "c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1)
                            .min(64);
                        b.paragraph.push_str(&" ".repeat(n));
                    }
                    _ => {}
                }
            }
            Event::End(e) => match role(kind, e.local_name().as_ref()) {
                Role::Hidden => b.hidden = b.hidden.saturating_sub(1),
                _ if b.hidden > 0 => {}
                Role::Paragraph => {
                    b.end_paragraph();
                    if kind == OfficeKind::Docx {
                        b.list_item = false;
                    }
                }
                Role::ListItem => b.list_item = false,
                Role::Cell => b.end_paragraph(),
                Role::Row => {
                    let row = std::mem::take(&mut b.cells).join("\t");
                    if !row.trim().is_empty() {
                        b.rows.push(row);
                    }
                }
                Role::Table => {
                    b.table_depth = b.table_depth.saturating_sub(1);
                    // A table nested in a cell stays part of the outer table's rows.
                    if b.table_depth == 0 && !b.rows.is_empty() {
                        b.blocks.push(std::mem::take(&mut b.rows).join("\n"));
                    }
                }
                Role::Text if kind == OfficeKind::Docx => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text && b.hidden == 0 => {
                b.paragraph.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text && b.hidden == 0 => {
                if let Some(c) = entity(&r) {
                    b.paragraph.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(b.finish())
}

fn entity(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.xml10_content().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.local_name();
        (key.as_ref() == local)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// Title, author and date from `docProps/core.xml` or `meta.xml`.
fn properties(xml: &str, doc: &mut OfficeDocument) {
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    let mut value = String::new();
    let mut created = None;
    let mut modified = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                current = Some(e.local_name().as_ref().to_owned());
                value.clear();
            }
            Ok(Event::Text(t)) if current.is_some() => value.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if current.is_some() => value.extend(entity(&r)),
            Ok(Event::End(_)) => {
                let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
                match current.take().as_deref() {
                    _ if v.is_empty() => {}
                    Some("title") => doc.title = Some(v),
                    Some("creator" | "initial-creator") if doc.author.is_none() => {
                        doc.author = Some(v);
                    }
                    Some("created" | "creation-date") => created = Some(v),
                    Some("modified" | "date") => modified = Some(v),
                    _ => {}
                }
                value.clear();
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    doc.published = created
        .or(modified)
        .and_then(|d| super::page::normalise_date(&d));
}
