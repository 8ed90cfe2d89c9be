//! The registry of diagram types is the one list: every type it holds is documented in the README (with all its
//! keywords) and has a corpus test, and every parse error for an unknown type names all of them.

use std::path::Path;

#[test]
fn every_diagram_type_is_documented_and_has_a_corpus_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let works_today = readme
        .split("## What works today")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a `What works today` section");
    for t in mermaid_rs::DIAGRAM_TYPES {
        for keyword in t.keywords() {
            assert!(
                works_today.contains(&format!("`{keyword}`")),
                "README's `What works today` lacks `{keyword}` ({})",
                t.name
            );
        }
        let test = root.join("tests").join(format!("{}_corpus.rs", t.name));
        assert!(test.is_file(), "{} has no corpus test {}", t.name, test.display());
    }
}

#[test]
fn each_keyword_selects_its_type_and_others_are_told_the_list() {
    for t in mermaid_rs::DIAGRAM_TYPES {
        for keyword in t.keywords() {
            assert!(
                mermaid_rs::parse(&format!("{keyword}\n")).is_ok(),
                "`{keyword}` alone parses"
            );
        }
    }
    let err = mermaid_rs::parse("classyDiagram\n  A --> B").unwrap_err().to_string();
    assert!(err.contains(&mermaid_rs::keyword_list()), "{err}");
}
