//! Mermaid configuration from every place it can come from, merged in Mermaid's order (later wins): the
//! options' theme name, the options' config JSON (mmdc's `--configFile`), the diagram's front matter `config:`,
//! then its `%%{init: …}%%` directives. The result is the typed [`Config`] layout takes.

use mermaid_layout::{Config, Curve, Theme};
use mermaid_parser::Meta;
use serde_json::{Map, Value};

/// Deep-merge `over` into `base`: objects merge key by key, anything else replaces.
fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o,
    }
}

/// Parse the JavaScript-object-like text of an init directive: single-quoted strings, unquoted keys and
/// trailing commas are accepted as Mermaid accepts them.
pub(crate) fn lenient_json(text: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str(text) {
        return Some(v);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' => {
                // Re-emit the string with double quotes, escaping as JSON needs.
                out.push('"');
                i += 1;
                while i < chars.len() && chars[i] != c {
                    match chars[i] {
                        '\\' if i + 1 < chars.len() => {
                            if chars[i + 1] == '\'' {
                                out.push('\'');
                            } else {
                                out.push('\\');
                                out.push(chars[i + 1]);
                            }
                            i += 1;
                        }
                        '"' => out.push_str("\\\""),
                        '\n' => out.push_str("\\n"),
                        ch => out.push(ch),
                    }
                    i += 1;
                }
                out.push('"');
                i += 1;
            }
            c if c.is_alphabetic() || c == '_' || c == '$' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let mut j = i;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if j < chars.len() && chars[j] == ':' || !matches!(word.as_str(), "true" | "false" | "null") {
                    out.push('"');
                    out.push_str(&word);
                    out.push('"');
                } else {
                    out.push_str(&word);
                }
            }
            ',' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                if !(j < chars.len() && (chars[j] == '}' || chars[j] == ']')) {
                    out.push(',');
                }
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    serde_json::from_str(&out).ok()
}

/// Parse the block-style YAML subset that front matter `config:` uses: nested maps by indentation, scalars
/// (quoted or bare strings, numbers, booleans) and `- item` lists of scalars.
pub(crate) fn yaml_subset(text: &str) -> Value {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .map(|l| (l.len() - l.trim_start().len(), l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut pos = 0;
    yaml_block(&lines, &mut pos, 0)
}

fn yaml_scalar(text: &str) -> Value {
    let t = text.trim();
    if t.len() >= 2 && ((t.starts_with('"') && t.ends_with('"')) || (t.starts_with('\'') && t.ends_with('\''))) {
        return Value::String(t[1..t.len() - 1].to_string());
    }
    if t.starts_with('{') || t.starts_with('[') {
        if let Some(v) = lenient_json(t) {
            return v;
        }
    }
    match t {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" | "~" => Value::Null,
        _ => t
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(t.into()), Value::Number),
    }
}

fn yaml_block(lines: &[(usize, &str)], pos: &mut usize, indent: usize) -> Value {
    let mut map = Map::new();
    let mut list = Vec::new();
    while *pos < lines.len() {
        let (ind, line) = lines[*pos];
        if ind < indent {
            break;
        }
        *pos += 1;
        if let Some(item) = line.strip_prefix("- ") {
            list.push(yaml_scalar(item));
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
        let value = if rest.trim().is_empty() {
            match lines.get(*pos) {
                Some(&(next, _)) if next > ind => yaml_block(lines, pos, next),
                _ => Value::Null,
            }
        } else {
            yaml_scalar(rest)
        };
        map.insert(key, value);
    }
    if map.is_empty() && !list.is_empty() {
        Value::Array(list)
    } else {
        Value::Object(map)
    }
}

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

/// Merge every configuration source for a diagram into a layout [`Config`].
pub(crate) fn resolve(meta: &Meta, theme: Option<&str>, config_json: Option<&str>) -> Result<Config, ConfigError> {
    let mut value = Value::Object(Map::new());
    if let Some(name) = theme {
        if Theme::named(name).is_none() {
            return Err(ConfigError(format!(
                "unknown theme `{name}`; expected one of {}",
                mermaid_layout::THEME_NAMES.join(", ")
            )));
        }
        merge(&mut value, serde_json::json!({ "theme": name }));
    }
    if let Some(text) = config_json {
        let v: Value = serde_json::from_str(text).map_err(|e| ConfigError(format!("config is not valid JSON: {e}")))?;
        if !v.is_object() {
            return Err(ConfigError("config must be a JSON object".into()));
        }
        merge(&mut value, v);
    }
    if let Some(yaml) = &meta.front_matter_config {
        merge(&mut value, yaml_subset(yaml));
    }
    for directive in &meta.init_directives {
        // Mermaid reports a directive it cannot read and goes on without it; so do we.
        if let Some(v) = lenient_json(directive).filter(Value::is_object) {
            merge(&mut value, v);
        }
    }
    Ok(to_config(&value, meta))
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

fn to_config(value: &Value, meta: &Meta) -> Config {
    let mut config = Config::default();
    if let Some(theme) = value.get("theme").and_then(Value::as_str).and_then(Theme::named) {
        config.theme = theme;
    }
    if let Some(vars) = value.get("themeVariables").and_then(Value::as_object) {
        let texts: Vec<(&str, String)> = vars
            .iter()
            .filter_map(|(k, v)| match v {
                Value::String(s) => Some((k.as_str(), s.clone())),
                Value::Number(n) => Some((k.as_str(), n.to_string())),
                _ => None,
            })
            .collect();
        config.theme.set_variables(texts.iter().map(|(k, v)| (*k, v.as_str())));
    }
    if let Some(size) = value
        .get("fontSize")
        .and_then(number)
        .filter(|s| *s > 0.0 && *s <= 200.0)
    {
        config.theme.font_size = size;
    }
    let flowchart = value.get("flowchart");
    let get = |key: &str| flowchart.and_then(|f| f.get(key)).and_then(number);
    let clamp = |v: f64| v.clamp(0.0, 10_000.0);
    if let Some(v) = get("nodeSpacing") {
        config.node_spacing = clamp(v);
    }
    if let Some(v) = get("rankSpacing") {
        config.rank_spacing = clamp(v);
    }
    if let Some(v) = get("diagramPadding") {
        config.diagram_padding = clamp(v);
    }
    if let Some(v) = get("wrappingWidth") {
        config.wrapping_width = clamp(v);
    }
    if let Some(curve) = flowchart
        .and_then(|f| f.get("curve"))
        .and_then(Value::as_str)
        .and_then(Curve::from_name)
    {
        config.curve = curve;
    }
    // Mermaid reads sequence options under `sequence`; directives in the wild also put them at the top level
    // or under `config`, and mermaid honours those too.
    let sequence_flag = |key: &str| {
        [value.get("sequence"), Some(value), value.get("config")]
            .into_iter()
            .flatten()
            .find_map(|v| v.get(key).and_then(Value::as_bool))
    };
    if let Some(mirror) = sequence_flag("mirrorActors") {
        config.mirror_actors = mirror;
    }
    if let Some(wrap) = sequence_flag("wrap") {
        config.sequence_wrap = wrap;
    }
    let class_flag = |key: &str| value.get("class").and_then(|c| c.get(key)).and_then(Value::as_bool);
    if let Some(hide) = class_flag("hideEmptyMembersBox") {
        config.class_hide_empty_members = hide;
    }
    if let Some(nest) = class_flag("hierarchicalNamespaces") {
        config.class_hierarchical_namespaces = nest;
    }
    config.title = meta.title.clone();
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_json_reads_mermaid_directives() {
        let v = lenient_json("{ 'theme': 'forest', flowchart: {curve: 'linear', nodeSpacing: 10,}, }").unwrap();
        assert_eq!(v["theme"], "forest");
        assert_eq!(v["flowchart"]["curve"], "linear");
        assert_eq!(v["flowchart"]["nodeSpacing"], 10);
        assert_eq!(lenient_json(r#"{"a": true}"#).unwrap()["a"], true);
        assert!(lenient_json("{ broken").is_none());
    }

    #[test]
    fn yaml_front_matter_config() {
        let v = yaml_subset("theme: dark\nflowchart:\n  curve: linear\n  nodeSpacing: 80\nthemeVariables:\n  primaryColor: \"#ff0000\"\n");
        assert_eq!(v["theme"], "dark");
        assert_eq!(v["flowchart"]["curve"], "linear");
        assert_eq!(v["flowchart"]["nodeSpacing"], 80.0);
        assert_eq!(v["themeVariables"]["primaryColor"], "#ff0000");
    }

    #[test]
    fn later_sources_win() {
        let meta = Meta {
            front_matter_config: Some("theme: forest\nflowchart:\n  rankSpacing: 20".into()),
            init_directives: vec!["{'theme': 'neutral'}".into()],
            ..Default::default()
        };
        let c = resolve(
            &meta,
            Some("dark"),
            Some(r#"{"theme": "base", "flowchart": {"nodeSpacing": 5}}"#),
        )
        .unwrap();
        assert_eq!(c.theme, Theme::named("neutral").unwrap());
        assert_eq!(c.node_spacing, 5.0);
        assert_eq!(c.rank_spacing, 20.0);
        assert!(resolve(&Meta::default(), Some("nope"), None).is_err());
        assert!(resolve(&Meta::default(), None, Some("[1]")).is_err());
    }
}
