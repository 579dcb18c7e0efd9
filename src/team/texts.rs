//! Where the other project's articles and texts land in ours.
//!
//! Articles are matched by content hash: the file's SHA-256, or the SHA-256 of the text where
//! the article has none (pasted or sample text). A source that changed between the two
//! projects follows the refresh rules (`crosscheck refresh`): when the other project read a
//! newer text, that text becomes the article's new version here, and our claims move onto it
//! or stay orphaned on the text they were made on; when it read an older one, its claims move
//! onto our current text or stay orphaned on that older version. An article found nowhere here
//! is added with all its versions. No claim is ever dropped: one whose text cannot be found
//! here goes, with a copy of its article, beside the original.

use super::report::MergeReport;
use crate::analysis::versions::diff::VersionDiff;
use crate::analysis::versions::reanchor::{Anchor, Indexed, reanchor};
use crate::model::{Article, ArticleId, Claim, ClaimId, Edit, Project, char_slice};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// The identity of one text: `sha256:<file hash>`, or `text:<hash of the text>`.
pub fn content_key(sha256: &str, text: &str) -> String {
    if sha256.is_empty() {
        let digest = Sha256::digest(text.as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("text:{hex}")
    } else {
        format!("sha256:{sha256}")
    }
}

/// One text of an article.
#[derive(Clone, Debug)]
struct Text {
    key: String,
    /// Shared: a history is cloned per claim placed, its texts are not.
    text: Rc<str>,
    sha256: String,
    read_at: Option<String>,
}

/// An article's texts, oldest first; the last is the current one.
fn history(p: &Project, id: ArticleId) -> Vec<Text> {
    (1..=p.current_version(id))
        .filter_map(|v| p.version(id, v))
        .map(|v| Text {
            key: content_key(&v.sha256, &v.text),
            text: v.text.into(),
            sha256: v.sha256,
            read_at: v.read_at,
        })
        .collect()
}

/// How an article of the other project relates to ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Match {
    /// The same current text.
    Same(ArticleId),
    /// Its current text is an earlier version of ours.
    Older(ArticleId),
    /// Our current text is an earlier version of its: it read the source later.
    Newer(ArticleId),
    /// The same source path, but no text in common: the source changed between the imports.
    Changed(ArticleId),
    New,
}

type Histories = BTreeMap<ArticleId, Vec<Text>>;

/// For each article of `theirs`, its match in `ours`; each of ours is matched at most once.
/// Rules from the surest to the loosest: the same current text, then theirs older, then theirs
/// newer, then the same path; within a rule the same path wins, then the lowest id.
fn match_articles(
    ours: &Project,
    theirs: &Project,
    ours_h: &Histories,
    theirs_h: &Histories,
) -> BTreeMap<ArticleId, Match> {
    let mut by_current: HashMap<&str, Vec<ArticleId>> = HashMap::new();
    let mut by_earlier: HashMap<&str, Vec<ArticleId>> = HashMap::new();
    let mut by_path: HashMap<&str, Vec<ArticleId>> = HashMap::new();
    for (id, h) in ours_h {
        if let Some((current, earlier)) = h.split_last() {
            by_current.entry(&current.key).or_default().push(*id);
            for t in earlier {
                by_earlier.entry(&t.key).or_default().push(*id);
            }
        }
    }
    for a in ours.articles() {
        by_path.entry(&a.path).or_default().push(a.id);
    }
    let path_of = |id: ArticleId| ours.article(id).map_or("", |a| a.path.as_str());
    let mut taken: std::collections::HashSet<ArticleId> = Default::default();
    let mut out: BTreeMap<ArticleId, Match> = BTreeMap::new();
    for rule in 0..4 {
        for t in theirs.articles() {
            if out.contains_key(&t.id) {
                continue;
            }
            let Some((current, earlier)) = theirs_h[&t.id].split_last() else {
                continue;
            };
            let mut candidates: Vec<ArticleId> = match rule {
                0 => by_current
                    .get(current.key.as_str())
                    .cloned()
                    .unwrap_or_default(),
                1 => by_earlier
                    .get(current.key.as_str())
                    .cloned()
                    .unwrap_or_default(),
                2 => earlier
                    .iter()
                    .flat_map(|e| by_current.get(e.key.as_str()).into_iter().flatten())
                    .copied()
                    .collect(),
                _ if t.path.is_empty() => Vec::new(),
                _ => by_path.get(t.path.as_str()).cloned().unwrap_or_default(),
            };
            candidates.retain(|id| !taken.contains(id));
            let Some(o) = candidates
                .into_iter()
                .min_by_key(|id| (path_of(*id) != t.path, *id))
            else {
                continue;
            };
            taken.insert(o);
            out.insert(
                t.id,
                match rule {
                    0 => Match::Same(o),
                    1 => Match::Older(o),
                    2 => Match::Newer(o),
                    _ => Match::Changed(o),
                },
            );
        }
    }
    for t in theirs.articles() {
        out.entry(t.id).or_insert(Match::New);
    }
    out
}

/// Where the other project's articles went, our claims as the merge leaves them, and the edits
/// that bring in texts and articles.
pub struct Articles<'a> {
    theirs: &'a Project,
    /// The other project's articles' texts, oldest first.
    theirs_h: Histories,
    /// The other project's article → ours (matched or new), with ours' texts after the merge.
    targets: BTreeMap<ArticleId, (ArticleId, Vec<Text>)>,
    /// Copies of the other project's articles for claims whose text is not found here.
    copies: BTreeMap<ArticleId, (ArticleId, Vec<Text>)>,
    /// Every claim of ours as it will be after the merge (moved by a new version, or not).
    pub ours_claims: BTreeMap<ClaimId, Claim>,
    /// Edits adding articles and versions, in order; claims come after them.
    pub edits: Vec<Edit>,
    next_article: ArticleId,
    diffs: HashMap<(String, String), VersionDiff>,
}

/// Where one claim of the other project lies here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub article: ArticleId,
    /// `None` on the current text, else the earlier version it stays on (orphaned).
    pub version: Option<u32>,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

impl<'a> Articles<'a> {
    /// Matches the articles and plans their texts.
    pub fn plan(ours: &Project, theirs: &'a Project, report: &mut MergeReport) -> Articles<'a> {
        let ours_h: Histories = ours
            .articles()
            .iter()
            .map(|a| (a.id, history(ours, a.id)))
            .collect();
        let theirs_h: Histories = theirs
            .articles()
            .iter()
            .map(|a| (a.id, history(theirs, a.id)))
            .collect();
        let found = match_articles(ours, theirs, &ours_h, &theirs_h);
        let mut me = Articles {
            theirs,
            theirs_h,
            targets: BTreeMap::new(),
            copies: BTreeMap::new(),
            ours_claims: ours.claims().map(|c| (c.id, c.clone())).collect(),
            edits: Vec::new(),
            next_article: ours.next_article_id(),
            diffs: HashMap::new(),
        };
        for (tid, m) in found {
            let Some(t) = theirs.article(tid) else {
                continue;
            };
            let th = me.theirs_h[&tid].clone();
            let target = match m {
                Match::Same(o) | Match::Older(o) => {
                    report.articles_same += usize::from(matches!(m, Match::Same(_)));
                    if matches!(m, Match::Older(_)) {
                        report.articles_changed.push(format!(
                            "{}: the other project read an older text; its claims were moved onto this one where their words are unchanged",
                            t.path
                        ));
                    }
                    (o, ours_h[&o].clone())
                }
                Match::Newer(o) | Match::Changed(o) => {
                    let oh = ours_h[&o].clone();
                    let shared = th.iter().rposition(|x| oh.iter().any(|y| y.key == x.key));
                    let fresh: Vec<Text> = th[shared.map_or(0, |i| i + 1)..]
                        .iter()
                        .filter(|x| !oh.iter().any(|y| y.key == x.key))
                        .cloned()
                        .collect();
                    let orphaned = me.new_versions(ours, o, &oh, &fresh);
                    report.claims_orphaned += orphaned;
                    report.articles_changed.push(format!(
                        "{}: the other project read a {} text; it is now version {} here (as a refresh would take it), {orphaned} of this project's claims orphaned",
                        t.path,
                        if matches!(m, Match::Newer(_)) { "newer" } else { "different" },
                        oh.len() + fresh.len()
                    ));
                    (o, oh.into_iter().chain(fresh).collect())
                }
                Match::New => {
                    report.articles_added.push(t.title.clone());
                    me.add_copy(t, &th)
                }
            };
            me.targets.insert(tid, target);
        }
        me
    }

    /// Adds `fresh` texts as new versions of our article `o`: our claims on the current text
    /// are pinned to it first, then moved onto the newest text where their words are unchanged.
    /// Returns how many stay orphaned.
    fn new_versions(&mut self, ours: &Project, o: ArticleId, oh: &[Text], fresh: &[Text]) -> usize {
        let (Some(old), Some(new)) = (oh.last(), fresh.last()) else {
            return 0;
        };
        let current = oh.len() as u32;
        let on_current: Vec<Claim> = ours
            .all_claims_in(o)
            .filter(|c| c.version.is_none())
            .cloned()
            .collect();
        for c in &on_current {
            let mut pinned = c.clone();
            pinned.version = Some(current);
            self.edits.push(Edit::PutClaim(pinned));
        }
        for t in fresh {
            self.edits.push(Edit::NewVersion {
                article: o,
                text: t.text.to_string(),
                sha256: t.sha256.clone(),
                read_at: t.read_at.clone(),
            });
        }
        let mut orphaned = 0;
        for c in on_current {
            let planned = self.ours_claims.entry(c.id).or_insert_with(|| c.clone());
            match anchor(&mut self.diffs, old, new, c.start, c.end, &c.quote) {
                Some((s, e)) => {
                    let mut moved = c.clone();
                    (moved.start, moved.end, moved.version) = (s, e, None);
                    *planned = moved.clone();
                    self.edits.push(Edit::PutClaim(moved));
                }
                None => {
                    planned.version = Some(current);
                    orphaned += 1;
                }
            }
        }
        orphaned
    }

    /// Adds the other project's article `t` here with all its texts, under a new id.
    fn add_copy(&mut self, t: &Article, th: &[Text]) -> (ArticleId, Vec<Text>) {
        let id = self.next_article;
        self.next_article += 1;
        let mut texts = th.iter();
        let mut article = t.clone();
        article.id = id;
        if let Some(first) = texts.next() {
            article.text = first.text.to_string();
            article.sha256.clone_from(&first.sha256);
        }
        self.edits.push(Edit::PutArticle(Box::new(article)));
        for v in texts {
            self.edits.push(Edit::NewVersion {
                article: id,
                text: v.text.to_string(),
                sha256: v.sha256.clone(),
                read_at: v.read_at.clone(),
            });
        }
        (id, th.to_vec())
    }

    /// The article here that the other project's article `theirs` matched or became.
    pub fn target(&self, theirs: ArticleId) -> Option<ArticleId> {
        self.targets.get(&theirs).map(|(id, _)| *id)
    }

    /// Where a claim of the other project lies here: on the same text, or moved onto a newer
    /// one, or orphaned on the earlier text it was made on. `reanchored` and `orphaned` count
    /// what happened. A claim whose text is nowhere here goes to a copy of its article.
    pub fn place(&mut self, c: &Claim, report: &mut MergeReport) -> Option<Place> {
        let th = self.theirs_h.get(&c.article_id)?.clone();
        let v = c.version.unwrap_or(th.len() as u32) as usize;
        let own = th.get(v.checked_sub(1)?)?.clone();
        let (article, texts) = self.targets.get(&c.article_id)?.clone();
        let exact = |t: &Text| t.key == own.key && char_slice(&t.text, c.start, c.end) == c.quote;
        let found = texts.iter().rposition(exact);
        let current = texts.last()?;
        let here = |version: Option<u32>, start: usize, end: usize, text: &str| Place {
            article,
            version,
            start,
            end,
            quote: char_slice(text, start, end).to_owned(),
        };
        match found {
            Some(i) if i + 1 == texts.len() => Some(here(None, c.start, c.end, &current.text)),
            Some(i) => match anchor(
                &mut self.diffs,
                &texts[i],
                current,
                c.start,
                c.end,
                &c.quote,
            ) {
                Some((s, e)) => {
                    report.claims_reanchored += 1;
                    Some(here(None, s, e, &current.text))
                }
                None => {
                    report.claims_orphaned += 1;
                    Some(here(Some(i as u32 + 1), c.start, c.end, &texts[i].text))
                }
            },
            None => match anchor(&mut self.diffs, &own, current, c.start, c.end, &c.quote) {
                Some((s, e)) => {
                    report.claims_reanchored += 1;
                    Some(here(None, s, e, &current.text))
                }
                None => {
                    // Its text is not here: keep it on a copy of its own article.
                    let copy = match self.copies.get(&c.article_id) {
                        Some(copy) => copy.clone(),
                        None => {
                            let t = self.theirs.article(c.article_id)?.clone();
                            report.articles_added.push(format!("{} (copy)", t.title));
                            let copy = self.add_copy(&t, &th);
                            self.copies.insert(c.article_id, copy.clone());
                            copy
                        }
                    };
                    let on_current = v == th.len();
                    report.claims_orphaned += usize::from(!on_current);
                    Some(Place {
                        article: copy.0,
                        version: (!on_current).then_some(v as u32),
                        start: c.start,
                        end: c.end,
                        quote: c.quote.clone(),
                    })
                }
            },
        }
    }
}

/// Moves `start..end` (with `quote`) from text `old` onto text `new` by the refresh rules
/// ([`reanchor`]); the diff of each pair of texts is built once.
fn anchor(
    diffs: &mut HashMap<(String, String), VersionDiff>,
    old: &Text,
    new: &Text,
    start: usize,
    end: usize,
    quote: &str,
) -> Option<(usize, usize)> {
    let diff = diffs
        .entry((old.key.clone(), new.key.clone()))
        .or_insert_with(|| VersionDiff::new(&old.text, &new.text));
    match reanchor(
        &Indexed::new(&old.text),
        &Indexed::new(&new.text),
        diff,
        start,
        end,
        quote,
    ) {
        Anchor::Moved { start, end } => Some((start, end)),
        Anchor::Orphaned { .. } => None,
    }
}
