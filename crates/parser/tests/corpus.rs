//! Parse every flowchart of the shared conformance corpus (`shared/corpus/MANIFEST.tsv`, next to the repository
//! in the development workspace). A clone without that folder skips this test.
//!
//! Every `valid` file must parse, every `invalid` one must be rejected, and nothing may panic. `unknown` files
//! only have to not panic.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

/// Valid files that are allowed to fail for now, with the reason.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

#[derive(Debug, PartialEq)]
enum Outcome {
    Parsed,
    Rejected(String),
    Panicked,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

#[test]
fn flowchart_corpus() {
    let dir = corpus_dir();
    let Ok(manifest) = std::fs::read_to_string(dir.join("MANIFEST.tsv")) else {
        println!("skipping: no corpus at {}", dir.display());
        return;
    };
    let mut counts = [0usize; 3]; // valid, invalid, unknown
    let mut passed = [0usize; 3];
    let mut unexpected = Vec::new();
    let mut known_hit = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [file, kind, _origin, _source, expect] = cols.as_slice() else {
            continue;
        };
        if *kind != "flowchart" {
            continue;
        }
        let source = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let outcome = match catch_unwind(AssertUnwindSafe(|| mermaid_parser::parse(&source))) {
            Ok(Ok(_)) => Outcome::Parsed,
            Ok(Err(e)) => Outcome::Rejected(e.render()),
            Err(_) => Outcome::Panicked,
        };
        let slot = match *expect {
            "valid" => 0,
            "invalid" => 1,
            _ => 2,
        };
        counts[slot] += 1;
        let ok = match (slot, &outcome) {
            (_, Outcome::Panicked) => false,
            (0, o) => *o == Outcome::Parsed,
            (1, o) => matches!(o, Outcome::Rejected(_)),
            _ => true,
        };
        let known = KNOWN_FAILURES.iter().any(|(f, _)| f == file);
        if ok {
            passed[slot] += 1;
            if known {
                unexpected.push(format!("{file}: listed in KNOWN_FAILURES but now passes"));
            }
        } else if known && outcome != Outcome::Panicked {
            known_hit.push(*file);
        } else {
            let detail = match outcome {
                Outcome::Parsed => "parsed, but it should be rejected".to_string(),
                Outcome::Rejected(e) => e,
                Outcome::Panicked => "PANICKED".to_string(),
            };
            unexpected.push(format!("{file} ({expect}):\n{detail}\n"));
        }
    }
    println!(
        "flowchart corpus: valid {}/{} parsed, invalid {}/{} rejected, unknown {}/{} without panic, {} known failures",
        passed[0],
        counts[0],
        passed[1],
        counts[1],
        passed[2],
        counts[2],
        known_hit.len()
    );
    assert!(counts[0] > 0, "no flowcharts found in the manifest");
    assert!(
        unexpected.is_empty(),
        "{} unexpected results:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}
