//! The other project's article details and story choices, brought into ours. A detail this
//! project lacks (outlet, publication date, author, web address) is taken; one both projects
//! hold and differ on stays ours and is reported. A story the other researcher set on an
//! article is set here too, unless this project set its own, which stays and is reported.
//! Both are found again on a second merge, so merging twice changes nothing.

use super::report::{Conflict, MergeReport};
use crate::model::{ArticleId, ArticleMeta, Edit, Project};

/// Plans the edits for details and stories. `target` maps an article of `theirs` to the
/// article it became here; articles new to this project were copied whole (details included)
/// and are skipped for details, but still take their story.
pub fn merge_details(
    ours: &Project,
    theirs: &Project,
    target: impl Fn(ArticleId) -> Option<ArticleId>,
    report: &mut MergeReport,
    edits: &mut Vec<Edit>,
) {
    let mut stories = Vec::new();
    for t in theirs.articles() {
        let Some(id) = target(t.id) else { continue };
        if let Some(o) = ours.article(id) {
            let mut meta = ArticleMeta::of(o);
            let mut took = false;
            let pairs: [(&'static str, &mut Option<String>, &Option<String>); 4] = [
                ("outlet", &mut meta.outlet, &t.outlet),
                ("published", &mut meta.published, &t.published),
                ("author", &mut meta.author, &t.author),
                ("url", &mut meta.url, &t.url),
            ];
            for (field, mine, other) in pairs {
                let Some(other) = other.as_ref().filter(|v| !v.trim().is_empty()) else {
                    continue;
                };
                match mine.as_ref().filter(|v| !v.trim().is_empty()) {
                    None => {
                        *mine = Some(other.clone());
                        took = true;
                    }
                    Some(m) if m != other => report.conflicts.push(Conflict {
                        kind: "article",
                        id,
                        field,
                        what: o.title.chars().take(40).collect(),
                        ours: m.clone(),
                        theirs: other.clone(),
                        theirs_by: None,
                    }),
                    Some(_) => {}
                }
            }
            if took {
                report.details_taken += 1;
                edits.push(Edit::SetArticleMeta(meta));
            }
        }
        let Some(theirs_story) = theirs.story_overrides().get(&t.id) else {
            continue;
        };
        match ours.story_overrides().get(&id) {
            None => stories.push((id, Some(theirs_story.clone()))),
            Some(mine) if mine != theirs_story => report.conflicts.push(Conflict {
                kind: "article",
                id,
                field: "story",
                what: ours
                    .article(id)
                    .map_or_else(|| t.title.clone(), |a| a.title.clone())
                    .chars()
                    .take(40)
                    .collect(),
                ours: mine.clone(),
                theirs: theirs_story.clone(),
                theirs_by: None,
            }),
            Some(_) => {}
        }
    }
    if !stories.is_empty() {
        report.stories_taken += stories.len();
        edits.push(Edit::SetStories(stories));
    }
}
