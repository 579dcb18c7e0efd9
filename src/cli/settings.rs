//! `crosscheck settings PROJECT [KEY=VALUE]...`: shows or sets the project's settings — the
//! publisher of the fact-check and the address its report will be published at, which the
//! ClaimReview export needs (Google requires a review `url` and an `author`).
//!
//! Without pairs it prints each setting, one `key = value` a line (`(not set)` when unset).
//! Each pair is checked before anything is written; all of them are then written as one edit,
//! so one undo in the window reverts them together. An empty value clears a setting.

use super::UsageError;
use crate::model::{Edit, settings};
use crate::store::Store;
use anyhow::Context;
use std::io::Write;
use std::path::Path;

pub fn run(project_path: &Path, pairs: &[String]) -> anyhow::Result<()> {
    let mut edits = Vec::new();
    for pair in pairs {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(UsageError(format!(
                "{pair:?} is not KEY=VALUE; the keys are {}",
                settings::ALL.join(", ")
            ))
            .into());
        };
        let key = key.trim();
        if !settings::ALL.contains(&key) {
            return Err(UsageError(format!(
                "unknown setting {key:?}; the keys are {}",
                settings::ALL.join(", ")
            ))
            .into());
        }
        settings::check(key, value).map_err(UsageError)?;
        let value = value.trim();
        edits.push(Edit::SetSetting {
            key: key.to_owned(),
            value: (!value.is_empty()).then(|| value.to_owned()),
        });
    }
    let project = if edits.is_empty() {
        Store::open_read_only(project_path)
            .with_context(|| format!("cannot read {}", project_path.display()))?
            .1
    } else {
        let (mut store, mut project) = Store::open(project_path)
            .with_context(|| format!("cannot open {}", project_path.display()))?;
        let edit = Edit::Batch(edits);
        project
            .validate(&edit)
            .with_context(|| format!("cannot change {}", project_path.display()))?;
        store
            .apply(&edit)
            .with_context(|| format!("cannot write {}", project_path.display()))?;
        project.apply(edit)?;
        project
    };
    let mut out = super::output::stdout();
    for key in settings::ALL {
        writeln!(
            out,
            "{key} = {}",
            project.setting(key).unwrap_or("(not set)")
        )?;
    }
    out.flush()?;
    Ok(())
}
