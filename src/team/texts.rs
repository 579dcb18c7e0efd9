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
    text: String,
    sha256: String,
    read_at: Option<String>,
}

/// An article's texts, oldest first; the last is the current one.
fn history(p: &Project, id: ArticleId) -> Vec<Text> {
    (1..=p.current_version(id))
        .filter_map(|v| p.version(id, v))
        .map(|v| Text {
            key: content_key(&v.sha256, &v.text),
            text: v.text,
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

/// For each article of `theirs`, its match in `ours`; each of ours is matched at most once.
fn match_articles(ours: &Project, theirs: &Project) -> BTreeMap<ArticleId, Match> {
    let ours_h: BTreeMap<ArticleId, Vec<Text>> = ours
        .articles()
        .iter()
        .map(|a| (a.id, history(ours, a.id)))
        .collect();
    let theirs_h: BTreeMap<ArticleId, Vec<Text>> = theirs
        .articles()
        .iter()
        .map(|a| (a.id, history(theirs, a.id)))
        .collect();
    let current = |h: &[Text]| h.last().map(|t| t.key.clone()).unwrap_or_default();
    let mut taken: Vec<ArticleId> = Vec::new();
    let mut out: BTreeMap<ArticleId, Match> = BTreeMap::new();
    type Rule<'r> = &'r dyn Fn(&Article, &Article, &[Text], &[Text]) -> Option<Match>;
    let same: Rule = &|_, o, th, oh| (current(th) == current(oh)).then_some(Match::Same(o.id));
    let older: Rule = &|_, o, th, oh| {
        let k = current(th);
        oh[..oh.len().saturating_sub(1)]
            .iter()
            .any(|t| t.key == k)
            .then_some(Match::Older(o.id))
    };
    let newer: Rule = &|_, o, th, oh| {
        let k = current(oh);
        th[..th.len().saturating_sub(1)]
            .iter()
            .any(|t| t.key == k)
            .then_some(Match::Newer(o.id))
    };
    let changed: Rule =
        &|t, o, _, _| (!t.path.is_empty() && t.path == o.path).then_some(Match::Changed(o.id));
    // Rules from the surest to the loosest; within a rule, the same path first.
    for rule in [same, older, newer, changed] {
        for t in theirs.articles() {
            if out.contains_key(&t.id) {
                continue;
            }
            let th = &theirs_h[&t.id];
            let mut candidates: Vec<&Article> = ours
                .articles()
                .iter()
                .filter(|o| !taken.contains(&o.id))
                .collect();
            candidates.sort_by_key(|o| (o.path != t.path, o.id));
            if let Some((o, m)) = candidates
                .into_iter()
                .find_map(|o| rule(t, o, th, &ours_h[&o.id]).map(|m| (o, m)))
            {
                taken.push(o.id);
                out.insert(t.id, m);
            }
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
        let mut me = Articles {
            theirs,
            targets: BTreeMap::new(),
            copies: BTreeMap::new(),
            ours_claims: ours.claims().map(|c| (c.id, c.clone())).collect(),
            edits: Vec::new(),
            next_article: ours.next_article_id(),
            diffs: HashMap::new(),
        };
        for (tid, m) in match_articles(ours, theirs) {
            let Some(t) = theirs.article(tid) else {
                continue;
            };
            let th = history(theirs, tid);
            let target = match m {
                Match::Same(o) | Match::Older(o) => {
                    report.articles_same += usize::from(matches!(m, Match::Same(_)));
                    if matches!(m, Match::Older(_)) {
                        report.articles_changed.push(format!(
                            "{}: the other project read an older text; its claims were moved onto this one where their words are unchanged",
                            t.path
                        ));
                    }
                    (o, history(ours, o))
                }
                Match::Newer(o) | Match::Changed(o) => {
                    let oh = history(ours, o);
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
                text: t.text.clone(),
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
            article.text.clone_from(&first.text);
            article.sha256.clone_from(&first.sha256);
        }
        self.edits.push(Edit::PutArticle(Box::new(article)));
        for v in texts {
            self.edits.push(Edit::NewVersion {
                article: id,
                text: v.text.clone(),
                sha256: v.sha256.clone(),
                read_at: v.read_at.clone(),
            });
        }
        (id, th.to_vec())
    }

    /// Where a claim of the other project lies here: on the same text, or moved onto a newer
    /// one, or orphaned on the earlier text it was made on. `reanchored` and `orphaned` count
    /// what happened. A claim whose text is nowhere here goes to a copy of its article.
    pub fn place(&mut self, c: &Claim, report: &mut MergeReport) -> Option<Place> {
        let th = history(self.theirs, c.article_id);
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
