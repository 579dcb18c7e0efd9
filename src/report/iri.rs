//! IRIs in the JSON reports: an article's path as a relative IRI reference that can only ever
//! name a path, and the `urn:` ids of claims and links.

/// `urn:crosscheck:claim:ID`, the id of a claim's annotation and of its ClaimReview.
pub fn claim_iri(id: i64) -> String {
    format!("urn:crosscheck:claim:{id}")
}

/// `urn:crosscheck:link:ID`, the id of a link's annotation.
pub fn link_iri(id: i64) -> String {
    format!("urn:crosscheck:link:{id}")
}

/// An article's path as a relative IRI reference. Characters a path may not hold or that would
/// change its meaning are percent-encoded (`%`, `?`, `#`, spaces, controls, and `:` so that a
/// file named `javascript:alert(1)` cannot read as a scheme); a leading `/` gets a `.` before
/// it so `//host/x` cannot read as a host. Letters beyond ASCII stay as they are, as IRIs allow.
pub fn path_iri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push('.');
    }
    for c in path.chars() {
        let keep = if c.is_ascii() {
            c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=@/".contains(c)
        } else {
            !c.is_control()
        };
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
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
    use super::path_iri;

    #[test]
    fn paths_stay_paths_and_keep_their_letters() {
        assert_eq!(path_iri("sub/Zürich 2024.txt"), "sub/Zürich%202024.txt");
        assert_eq!(path_iri("javascript:alert(1)"), "javascript%3Aalert(1)");
        assert_eq!(path_iri("50%#1?.txt"), "50%25%231%3F.txt");
        assert_eq!(path_iri("//evil.example/x"), ".//evil.example/x");
        assert_eq!(path_iri("a\\b\"<x>.txt"), "a%5Cb%22%3Cx%3E.txt");
    }
}
