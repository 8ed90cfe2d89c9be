//! The `[preprocessor.mermaid-rs]` table of `book.toml`.

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// Where a drawing goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// The SVG inline in the page.
    Inline,
    /// An SVG file in this folder of the book's sources (copied into the built book like any other file),
    /// linked from the page.
    Files(PathBuf),
}

/// Which Mermaid themes to draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Themes {
    /// One drawing in this theme.
    One(String),
    /// A light and a dark drawing; the page shows the one matching mdBook's theme (coal, navy and ayu are
    /// dark), with CSS only.
    FollowBook { light: String, dark: String },
}

/// The preprocessor's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub output: Output,
    pub themes: Themes,
    /// A block of a diagram type mermaid-rs does not draw: keep it as it is (for mermaid.js), or fail.
    pub keep_unsupported: bool,
    /// A Mermaid configuration (JSON text, as for mermaid-cli's `--configFile`).
    pub config: Option<String>,
    /// A CSS background colour for the drawings; transparent when unset, so they sit on the page's colour.
    pub background: Option<String>,
}

/// Keys mdBook itself reads from a preprocessor's table.
const MDBOOK_KEYS: &[&str] = &["command", "before", "after", "renderers", "optional"];
const OUR_KEYS: &[&str] = &[
    "output",
    "image-dir",
    "theme",
    "light-theme",
    "dark-theme",
    "unsupported",
    "config",
    "background",
];

impl Settings {
    /// The settings from the table (`root` is the book's folder, against which `config` is read).
    pub fn from_table(table: &Map<String, Value>, root: &Path) -> Result<Settings, String> {
        if let Some(key) = table
            .keys()
            .find(|k| !MDBOOK_KEYS.contains(&k.as_str()) && !OUR_KEYS.contains(&k.as_str()))
        {
            return Err(bad(
                key,
                &format!("is not an option; the options are {}", OUR_KEYS.join(", ")),
            ));
        }
        let output = match text(table, "output")?.as_deref().unwrap_or("inline") {
            "inline" => Output::Inline,
            "file" | "files" => Output::Files(PathBuf::from(
                text(table, "image-dir")?.unwrap_or_else(|| "mermaid-rs".into()),
            )),
            other => return Err(bad("output", &format!("is `{other}`; expected `inline` or `file`"))),
        };
        let theme = |key: &str, default: &str| -> Result<String, String> {
            let name = text(table, key)?.unwrap_or_else(|| default.into());
            if mermaid_rs::THEME_NAMES.contains(&name.as_str()) {
                Ok(name)
            } else {
                Err(bad(
                    key,
                    &format!("is `{name}`; expected one of {}", mermaid_rs::THEME_NAMES.join(", ")),
                ))
            }
        };
        let themes = match text(table, "theme")?.as_deref() {
            None | Some("auto") => Themes::FollowBook {
                light: theme("light-theme", "default")?,
                dark: theme("dark-theme", "dark")?,
            },
            Some(_) => Themes::One(theme("theme", "default")?),
        };
        let keep_unsupported = match text(table, "unsupported")?.as_deref().unwrap_or("keep") {
            "keep" => true,
            "fail" => false,
            other => return Err(bad("unsupported", &format!("is `{other}`; expected `keep` or `fail`"))),
        };
        let config = match text(table, "config")? {
            Some(file) => Some(
                std::fs::read_to_string(root.join(&file))
                    .map_err(|e| bad("config", &format!("names `{file}`, which cannot be read: {e}")))?,
            ),
            None => None,
        };
        Ok(Settings {
            output,
            themes,
            keep_unsupported,
            config,
            background: text(table, "background")?,
        })
    }
}

fn text(table: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match table.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(bad(key, &format!("is {other}; expected a string"))),
    }
}

fn bad(key: &str, what: &str) -> String {
    format!("mdbook-mermaid-rs: book.toml: [preprocessor.mermaid-rs] `{key}` {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(toml_like: &[(&str, &str)]) -> Result<Settings, String> {
        let table = toml_like
            .iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        Settings::from_table(&table, Path::new("."))
    }

    #[test]
    fn defaults_follow_the_book_inline_and_keep_unsupported() {
        let s = settings(&[("command", "x")]).unwrap();
        assert_eq!(s.output, Output::Inline);
        assert_eq!(
            s.themes,
            Themes::FollowBook {
                light: "default".into(),
                dark: "dark".into()
            }
        );
        assert!(s.keep_unsupported);
    }

    #[test]
    fn options_are_read_and_mistakes_named() {
        let s = settings(&[("output", "file"), ("theme", "forest"), ("unsupported", "fail")]).unwrap();
        assert_eq!(s.output, Output::Files("mermaid-rs".into()));
        assert_eq!(s.themes, Themes::One("forest".into()));
        assert!(!s.keep_unsupported);
        let e = settings(&[("theme", "sepia")]).unwrap_err();
        assert!(e.contains("`theme` is `sepia`; expected one of default, "), "{e}");
        let e = settings(&[("outptu", "file")]).unwrap_err();
        assert!(e.contains("`outptu` is not an option"), "{e}");
        let e = settings(&[("config", "missing.json")]).unwrap_err();
        assert!(e.contains("`config` names `missing.json`"), "{e}");
    }
}
