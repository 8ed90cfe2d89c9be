//! mermaid-rs in the browser: WebAssembly bindings over the `mermaid-rs` facade.
//!
//! Built for `wasm32-unknown-unknown` with wasm-bindgen (`web/build.sh`), this crate becomes an ES-module
//! package exporting
//!
//! - `render(source, options?) -> string` — the SVG document;
//! - `renderPng(source, options?) -> Uint8Array` — PNG bytes (only in builds with the `png` feature; see
//!   `pngSupported()`);
//! - `check(source, options?) -> Diagnostic[]` — an empty array when the source renders;
//! - `version() -> string`.
//!
//! Errors thrown by `render` and `renderPng` are JavaScript `Error`s whose `message` is the one-line message and
//! which carry `line`, `column`, `endLine`, `endColumn`, `hint` (parse errors) and `rendered` (the multi-line
//! caret snippet the command line prints).
//!
//! The logic lives in plain Rust ([`Diagnostic`], [`diagnostics_of`], [`JsOptions`]) so it is tested on the
//! host; the `#[wasm_bindgen]` functions only convert values.

use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use mermaid_rs::{Error, Options};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** How to render. Every field is optional. */
export interface RenderOptions {
  /** A Mermaid theme: "default", "dark", "forest", "neutral" or "base". The diagram's own front matter or
   *  %%{init}%% directive wins over it, as in Mermaid. */
  theme?: string;
  /** A Mermaid configuration object (or its JSON text), as mermaid-cli's --configFile holds:
   *  theme, themeVariables, fontSize, flowchart.nodeSpacing, ... */
  config?: string | Record<string, unknown>;
  /** A CSS colour painted behind the diagram; absent or "transparent" keeps it transparent. */
  background?: string;
  /** renderPng only: pixels per SVG unit (default 1). */
  scale?: number;
}

/** One problem found in a source. Lines and columns are 1-based; columns count Unicode code points. */
export interface Diagnostic {
  line: number;
  column: number;
  /** Where the offending text ends (exclusive), when it has a known extent. */
  endLine?: number;
  endColumn?: number;
  message: string;
  /** A suggestion ("did you mean `-->`?"), or null. */
  hint: string | null;
}

export interface DiagramType {
  /** Mermaid's name for the type (`flowchart`, `sequence`, `er`, …). */
  name: string;
  /** The first keywords of a source that select it (`graph`, `flowchart`, …). */
  keywords: string[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `RenderOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "RenderOptions")]
    pub type RenderOptions;
    /// `Diagnostic[]` in TypeScript.
    #[wasm_bindgen(typescript_type = "Diagnostic[]")]
    pub type Diagnostics;
    /// `DiagramType[]` in TypeScript.
    #[wasm_bindgen(typescript_type = "DiagramType[]")]
    pub type DiagramTypes;
}

/// One problem found in a source, as `check` returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// End of the offending text (exclusive), when it is longer than nothing.
    pub end: Option<(usize, usize)>,
    /// One-line message.
    pub message: String,
    /// An optional suggestion.
    pub hint: Option<String>,
    /// The multi-line caret rendering.
    pub rendered: String,
}

/// Line and column (1-based, characters) of byte `offset` in `source`.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The diagnostic for a rendering error of `source`.
pub fn diagnostic_of(source: &str, error: &Error) -> Diagnostic {
    match error {
        Error::Parse(e) => {
            let end = (e.span.end > e.span.start).then(|| line_column(source, e.span.end));
            Diagnostic {
                line: e.line,
                column: e.column,
                end,
                message: e.message.clone(),
                hint: e.hint.clone(),
                rendered: e.render(),
            }
        }
        // Configuration and rasterizing errors have no place in the source: report them on the first line.
        other => Diagnostic {
            line: 1,
            column: 1,
            end: None,
            message: other.to_string(),
            hint: None,
            rendered: other.render(),
        },
    }
}

/// Every problem that stops `source` from rendering with `options` (at most one today: the first).
pub fn diagnostics_of(source: &str, options: &Options) -> Vec<Diagnostic> {
    match mermaid_rs::layout(source, options) {
        Ok(_) => Vec::new(),
        Err(e) => vec![diagnostic_of(source, &e)],
    }
}

/// Render options as read from a JavaScript object, before conversion to [`Options`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsOptions {
    pub theme: Option<String>,
    /// Configuration JSON text (an object given from JavaScript is stringified first).
    pub config: Option<String>,
    pub background: Option<String>,
    pub scale: Option<f64>,
}

impl JsOptions {
    /// The facade's options; a scale that is not a positive finite number is an error.
    pub fn into_options(self) -> Result<Options, String> {
        let scale = match self.scale {
            None => 1.0,
            Some(s) if s.is_finite() && s > 0.0 => s as f32,
            Some(s) => return Err(format!("scale must be a positive number, got {s}")),
        };
        Ok(Options {
            theme: self.theme.filter(|t| !t.is_empty()),
            config: self.config.filter(|c| !c.trim().is_empty()),
            background: self.background.filter(|b| !b.is_empty()),
            scale,
            ..Options::default()
        })
    }
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Read a string field (`undefined`/`null` are absent; anything else must be a string).
fn string_field(object: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    let value = Reflect::get(object, &JsValue::from_str(key))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| js_error(&format!("options.{key} must be a string")))
}

/// Read the options object given from JavaScript.
fn read_options(options: Option<RenderOptions>) -> Result<Options, JsValue> {
    let Some(options) = options else {
        return Ok(Options::default());
    };
    let object: JsValue = options.into();
    if object.is_undefined() || object.is_null() {
        return Ok(Options::default());
    }
    if !object.is_object() {
        return Err(js_error("options must be an object"));
    }
    let config = Reflect::get(&object, &JsValue::from_str("config"))?;
    let config = if config.is_undefined() || config.is_null() {
        None
    } else if let Some(text) = config.as_string() {
        Some(text)
    } else {
        JSON::stringify(&config)?.as_string()
    };
    let scale = Reflect::get(&object, &JsValue::from_str("scale"))?;
    let scale = if scale.is_undefined() || scale.is_null() {
        None
    } else {
        Some(
            scale
                .as_f64()
                .ok_or_else(|| js_error("options.scale must be a number"))?,
        )
    };
    JsOptions {
        theme: string_field(&object, "theme")?,
        config,
        background: string_field(&object, "background")?,
        scale,
    }
    .into_options()
    .map_err(|e| js_error(&e))
}

fn set(object: &Object, key: &str, value: JsValue) {
    // Setting a property on a plain object we just made cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

fn fill(object: &Object, d: &Diagnostic) {
    set(object, "line", JsValue::from_f64(d.line as f64));
    set(object, "column", JsValue::from_f64(d.column as f64));
    if let Some((line, column)) = d.end {
        set(object, "endLine", JsValue::from_f64(line as f64));
        set(object, "endColumn", JsValue::from_f64(column as f64));
    }
    set(
        object,
        "hint",
        d.hint.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
}

fn diagnostic_to_js(d: &Diagnostic) -> JsValue {
    let object = Object::new();
    fill(&object, d);
    set(&object, "message", JsValue::from_str(&d.message));
    object.into()
}

/// A thrown `Error` carrying the diagnostic's fields.
fn error_to_js(source: &str, error: &Error) -> JsValue {
    let d = diagnostic_of(source, error);
    let e = js_sys::Error::new(&d.message);
    fill(&e, &d);
    set(&e, "rendered", JsValue::from_str(&d.rendered));
    e.into()
}

/// Render a diagram to a standalone SVG document. Throws an `Error` with `line`, `column`, `hint` and
/// `rendered` fields when the source is not valid.
#[wasm_bindgen]
pub fn render(source: &str, options: Option<RenderOptions>) -> Result<String, JsValue> {
    let options = read_options(options)?;
    mermaid_rs::render_svg(source, &options).map_err(|e| error_to_js(source, &e))
}

/// Render a diagram to PNG bytes at `options.scale` (default 1). Only builds with the `png` feature can;
/// others throw (see `pngSupported()`).
#[wasm_bindgen(js_name = renderPng)]
pub fn render_png(source: &str, options: Option<RenderOptions>) -> Result<Uint8Array, JsValue> {
    let options = read_options(options)?;
    #[cfg(feature = "png")]
    {
        let png = mermaid_rs::render_png(source, &options).map_err(|e| error_to_js(source, &e))?;
        Ok(Uint8Array::from(png.as_slice()))
    }
    #[cfg(not(feature = "png"))]
    {
        let _ = (source, options);
        Err(js_error(
            "this build of mermaid-rs has no PNG support: use the PNG package (cargo feature `png`)",
        ))
    }
}

/// Whether this build can `renderPng`.
#[wasm_bindgen(js_name = pngSupported)]
pub fn png_supported() -> bool {
    cfg!(feature = "png")
}

/// Check a source without drawing it: an empty array when it renders, else its problems with their places.
#[wasm_bindgen]
pub fn check(source: &str, options: Option<RenderOptions>) -> Result<Diagnostics, JsValue> {
    let options = read_options(options)?;
    let out = Array::new();
    for d in diagnostics_of(source, &options) {
        out.push(&diagnostic_to_js(&d));
    }
    Ok(JsValue::from(out).unchecked_into())
}

/// The diagram types this build renders, from mermaid-rs's registry.
#[wasm_bindgen(js_name = diagramTypes)]
pub fn diagram_types() -> DiagramTypes {
    let out = Array::new();
    for t in mermaid_rs::DIAGRAM_TYPES {
        let entry = Object::new();
        let keywords: Array = t.keywords().iter().map(|k| JsValue::from_str(k)).collect();
        set(&entry, "name", JsValue::from_str(t.name));
        set(&entry, "keywords", keywords.into());
        out.push(&entry);
    }
    JsValue::from(out).unchecked_into()
}

/// The version of mermaid-rs this package was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_source_has_no_diagnostics() {
        assert!(diagnostics_of("graph TD\n  A --> B", &Options::default()).is_empty());
    }

    #[test]
    fn parse_error_has_its_place_and_extent() {
        let source = "graph TD\n  A --> B\n  B -> C\n";
        let d = diagnostics_of(source, &Options::default());
        assert_eq!(d.len(), 1);
        let d = &d[0];
        assert_eq!((d.line, d.column), (3, 5));
        let (end_line, end_column) = d.end.expect("the error has an extent");
        assert_eq!(end_line, 3);
        assert!(end_column > 5);
        assert!(!d.message.is_empty());
        assert!(d.rendered.contains("line 3, column 5"), "{}", d.rendered);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("ab\néé x", 7), (2, 3));
        // Inside a multi-byte character: rounds down to its start.
        assert_eq!(line_column("é", 1), (1, 1));
        assert_eq!(line_column("a", 99), (1, 2));
    }

    #[test]
    fn config_errors_are_reported_on_the_first_line() {
        let options = JsOptions {
            config: Some("[1]".into()),
            ..Default::default()
        }
        .into_options()
        .unwrap();
        let d = diagnostics_of("graph TD\n  A --> B", &options);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (1, 1));
        assert!(d[0].message.contains("object"), "{}", d[0].message);
    }

    #[test]
    fn options_convert() {
        let o = JsOptions {
            theme: Some("dark".into()),
            config: Some("  ".into()),
            background: Some(String::new()),
            scale: Some(2.0),
        }
        .into_options()
        .unwrap();
        assert_eq!(o.theme.as_deref(), Some("dark"));
        assert_eq!(o.config, None);
        assert_eq!(o.background, None);
        assert_eq!(o.scale, 2.0);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(JsOptions {
                scale: Some(bad),
                ..Default::default()
            }
            .into_options()
            .is_err());
        }
    }

    #[test]
    fn version_is_the_crate_version() {
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }
}
