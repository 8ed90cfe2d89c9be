//! End-to-end: every flowchart we ship as an example (and, when `../shared` is present, every seed flowchart of
//! the architecture document) renders to a well-formed SVG and a PNG with a clean layout.

mod common;

use common::{layout_problems, shared_dir};
use mermaid_rs::{layout, render_png, render_svg, Options};
use std::path::{Path, PathBuf};

fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("examples/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "mmd"))
        // Sequence examples have their own geometry checks in `sequence_corpus.rs`.
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("sequence-"))
        })
        .collect();
    files.sort();
    files
}

fn seed_flowcharts() -> Vec<PathBuf> {
    let Some(shared) = shared_dir() else {
        eprintln!("../shared is absent: skipping the seed diagrams");
        return vec![];
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("seed"))
        .expect("seed dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".mmd") && (name.contains("-graph") || name.contains("-flowchart"))
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 11, "the architecture document has eleven flowcharts");
    files
}

fn check_file(path: &Path) {
    let source = std::fs::read_to_string(path).expect("readable");
    let name = path.display();
    let options = Options::default();
    let scene = layout(&source, &options).unwrap_or_else(|e| panic!("{name}: {}", e.render()));
    let problems = layout_problems(&scene);
    assert!(problems.is_empty(), "{name}:\n  {}", problems.join("\n  "));
    assert!(!scene.geometry.nodes.is_empty(), "{name}: no nodes");

    let svg = render_svg(&source, &options).expect("svg");
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: SVG is not well-formed: {e}"));
    assert!(doc.root_element().attribute("viewBox").is_some());
    // Every node label is in the SVG as text.
    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    for node in &scene.geometry.nodes {
        for word in node.label.split_whitespace() {
            assert!(text.contains(word), "{name}: label word {word:?} missing from the SVG");
        }
    }
    assert_eq!(
        svg,
        render_svg(&source, &options).expect("svg"),
        "{name}: output is not deterministic"
    );

    let png = render_png(&source, &Options { scale: 1.0, ..options }).expect("png");
    assert_eq!(&png[1..4], b"PNG");
}

#[test]
fn examples_render_cleanly() {
    let files = example_files();
    assert!(files.len() >= 4);
    for f in files {
        check_file(&f);
    }
}

#[test]
fn seed_flowcharts_render_cleanly() {
    for f in seed_flowcharts() {
        check_file(&f);
    }
}

#[test]
fn node_sizes_match_mermaid_for_the_seed() {
    // mermaid.js sizes a rectangle as its label plus 30 px each side and 15 px above and below; our measured
    // text matches Chromium's, so the boxes should agree to a fraction of a pixel.
    let Some(shared) = shared_dir() else { return };
    let source = std::fs::read_to_string(shared.join("seed/seed-09-graph.mmd")).expect("seed");
    let reference: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("reference/seed/seed-09-graph.json")).expect("ref"))
            .expect("json");
    let scene = layout(&source, &Options::default()).expect("layout");
    for rn in reference["nodes"].as_array().expect("nodes") {
        let ours = scene
            .geometry
            .nodes
            .iter()
            .find(|n| n.id == rn["id"].as_str().unwrap_or(""))
            .expect("node");
        let (w, h) = (rn["w"].as_f64().unwrap_or(0.0), rn["h"].as_f64().unwrap_or(0.0));
        assert!(
            (ours.rect.width - w).abs() < 0.1 && (ours.rect.height - h).abs() < 0.1,
            "{}: {:?} vs {w}×{h}",
            ours.id,
            ours.rect
        );
    }
}

#[test]
fn bad_input_is_a_located_error() {
    let err = render_svg("graph TD\n  A --> B\n  B -> C\n", &Options::default()).expect_err("invalid");
    let mermaid_rs::Error::Parse(e) = &err else {
        panic!("not a parse error: {err}")
    };
    assert_eq!(e.line, 3);
    assert!(err.render().contains('^'), "{}", err.render());
}

#[test]
fn an_edge_between_a_subgraph_and_its_member_is_a_short_link_from_the_border() {
    let source = "flowchart TB\n  Out --> In\n  subgraph Sub\n    In\n  end\n  Sub --> In\n  In --> Sub";
    let scene = layout(source, &Options::default()).unwrap();
    assert!(layout_problems(&scene).is_empty(), "{:?}", layout_problems(&scene));
    let g = &scene.geometry;
    let sub = g.clusters.iter().find(|c| c.id == "Sub").unwrap().rect;
    let node = g.nodes.iter().find(|n| n.id == "In").unwrap().rect;
    let on_border = |p: &mermaid_rs::scene::Point| {
        let near = |a: f64, b: f64| (a - b).abs() < 0.5;
        near(p.x, sub.x) || near(p.x, sub.right()) || near(p.y, sub.y) || near(p.y, sub.bottom())
    };
    for (from, to) in [("Sub", "In"), ("In", "Sub")] {
        let e = g.edges.iter().find(|e| e.from == from && e.to == to).unwrap();
        let (first, last) = (e.waypoints[0], e.waypoints[e.waypoints.len() - 1]);
        let (border, inner) = if from == "Sub" { (first, last) } else { (last, first) };
        assert!(
            on_border(&border),
            "{from}->{to} starts on the subgraph's border: {border:?} {sub:?}"
        );
        let inside = |p: &mermaid_rs::scene::Point| {
            p.x >= node.x - 0.5 && p.x <= node.right() + 0.5 && p.y >= node.y - 0.5 && p.y <= node.bottom() + 0.5
        };
        assert!(inside(&inner), "{from}->{to} reaches the member: {inner:?} {node:?}");
        assert_eq!(e.waypoints.len(), 2, "a straight link");
    }
    let link = |from: &str| g.edges.iter().find(|e| e.from == from).map(|e| e.waypoints.clone());
    let (mut there, back) = (link("Sub").unwrap(), link("In").unwrap());
    there.reverse();
    assert_ne!(there, back, "the two links take different sides");
}

#[test]
fn edge_labels_stay_inside_separately_laid_out_subgraphs() {
    // Two subgraphs laid out on their own, each holding a labelled cycle whose labels flank the nodes.
    let src = "flowchart TB\nsubgraph A\ndirection TB\nsubgraph R1\ndirection TB\nx1 -->|EvNumLockPressed| y1\n\
               y1 -->|EvNumLockPressed| x1\nend\nsubgraph R2\ndirection TB\nx2 -->|EvNumLockPressed| y2\n\
               y2 -->|EvNumLockPressed| x2\nend\nend\n";
    let scene = mermaid_rs::layout(src, &mermaid_rs::Options::default()).expect("renders");
    let g = &scene.geometry;
    for e in &g.edges {
        let label = e.label_box.expect("every edge has a label");
        let region = if e.from.ends_with('1') { "R1" } else { "R2" };
        let r = g.clusters.iter().find(|c| c.id == region).expect("subgraph").rect;
        assert!(
            label.x >= r.x && label.right() <= r.right(),
            "label of {} sticks out of {region}: {label:?} vs {r:?}",
            e.id
        );
    }
}
