//! Reviewed SVG snapshots of every example diagram (`examples/*.mmd`), so any change to what we draw shows up
//! as a diff. After an intended change: `INSTA_UPDATE=always cargo test --test snapshots`, look at the PNGs
//! (`cargo run --release -- render -i examples/NAME.mmd -o NAME.png`), then commit the `.snap` files.

use std::path::Path;

#[test]
fn example_svgs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the example diagrams, found {}",
        files.len()
    );
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("name").to_string();
        let source = std::fs::read_to_string(&path).expect("readable");
        let svg = mermaid_rs::render_svg(&source, &mermaid_rs::Options::default())
            .unwrap_or_else(|e| panic!("{name}: {}", e.render()));
        // One element per line keeps the diffs readable.
        let svg = svg.replace("><", ">\n<");
        insta::assert_snapshot!(name, svg);
    }
}
