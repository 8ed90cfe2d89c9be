//! State diagram conformance: every state diagram of the shared corpus (`../shared/corpus/MANIFEST.tsv`, beside
//! the repository in the development workspace) is parsed and rendered. Valid files must render, nothing may
//! panic, every layout must be clean (no overlaps, no transition through a state, composites contiguous and
//! never overlapping), and at least 95% must have mermaid's states (pseudo-states counted by kind) and
//! transitions, compared with mermaid's geometry in `../shared/reference/state/`. A clone without `../shared`
//! skips this test.

mod common;

use common::{layout_problems, shared_dir};
use mermaid_rs::scene::{Rect, Scene};
use mermaid_rs::{layout, render_svg, Options};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Valid files whose layout is not clean yet, with the reason. Each must still render.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// States by kind (mermaid's shape names, with `rectWithTitle` counted as `rect`) and the number of
/// transitions (note links left out).
fn census(shapes: impl Iterator<Item = String>, transitions: usize) -> (BTreeMap<String, usize>, usize) {
    let mut kinds = BTreeMap::new();
    for s in shapes {
        let s = if s == "rectWithTitle" { "rect".to_string() } else { s };
        *kinds.entry(s).or_insert(0) += 1;
    }
    (kinds, transitions)
}

fn ours(scene: &Scene) -> (BTreeMap<String, usize>, usize) {
    let g = &scene.geometry;
    let notes: Vec<&str> = g
        .nodes
        .iter()
        .filter(|n| n.shape == "note")
        .map(|n| n.id.as_str())
        .collect();
    let transitions = g
        .edges
        .iter()
        .filter(|e| !notes.contains(&e.from.as_str()) && !notes.contains(&e.to.as_str()))
        .count();
    census(g.nodes.iter().map(|n| n.shape.to_string()), transitions)
}

fn mermaids(reference: &serde_json::Value) -> Option<(BTreeMap<String, usize>, usize)> {
    let nodes = reference["nodes"].as_array()?;
    let edges = reference["edges"].as_array()?;
    let notes: Vec<&str> = nodes
        .iter()
        .filter(|n| n["shape"] == "note")
        .filter_map(|n| n["id"].as_str())
        .collect();
    let transitions = edges
        .iter()
        .filter(|e| !notes.iter().any(|n| e["from"] == *n || e["to"] == *n))
        .count();
    // mermaid's extractor names a region's start state by a random id and no shape: count it as a start.
    let shapes = nodes
        .iter()
        .map(|n| n["shape"].as_str().unwrap_or("stateStart").to_string());
    Some(census(shapes, transitions))
}

fn contains(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x - 0.5
        && inner.y >= outer.y - 0.5
        && inner.right() <= outer.right() + 0.5
        && inner.bottom() <= outer.bottom() + 0.5
}

/// Frames are nested or apart, never crossing.
fn frame_problems(scene: &Scene) -> Vec<String> {
    let clusters = &scene.geometry.clusters;
    let mut problems = Vec::new();
    for (i, a) in clusters.iter().enumerate() {
        for b in &clusters[i + 1..] {
            if a.rect.overlaps(&b.rect) && !contains(&a.rect, &b.rect) && !contains(&b.rect, &a.rect) {
                problems.push(format!("frames {} and {} overlap", a.id, b.id));
            }
        }
    }
    problems
}

#[test]
fn state_corpus() {
    let Some(shared) = shared_dir() else {
        println!("skipping: ../shared is absent");
        return;
    };
    let manifest = std::fs::read_to_string(shared.join("corpus/MANIFEST.tsv")).expect("manifest");
    let options = Options::default();
    let (mut valid, mut clean, mut agree) = (0, 0, 0);
    let mut failures = Vec::new();
    let mut disagreements = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [file, kind, _origin, _source, expect] = cols.as_slice() else {
            continue;
        };
        if *kind != "state" {
            continue;
        }
        let source = std::fs::read_to_string(shared.join("corpus").join(file)).expect("corpus file");
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let scene = layout(&source, &options)?;
            let svg = render_svg(&source, &options)?;
            Ok::<_, mermaid_rs::Error>((scene, svg))
        }));
        let (scene, svg) = match (*expect, outcome) {
            (_, Err(_)) => {
                failures.push(format!("{file}: panicked"));
                continue;
            }
            ("valid", Ok(Ok(done))) => done,
            ("valid", Ok(Err(e))) => {
                failures.push(format!("{file}: rejected\n{}", e.render()));
                continue;
            }
            _ => continue,
        };
        valid += 1;
        let mut problems = layout_problems(&scene);
        problems.extend(frame_problems(&scene));
        if roxmltree::Document::parse(&svg).is_err() {
            problems.push("SVG is not well-formed".into());
        }
        let known = KNOWN_FAILURES.iter().any(|(f, _)| f == file);
        if problems.is_empty() {
            clean += 1;
            assert!(
                !known,
                "{file} is a known failure but renders cleanly now: remove it from KNOWN_FAILURES"
            );
        } else if !known {
            failures.push(format!("{file}:\n    {}", problems.join("\n    ")));
        }
        let reference_file = shared.join("reference").join(file.replace(".mmd", ".json"));
        let reference: Option<serde_json::Value> = std::fs::read_to_string(reference_file)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok());
        match reference.as_ref().and_then(mermaids) {
            Some(theirs) if theirs == ours(&scene) => agree += 1,
            Some(theirs) => disagreements.push(format!("{file}: mermaid {theirs:?}, ours {:?}", ours(&scene))),
            None => disagreements.push(format!("{file}: no reference geometry")),
        }
    }
    println!("state corpus: {valid} valid files render, {clean} cleanly; {agree}/{valid} agree with mermaid");
    for d in &disagreements {
        println!("  disagreement: {d}");
    }
    assert!(
        valid >= 80,
        "expected the whole state corpus, found {valid} valid files"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        agree * 100 >= valid * 95,
        "only {agree} of {valid} files have mermaid's states and transitions"
    );
}
