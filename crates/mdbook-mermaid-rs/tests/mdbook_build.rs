//! The real `mdbook build` on the test book (`tests/book`) with this preprocessor: every drawable diagram
//! becomes inline SVG (light and dark), the gantt block and the Markdown example stay code, and no id occurs
//! twice on any page, the print page (all chapters on one page) included.
//!
//! Needs `mdbook` (0.5) on the PATH or in `MDBOOK`; without it the test says so and passes, except under CI
//! (`CI` set), where it fails: `.ci/run` installs mdbook first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The mdbook binary, or None (and a note) when there is none outside CI.
fn mdbook() -> Option<PathBuf> {
    let candidate = std::env::var_os("MDBOOK").map_or_else(|| PathBuf::from("mdbook"), PathBuf::from);
    let found = Command::new(&candidate)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "CI must have mdbook (see .ci/run)");
        eprintln!("SKIPPED: mdbook not found (set MDBOOK or put mdbook 0.5 on the PATH)");
    }
    found.then_some(candidate)
}

/// A fresh folder for a book, and the line that points its `book.toml` at the binary under test.
fn book_dir(name: &str) -> (PathBuf, String) {
    let book = std::env::temp_dir().join(format!("mdbook-mermaid-rs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&book);
    let command = env!("CARGO_BIN_EXE_mdbook-mermaid-rs").replace('\\', "/");
    (book, format!("command = \"{command}\"\n"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every `id="…"` of a page with how often it occurs.
fn id_counts(html: &str) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for (i, _) in html.match_indices(" id=\"") {
        let rest = &html[i + 5..];
        let id = &rest[..rest.find('"').unwrap()];
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
}

#[test]
fn mdbook_build_draws_the_test_book() {
    let Some(mdbook) = mdbook() else { return };
    let (book, command) = book_dir("book");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/book"), &book);
    let toml = std::fs::read_to_string(book.join("book.toml")).unwrap();
    std::fs::write(book.join("book.toml"), format!("{toml}{command}")).unwrap();

    let out = Command::new(&mdbook).arg("build").current_dir(&book).output().unwrap();
    assert!(
        out.status.success(),
        "mdbook build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let intro = std::fs::read_to_string(book.join("book/intro.html")).unwrap();
    assert_eq!(
        intro.matches("<div class=\"mermaid-rs\">").count(),
        2,
        "two drawable diagrams"
    );
    assert_eq!(intro.matches("<div class=\"mermaid-rs-dark\"><svg").count(), 2);
    assert!(
        intro.contains("class=\"language-mermaid\""),
        "the gantt block stays for mermaid.js"
    );
    assert!(intro.contains("gantt"));
    assert!(
        intro.contains("class=\"language-markdown\""),
        "the Markdown example stays code"
    );
    assert!(intro.contains("not --&gt; drawn"));
    assert!(
        intro.contains("html.coal .mermaid-rs-dark"),
        "the CSS following mdBook's theme"
    );

    let guide = std::fs::read_to_string(book.join("book/guide/containers.html")).unwrap();
    let quote = &guide[guide.find("<blockquote>").unwrap()..guide.find("</blockquote>").unwrap()];
    assert!(quote.contains("<svg"), "the quoted diagram is drawn inside the quote");
    let list = &guide[guide.find("<ol>").unwrap()..guide.find("</ol>").unwrap()];
    assert!(
        list.contains("aria-roledescription=\"er\""),
        "the ER diagram is drawn inside the list"
    );

    for page in ["book/intro.html", "book/guide/containers.html", "book/print.html"] {
        let html = std::fs::read_to_string(book.join(page)).unwrap();
        let twice: Vec<_> = id_counts(&html).into_iter().filter(|(_, n)| *n > 1).collect();
        assert!(twice.is_empty(), "{page}: ids used more than once: {twice:?}");
    }
    std::fs::remove_dir_all(&book).unwrap();
}

#[test]
fn a_broken_diagram_fails_the_build_with_its_place() {
    let Some(mdbook) = mdbook() else { return };
    let (book, command) = book_dir("broken");
    std::fs::create_dir_all(book.join("src")).unwrap();
    let toml = format!("[book]\ntitle = \"b\"\n\n[preprocessor.mermaid-rs]\n{command}");
    std::fs::write(book.join("book.toml"), toml).unwrap();
    std::fs::write(book.join("src/SUMMARY.md"), "# Summary\n\n- [One](one.md)\n").unwrap();
    std::fs::write(
        book.join("src/one.md"),
        "# One\n\n```mermaid\ngraph TD\n  A -> B\n```\n",
    )
    .unwrap();
    let out = Command::new(&mdbook).arg("build").current_dir(&book).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build must fail");
    assert!(stderr.contains("one.md:5:5: diagram 1: "), "{stderr}");
    std::fs::remove_dir_all(&book).unwrap();
}
