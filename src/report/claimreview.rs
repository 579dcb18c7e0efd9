//! schema.org ClaimReview JSON-LD: one review per claim whose verdict is on the project's
//! rating scale (Unverified and other off-scale verdicts are left out).

use super::ReportOptions;
use super::context::ReportData;
use super::iri::{claim_iri, path_iri};
use serde_json::{Value, json};
use std::io::{self, Write};

/// `YYYY-MM-DD` when `published` is a full date (partial dates like `--09-12` are not).
fn full_date(published: Option<&str>) -> Option<&str> {
    crate::model::dates::full_day(published?)
}

pub fn write(data: &ReportData<'_>, opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let scale = data.project.verdicts();
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
            // The page's own address when it came from the web, else the file it was read from.
            "url": article.map(|a| {
                a.url
                    .as_deref()
                    .filter(|u| super::iri::is_web_address(u))
                    .map_or_else(|| path_iri(&a.path), str::to_owned)
            }),
        });
        if let Some(author) = article.and_then(|a| a.author.clone()) {
            appearance["author"] = json!({ "@type": "Person", "name": author });
        }
        if let Some(outlet) = article.and_then(|a| a.outlet.clone()) {
            appearance["publisher"] = json!({ "@type": "Organization", "name": outlet });
        }
        let mut item = json!({ "@type": "Claim", "appearance": appearance });
        if let Some(who) = &c.attribution {
            item["author"] = json!({ "@type": "Organization", "name": who });
        }
        if let Some(d) = full_date(article.and_then(|a| a.published.as_deref())) {
            item["datePublished"] = json!(d);
        }
        let mut review = json!({
            "@type": "ClaimReview",
            "@id": claim_iri(c.id),
            "claimReviewed": c.quote,
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
        reviews.push(review);
    }
    let doc = json!({ "@context": "https://schema.org", "@graph": reviews });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
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
