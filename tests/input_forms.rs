//! Inputs mermaid.js accepts that a strict reader would not (a byte-order mark, old Mac line ends, no-break
//! spaces between tokens), error snippets that stay printable and short, and SVG ids that stay unique to their
//! diagram when several are inlined in one page.

use mermaid_rs::{render_svg, Error, Options};

fn labels(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn byte_order_mark_cr_only_lines_and_no_break_spaces_are_accepted() {
    let plain = render_svg("flowchart LR\n  A[Start] --> B[End]\n", &Options::default()).unwrap();
    for source in [
        "\u{feff}flowchart LR\n  A[Start] --> B[End]\n",
        "flowchart LR\r  A[Start] --> B[End]\r",
        "flowchart LR\r\n  A[Start] --> B[End]\r\n",
        "flowchart\u{a0}LR\n\u{a0}\u{a0}A[Start]\u{a0}-->\u{a0}B[End]\n",
    ] {
        let svg = render_svg(source, &Options::default()).unwrap_or_else(|e| panic!("{source:?}: {e}"));
        assert_eq!(labels(&svg), labels(&plain), "{source:?}");
    }
    // Inside a label the no-break space is text, and stays.
    let svg = render_svg("flowchart LR\n  A[no\u{a0}break] --> B\n", &Options::default()).unwrap();
    assert!(
        labels(&svg).contains(&"no\u{a0}break".to_string()),
        "{:?}",
        labels(&svg)
    );
    let svg = render_svg("sequenceDiagram\r  Alice->>Bob: hi\u{a0}there\r", &Options::default()).unwrap();
    assert!(
        labels(&svg).contains(&"hi\u{a0}there".to_string()),
        "{:?}",
        labels(&svg)
    );
}

#[test]
fn errors_in_cr_only_files_name_the_right_line() {
    let Err(Error::Parse(e)) = render_svg("graph TD\r  A --> B\r  B -> C\r", &Options::default()) else {
        panic!("an error");
    };
    assert_eq!((e.line, e.column), (3, 5), "{e}");
    assert_eq!(e.source_line, "  B -> C");
}

#[test]
fn snippets_escape_control_characters_and_cut_long_lines() {
    let Err(Error::Parse(e)) = render_svg("graph TD\n  A[x\u{1b}y] -> B\n", &Options::default()) else {
        panic!("an error");
    };
    let shown = e.render();
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    assert!(shown.contains(r"\u{1b}"), "{shown}");
    // The caret stays under the offending column after the escape widened the line.
    let lines: Vec<&str> = shown.lines().collect();
    let code = lines.iter().find(|l| l.starts_with("2 | ")).unwrap();
    let caret = lines.iter().find(|l| l.contains('^')).unwrap();
    let at = caret.find('^').unwrap();
    assert_eq!(&code[at..at + 2], "->", "{shown}");

    let source = format!("graph TD\n  {} -> B\n", "x".repeat(100_000));
    let Err(Error::Parse(e)) = render_svg(&source, &Options::default()) else {
        panic!("an error");
    };
    let shown = e.render();
    assert!(shown.len() < 1_000, "{} bytes", shown.len());
    assert!(shown.contains('…'), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    let code = lines.iter().find(|l| l.starts_with("2 | ")).unwrap();
    let caret = lines.iter().find(|l| l.contains('^')).unwrap();
    let at = caret.char_indices().find(|(_, c)| *c == '^').unwrap().0;
    let col = caret[..at].chars().count();
    assert_eq!(code.chars().skip(col).take(2).collect::<String>(), "->", "{shown}");
}

/// Every `id` attribute and every `url(#…)` / `aria-*="…"` reference of an SVG.
fn ids_and_references(svg: &str) -> (Vec<String>, Vec<String>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let mut ids = Vec::new();
    let mut refs = Vec::new();
    for n in doc.descendants() {
        for a in n.attributes() {
            if a.name() == "id" {
                ids.push(a.value().to_string());
            } else if let Some(r) = a.value().strip_prefix("url(#") {
                refs.push(r.trim_end_matches(')').to_string());
            } else if a.name().starts_with("aria-labelledby") || a.name().starts_with("aria-describedby") {
                refs.push(a.value().to_string());
            }
        }
    }
    (ids, refs)
}

#[test]
fn ids_are_unique_to_each_diagram_and_stable() {
    let a = "flowchart LR\n  accTitle: First\n  accDescr: one\n  A --> B\n  linkStyle 0 stroke:red\n";
    let b = "flowchart LR\n  accTitle: Second\n  accDescr: two\n  C --> D\n  linkStyle 0 stroke:blue\n";
    let (svg_a, svg_b) = (
        render_svg(a, &Options::default()).unwrap(),
        render_svg(b, &Options::default()).unwrap(),
    );
    assert_eq!(
        svg_a,
        render_svg(a, &Options::default()).unwrap(),
        "same input, same bytes"
    );
    let (ids_a, refs_a) = ids_and_references(&svg_a);
    let (ids_b, refs_b) = ids_and_references(&svg_b);
    assert!(ids_a.len() >= 3, "{ids_a:?}");
    assert!(ids_a.iter().all(|i| !ids_b.contains(i)), "{ids_a:?} {ids_b:?}");
    for (ids, refs) in [(&ids_a, &refs_a), (&ids_b, &refs_b)] {
        assert!(refs.iter().all(|r| ids.contains(r)), "{refs:?} ⊄ {ids:?}");
    }
    // With an id given, it is the prefix.
    let options = Options {
        svg_id: Some("orders".into()),
        ..Options::default()
    };
    let (ids, _) = ids_and_references(&render_svg(a, &options).unwrap());
    assert!(ids.iter().all(|i| i == "orders" || i.starts_with("orders-")), "{ids:?}");
    for bad in ["", "1abc", "a b", "a\"b", "a\u{1b}b"] {
        let options = Options {
            svg_id: Some(bad.into()),
            ..Options::default()
        };
        let result = render_svg(a, &options);
        assert_eq!(result.is_err(), !bad.is_empty(), "{bad:?}");
    }
}
