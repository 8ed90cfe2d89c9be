//! ER conformance: every ER diagram of the shared corpus (`../shared/corpus/MANIFEST.tsv`, beside the repository
//! in the development workspace) is parsed and rendered. `valid` files must parse and render, `invalid` ones must
//! be rejected, nothing may panic, and every rendered layout must be clean: no table overlaps another, no
//! relationship runs through a table it does not connect, labels overlap no table or other label, and every
//! cardinality marker ends on its entity's border. A clone without `../shared` skips this test.

mod common;

use common::{distance_to_outline, layout_problems, shared_dir};
use mermaid_rs::scene::{MarkerKind, Point, Scene};
use mermaid_rs::{layout, render_svg, Options};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Valid files that are allowed to fail for now, with the reason.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn marker_length(arrow: Option<&str>) -> f64 {
    let kind = match arrow {
        Some("only_one") => MarkerKind::OnlyOne,
        Some("zero_or_one") => MarkerKind::ZeroOrOne,
        Some("one_or_more") => MarkerKind::OneOrMore,
        Some("zero_or_more") => MarkerKind::ZeroOrMore,
        Some("md_parent") => MarkerKind::MdParent,
        other => panic!("unexpected arrow {other:?}"),
    };
    kind.length()
}

/// Problems specific to ER drawings: each marker must reach exactly from the end of the drawn line to the
/// entity border, along the line.
fn marker_problems(scene: &Scene) -> Vec<String> {
    let mut problems = Vec::new();
    let g = &scene.geometry;
    for e in &g.edges {
        let flat = e.path.flatten(8);
        let (Some(&first), Some(&last)) = (flat.first(), flat.last()) else {
            problems.push(format!("edge {} has an empty path", e.id));
            continue;
        };
        let n = flat.len();
        let ends = [
            (&e.from, first, flat.get(1).copied(), e.arrow_start),
            (
                &e.to,
                last,
                n.checked_sub(2).and_then(|i| flat.get(i).copied()),
                e.arrow_end,
            ),
        ];
        for (end_id, tip, inner, arrow) in ends {
            let (Some(node), Some(inner)) = (g.nodes.iter().find(|n| &n.id == end_id), inner) else {
                continue;
            };
            // The marker continues the line's last piece for its length and must land on the border.
            let len = (tip.x - inner.x).hypot(tip.y - inner.y);
            let want = marker_length(arrow);
            let reach = Point {
                x: tip.x + (tip.x - inner.x) / len * want,
                y: tip.y + (tip.y - inner.y) / len * want,
            };
            let miss = distance_to_outline(&node.outline, reach);
            if !len.is_finite() || len < 1e-9 || miss > 0.5 {
                problems.push(format!(
                    "edge {}: its {want}-long marker ends {miss:.1} away from the border of {}",
                    e.id, node.id
                ));
            }
        }
    }
    problems
}

#[test]
fn er_corpus() {
    let Some(shared) = shared_dir() else {
        println!("skipping: ../shared is absent");
        return;
    };
    let manifest = std::fs::read_to_string(shared.join("corpus/MANIFEST.tsv")).expect("manifest");
    let options = Options::default();
    let (mut valid, mut valid_ok, mut invalid, mut invalid_ok, mut unknown) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut known_hit = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [file, kind, _origin, _source, expect] = cols.as_slice() else {
            continue;
        };
        if *kind != "er" {
            continue;
        }
        let source = std::fs::read_to_string(shared.join("corpus").join(file)).expect("corpus file");
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let scene = layout(&source, &options)?;
            let svg = render_svg(&source, &options)?;
            Ok::<_, mermaid_rs::Error>((scene, svg))
        }));
        let known = KNOWN_FAILURES.iter().any(|(f, _)| f == file);
        match (*expect, outcome) {
            (_, Err(_)) => failures.push(format!("{file}: panicked")),
            ("valid", Ok(Ok((scene, svg)))) => {
                valid += 1;
                let mut problems = layout_problems(&scene);
                problems.extend(marker_problems(&scene));
                if roxmltree::Document::parse(&svg).is_err() {
                    problems.push("SVG is not well-formed".into());
                }
                if problems.is_empty() {
                    valid_ok += 1;
                } else if known {
                    known_hit.push(file.to_string());
                } else {
                    failures.push(format!("{file}:\n    {}", problems.join("\n    ")));
                }
            }
            ("valid", Ok(Err(e))) => {
                valid += 1;
                if known {
                    known_hit.push(file.to_string());
                } else {
                    failures.push(format!("{file}: rejected\n{}", e.render()));
                }
            }
            ("invalid", Ok(result)) => {
                invalid += 1;
                if result.is_err() {
                    invalid_ok += 1;
                } else {
                    failures.push(format!("{file}: accepted but mermaid rejects it"));
                }
            }
            (_, Ok(_)) => unknown += 1,
        }
    }
    println!(
        "ER corpus: {valid_ok}/{valid} valid files render cleanly, {invalid_ok}/{invalid} invalid files rejected, \
         {unknown} unknown without panic"
    );
    assert!(valid >= 100, "expected the whole ER corpus, found {valid} valid files");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for (file, _) in KNOWN_FAILURES {
        assert!(
            known_hit.iter().any(|f| f == file),
            "{file} is listed as a known failure but passes now: remove it from KNOWN_FAILURES"
        );
    }
}
