//! The `mermaid_rs` Python module: mermaid-rs's facade (`render_svg`, `render_png`, `render_pdf`, `parse`, the
//! Markdown block finder) as Python functions, errors as Python exceptions that carry the line and column.
//!
//! It owns only the translation between Python and the `mermaid-rs` crate's public API (argument types,
//! exceptions, releasing the interpreter while rendering); it must not know how diagrams are parsed or drawn.
//!
//! Everything is behind the `python` feature, which maturin turns on; without it the crate is empty, so that
//! workspace builds need no Python.
#![cfg(feature = "python")]

use facade::{Error, Options};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

create_exception!(
    mermaid_rs,
    MermaidError,
    PyValueError,
    "A diagram could not be rendered: a bad theme or configuration, or a diagram too large for the limits."
);
create_exception!(
    mermaid_rs,
    MermaidSyntaxError,
    MermaidError,
    "A diagram's text is not valid Mermaid. Attributes: `message`, `line` and `column` (1-based, the column in \
     characters), `end_column`, `hint` (a suggestion or None) and `source_line` (the text of that line)."
);

/// The rendering options from the Python keyword arguments. `config` is Mermaid's configuration object as a
/// dict or as JSON text.
#[allow(clippy::too_many_arguments)]
fn options(
    theme: Option<String>,
    config: Option<&Bound<'_, PyAny>>,
    background: Option<String>,
    width: Option<f64>,
    height: Option<f64>,
    css: Option<String>,
    scale: f32,
) -> PyResult<Options> {
    let config = match config {
        None => None,
        Some(c) if c.is_none() => None,
        Some(c) if c.is_instance_of::<PyString>() => Some(c.extract::<String>()?),
        Some(c) if c.is_instance_of::<PyDict>() => {
            let json = c.py().import("json")?;
            Some(json.call_method1("dumps", (c,))?.extract::<String>()?)
        }
        Some(c) => {
            return Err(PyTypeError::new_err(format!(
                "config must be a dict or a JSON string, not {}",
                c.get_type().name()?
            )))
        }
    };
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PyValueError::new_err(format!(
            "scale must be a positive number, not {scale}"
        )));
    }
    for (name, size) in [("width", width), ("height", height)] {
        if size.is_some_and(|s| !(s.is_finite() && s > 0.0)) {
            return Err(PyValueError::new_err(format!("{name} must be a positive number")));
        }
    }
    Ok(Options {
        theme,
        config,
        background,
        scale,
        width,
        height,
        css,
        ..Options::default()
    })
}

/// The Python exception for an error: `MermaidSyntaxError` with its place for a parse error, `MermaidError`
/// otherwise.
fn to_python(py: Python<'_>, text: &str, error: Error) -> PyErr {
    let Error::Parse(p) = error else {
        return MermaidError::new_err(error.to_string());
    };
    let spanned = text
        .get(p.span.start.min(text.len())..p.span.end.min(text.len()))
        .unwrap_or("")
        .split('\n')
        .next()
        .unwrap_or("");
    let end_column = p.column + spanned.chars().count().max(1);
    let err = MermaidSyntaxError::new_err(format!("line {}, column {}: {}", p.line, p.column, p.message));
    let value = err.value(py);
    let attributes = [
        value.setattr("message", &p.message),
        value.setattr("line", p.line),
        value.setattr("column", p.column),
        value.setattr("end_column", end_column),
        value.setattr("hint", p.hint.as_deref()),
        value.setattr("source_line", &p.source_line),
    ];
    match attributes.into_iter().find_map(Result::err) {
        Some(e) => e,
        None => err,
    }
}

/// Render a diagram to an SVG document (text). `svg_id` names the root element and prefixes the drawing's own
/// ids (its markers), so that several drawings can share an HTML page.
#[pyfunction]
#[pyo3(signature = (text, *, theme=None, config=None, background=None, width=None, height=None, css=None, svg_id=None))]
#[allow(clippy::too_many_arguments)]
fn render_svg(
    py: Python<'_>,
    text: &str,
    theme: Option<String>,
    config: Option<&Bound<'_, PyAny>>,
    background: Option<String>,
    width: Option<f64>,
    height: Option<f64>,
    css: Option<String>,
    svg_id: Option<String>,
) -> PyResult<String> {
    let options = options(theme, config, background, width, height, css, 1.0)?;
    py.detach(|| {
        let svg = facade::render_svg(text, &options)?;
        match svg_id.as_deref().filter(|id| !id.is_empty()) {
            Some(id) => facade::prefix_ids(&svg, id),
            None => Ok(svg),
        }
    })
    .map_err(|e| to_python(py, text, e))
}

/// Render a diagram to PNG bytes; `scale` is pixels per SVG unit, the background white unless given.
#[pyfunction]
#[pyo3(signature = (text, *, theme=None, config=None, background=Some("white".to_string()), width=None, height=None, css=None, scale=1.0))]
#[allow(clippy::too_many_arguments)]
fn render_png<'py>(
    py: Python<'py>,
    text: &str,
    theme: Option<String>,
    config: Option<&Bound<'py, PyAny>>,
    background: Option<String>,
    width: Option<f64>,
    height: Option<f64>,
    css: Option<String>,
    scale: f32,
) -> PyResult<Bound<'py, PyBytes>> {
    let options = options(theme, config, background, width, height, css, scale)?;
    render_bytes(py, text, &options, facade::render_png)
}

/// Render a diagram to a one-page vector PDF (bytes), its text kept as text.
#[pyfunction]
#[pyo3(signature = (text, *, theme=None, config=None, background=Some("white".to_string()), width=None, height=None, css=None))]
#[allow(clippy::too_many_arguments)]
fn render_pdf<'py>(
    py: Python<'py>,
    text: &str,
    theme: Option<String>,
    config: Option<&Bound<'py, PyAny>>,
    background: Option<String>,
    width: Option<f64>,
    height: Option<f64>,
    css: Option<String>,
) -> PyResult<Bound<'py, PyBytes>> {
    let options = options(theme, config, background, width, height, css, 1.0)?;
    render_bytes(py, text, &options, facade::render_pdf)
}

/// A binary rendering as Python `bytes`, drawn while the interpreter is free for other threads.
fn render_bytes<'py>(
    py: Python<'py>,
    text: &str,
    options: &Options,
    render: fn(&str, &Options) -> Result<Vec<u8>, Error>,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py
        .detach(|| render(text, options))
        .map_err(|e| to_python(py, text, e))?;
    Ok(PyBytes::new(py, &bytes))
}

/// Parse a diagram without drawing it: returns None, or raises `MermaidSyntaxError` at the first error.
#[pyfunction]
fn check(py: Python<'_>, text: &str) -> PyResult<()> {
    py.detach(|| facade::parse(text).map(|_| ()))
        .map_err(|e| to_python(py, text, e))
}

/// A Mermaid block of a Markdown document.
#[pyclass(frozen, get_all, module = "mermaid_rs")]
struct Block {
    /// 1-based position among the document's diagrams.
    index: usize,
    /// The diagram's text, without the fences and the block's indentation or `>` markers.
    source: String,
    /// The block's place in the document as string indices (`doc[start:end]` is the block, fences included).
    start: usize,
    end: usize,
    /// 1-based line of the opening fence, and of the diagram's first line.
    fence_line: usize,
    first_line: usize,
}

#[pymethods]
impl Block {
    fn __repr__(&self) -> String {
        format!(
            "Block(index={}, fence_line={}, start={}, end={})",
            self.index, self.fence_line, self.start, self.end
        )
    }
}

/// Every Mermaid block of a Markdown document, found by a CommonMark parser as GitHub finds them (inside block
/// quotes and lists too, never inside other code blocks).
#[pyfunction]
fn find_blocks(markdown: &str) -> Vec<Block> {
    let blocks = facade::markdown::extract(markdown);
    // Python indexes strings by character: turn the byte offsets into character offsets in one pass.
    let mut chars_before = 0;
    let mut at = 0;
    let mut to_chars = |byte: usize| {
        chars_before += markdown[at..byte].chars().count();
        at = byte;
        chars_before
    };
    blocks
        .into_iter()
        .map(|b| Block {
            index: b.index,
            start: to_chars(b.range.start),
            end: to_chars(b.range.end),
            fence_line: b.fence_line,
            first_line: b.first_line,
            source: b.source,
        })
        .collect()
}

/// Render Mermaid diagrams to SVG, PNG and PDF natively, without a browser.
#[pymodule]
fn mermaid_rs(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(render_svg, m)?)?;
    m.add_function(wrap_pyfunction!(render_png, m)?)?;
    m.add_function(wrap_pyfunction!(render_pdf, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(find_blocks, m)?)?;
    m.add_class::<Block>()?;
    m.add("MermaidError", m.py().get_type::<MermaidError>())?;
    m.add("MermaidSyntaxError", m.py().get_type::<MermaidSyntaxError>())?;
    m.add("THEMES", facade::THEME_NAMES.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
