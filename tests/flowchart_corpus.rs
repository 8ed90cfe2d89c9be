//! Conformance on the shared corpus (when `../shared` is present): every flowchart mermaid.js accepts renders
//! with a clean layout, every one it rejects is rejected with a located error, and nothing panics.

mod common;

use common::{layout_problems, shared_dir};
use mermaid_rs::{layout, render_svg, Options};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Corpus files whose layout we know still has a problem, with the reason. Keep this short.
const KNOWN_LAYOUT_PROBLEMS: &[(&str, &str)] = &[];

fn manifest(kind: &str) -> Vec<(String, String)> {
    let Some(shared) = shared_dir() else { return vec![] };
    let text = std::fs::read_to_string(shared.join("corpus/MANIFEST.tsv")).expect("manifest");
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.len() >= 5 && cols[1] == kind).then(|| (cols[0].to_string(), cols[4].to_string()))
        })
        .collect()
}

#[test]
fn flowchart_corpus() {
    let Some(shared) = shared_dir() else {
        eprintln!("../shared is absent: skipping the flowchart corpus");
        return;
    };
    let entries = manifest("flowchart");
    assert!(
        entries.len() > 500,
        "corpus manifest lists {} flowcharts",
        entries.len()
    );
    let (mut rendered, mut rejected, mut clean) = (0, 0, 0);
    let mut failures = Vec::new();
    for (file, expect) in &entries {
        let source = std::fs::read_to_string(shared.join("corpus").join(file)).expect("corpus file");
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let scene = layout(&source, &Options::default());
            let svg = render_svg(&source, &Options::default());
            (scene, svg)
        }));
        let Ok((scene, svg)) = outcome else {
            failures.push(format!("{file}: PANIC"));
            continue;
        };
        match (expect.as_str(), scene, svg) {
            ("valid", Ok(scene), Ok(svg)) => {
                rendered += 1;
                if roxmltree::Document::parse(&svg).is_err() {
                    failures.push(format!("{file}: SVG is not well-formed"));
                }
                let problems = layout_problems(&scene);
                let known = KNOWN_LAYOUT_PROBLEMS.iter().any(|(f, _)| f == file);
                if problems.is_empty() {
                    clean += 1;
                    if known {
                        failures.push(format!(
                            "{file}: lays out cleanly now; take it off KNOWN_LAYOUT_PROBLEMS"
                        ));
                    }
                } else if !known {
                    failures.push(format!("{file}: {}", problems.join("; ")));
                }
            }
            ("valid", Err(e), _) | ("valid", _, Err(e)) => failures.push(format!("{file}: rejected: {e}")),
            ("invalid", Ok(_), _) => failures.push(format!("{file}: accepted, but mermaid rejects it")),
            ("invalid", Err(e), _) => {
                rejected += 1;
                assert!(e.render().contains('^'), "{file}: error without a caret");
            }
            _ => {}
        }
    }
    eprintln!(
        "flowchart corpus: {rendered} valid rendered, {clean} with a clean layout, {rejected} invalid rejected, {} failures",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
