//! Render Mermaid diagrams to SVG, PNG and PDF natively: no browser, no Node.js, no network.
//!
//! ```
//! let svg = mermaid_rs::render_svg("graph TD\n  A[Client] --> B[Server]", &mermaid_rs::Options::default())?;
//! assert!(svg.starts_with("<svg"));
//! # Ok::<(), mermaid_rs::Error>(())
//! ```
//!
//! This crate is the facade: it ties the stages together (`mermaid-parser` → `mermaid-layout` → the
//! `mermaid-scene` scene → `mermaid-render`) through the registry of diagram types ([`DIAGRAM_TYPES`]), and owns
//! the public library API and the `mermaid-rs` command line (feature `cli`). It must not contain any stage's
//! logic itself.
// Library code must not panic on any input; unit tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod config;
pub mod markdown;
mod output;
mod registry;
mod svg_ids;

pub use mermaid_layout::Config;
pub use mermaid_parser::{Diagram, ParseError, Span};
pub use mermaid_scene::{self as scene, Scene, Theme, THEME_NAMES};
pub use registry::{keyword_list, DiagramType, DIAGRAM_TYPES};
pub use svg_ids::prefix_ids;

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
    /// and PDF output too. Control characters other than tab and line breaks are an [`Error::Config`].
    pub css: Option<String>,
    /// The `id` attribute of the root `<svg>` element (mermaid-cli's `--svgId`) and the prefix of every id
    /// inside it. Letters, digits, `-`, `_`, `.`, `:`, starting with a letter or `_`, at most 128 characters;
    /// anything else is an [`Error::Config`]. `None`: ids are prefixed with a hash of the source.
    pub svg_id: Option<String>,
    /// How large a diagram may be; inputs beyond these are rejected with an error, never half-rendered.
    pub limits: Limits,
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
            limits: Limits::default(),
        }
    }
}

/// Resource limits, so that no input can make rendering take unbounded time or memory. The defaults accept any
/// reasonable hand-written or generated diagram; raise them only for trusted input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Source length in bytes. Default 1 MiB (Mermaid's own default is 50,000 characters).
    pub max_input_bytes: usize,
    /// Nesting depth of flowchart subgraphs, sequence blocks and composite states. Default 256.
    pub max_nesting_depth: usize,
    /// Flowchart nodes, sequence participants, ER entities, classes, states and notes. Default 10,000.
    pub max_nodes: usize,
    /// Flowchart edges, sequence statements, ER relationships, class relations and notes, state transitions.
    /// Default 20,000.
    pub max_edges: usize,
    /// Characters in one label. Default 20,000.
    pub max_label_chars: usize,
    /// Estimated layout work (see [`mermaid_layout::layout_cost`]: roughly the nodes, edges and the dummy
    /// nodes long edges need). Default 100,000: a chain or fan-out of 10,000 nodes costs about 20,000, a
    /// complete graph on 60 nodes about 72,000; roughly 25 µs per unit in release builds, 500 µs in debug.
    pub max_layout_cost: u64,
    /// Estimated work of rasterizing a PNG, in pixel visits (see [`mermaid_render::raster_work`]: the canvas
    /// plus the bounding box of every shape and line, at the output scale). Default 2.5·10⁹, about 4 s of CPU
    /// in release builds; a fan-out of 1,000 children from one node costs 1.9·10⁹, of 2,000 children 7.8·10⁹.
    pub max_raster_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        let p = mermaid_parser::Limits::DEFAULT;
        Limits {
            max_input_bytes: p.max_input_bytes,
            max_nesting_depth: p.max_nesting_depth,
            max_nodes: p.max_nodes,
            max_edges: p.max_edges,
            max_label_chars: p.max_label_chars,
            max_layout_cost: 100_000,
            max_raster_work: 2_500_000_000,
        }
    }
}

impl Limits {
    /// The part of the limits the parser enforces.
    pub fn parser(&self) -> mermaid_parser::Limits {
        mermaid_parser::Limits {
            max_input_bytes: self.max_input_bytes,
            max_nesting_depth: self.max_nesting_depth,
            max_nodes: self.max_nodes,
            max_edges: self.max_edges,
            max_label_chars: self.max_label_chars,
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
    /// The diagram parses but is too large to lay out within [`Limits::max_layout_cost`].
    #[error("{0}")]
    Limit(String),
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
            Error::Config(e) | Error::Limit(e) => format!("error: {e}"),
            #[cfg(feature = "png")]
            Error::Png(e) => format!("error: {e}"),
            #[cfg(feature = "pdf")]
            Error::Pdf(e) => format!("error: {e}"),
        }
    }
}

/// Parse a diagram without laying it out (with the default [`Limits`]): the fastest way to check a source for
/// errors.
pub fn parse(source: &str) -> Result<Diagram, Error> {
    Ok(registry::parse(source, &mermaid_parser::Limits::default())?)
}

/// Parse a diagram and check it against every limit that can be checked before layout (`options.limits`, the
/// layout cost included), without laying it out: what a caller runs first to refuse a diagram cheaply.
pub fn check(source: &str, options: &Options) -> Result<Diagram, Error> {
    let limits = &options.limits;
    let diagram = registry::parse(source, &limits.parser())?;
    let cost = mermaid_layout::layout_cost(&diagram);
    if cost > limits.max_layout_cost {
        return Err(Error::Limit(format!(
            "the diagram is too large to lay out: its estimated layout cost is {cost}, more than the limit of {} \
             (fewer nodes, fewer or shorter edges help; raise `Limits::max_layout_cost` for trusted input)",
            limits.max_layout_cost
        )));
    }
    Ok(diagram)
}

/// Parse and lay out a diagram into its positioned scene.
pub fn layout(source: &str, options: &Options) -> Result<Scene, Error> {
    let diagram = check(source, options)?;
    let config = config::resolve(diagram.meta(), options.theme.as_deref(), options.config.as_deref())
        .map_err(|e| Error::Config(e.0))?;
    Ok(registry::lay_out(&diagram, &config))
}

/// Lay out an already parsed diagram with resolved settings (no limits, no configuration from the diagram's
/// own front matter): the layout stage alone, as the benches time it.
pub fn layout_parsed(diagram: &Diagram, config: &Config) -> Scene {
    registry::lay_out(diagram, config)
}

/// Render a diagram to a standalone SVG document.
pub fn render_svg(source: &str, options: &Options) -> Result<String, Error> {
    svg_of(source, options, false)
}

/// The SVG of a diagram; a `still` one (for PNG and PDF) leaves out what only shows on hover. Its ids are
/// prefixed with the `svg_id`, or else a hash of the source and options, so that two diagrams on one page
/// never share an id while the same input still gives the same bytes.
fn svg_of(source: &str, options: &Options, still: bool) -> Result<String, Error> {
    output::check_svg_id_and_css(options).map_err(Error::Config)?;
    let scene = layout(source, options)?;
    let svg_options = mermaid_render::SvgOptions {
        background: options.background.clone(),
        still,
        id_prefix: output::id_prefix(source, options),
    };
    Ok(output::finish_svg(
        mermaid_render::write_svg(&scene, &svg_options),
        options,
    ))
}

/// Render a diagram to PNG bytes at `options.scale`.
#[cfg(feature = "png")]
pub fn render_png(source: &str, options: &Options) -> Result<Vec<u8>, Error> {
    let svg = svg_of(source, options, true)?;
    Ok(mermaid_render::svg_to_png(
        &svg,
        options.scale,
        options.limits.max_raster_work,
    )?)
}

/// Render a diagram to a one-page vector PDF the size of the drawing (or of `options.width`/`height`). Text
/// stays selectable text in the embedded font.
#[cfg(feature = "pdf")]
pub fn render_pdf(source: &str, options: &Options) -> Result<Vec<u8>, Error> {
    let svg = svg_of(source, options, true)?;
    Ok(mermaid_render::svg_to_pdf(&svg)?)
}

/// Render a diagram's layout as geometry JSON (`mermaid-oracle-geometry/1`). `file` names the input in the output.
pub fn render_geometry_json(source: &str, options: &Options, file: &str) -> Result<String, Error> {
    let scene = layout(source, options)?;
    Ok(mermaid_render::geometry_json(&scene, file).to_string())
}
