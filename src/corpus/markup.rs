//! News corpora in markup: the SGML and XML files (`.sgml`, `.sgm`, `.xml`) research
//! collections of newspaper text ship as — TREC and Gigaword (`<DOC>`), Reuters-21578
//! (`<REUTERS>`), RCV1 (`<newsitem>`), NITF — read into documents with a headline, a date, a
//! byline and paragraphs.
//!
//! Such files are SGML as often as XML (end tags left out, unquoted attributes, entities the
//! file never declares), so the parse is lenient: quick-xml with name checks off builds a small
//! tree, and an end tag closes whatever it names that is still open. One file may hold many
//! documents (a TREC or Gigaword file holds hundreds): top-level elements that repeat, or the
//! repeated structured children of a single root, are documents, and each becomes an article.
//! Markup that holds no words of prose (a sitemap, a settings file) gives no document.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One document of a markup file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct MarkupDoc {
    /// Its identifier in the collection (`<DOCNO>`, `itemid`, `NEWID`), when it has one.
    pub id: Option<String>,
    pub title: Option<String>,
    /// The date as the markup writes it (normalised by the caller).
    pub published: Option<String>,
    pub author: Option<String>,
    /// The body's paragraphs, whitespace collapsed inside each.
    pub paragraphs: Vec<String>,
}

impl MarkupDoc {
    /// The article text: the headline on the first line, then the paragraphs, separated by
    /// blank lines, as a plain-text article is written.
    pub fn text(&self) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(self.paragraphs.len() + 1);
        if let Some(t) = &self.title {
            parts.push(t);
        }
        parts.extend(self.paragraphs.iter().map(String::as_str));
        parts.join("\n\n")
    }
}

/// `.sgml`, `.sgm` or `.xml`, in any case.
pub(crate) fn is_markup_name(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            ["sgml", "sgm", "xml"]
                .iter()
                .any(|m| e.eq_ignore_ascii_case(m))
        })
}

/// Elements nested deeper than this are read as siblings at this depth.
const MAX_DEPTH: usize = 256;

/// Fewer words than this in a document's body is metadata, not an article.
const MIN_WORDS: usize = 5;

/// Reads the documents of a markup file. `Err` only when the markup cannot be read at all;
/// an empty list when it holds no prose.
pub(crate) fn read_markup(source: &str) -> Result<Vec<MarkupDoc>, String> {
    let tree = Tree::parse(source)?;
    Ok(tree
        .documents()
        .into_iter()
        .map(|d| tree.document(d))
        .filter(|d| {
            d.paragraphs
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum::<usize>()
                >= MIN_WORDS
        })
        .collect())
}

/// A node's child: an element (index into [`Tree::nodes`]) or text.
#[derive(Debug)]
enum Child {
    Element(usize),
    Text(String),
}

#[derive(Debug)]
struct Node {
    /// Local name, lowercase.
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

/// The whole file as a tree; node 0 is a virtual root holding the top-level elements.
struct Tree {
    nodes: Vec<Node>,
}

/// What an element is to a news document, by its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Date,
    Byline,
    Id,
    /// Codes, indexing and copyright: not prose.
    Metadata,
    /// The container of the story's text.
    Body,
    Other,
}

fn role(name: &str) -> Role {
    match name {
        "title" | "headline" | "hl1" | "hl" | "head" | "hedline" => Role::Title,
        "date" | "date.issue" | "date.release" | "pubdate" => Role::Date,
        "byline" | "author" | "byttl" => Role::Byline,
        "docno" | "docid" => Role::Id,
        "metadata" | "codes" | "copyright" | "rights" | "meta" | "docdata" | "pubdata"
        | "topics" | "places" | "people" | "orgs" | "exchanges" | "companies" | "unknown"
        | "fileid" | "doc.copyright" | "identified-content" | "keyword" | "keywords"
        | "classifier" => Role::Metadata,
        "text" | "body" | "body.content" | "block" | "story" => Role::Body,
        _ => Role::Other,
    }
}

/// Elements whose start and end break a paragraph.
fn is_paragraph(name: &str) -> bool {
    matches!(name, "p" | "para" | "br" | "lp" | "dateline" | "tr" | "li")
}

impl Tree {
    fn parse(source: &str) -> Result<Tree, String> {
        let mut reader = Reader::from_str(source);
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
        let mut nodes = vec![Node {
            name: String::new(),
            attrs: Vec::new(),
            children: Vec::new(),
        }];
        let mut open: Vec<usize> = vec![0];
        let push_text = |nodes: &mut Vec<Node>, open: &[usize], s: &str| {
            // Control characters mark a wire's start and end of text (`&#2;`, `&#3;` in
            // Reuters-21578): never part of the story.
            let s: String = s
                .chars()
                .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
                .collect();
            let s = s.as_str();
            let top = *open.last().expect("the root stays open");
            match nodes[top].children.last_mut() {
                Some(Child::Text(t)) => t.push_str(s),
                _ => nodes[top].children.push(Child::Text(s.to_owned())),
            }
        };
        loop {
            let event = match reader.read_event() {
                Ok(e) => e,
                // A stray `<` in text or a cut-off file: keep what was read.
                Err(_) if nodes.len() > 1 => break,
                Err(e) => return Err(format!("markup could not be read: {e}")),
            };
            match event {
                Event::Start(e) => {
                    let i = element(&mut nodes, &open, &e);
                    // Hostile nesting stops deepening the tree (whose walks recurse): deeper
                    // elements become siblings at the limit.
                    if open.len() < MAX_DEPTH {
                        open.push(i);
                    }
                }
                // A `<br/>` or `<p/>` still breaks the paragraph where it stands.
                Event::Empty(e) => {
                    element(&mut nodes, &open, &e);
                }
                Event::End(e) => {
                    let name = e.local_name().as_ref().to_lowercase();
                    // Close the innermost open element of that name, and everything SGML left
                    // open inside it; an end tag that names nothing open is ignored.
                    if let Some(at) = open.iter().rposition(|&n| n != 0 && nodes[n].name == name) {
                        open.truncate(at);
                    }
                }
                Event::Text(t) => push_text(&mut nodes, &open, &t.xml10_content()),
                Event::CData(t) => push_text(&mut nodes, &open, &t.xml10_content()),
                Event::GeneralRef(r) => {
                    let name = r.xml10_content();
                    let written = format!("&{name};");
                    let decoded = super::html::decode_entities(&written);
                    // An entity no table knows (`&hyph;`, `&blank;` in TREC) reads as a space.
                    let s = if decoded == written { " " } else { &decoded };
                    push_text(&mut nodes, &open, s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Tree { nodes })
    }

    /// The nodes that are documents: the repeated top-level elements; else, under a single
    /// root, its repeated children that have structure of their own; else the root itself.
    fn documents(&self) -> Vec<usize> {
        let top = self.element_children(0);
        if let Some(repeated) = self.repeated(&top, false) {
            return repeated;
        }
        match top.as_slice() {
            [root] => self
                .repeated(&self.element_children(*root), true)
                .unwrap_or(vec![*root]),
            [] => Vec::new(),
            // Several different top-level elements: one document spread over them.
            _ => vec![0],
        }
    }

    /// The elements of `of` whose name occurs at least twice there (and that hold elements
    /// of their own when `structured`), when such a name accounts for most of `of`.
    fn repeated(&self, of: &[usize], structured: bool) -> Option<Vec<usize>> {
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for &n in of {
            *counts.entry(self.nodes[n].name.as_str()).or_default() += 1;
        }
        // The most frequent name; the first in the file among equals.
        let mut best: Option<(&str, usize)> = None;
        for &n in of {
            let name = self.nodes[n].name.as_str();
            let count = counts[name];
            if count >= 2 && best.is_none_or(|(_, c)| count > c) {
                best = Some((name, count));
            }
        }
        let (name, _) = best?;
        if is_paragraph(name) || role(name) != Role::Other {
            return None;
        }
        let docs: Vec<usize> = of
            .iter()
            .copied()
            .filter(|&n| self.nodes[n].name == name)
            .filter(|&n| !structured || !self.element_children(n).is_empty())
            .collect();
        (docs.len() >= 2).then_some(docs)
    }

    fn element_children(&self, n: usize) -> Vec<usize> {
        self.nodes[n]
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Element(i) => Some(*i),
                Child::Text(_) => None,
            })
            .collect()
    }

    /// The first element under `n` (depth first, `n` included) with a role.
    fn find(&self, n: usize, want: Role) -> Option<usize> {
        if role(&self.nodes[n].name) == want {
            return Some(n);
        }
        self.element_children(n)
            .into_iter()
            .find_map(|c| self.find(c, want))
    }

    /// All text under `n`, whitespace collapsed.
    fn flat_text(&self, n: usize) -> String {
        let mut out = String::new();
        self.collect_text(n, &mut out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn collect_text(&self, n: usize, out: &mut String) {
        for c in &self.nodes[n].children {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Element(i) => {
                    out.push(' ');
                    self.collect_text(*i, out);
                    out.push(' ');
                }
            }
        }
    }

    fn attr(&self, n: usize, names: &[&str]) -> Option<String> {
        self.nodes[n]
            .attrs
            .iter()
            .find(|(k, v)| names.contains(&k.as_str()) && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    }

    fn document(&self, d: usize) -> MarkupDoc {
        let nonempty = |s: String| (!s.is_empty()).then_some(s);
        let title = self.first_text(d, Role::Title);
        let published = self
            .find(d, Role::Date)
            .and_then(|n| {
                self.attr(n, &["norm"])
                    .or_else(|| nonempty(self.flat_text(n)))
            })
            .or_else(|| self.attr(d, &["date"]));
        let author = self
            .first_text(d, Role::Byline)
            .map(|b| {
                b.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_owned()
            })
            .map(|b| match b.get(..3) {
                Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim().to_owned(),
                _ => b,
            })
            .filter(|b| !b.is_empty());
        let id = self
            .find(d, Role::Id)
            .and_then(|n| nonempty(self.flat_text(n)))
            .or_else(|| self.attr(d, &["id", "itemid", "newid", "docid"]));
        // The story's text sits in its body element where it has one; else everything that
        // is not a headline, a date, a byline, an identifier or metadata.
        let from = self.find(d, Role::Body).unwrap_or(d);
        let mut paragraphs = Vec::new();
        let mut current = String::new();
        self.paragraphs(from, &mut current, &mut paragraphs);
        end_paragraph(&mut current, &mut paragraphs);
        MarkupDoc {
            id,
            title,
            published,
            author,
            paragraphs,
        }
    }

    /// The text of the first element with `role` under `d` that has any. An element of the
    /// role that holds elements is a header, not the headline (NITF's `<head>` holds its
    /// `<title>`; its `<hedline>` holds `<hl1>`): the search goes on inside it.
    fn first_text(&self, d: usize, want: Role) -> Option<String> {
        let mut stack = vec![d];
        while let Some(n) = stack.pop() {
            if role(&self.nodes[n].name) == want
                && (want != Role::Title || self.element_children(n).is_empty())
            {
                let t = self.flat_text(n);
                if !t.is_empty() {
                    return Some(t);
                }
            }
            stack.extend(self.element_children(n).into_iter().rev());
        }
        None
    }

    fn paragraphs(&self, n: usize, current: &mut String, out: &mut Vec<String>) {
        for c in &self.nodes[n].children {
            match c {
                Child::Text(t) => split_lines(t, current, out),
                Child::Element(i) => {
                    let name = self.nodes[*i].name.as_str();
                    match role(name) {
                        Role::Title | Role::Date | Role::Byline | Role::Id | Role::Metadata => {
                            continue;
                        }
                        Role::Body | Role::Other => {}
                    }
                    let breaks = is_paragraph(name) || role(name) == Role::Body;
                    if breaks {
                        end_paragraph(current, out);
                    } else {
                        current.push(' ');
                    }
                    self.paragraphs(*i, current, out);
                    if breaks {
                        end_paragraph(current, out);
                    } else {
                        current.push(' ');
                    }
                }
            }
        }
    }
}

/// Adds an element (with its attributes) under the innermost open one; returns its index.
fn element(nodes: &mut Vec<Node>, open: &[usize], e: &BytesStart<'_>) -> usize {
    let name = e.local_name().as_ref().to_lowercase();
    let attrs = e
        .html_attributes()
        .flatten()
        .map(|a| {
            let key = a.key.local_name().as_ref().to_lowercase();
            let value = super::html::decode_entities(&a.value);
            (key, value)
        })
        .collect();
    let i = nodes.len();
    nodes.push(Node {
        name,
        attrs,
        children: Vec::new(),
    });
    let parent = *open.last().expect("the root stays open");
    nodes[parent].children.push(Child::Element(i));
    i
}

/// Feeds raw text into paragraphs: a blank line, or a line indented after a line break (how
/// wire copy in TREC and Reuters marks a new paragraph), starts a new one; other line breaks
/// are wrapping.
fn split_lines(text: &str, current: &mut String, out: &mut Vec<String>) {
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            let indented = line.starts_with([' ', '\t']) && !line.trim().is_empty();
            if line.trim().is_empty() || indented {
                end_paragraph(current, out);
            } else {
                current.push(' ');
            }
        }
        current.push_str(line);
    }
}

fn end_paragraph(current: &mut String, out: &mut Vec<String>) {
    let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !p.is_empty() {
        out.push(p);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trec_file_gives_one_document_per_doc_with_its_number_and_paragraphs() {
        let src = "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<HEAD>Jury Convicts Man</HEAD>\n\
                   <TEXT>\n   A jury on Friday convicted a man of theft\nafter a short trial.\n\
                   \n   The judge set sentencing for March.\n</TEXT>\n</DOC>\n\
                   <DOC>\n<DOCNO> AP880212-0002 </DOCNO>\n<TEXT>\nFloods closed 12 roads &amp; \
                   two bridges on Sunday, police said.\n</TEXT>\n</DOC>\n";
        let docs = read_markup(src).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id.as_deref(), Some("AP880212-0001"));
        assert_eq!(docs[0].title.as_deref(), Some("Jury Convicts Man"));
        assert_eq!(
            docs[0].paragraphs,
            [
                "A jury on Friday convicted a man of theft after a short trial.",
                "The judge set sentencing for March."
            ]
        );
        assert_eq!(docs[1].title, None);
        assert_eq!(
            docs[1].paragraphs,
            ["Floods closed 12 roads & two bridges on Sunday, police said."]
        );
    }

    #[test]
    fn rcv1_item_reads_headline_date_byline_and_paragraphs_not_codes() {
        let src = r#"<?xml version="1.0" encoding="iso-8859-1" ?>
<newsitem itemid="2286" id="root" date="1996-08-20" xml:lang="en">
<title>USA: Tylan stock jumps.</title>
<headline>Tylan stock jumps; weighs sale of company.</headline>
<byline>By Jane Doe</byline>
<dateline>SAN DIEGO</dateline>
<text>
<p>The stock of Tylan General Inc. jumped Tuesday after the maker of process-management equipment said it is exploring the sale of the company.</p>
<p>The company said it has not made any decision.</p>
</text>
<copyright>(c) Reuters Limited 1996</copyright>
<metadata><codes class="bip:topics:1.0"><code code="C15"/></codes></metadata>
</newsitem>"#;
        let docs = read_markup(src).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id.as_deref(), Some("2286"));
        assert_eq!(d.title.as_deref(), Some("USA: Tylan stock jumps."));
        assert_eq!(d.published.as_deref(), Some("1996-08-20"));
        assert_eq!(d.author.as_deref(), Some("Jane Doe"));
        assert_eq!(d.paragraphs.len(), 2, "{:?}", d.paragraphs);
        assert!(!d.text().contains("Reuters Limited"));
        assert!(
            d.text()
                .starts_with("USA: Tylan stock jumps.\n\nThe stock of Tylan")
        );
    }

    #[test]
    fn sgml_left_open_and_unknown_entities_still_read() {
        // End tags left out, an unquoted attribute, an entity nobody declared.
        let src = "<DOC id=7>\n<HEADLINE>Council backs plan</HEADLINE>\n<TEXT>\n<P>The council \
                   voted 9&hyph;2 on Monday to back the plan.\n<P>Opponents said they would \
                   appeal the decision.\n</TEXT>\n</DOC>";
        let docs = read_markup(src).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id.as_deref(), Some("7"));
        assert_eq!(
            docs[0].paragraphs,
            [
                "The council voted 9 2 on Monday to back the plan.",
                "Opponents said they would appeal the decision."
            ]
        );
    }

    #[test]
    fn markup_without_prose_gives_no_document() {
        let sitemap = r#"<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url><url><loc>https://example.org/b</loc></url></urlset>"#;
        assert!(read_markup(sitemap).unwrap().is_empty());
    }

    #[test]
    fn hostile_nesting_neither_overflows_nor_loses_the_text() {
        let src = format!(
            "<doc>{}Deeply nested words still read as text here.{}</doc>",
            "<a>".repeat(200_000),
            "</a>".repeat(200_000)
        );
        let docs = read_markup(&src).unwrap();
        assert_eq!(
            docs[0].paragraphs,
            ["Deeply nested words still read as text here."]
        );
    }

    #[test]
    fn names_read_as_markup() {
        assert!(is_markup_name("a.SGML") && is_markup_name("b.sgm") && is_markup_name("c.xml"));
        assert!(!is_markup_name("d.html") && !is_markup_name("e.txt"));
    }
}
