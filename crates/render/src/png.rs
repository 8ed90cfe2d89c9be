//! PNG output: the SVG we wrote, rasterized by resvg with the embedded font as the only font.

use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// Why a PNG could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PngError {
    /// The requested image is empty or larger than the limit.
    Size {
        width: u32,
        height: u32,
    },
    /// The SVG could not be read back (a bug in our writer if it ever happens).
    Svg(String),
    Encode(String),
}

impl std::fmt::Display for PngError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PngError::Size { width, height } => {
                write!(
                    f,
                    "a {width}×{height} image is too large to rasterize (limit {MAX_PIXELS} pixels); lower the scale"
                )
            }
            PngError::Svg(e) => write!(f, "internal SVG error: {e}"),
            PngError::Encode(e) => write!(f, "PNG encoding failed: {e}"),
        }
    }
}

impl std::error::Error for PngError {}

/// Largest raster we allocate: 256 megapixels (1 GiB of RGBA).
const MAX_PIXELS: u64 = 1 << 28;

/// The font database, built once per process: only the embedded fonts, also answering for `sans-serif`, so the
/// output does not depend on the fonts of the machine.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(mermaid_text::REGULAR_TTF.to_vec());
        db.load_font_data(mermaid_text::BOLD_TTF.to_vec());
        db.load_font_data(mermaid_text::FALLBACK_TTF.to_vec());
        db.set_sans_serif_family(mermaid_text::FONT_FAMILY);
        // No fixed-width face is embedded: `<code>` is drawn in the sans face rather than not at all.
        db.set_monospace_family(mermaid_text::FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Rasterize an SVG document at `scale` (1.0 = one pixel per SVG unit) into PNG bytes. Transparent where the
/// SVG draws nothing (the SVG writer's background option paints a background).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
    let size = tree.size();
    let width = (size.width() * scale).ceil().max(1.0) as u32;
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PngError::Size { width, height });
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(PngError::Size { width, height })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| PngError::Encode(e.to_string()))
}
