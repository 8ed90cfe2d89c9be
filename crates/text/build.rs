//! Derive advance-width and kerning tables from the embedded fonts with fontdue, once, at build time.
//!
//! Parsing a whole font with fontdue takes tens of milliseconds (it builds every glyph outline); doing it here
//! keeps that cost off every process that only needs to measure text. The tables are in font units, so one table
//! serves every font size.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Kerning pairs are collected among these characters: the Latin, Greek and Cyrillic blocks and general
/// punctuation. Pairs outside them are rare in diagrams and kerning changes a width by a pixel at most.
fn kerning_candidate(c: char) -> bool {
    (c as u32) < 0x0530 || (0x2000..0x2070).contains(&(c as u32))
}

fn tables(name: &str, path: &str, out: &mut String) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let font = fontdue::Font::from_bytes(bytes, fontdue::FontSettings::default())
        .unwrap_or_else(|e| panic!("parsing {path}: {e}"));
    let upem = font.units_per_em();
    let mut chars: Vec<(char, u16)> = font.chars().iter().map(|(c, g)| (*c, g.get())).collect();
    chars.sort_unstable();
    let advance = |g: u16| font.metrics_indexed(g, upem).advance_width.round() as i32;

    writeln!(out, "pub(crate) static {name}_ADVANCES: &[(char, u16)] = &[").unwrap();
    for &(c, g) in &chars {
        writeln!(out, "    ({:?}, {}),", c, advance(g)).unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "pub(crate) const {name}_NOTDEF_ADVANCE: u16 = {};", advance(0)).unwrap();

    let candidates: Vec<(char, u16)> = chars.iter().copied().filter(|(c, _)| kerning_candidate(*c)).collect();
    let mut pairs = Vec::new();
    for &(l, lg) in &candidates {
        for &(r, rg) in &candidates {
            if let Some(k) = font.horizontal_kern_indexed(lg, rg, upem) {
                let k = k.round() as i32;
                if k != 0 {
                    pairs.push((l, r, k));
                }
            }
        }
    }
    writeln!(out, "pub(crate) static {name}_KERNING: &[(char, char, i16)] = &[").unwrap();
    for (l, r, k) in pairs {
        writeln!(out, "    ({l:?}, {r:?}, {k}),").unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let mut out = String::new();
    tables("REGULAR", "fonts/LiberationSans-Regular.ttf", &mut out);
    tables("BOLD", "fonts/LiberationSans-Bold.ttf", &mut out);
    let font = fontdue::Font::from_bytes(
        std::fs::read("fonts/LiberationSans-Regular.ttf").unwrap(),
        fontdue::FontSettings::default(),
    )
    .unwrap();
    let lm = font.horizontal_line_metrics(font.units_per_em()).unwrap();
    writeln!(
        out,
        "pub(crate) const UNITS_PER_EM: f64 = {:?};",
        font.units_per_em() as f64
    )
    .unwrap();
    writeln!(out, "pub(crate) const ASCENT: f64 = {:?};", lm.ascent as f64).unwrap();
    writeln!(out, "pub(crate) const DESCENT: f64 = {:?};", lm.descent as f64).unwrap();
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("metrics.rs");
    std::fs::write(dest, out).unwrap();
    println!("cargo:rerun-if-changed=fonts/LiberationSans-Regular.ttf");
    println!("cargo:rerun-if-changed=fonts/LiberationSans-Bold.ttf");
    println!("cargo:rerun-if-changed=build.rs");
}
