//! `crosscheck conflicts PATH...`: the figures across articles that look like they conflict,
//! compared within each story (the articles reporting one event, see `crosscheck stories`, or
//! as the researcher merged them in a project), best first (by how likely both sides count the
//! same thing): one line per suggestion (`score TAB relation TAB measure TAB why TAB reason`,
//! then `TAB shared: words` when words tie the two sentences, then `TAB story: its names` when
//! the folder holds several stories; `why` is the one-glance reason, `reason` names the
//! articles; `TAB between copies of one text` when both sides descend from one text, see
//! `crosscheck reuse`) or one JSON array with `score`, `shared`, `story` (the story's key) and
//! `between_copies` on each suggestion.

use super::figures::load_articles_with_stories;
use crate::analysis::{
    ConflictOptions, article_figures, group_stories, suggest_conflicts_by_story,
};
use std::io::Write;
use std::path::PathBuf;

pub fn run(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let (articles, overrides) = load_articles_with_stories(paths)?;
    let figures = article_figures(&articles);
    let pairs: Vec<_> = articles
        .iter()
        .zip(&figures)
        .map(|(a, f)| (a, f.as_slice()))
        .collect();
    // Figures are compared only within a story, as in the window.
    let stories = group_stories(&articles, &overrides);
    let mut suggestions = suggest_conflicts_by_story(&pairs, &stories, &ConflictOptions::default());
    // A disagreement between copies of one text is said so (`between_copies`).
    crate::analysis::conflicts::mark_copies(
        &mut suggestions,
        &crate::analysis::find_reuse(&articles),
    );
    let labels: std::collections::HashMap<&str, &str> = stories
        .iter()
        .map(|s| (s.key.as_str(), s.label.as_str()))
        .collect();
    let mut out = super::output::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &suggestions)?;
        writeln!(out)?;
    } else {
        for s in &suggestions {
            write!(
                out,
                "{:.2}\t{}\t{}\t{}\t{}",
                s.score,
                s.relation,
                s.measure.as_str(),
                s.why,
                s.reason
            )?;
            if !s.shared.is_empty() {
                write!(out, "\tshared: {}", s.shared.join(", "))?;
            }
            if s.between_copies {
                write!(out, "\tbetween copies of one text")?;
            }
            if let Some(story) = s.story.as_deref().and_then(|k| labels.get(k))
                && stories.len() > 1
            {
                write!(out, "\tstory: {story}")?;
            }
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}
