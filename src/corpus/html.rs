//! A small HTML reducer: the readable text of a page, one paragraph per block.
//!
//! It is not a full HTML parser and does not need to be: it drops `<head>`, `<script>`,
//! `<style>` and similar containers with their content, turns block elements into line breaks
//! (a blank line between paragraphs, as in the plain-text articles), collapses whitespace
//! outside `<pre>`, and decodes character references. Unknown or broken markup degrades to
//! text rather than failing.

/// Elements whose content is never readable article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
    "button", "title",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Blocks separated from their neighbours by a blank line rather than a single break.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "table",
    "ul",
    "ol",
];

/// The readable text of an HTML document.
pub fn reduce(html: &str) -> String {
    let mut out = Builder::default();
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    let mut pre_depth = 0usize;
    let mut honour_quotes = true;

    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                out.text(rest, pre_depth > 0);
            }
            break;
        };
        if skip_until.is_none() {
            out.text(&rest[..lt], pre_depth > 0);
        }
        rest = &rest[lt..];

        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let mut parsed = parse_tag(rest, honour_quotes);
        if matches!(parsed, Err(NotATag::Unterminated)) && honour_quotes {
            // A quote that never closes (`title='Don't'`): read the page's tags without
            // quotes from here on, so no later `<` rescans to the end (quadratic).
            honour_quotes = false;
            parsed = parse_tag(rest, false);
        }
        let tag = match parsed {
            Ok(tag) => tag,
            // A `<` that opens no tag ("a < b") is text.
            Err(NotATag::Text) => {
                if skip_until.is_none() {
                    out.text("<", pre_depth > 0);
                }
                rest = &rest[1..];
                continue;
            }
            // Neither `>` nor `<` follows: no tag can start after this, the rest is text.
            Err(NotATag::Unterminated) => {
                if skip_until.is_none() {
                    out.text(rest, pre_depth > 0);
                }
                break;
            }
        };
        rest = &rest[tag.len..];

        if let Some(name) = &skip_until {
            if tag.closing && tag.name == *name {
                skip_until = None;
            }
            continue;
        }
        let name = tag.name.as_str();
        if !tag.closing && !tag.self_closing && SKIPPED.contains(&name) {
            skip_until = Some(tag.name.clone());
            continue;
        }
        if name == "br" {
            out.line_break();
        } else if BLOCKS.contains(&name) {
            if name == "pre" {
                if tag.closing {
                    pre_depth = pre_depth.saturating_sub(1);
                } else {
                    pre_depth += 1;
                }
            }
            if PARAGRAPHS.contains(&name) {
                out.paragraph_break();
            } else {
                out.line_break();
            }
        }
    }
    out.finish()
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Bytes from `<` to just past `>`.
    len: usize,
}

/// Why a `<` does not start a tag.
enum NotATag {
    /// It is followed by no name, or another `<` comes before its `>`.
    Text,
    /// Its `>` never comes (a quoted value runs to the end).
    Unterminated,
}

/// Parses the tag at the start of `s` (which starts with `<`).
///
/// Outside quoted values the scan for `>` stops at the next `<`, so broken markup such as
/// `<div<div<div…` costs linear time; inside quotes (when `honour_quotes`) it runs to the
/// closing quote.
fn parse_tag(s: &str, honour_quotes: bool) -> Result<Tag, NotATag> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    // `<!DOCTYPE …>` and `<?xml …?>` carry no text; treat them as a nameless tag.
    let declaration = matches!(bytes.get(i), Some(b'!' | b'?'));
    if !declaration && !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return Err(NotATag::Text);
    }
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'!' | b'?'))
    {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    // Find the closing `>`, stepping over quoted attribute values that may contain one.
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if honour_quotes => quote = Some(b),
            (None, b'<') => return Err(NotATag::Text),
            (None, b'>') => {
                let self_closing = i > 0 && bytes[i - 1] == b'/';
                return Ok(Tag {
                    name: if declaration { String::new() } else { name },
                    closing,
                    self_closing,
                    len: i + 1,
                });
            }
            _ => {}
        }
        i += 1;
    }
    Err(NotATag::Unterminated)
}

/// Accumulates text, collapsing whitespace and keeping at most one blank line.
#[derive(Default)]
struct Builder {
    out: String,
    /// Breaks wanted before the next text: 0 none, 1 new line, 2 blank line.
    pending_breaks: u8,
    pending_space: bool,
}

impl Builder {
    fn text(&mut self, raw: &str, preformatted: bool) {
        let mut decoded = decode_entities(raw);
        // A soft hyphen only says where a browser may break a long word; left in, it splits
        // the word for search, quotes and text reuse ("réac\u{ad}tion" is not "réaction").
        if decoded.contains('\u{ad}') {
            decoded.retain(|c| c != '\u{ad}');
        }
        if preformatted {
            for (i, line) in decoded.split('\n').enumerate() {
                if i > 0 {
                    self.line_break();
                }
                // Untrimmed: a text node of spaces between two highlighted tokens
                // (`<span>from</span> <span>os</span>`) is the space between the words.
                // Spaces at a line's end go in `finish`.
                if !line.is_empty() {
                    self.flush_breaks();
                    self.out.push_str(line);
                }
            }
            return;
        }
        // Only ASCII whitespace collapses: a no-break space is kept, as in text files, since
        // it often sits inside figures ("12\u{a0}000").
        for (i, word) in decoded.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.flush_breaks();
            if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push_str(word);
        }
    }

    fn flush_breaks(&mut self) {
        if !self.out.is_empty() {
            for _ in 0..self.pending_breaks {
                self.out.push('\n');
            }
        }
        if self.pending_breaks > 0 {
            self.pending_space = false;
        }
        self.pending_breaks = 0;
    }

    fn line_break(&mut self) {
        self.pending_breaks = self.pending_breaks.max(1);
    }

    fn paragraph_break(&mut self) {
        self.pending_breaks = 2;
    }

    /// The text, with lines holding only spaces (`<p>&nbsp;</p>` spacers) emptied, spaces and
    /// tabs at line ends dropped, and at most one blank line in a row.
    fn finish(self) -> String {
        let mut out = String::with_capacity(self.out.len());
        let mut blank_run = 0;
        for line in self.out.split('\n') {
            if line.trim().is_empty() {
                blank_run += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
            }
            blank_run = 0;
            out.push_str(line.trim_end_matches([' ', '\t']));
        }
        out
    }
}

/// Decodes character references: `&amp;`, `&#8212;`, `&#x2014;` and common named ones.
/// An unknown or malformed reference is kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest
            .char_indices()
            .skip(1)
            .take(32)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .map(|(i, _)| i);
        let (body, len) = match end {
            Some(e) if rest[e..].starts_with(';') => (&rest[1..e], e + 1),
            // A few old pages omit the semicolon; accept that only for the basics.
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        let with_semicolon = rest[..len].ends_with(';');
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let value = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            value.and_then(numeric_char)
        } else if with_semicolon {
            named_entity(body)
        } else {
            matches!(body, "amp" | "lt" | "gt" | "quot" | "nbsp")
                .then(|| named_entity(body))
                .flatten()
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn numeric_char(value: u32) -> Option<char> {
    // Browsers read references to C1 controls as windows-1252, which old pages rely on.
    if (0x80..=0x9F).contains(&value) {
        let byte = [value as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return s.chars().next();
    }
    match value {
        0 => Some('\u{FFFD}'),
        v => char::from_u32(v),
    }
}

fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "bull" => '•',
        "middot" => '·',
        "shy" => '\u{AD}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "permil" => '‰',
        "pound" => '£',
        "euro" => '€',
        "cent" => '¢',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "prime" => '′',
        "Prime" => '″',
        "iexcl" => '¡',
        "iquest" => '¿',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "szlig" => 'ß',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "yacute" => 'ý',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_head_script_and_style_and_breaks_blocks() {
        let page = "<!DOCTYPE html><html><head><title>Site</title><style>p{color:red}</style></head>\
            <body><script>var a = '<p>no</p>';</script>\
            <h1>Bridge collapses in Varnholm</h1>\n<p>At least <b>14</b> people\n   were killed.</p>\
            <p>Officials said&nbsp;12 &mdash; not 14.<br>More soon.</p><!-- <p>hidden</p> --></body></html>";
        assert_eq!(
            reduce(page),
            "Bridge collapses in Varnholm\n\nAt least 14 people were killed.\n\n\
             Officials said\u{A0}12 — not 14.\nMore soon."
        );
    }

    #[test]
    fn broken_tags_degrade_to_text_in_linear_time() {
        assert_eq!(reduce("<p>Open 139 <div<div<b>x</b>"), "Open 139 <div<divx");
        // An apostrophe read as an opening quote does not swallow the tags after it.
        assert_eq!(
            reduce("<p><a title='Don't stop'>Toll</a> 139</p><p>Next</p>"),
            "Toll 139\n\nNext"
        );
        assert_eq!(reduce("a <b then"), "a <b then");
        let started = std::time::Instant::now();
        let hostile = format!(
            "<p>x</p>{}{}",
            "<a title=\"".repeat(20_000),
            "<div".repeat(20_000)
        );
        assert!(reduce(&hostile).starts_with("x\n\n<a title="));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn entities_numeric_named_and_malformed() {
        assert_eq!(
            decode_entities("Zo&euml; &amp; &#1052;&#x43E;&#x441;&#x442; &#150; &bogus; AT&T"),
            "Zoë & Мост – &bogus; AT&T"
        );
    }

    #[test]
    fn quoted_angle_brackets_and_stray_less_than() {
        assert_eq!(
            reduce(r#"<p title="a > b">x < y</p><div data-x='>'>z</div>"#),
            "x < y\n\nz"
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        assert_eq!(
            reduce("<p>Table:</p><pre>a  1\nb  2</pre><p>end</p>"),
            "Table:\n\na  1\nb  2\n\nend"
        );
    }
}
