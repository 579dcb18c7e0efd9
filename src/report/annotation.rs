//! The W3C Web Annotation report: an AnnotationCollection with one annotation per claim
//! (TextQuoteSelector and TextPositionSelector on the article; bodies for the category, the
//! verdict and the note) and one per link, targeting its members' annotations.
//!
//! Every target's `source` is an absolute IRI, as the model requires: the article's web address
//! when it has one, else `urn:sha256:` of the text the selectors count in (see
//! [`super::iri::text_iri`]). A claim orphaned on an earlier version of its article targets that
//! version's text by its own `urn:sha256:` name, so its selectors never seem to point into the
//! current text.

use super::ReportOptions;
use super::context::ReportData;
use super::iri::{claim_iri, is_web_address, link_iri, text_iri};
use crate::model::{ArticleId, Claim};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

/// How much text the quote selector carries before and after the quote.
const AFFIX: usize = 32;

/// The IRI of the text a claim's selectors count in. Text hashes are cached per article and
/// version: a report hashes each text once, however many claims it has.
fn source_iri(
    data: &ReportData<'_>,
    c: &Claim,
    cache: &mut HashMap<(ArticleId, Option<u32>), String>,
) -> String {
    let orphaned = data.project.is_orphaned(c);
    let key = (c.article_id, orphaned.then_some(c.version).flatten());
    if let Some(iri) = cache.get(&key) {
        return iri.clone();
    }
    let web = data
        .article(c.article_id)
        .and_then(|a| a.url.as_deref())
        .filter(|u| is_web_address(u));
    let iri = match web {
        Some(u) if !orphaned => u.to_owned(),
        _ => text_iri(data.project.text_of(c).unwrap_or("")),
    };
    cache.insert(key, iri.clone());
    iri
}

pub fn write(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut items: Vec<Value> = Vec::new();
    let mut sources = HashMap::new();
    let mut claims: Vec<_> = data.project.claims().collect();
    claims.sort_by_key(|c| (c.article_id, c.start, c.id));
    for c in claims {
        let article = data.article(c.article_id);
        let (prefix, suffix) = data.around(c, AFFIX);
        let mut body = vec![json!({
            "type": "TextualBody",
            "purpose": "tagging",
            "value": data.category_name(c),
        })];
        body.push(json!({
            "type": "TextualBody",
            "purpose": "assessing",
            "value": data.verdict(c),
        }));
        if !c.note.is_empty() {
            body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": c.note, "format": "text/plain" }));
        }
        if let Some(who) = &c.attribution {
            body.push(json!({ "type": "TextualBody", "purpose": "describing", "value": format!("Attributed to {who}") }));
        }
        let mut target = json!({
            "source": source_iri(data, c, &mut sources),
            "title": article.map(|a| a.title.clone()),
            "selector": [
                { "type": "TextQuoteSelector", "exact": c.quote, "prefix": prefix, "suffix": suffix },
                { "type": "TextPositionSelector", "start": c.start, "end": c.end }
            ]
        });
        // Once a source has changed, say which text the selectors apply to: its version and
        // sha256 in a describing body, and when it was read as the target's TimeState.
        if data.project.current_version(c.article_id) > 1 {
            let v = data.claim_version(c);
            let orphan = if v.orphaned {
                " (orphaned: a later version changed these words)"
            } else {
                ""
            };
            body.push(json!({
                "type": "TextualBody",
                "purpose": "describing",
                "value": format!("Source text version {} (sha256 {}){orphan}", v.number, v.sha256),
            }));
            if let Some(read) = v.read_at {
                target["state"] = json!({ "type": "TimeState", "sourceDate": read });
            }
        }
        items.push(json!({
            "id": claim_iri(c.id),
            "type": "Annotation",
            "motivation": "assessing",
            "body": body,
            "target": target,
        }));
    }
    for link in data.links_sorted() {
        let mut body = vec![
            json!({ "type": "TextualBody", "purpose": "linking", "value": link.kind.as_str() }),
        ];
        body.push(json!({ "type": "TextualBody", "purpose": "assessing", "value": data.resolution_text(link) }));
        if !link.note.is_empty() {
            body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": link.note, "format": "text/plain" }));
        }
        items.push(json!({
            "id": link_iri(link.id),
            "type": "Annotation",
            "motivation": "linking",
            "body": body,
            "target": link.members.iter().map(|m| claim_iri(*m)).collect::<Vec<_>>(),
        }));
    }
    // Each item names the context too: a client that splits the page and stores annotations one
    // by one still holds Web Annotations (the W3C suite's 3.1-annotationContextValidated).
    items
        .iter_mut()
        .for_each(|i| i["@context"] = json!("http://www.w3.org/ns/anno.jsonld"));
    let total = items.len();
    let id = format!("urn:crosscheck:report:{}", opts.exported_at);
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": id,
        "type": "AnnotationCollection",
        "label": format!("Fact-check report: {}", opts.project_name),
        "generator": { "type": "Software", "name": format!("Crosscheck {}", env!("CARGO_PKG_VERSION")) },
        "generated": opts.exported_at,
        "total": total,
        "first": {
            "id": format!("{id}:page:1"),
            "type": "AnnotationPage",
            "partOf": id,
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
