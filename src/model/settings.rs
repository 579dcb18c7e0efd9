//! Project settings: a few named values that belong to the project rather than to one
//! researcher's preferences — who publishes the fact-check, and where its report will live.
//! They change through [`super::Edit::SetSetting`] like everything else, so they are undoable and
//! reach the file in one transaction (the store keeps them in the `meta` table).

/// The reviewing organisation's name (ClaimReview `author`, and the report's byline).
pub const PUBLISHER_NAME: &str = "publisher_name";
/// The reviewing organisation's web address (`https://…`).
pub const PUBLISHER_URL: &str = "publisher_url";
/// Where the HTML report will be published; each claim's review address is this address plus
/// the claim's anchor (`#claim-ID`).
pub const REPORT_URL: &str = "report_url";

/// Every setting a project holds, in the order a settings form shows them.
pub const ALL: [&str; 3] = [PUBLISHER_NAME, PUBLISHER_URL, REPORT_URL];

/// The label a form shows for a setting.
pub fn label(key: &str) -> &'static str {
    match key {
        PUBLISHER_NAME => "Publisher (your organisation)",
        PUBLISHER_URL => "Publisher's web address",
        REPORT_URL => "Web address of the published report",
        _ => "Setting",
    }
}

/// True for settings that hold a web address: these must be absolute `http(s)://` addresses.
pub fn is_address(key: &str) -> bool {
    matches!(key, PUBLISHER_URL | REPORT_URL)
}

/// Checks a value before it is set: a web address must be an absolute `http://` or `https://`
/// address without spaces, quotes or angle brackets. Blank values clear the setting and always
/// pass.
pub fn check(key: &str, value: &str) -> Result<(), String> {
    let v = value.trim();
    if v.is_empty() || !is_address(key) {
        return Ok(());
    }
    let scheme_ok = v.starts_with("https://") || v.starts_with("http://");
    let clean = !v
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`".contains(c));
    let host = v.split_once("://").map_or("", |(_, rest)| rest);
    if scheme_ok && clean && !host.is_empty() && !host.starts_with('/') {
        Ok(())
    } else {
        Err(format!(
            "{} must be a full web address such as https://example.org/ (got {v:?})",
            label(key)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_must_be_absolute_web_addresses() {
        assert!(check(PUBLISHER_URL, "https://factcheck.example.org/").is_ok());
        assert!(check(PUBLISHER_URL, "").is_ok(), "blank clears");
        assert!(check(PUBLISHER_URL, "factcheck.example.org").is_err());
        assert!(check(REPORT_URL, "javascript:alert(1)").is_err());
        assert!(check(REPORT_URL, "https://x.org/a b").is_err());
        assert!(check(REPORT_URL, "https:///path").is_err());
        assert!(check(PUBLISHER_NAME, "Any name, even https").is_ok());
    }
}
