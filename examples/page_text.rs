//! Prints what an import makes of saved web pages, one JSON object a line:
//! `{"path", "title", "published", "outlet", "author", "text", "millis"}`, so an outside scorer can
//! compare the imported body, title and date with a benchmark's ground truth. Each file goes
//! through the same path as `crosscheck new` (decoding, HTML5 parse, Readability, furniture
//! pass, metadata); `millis` is the time that took for the file.
//!
//! `cargo run --release --example page_text -- PAGE.html...`

use crosscheck::corpus::article_from_bytes;
use serde_json::json;
use std::io::Write;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let out = std::io::stdout();
    let mut out = out.lock();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)
            .map_err(|e| anyhow::anyhow!("{path}: cannot read the page ({e})"))?;
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        let start = Instant::now();
        let report = article_from_bytes(&name, &bytes);
        let millis = start.elapsed().as_secs_f64() * 1000.0;
        let line = match report.articles.first() {
            Some(a) => json!({
                "path": path, "title": a.title, "published": a.published,
                "outlet": a.outlet, "author": a.author, "text": a.text, "millis": millis,
            }),
            None => json!({"path": path, "text": "", "millis": millis,
                "warnings": report.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>()}),
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}
