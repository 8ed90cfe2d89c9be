//! Text measurement on the embedded font, identical on every machine and in WASM.
//!
//! This crate owns the one font mermaid-rs draws with (Liberation Sans 2.x, metric-compatible with Arial, which
//! is what mermaid.js ends up using on Linux) and every width and height computed from it. Advance widths and
//! kerning pairs are derived from the font files with fontdue at build time (see `build.rs`), so measuring
//! needs no font parsing at run time; the font files themselves are exposed only with the `font-data` feature,
//! for rasterizers.
//!
//! It must not know about diagrams, layout or output formats.
// Library code must not panic on any input; unit tests may.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod metrics {
    include!(concat!(env!("OUT_DIR"), "/metrics.rs"));
}

use metrics::*;

/// The family name to put first in CSS `font-family` lists.
pub const FONT_FAMILY: &str = "Liberation Sans";

/// The CSS `font-family` list written into SVG output: our font first, then its metric-compatible stand-ins.
pub const FONT_STACK: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";

/// Liberation Sans Regular, as a TrueType file.
#[cfg(feature = "font-data")]
pub static REGULAR_TTF: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");

/// Liberation Sans Bold, as a TrueType file.
#[cfg(feature = "font-data")]
pub static BOLD_TTF: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// DejaVu Sans (Bitstream Vera licence, `fonts/LICENSE-DejaVu.txt`): the face the PNG and PDF backends draw
/// characters with that Liberation Sans lacks (✓ ✗ ★ ⇒ ♻, arrows, box drawing, more Greek, Cyrillic, Arabic,
/// Hebrew), so they never come out as empty boxes. Measurement does not read it: such characters keep the fixed
/// width of [`line_width`], so the SVG is the same on every machine.
#[cfg(feature = "font-data")]
pub static FALLBACK_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// Font weight of a text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Weight {
    #[default]
    Regular,
    Bold,
}

struct Tables {
    advances: &'static [(char, u16)],
    kerning: &'static [(char, char, i16)],
    notdef: u16,
}

fn tables(weight: Weight) -> Tables {
    match weight {
        Weight::Regular => Tables {
            advances: REGULAR_ADVANCES,
            kerning: REGULAR_KERNING,
            notdef: REGULAR_NOTDEF_ADVANCE,
        },
        Weight::Bold => Tables {
            advances: BOLD_ADVANCES,
            kerning: BOLD_KERNING,
            notdef: BOLD_NOTDEF_ADVANCE,
        },
    }
}

/// Whether the embedded font has a glyph for `c`.
pub fn has_glyph(c: char) -> bool {
    REGULAR_ADVANCES.binary_search_by_key(&c, |&(k, _)| k).is_ok()
}

/// Width in font units of a character the font lacks. Renderers draw such characters with some other font
/// (or as a box), so we reserve a plausible width: a full em for wide scripts and emoji, 0.6 em otherwise.
fn missing_advance(c: char) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD);
    if wide {
        UNITS_PER_EM
    } else {
        0.6 * UNITS_PER_EM
    }
}

/// Width of one line of `text` at `font_size` px, with kerning, as a browser lays it out.
pub fn line_width(text: &str, font_size: f64, weight: Weight) -> f64 {
    let t = tables(weight);
    let mut units = 0.0;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c.is_control() {
            prev = None;
            continue;
        }
        units += match t.advances.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => f64::from(t.advances[i].1),
            Err(_) if c == '\u{FFFD}' => f64::from(t.notdef),
            Err(_) => missing_advance(c),
        };
        if let Some(p) = prev {
            if let Ok(i) = t.kerning.binary_search_by(|&(l, r, _)| (l, r).cmp(&(p, c))) {
                units += f64::from(t.kerning[i].2);
            }
        }
        prev = Some(c);
    }
    units * font_size / UNITS_PER_EM
}

/// Height of the font's ascent above the baseline at `font_size` px.
pub fn ascent(font_size: f64) -> f64 {
    ASCENT * font_size / UNITS_PER_EM
}

/// Depth of the font's descent below the baseline at `font_size` px (a positive number).
pub fn descent(font_size: f64) -> f64 {
    -DESCENT * font_size / UNITS_PER_EM
}

/// Size of a block of text: the widest line, and `lines × line_height`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TextSize {
    pub width: f64,
    pub height: f64,
}

/// Measure lines of text set at `font_size` with line spacing `line_height` (in px, e.g. `1.5 × font_size`).
pub fn measure_lines<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    font_size: f64,
    line_height: f64,
    weight: Weight,
) -> TextSize {
    let mut size = TextSize::default();
    for line in lines {
        size.width = size.width.max(line_width(line, font_size, weight));
        size.height += line_height;
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chromium_for_arial_metrics() {
        // Chromium lays "Service Layer" out 97.82 px wide at 16 px in Liberation Sans.
        let w = line_width("Service Layer", 16.0, Weight::Regular);
        assert!((w - 97.82).abs() < 0.05, "{w}");
    }

    #[test]
    fn kerning_pairs_apply() {
        let pair = line_width("AV", 16.0, Weight::Regular);
        let apart = line_width("A", 16.0, Weight::Regular) + line_width("V", 16.0, Weight::Regular);
        assert!(pair < apart, "{pair} vs {apart}");
    }

    #[test]
    fn bold_is_wider_and_missing_glyphs_take_room() {
        assert!(line_width("Data", 16.0, Weight::Bold) > line_width("Data", 16.0, Weight::Regular));
        assert!(!has_glyph('数'));
        assert_eq!(line_width("数据", 16.0, Weight::Regular), 32.0);
        assert_eq!(line_width("", 16.0, Weight::Regular), 0.0);
    }
}
