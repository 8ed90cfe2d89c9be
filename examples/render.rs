//! Render a diagram to SVG and PNG with the library API.
//!
//! Run with `cargo run --example render`; writes `out/release.svg` and `out/release.png`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let source = include_str!("release.mmd");
    let options = mermaid_rs::Options {
        background: Some("white".into()),
        scale: 2.0,
        ..Default::default()
    };

    let svg = mermaid_rs::render_svg(source, &options)?;
    let png = mermaid_rs::render_png(source, &options)?;

    std::fs::create_dir_all("out")?;
    std::fs::write("out/release.svg", &svg)?;
    std::fs::write("out/release.png", &png)?;
    println!(
        "wrote out/release.svg ({} bytes) and out/release.png ({} bytes)",
        svg.len(),
        png.len()
    );

    // Bad input is an error value with a line, a column and a caret, never a panic.
    if let Err(e) = mermaid_rs::render_svg("graph TD\n  A -> B", &options) {
        eprintln!("{}", e.render());
    }
    Ok(())
}
