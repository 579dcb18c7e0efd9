//! schema.org ClaimReview JSON-LD: one review per claim whose verdict is on the project's
//! rating scale (Unverified and other off-scale verdicts are left out).
//!
//! Google's ClaimReview guidelines require a review `url` and an `author` (the reviewing
//! organisation): both come from the project's settings ([`crate::model::settings`]) — the
//! review address is the published report's address plus the claim's anchor (`#claim-ID`, the
//! HTML report's `id`), the author the publisher. Without them the fields are left out and
//! [`missing_settings`] says which to set. `claimReviewed` is kept within the guideline length
//! (a shortened form on a word boundary); the whole quote stays in `itemReviewed.text`.

use super::ReportOptions;
use super::context::ReportData;
use super::iri::{claim_iri, is_web_address};
use crate::model::{Project, settings};
use serde_json::{Value, json};
use std::io::{self, Write};

/// `YYYY-MM-DD` when `published` is a full date (partial dates like `--09-12` are not).
fn full_date(published: Option<&str>) -> Option<&str> {
    crate::model::dates::full_day(published?)
}

/// Google's guideline length for `claimReviewed`, in characters ("less than 75 characters to
/// minimize wrapping when displayed on a mobile device").
pub const CLAIM_REVIEWED_MAX: usize = 75;

/// The settings a ClaimReview export needs that the project lacks, by key.
pub fn missing_settings(project: &Project) -> Vec<&'static str> {
    [settings::REPORT_URL, settings::PUBLISHER_NAME]
        .into_iter()
        .filter(|k| project.setting(k).is_none())
        .collect()
}

/// `quote` shortened to at most [`CLAIM_REVIEWED_MAX`] characters: cut at the last word boundary
/// that fits, with an ellipsis; whitespace runs folded to one space.
fn short_claim(quote: &str) -> String {
    let folded = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= CLAIM_REVIEWED_MAX {
        return folded;
    }
    let room = CLAIM_REVIEWED_MAX - 1; // leave a character for the ellipsis
    let cut: String = folded.chars().take(room + 1).collect();
    let head = match cut.rfind(' ') {
        Some(i) if i > room / 2 => &cut[..i],
        _ => &cut[..cut.char_indices().nth(room).map_or(cut.len(), |(b, _)| b)],
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// The review's own address: the report's address with the claim's anchor in place of any
/// fragment it had.
fn review_url(project: &Project, claim: i64) -> Option<String> {
    let base = project.setting(settings::REPORT_URL)?;
    let base = base.split_once('#').map_or(base, |(b, _)| b);
    is_web_address(base).then(|| format!("{base}#claim-{claim}"))
}

pub fn write(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let scale = data.project.verdicts();
    let publisher = data.project.setting(settings::PUBLISHER_NAME).map(|name| {
        let mut org = json!({ "@type": "Organization", "name": name });
        if let Some(u) = data
            .project
            .setting(settings::PUBLISHER_URL)
            .filter(|u| is_web_address(u))
        {
            org["url"] = json!(u);
        }
        org
    });
    let ratings: Vec<i32> = scale.iter().filter_map(|v| v.rating).collect();
    let (worst, best) = (ratings.iter().min().copied(), ratings.iter().max().copied());
    let mut reviews: Vec<Value> = Vec::new();
    let mut claims: Vec<_> = data.project.claims().collect();
    claims.sort_by_key(|c| (c.article_id, c.start, c.id));
    for c in claims {
        let Some(verdict) = c.verdict.as_deref() else {
            continue;
        };
        let Some(rating) = scale
            .iter()
            .find(|v| v.name == verdict)
            .and_then(|v| v.rating)
        else {
            continue;
        };
        let article = data.article(c.article_id);
        let mut appearance = json!({
            "@type": "CreativeWork",
            "name": article.map(|a| a.title.clone()),
        });
        // Only an absolute web address: a file path means nothing to a search engine.
        if let Some(u) = article
            .and_then(|a| a.url.as_deref())
            .filter(|u| is_web_address(u))
        {
            appearance["url"] = json!(u);
        }
        if let Some(author) = article.and_then(|a| a.author.clone()) {
            appearance["author"] = json!({ "@type": "Person", "name": author });
        }
        if let Some(outlet) = article.and_then(|a| a.outlet.clone()) {
            appearance["publisher"] = json!({ "@type": "Organization", "name": outlet });
        }
        let mut item = json!({ "@type": "Claim", "appearance": appearance, "text": c.quote });
        if let Some(who) = &c.attribution {
            item["author"] = json!({ "@type": "Organization", "name": who });
        }
        if let Some(d) = full_date(article.and_then(|a| a.published.as_deref())) {
            item["datePublished"] = json!(d);
        }
        let mut review = json!({
            "@type": "ClaimReview",
            "@id": claim_iri(c.id),
            "claimReviewed": short_claim(&c.quote),
            "itemReviewed": item,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating,
                "bestRating": best,
                "worstRating": worst,
                "alternateName": verdict,
            },
            "datePublished": opts.exported_at.get(..10),
        });
        if !c.note.is_empty() {
            review["reviewBody"] = json!(c.note);
        }
        if let Some(url) = review_url(data.project, c.id) {
            review["url"] = json!(url);
        }
        if let Some(org) = &publisher {
            review["author"] = org.clone();
        }
        reviews.push(review);
    }
    let doc = json!({ "@context": "https://schema.org", "@graph": reviews });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_claims_are_shortened_on_a_word_boundary_within_the_guideline() {
        let long = "The regional emergency ministry said on Sunday that at least 139 people, \
                    including six children, had been killed in the attack on the concert hall";
        let short = super::short_claim(long);
        assert!(
            short.chars().count() <= super::CLAIM_REVIEWED_MAX,
            "{short}"
        );
        assert!(short.ends_with('…'), "{short}");
        assert!(long.starts_with(short.trim_end_matches('…')), "{short}");
        assert_eq!(super::short_claim("139   killed\n"), "139 killed");
    }

    #[test]
    fn only_full_dates_are_publication_dates() {
        assert_eq!(super::full_date(Some("2024-03-26")), Some("2024-03-26"));
        assert_eq!(
            super::full_date(Some("2024-03-26T12:11:00Z")),
            Some("2024-03-26")
        );
        assert_eq!(super::full_date(Some("--09-12")), None);
        assert_eq!(super::full_date(None), None);
    }
}
