//! Render Mermaid diagrams to SVG, PNG and PDF natively: no browser, no Node.js, no network.
//!
//! ```
//! let svg = mermaid_rs::render_svg("graph TD\n  A[Client] --> B[Server]", &mermaid_rs::Options::default())?;
//! assert!(svg.starts_with("<svg"));
//! # Ok::<(), mermaid_rs::Error>(())
//! ```
//!
//! This crate is the facade: it ties the stages together (`mermaid-parser` → `mermaid-layout` →
//! `mermaid-render`) and owns the public library API and the `mermaid-rs` command line (feature `cli`). It must
//! not contain any stage's logic itself.

mod config;
pub mod markdown;
mod output;

pub use mermaid_layout::{scene, Config, Scene, Theme, THEME_NAMES};
pub use mermaid_parser::{Diagram, ParseError};

/// How to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// A Mermaid theme name (`default`, `dark`, `forest`, `neutral`, `base`); the diagram's own front matter
    /// or `%%{init}%%` directive overrides it, as in Mermaid.
    pub theme: Option<String>,
    /// A Mermaid configuration object as JSON text (what mermaid-cli's `--configFile` holds): `theme`,
    /// `themeVariables`, `fontSize`, `flowchart.nodeSpacing`, `flowchart.rankSpacing`, `flowchart.curve`, …
    pub config: Option<String>,
    /// A CSS colour painted behind the diagram; `None` or `"transparent"` keeps it transparent.
    pub background: Option<String>,
    /// PNG only: pixels per SVG unit.
    pub scale: f32,
    /// The output's width in pixels (the SVG `width` attribute, the PDF page width and, before `scale`, the
    /// PNG's pixel width); the drawing is scaled to it, keeping its proportions. `None`: natural size.
    pub width: Option<f64>,
    /// The output's height, like `width`. With both, the drawing is fitted inside `width` × `height`.
    pub height: Option<f64>,
    /// Extra CSS put into the SVG in a `<style>` element (mermaid-cli's `--cssFile`); resvg applies it to PNG
    /// and PDF output too.
    pub css: Option<String>,
    /// The `id` attribute of the root `<svg>` element (mermaid-cli's `--svgId`).
    pub svg_id: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            theme: None,
            config: None,
            background: None,
            scale: 1.0,
            width: None,
            height: None,
            css: None,
            svg_id: None,
        }
    }
}

/// Everything that can go wrong while rendering.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The source is not a valid diagram. `render()` on the inner error gives a caret snippet.
    #[error("{0}")]
    Parse(#[from] ParseError),
    /// The options' theme or configuration is not valid.
    #[error("{0}")]
    Config(String),
    /// Rasterizing failed (for example, the image would be too large).
    #[cfg(feature = "png")]
    #[error("{0}")]
    Png(#[from] mermaid_render::PngError),
    /// Converting to PDF failed.
    #[cfg(feature = "pdf")]
    #[error("{0}")]
    Pdf(#[from] mermaid_render::PdfError),
}

impl Error {
    /// A multi-line, human-friendly rendering (with the source line and a caret for parse errors).
    pub fn render(&self) -> String {
        match self {
            Error::Parse(e) => e.render(),
            Error::Config(e) => format!("error: {e}"),
            #[cfg(feature = "png")]
            Error::Png(e) => format!("error: {e}"),
            #[cfg(feature = "pdf")]
            Error::Pdf(e) => format!("error: {e}"),
        }
    }
}

/// Parse a diagram without laying it out: the fastest way to check a source for errors.
pub fn parse(source: &str) -> Result<Diagram, Error> {
    Ok(mermaid_parser::parse(source)?)
}

/// Parse and lay out a diagram into its positioned scene.
pub fn layout(source: &str, options: &Options) -> Result<Scene, Error> {
    let diagram = parse(source)?;
    let config = config::resolve(diagram.meta(), options.theme.as_deref(), options.config.as_deref())
        .map_err(|e| Error::Config(e.0))?;
    Ok(mermaid_layout::lay_out(&diagram, &config))
}

/// Render a diagram to a standalone SVG document.
pub fn render_svg(source: &str, options: &Options) -> Result<String, Error> {
    let scene = layout(source, options)?;
    Ok(svg_of(&scene, options))
}

fn svg_of(scene: &Scene, options: &Options) -> String {
    let svg_options = mermaid_render::SvgOptions {
        background: options.background.clone(),
    };
    output::finish_svg(mermaid_render::write_svg(scene, &svg_options), options)
}

/// Render a diagram to PNG bytes at `options.scale`.
#[cfg(feature = "png")]
pub fn render_png(source: &str, options: &Options) -> Result<Vec<u8>, Error> {
    let svg = render_svg(source, options)?;
    Ok(mermaid_render::svg_to_png(&svg, options.scale)?)
}

/// Render a diagram to a one-page vector PDF the size of the drawing (or of `options.width`/`height`). Text
/// stays selectable text in the embedded font.
#[cfg(feature = "pdf")]
pub fn render_pdf(source: &str, options: &Options) -> Result<Vec<u8>, Error> {
    let svg = render_svg(source, options)?;
    Ok(mermaid_render::svg_to_pdf(&svg)?)
}

/// Render a diagram's layout as geometry JSON (`mermaid-oracle-geometry/1`). `file` names the input in the output.
pub fn render_geometry_json(source: &str, options: &Options, file: &str) -> Result<String, Error> {
    let scene = layout(source, options)?;
    Ok(mermaid_render::geometry_json(&scene, file).to_string())
}
