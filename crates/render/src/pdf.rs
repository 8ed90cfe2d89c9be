//! PDF output: the SVG we wrote, converted by svg2pdf into a one-page vector PDF. Text stays text (the embedded
//! font is subset into the file), and the embedded font is the only font, as for PNG.

use std::sync::{Arc, OnceLock};
use svg2pdf::usvg;

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The SVG could not be read back (a bug in our writer if it ever happens).
    Svg(String),
    /// svg2pdf refused the drawing.
    Convert(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Svg(e) => write!(f, "internal SVG error: {e}"),
            PdfError::Convert(e) => write!(f, "PDF conversion failed: {e}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The font database, built once per process: only the embedded fonts, also answering for `sans-serif`. The
/// same as `png.rs` builds, but for the older `usvg` that svg2pdf depends on, whose types differ.
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

/// Convert an SVG document into PDF bytes. One SVG unit becomes one CSS pixel (0.75 pt), as in a browser's
/// print, so the page is exactly the drawing's size.
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>, PdfError> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PdfError::Svg(e.to_string()))?;
    let page = svg2pdf::PageOptions { dpi: 96.0 };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page).map_err(|e| PdfError::Convert(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_stays_text() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><text x="5" y="25" font-family="sans-serif" font-size="16">Hello PDF</text></svg>"#;
        let pdf = svg_to_pdf(svg).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            text.contains("/FontFile2") || text.contains("/FontDescriptor"),
            "font embedded"
        );
        assert!(!text.contains("/Subtype /Image"), "no raster");
    }
}
