//! IRIs in the JSON reports: the `urn:` ids of claims and links, the `urn:sha256:` name of an
//! article text, and the checks that decide whether an article's address may be given out.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// `urn:crosscheck:claim:ID`, the id of a claim's annotation and of its ClaimReview.
pub fn claim_iri(id: i64) -> String {
    format!("urn:crosscheck:claim:{id}")
}

/// `urn:crosscheck:link:ID`, the id of a link's annotation.
pub fn link_iri(id: i64) -> String {
    format!("urn:crosscheck:link:{id}")
}

/// `urn:sha256:HEX`: a stable, absolute IRI for a text that has no web address, named by the
/// SHA-256 of its UTF-8 bytes — the text the offsets of a claim count in, so anyone holding the
/// project (or the text) can check which text an annotation's selectors apply to. The hash of
/// the text, not of the file it was decoded from, because selectors refer to the decoded text.
pub fn text_iri(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(11 + 64);
    out.push_str("urn:sha256:");
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// An article address safe to give a reader as a link: `http://` or `https://`, with nothing
/// that could break out of an attribute or a JSON string's consumer.
pub fn is_web_address(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`".contains(c))
}

#[cfg(test)]
mod tests {
    use super::text_iri;

    #[test]
    fn a_text_is_named_by_the_sha256_of_its_utf8_bytes() {
        // The SHA-256 of the empty string, a published constant.
        assert_eq!(
            text_iri(""),
            "urn:sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_ne!(text_iri("139 killed"), text_iri("133 killed"));
    }
}
