//! Node boxes against mermaid.js's (when `../shared` is present): for every valid flowchart, ER and sequence
//! corpus file, each node's width and height is compared with the reference geometry of the same id. Labels
//! decide most node sizes, so this is how label layout (wrapping, line breaks, formatting) is measured.
//!
//! `cargo test --test label_boxes -- --nocapture` prints the distribution per type.

mod common;

use common::shared_dir;
use mermaid_rs::{render_geometry_json, Options};
use serde_json::Value;
use std::collections::BTreeMap;

/// Share of nodes whose width and height are within 5% and within 15% of mermaid's.
#[derive(Default, Debug)]
struct Agreement {
    nodes: usize,
    width_5: usize,
    width_15: usize,
    height_5: usize,
    height_15: usize,
}

impl Agreement {
    fn add(&mut self, ours: (f64, f64), theirs: (f64, f64)) {
        let close = |a: f64, b: f64, tolerance: f64| (a - b).abs() <= tolerance * b.abs().max(1.0);
        self.nodes += 1;
        self.width_5 += close(ours.0, theirs.0, 0.05) as usize;
        self.width_15 += close(ours.0, theirs.0, 0.15) as usize;
        self.height_5 += close(ours.1, theirs.1, 0.05) as usize;
        self.height_15 += close(ours.1, theirs.1, 0.15) as usize;
    }

    fn percent(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.nodes.max(1) as f64
    }
}

fn node_sizes(geometry: &Value) -> BTreeMap<String, (f64, f64)> {
    let mut sizes = BTreeMap::new();
    for node in geometry["nodes"].as_array().into_iter().flatten() {
        let (Some(id), Some(w), Some(h)) = (node["id"].as_str(), node["w"].as_f64(), node["h"].as_f64()) else {
            continue;
        };
        sizes.entry(id.to_string()).or_insert((w, h));
    }
    sizes
}

fn agreement(kind: &str) -> Option<Agreement> {
    let shared = shared_dir()?;
    let manifest = std::fs::read_to_string(shared.join("corpus/MANIFEST.tsv")).expect("manifest");
    let mut total = Agreement::default();
    let mut worst: Vec<(f64, String)> = Vec::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 || cols[1] != kind || cols[4] != "valid" {
            continue;
        }
        let reference = shared.join("reference").join(cols[0]).with_extension("json");
        let Ok(reference) = std::fs::read_to_string(reference) else {
            continue;
        };
        let reference: Value = serde_json::from_str(&reference).expect("reference JSON");
        let source = std::fs::read_to_string(shared.join("corpus").join(cols[0])).expect("corpus file");
        let Ok(ours) = render_geometry_json(&source, &Options::default(), cols[0]) else {
            continue;
        };
        let ours: Value = serde_json::from_str(&ours).expect("our JSON");
        let ours = node_sizes(&ours);
        for (id, theirs) in node_sizes(&reference) {
            if let Some(&mine) = ours.get(&id) {
                total.add(mine, theirs);
                let off = (mine.0 / theirs.0.max(1.0) - 1.0)
                    .abs()
                    .max((mine.1 / theirs.1.max(1.0) - 1.0).abs());
                if off > 0.15 {
                    worst.push((off, format!("{} {id}: ours {mine:.0?}, mermaid {theirs:.0?}", cols[0])));
                }
            }
        }
    }
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, line) in worst.iter().take(40) {
        eprintln!("  {line}");
    }
    let a = &total;
    eprintln!(
        "{kind}: {} nodes; width within 5% {:.1}%, 15% {:.1}%; height within 5% {:.1}%, 15% {:.1}%",
        a.nodes,
        a.percent(a.width_5),
        a.percent(a.width_15),
        a.percent(a.height_5),
        a.percent(a.height_15)
    );
    Some(total)
}

/// Floors at the agreement reached (minus a little slack), so that a change in label layout that moves node
/// sizes away from mermaid's fails here. Raise them when agreement improves.
fn check(kind: &str, min_nodes: usize, floors: [f64; 4]) {
    let Some(a) = agreement(kind) else {
        eprintln!("../shared is absent: skipping {kind} node boxes");
        return;
    };
    assert!(a.nodes >= min_nodes, "{kind}: only {} nodes matched", a.nodes);
    let got = [
        a.percent(a.width_5),
        a.percent(a.width_15),
        a.percent(a.height_5),
        a.percent(a.height_15),
    ];
    for (name, (got, floor)) in ["width 5%", "width 15%", "height 5%", "height 15%"]
        .iter()
        .zip(got.iter().zip(floors))
    {
        assert!(
            *got >= floor,
            "{kind}: {name} agreement fell to {got:.1}% (floor {floor}%)"
        );
    }
}

#[test]
fn flowchart_node_boxes_match_mermaid() {
    check("flowchart", 1500, [95.0, 96.5, 95.5, 96.0]);
}

#[test]
fn er_node_boxes_match_mermaid() {
    check("er", 300, [98.0, 98.0, 98.0, 99.5]);
}

#[test]
fn sequence_node_boxes_match_mermaid() {
    check("sequence", 700, [96.0, 98.0, 87.0, 99.0]);
}
