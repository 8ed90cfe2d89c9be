//! Backends: everything that turns a positioned [`Scene`](mermaid_scene::Scene) into bytes.
//!
//! This crate owns the output formats: the SVG writer ([`svg`]), PNG through resvg on the embedded font only
//! ([`png`], behind the `png` feature), vector PDF through svg2pdf on the embedded font only (`pdf`
//! feature) and the geometry JSON of `mermaid-oracle-geometry/1` ([`geometry_json`]).
//! Each walks the scene and nothing else.
//!
//! It must not know about Mermaid syntax or how positions were computed.
// Library code must not panic on any input; unit tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod json;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "png")]
mod png;
mod svg;

pub use json::geometry_json;
#[cfg(feature = "pdf")]
pub use pdf::{svg_to_pdf, PdfError};
#[cfg(feature = "png")]
pub use png::{raster_work, svg_to_png, PngError};
pub use svg::{write_svg, SvgOptions};
