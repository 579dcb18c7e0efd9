//! The researcher's preferences, kept in Crosscheck's data folder as `preferences.json`:
//! today only their name, which every claim and link they make records (issue 26).
//!
//! Preferences belong to the person at this computer, not to a project, so they live beside the
//! recent list rather than in a project file. An unreadable file counts as no preferences;
//! saving writes a temporary file and renames it into place.

use super::datadir::DataDir;
use super::{StoreError, fsutil};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::PathBuf;

/// What the researcher set once for every project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    /// Their name, as it should appear as the author of claims and links ("Ana Lima").
    #[serde(default)]
    pub name: Option<String>,
}

impl Preferences {
    /// The name to record, trimmed; `None` when none is set.
    pub fn author(&self) -> Option<&str> {
        self.name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

impl DataDir {
    fn preferences_file(&self) -> PathBuf {
        self.root().join("preferences.json")
    }

    /// The saved preferences, or the defaults when there are none (or they cannot be read).
    pub fn preferences(&self) -> Preferences {
        fs::read(self.preferences_file())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Whether preferences were ever saved (the window asks for a name until they are).
    pub fn has_preferences(&self) -> bool {
        self.preferences_file().is_file()
    }

    /// Saves the preferences atomically.
    pub fn save_preferences(&self, prefs: &Preferences) -> Result<(), StoreError> {
        let file = self.preferences_file();
        fs::create_dir_all(self.root()).map_err(|e| StoreError::io(self.root(), e))?;
        let json = serde_json::to_vec_pretty(prefs).map_err(|e| {
            StoreError::io(
                &file,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        let mut tmp = fsutil::TempGuard::new(fsutil::temp_beside(&file));
        fs::write(tmp.path(), json).map_err(|e| StoreError::io(&file, e))?;
        fs::rename(tmp.path(), &file).map_err(|e| StoreError::io(&file, e))?;
        tmp.disarm();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_name_comes_back_and_a_garbled_file_counts_as_none() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = DataDir::at(tmp.path().join("data"));
        assert!(!data.has_preferences());
        assert_eq!(data.preferences().author(), None);
        let prefs = Preferences {
            name: Some("  Zoë Łukasik ".into()),
        };
        data.save_preferences(&prefs).expect("save");
        assert!(data.has_preferences());
        assert_eq!(data.preferences().author(), Some("Zoë Łukasik"));
        fs::write(data.preferences_file(), b"{not json").expect("garble");
        assert_eq!(data.preferences(), Preferences::default());
        let blank = Preferences {
            name: Some("   ".into()),
        };
        assert_eq!(blank.author(), None);
    }
}
