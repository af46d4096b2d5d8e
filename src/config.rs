//! The run configuration: what the TOML file given with `--config` may set.
//!
//! Every table denies unknown keys, so a misspelled option is an error, not a silent default.
//! `mtqe default-config` prints the full default configuration.

use crate::detectors::DetectorSettings;
use crate::error::ConfigError;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub input: InputSettings,
    #[serde(default)]
    pub analysis: AnalysisSettings,
    #[serde(default)]
    pub detectors: DetectorSettings,
}

/// Optional analysis steps.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct AnalysisSettings {
    /// Score every word with the English trigram language model: fills the `lm_*` columns and
    /// gives the quality model its fluency features. Off by default because it halves
    /// throughput (see docs/performance.md); `--language-model` switches it on for one run.
    pub language_model: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct InputSettings {
    /// Texts longer than this many characters are rejected rather than scored.
    pub max_text_chars: usize,
    /// Documents scored together in one parallel batch. Bounds memory; does not change results.
    pub batch_documents: usize,
    /// A batch is also closed once its texts reach this many bytes.
    pub batch_bytes: usize,
}

impl Default for InputSettings {
    fn default() -> Self {
        InputSettings { max_text_chars: 1_000_000, batch_documents: 2048, batch_bytes: 32 << 20 }
    }
}

impl Config {
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let source =
            std::fs::read_to_string(path).map_err(|error| ConfigError::Read { path: path.to_owned(), error })?;
        Config::from_toml(&source).map_err(|error| ConfigError::Parse { path: path.to_owned(), message: error })
    }

    pub fn from_toml(source: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(source).map_err(|e| e.to_string())?;
        config.validate()?;
        Ok(config)
    }

    /// The analysis steps this configuration needs: the language model runs when asked for,
    /// or when a detector that reads it is enabled.
    pub fn analysis_options(&self) -> crate::analysis::AnalysisOptions {
        crate::analysis::AnalysisOptions {
            language_model: self.analysis.language_model || self.detectors.improbable_phrase.enabled,
        }
    }

    fn validate(&self) -> Result<(), String> {
        if self.input.max_text_chars == 0 {
            return Err("input.max-text-chars must be at least 1".into());
        }
        if self.input.batch_documents == 0 || self.input.batch_bytes == 0 {
            return Err("input.batch-documents and input.batch-bytes must be at least 1".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flag::Severity;

    #[test]
    fn reads_detector_tables_by_kebab_case_id() {
        let config = Config::from_toml(
            "[detectors.repeated-words]\nenabled = false\n[detectors.unclosed-quote]\nseverity = \"major\"\n",
        )
        .unwrap();
        assert!(!config.detectors.repeated_words.enabled);
        assert_eq!(config.detectors.unclosed_quote.severity, Some(Severity::Major));
    }

    #[test]
    fn unknown_keys_and_detectors_are_errors() {
        let typo = Config::from_toml("[detectors.repeated-words]\nenabeld = false\n").unwrap_err();
        assert!(typo.contains("enabeld"), "{typo}");
        let unknown = Config::from_toml("[detectors.no-such-detector]\nenabled = true\n").unwrap_err();
        assert!(unknown.contains("no-such-detector"), "{unknown}");
        assert!(Config::from_toml("[input]\nmax-text-chars = 0\n").is_err());
    }

    #[test]
    fn the_default_config_round_trips_through_toml() {
        let text = toml::to_string(&Config::default()).unwrap();
        let back = Config::from_toml(&text).unwrap();
        assert_eq!(back.input.max_text_chars, Config::default().input.max_text_chars);
    }
}
