//! The whole pipeline, source to SVG, with the default limits: no panic, and when it succeeds the SVG is
//! well-formed XML with nothing active in it.
#![no_main]

use mermaid_rs::{render_svg, Options};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The first byte picks a diagram type for inputs without a header, so every grammar is reached.
    let (pick, rest) = data.split_first().map_or((0, data), |(p, r)| (*p, r));
    let text = String::from_utf8_lossy(rest);
    let source = if text.trim_start().starts_with(|c: char| c.is_ascii_lowercase() || c == '-' || c == '%') {
        text.into_owned()
    } else {
        let header = ["flowchart LR", "sequenceDiagram", "erDiagram", "graph TD"][usize::from(pick % 4)];
        format!("{header}\n{text}")
    };
    let Ok(svg) = render_svg(&source, &Options::default()) else {
        return;
    };
    let doc = match roxmltree::Document::parse(&svg) {
        Ok(d) => d,
        Err(e) => panic!("SVG is not well-formed: {e}\n{svg}"),
    };
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name().to_ascii_lowercase();
        assert!(
            !matches!(name.as_str(), "script" | "foreignobject" | "iframe" | "object" | "embed"),
            "active element <{name}>"
        );
        if name == "style" {
            // Only the writer's fixed popup rules, never text from the diagram.
            let css = node.text().unwrap_or_default();
            assert!(css.starts_with(".mrs-popup-panel{") && !css.contains('<'), "style sheet {css:?}");
        }
        for a in node.attributes() {
            let key = a.name().to_ascii_lowercase();
            assert!(!key.starts_with("on"), "event attribute {key}");
            let v = a.value().to_ascii_lowercase();
            if key == "href" {
                assert!(name == "a", "href on <{name}>");
                assert!(
                    ["http://", "https://", "mailto:"].iter().any(|s| v.starts_with(s)),
                    "link to {v}"
                );
                continue;
            }
            // Ids and class names are inert data once escaped (which parsing the document proved).
            if matches!(key.as_str(), "data-id" | "class") {
                continue;
            }
            assert!(!v.contains("javascript:") && !v.contains("data:"), "active URL in {key}={v}");
        }
    }
});
