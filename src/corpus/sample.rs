//! The built-in sample: four short fictional reports of one bridge collapse that disagree on
//! the figures, compiled into the binary so "try the sample" works from anywhere.

use super::import::article_from_bytes;
use super::report::ImportReport;

/// The sample files, by the path they are shown under.
const SAMPLE: &[(&str, &[u8])] = &[
    (
        "1-nordpress.txt",
        include_bytes!("../../assets/sample/1-nordpress.txt"),
    ),
    (
        "2-evening-post.txt",
        include_bytes!("../../assets/sample/2-evening-post.txt"),
    ),
    (
        "3-baltic-wire.txt",
        include_bytes!("../../assets/sample/3-baltic-wire.txt"),
    ),
    (
        "4-vesna-info.txt",
        include_bytes!("../../assets/sample/4-vesna-info.txt"),
    ),
];

/// The sample articles, imported through the same decoding and detection as files on disk.
pub fn sample() -> ImportReport {
    let mut report = ImportReport::default();
    for (name, bytes) in SAMPLE {
        let one = article_from_bytes(name, bytes);
        report.candidates += one.candidates;
        report.warnings.extend(one.warnings);
        for mut article in one.articles {
            article.id = report.articles.len() as i64 + 1;
            report.articles.push(article);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_imports_cleanly_with_detected_metadata() {
        let r = sample();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.articles.len(), 4);
        let ids: Vec<i64> = r.articles.iter().map(|a| a.id).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        let meta: Vec<(&str, Option<&str>, Option<&str>)> = r
            .articles
            .iter()
            .map(|a| {
                (
                    a.title.as_str(),
                    a.published.as_deref(),
                    a.outlet.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            meta,
            [
                (
                    "Footbridge collapses over the Vesna in Oslavik, at least 14 killed",
                    Some("--10-07"),
                    Some("NORDPRESS")
                ),
                (
                    "Oslavik Bridge Death Toll Confirmed at 12, Mayor Says",
                    Some("2024-10-07T22:05"),
                    None
                ),
                (
                    "Bridge collapse in Oslavik: more than 10 dead, dozens hurt",
                    None,
                    Some("Baltic Wire")
                ),
                (
                    "Oslavik mourns as bridge toll rises; engineer arrested",
                    Some("2024-10-08"),
                    Some("VESNA-INFO")
                ),
            ]
        );
        assert!(r.articles.iter().all(|a| a.encoding == "UTF-8"));
        assert!(r.articles[0].text.contains("Старый мост"));
        assert!(r.articles.iter().any(|a| a.text.contains("Zoë")));
    }
}
