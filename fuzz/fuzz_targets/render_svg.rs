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
            !matches!(name.as_str(), "script" | "foreignobject" | "iframe" | "object" | "embed" | "style" | "a"),
            "active element <{name}>"
        );
        for a in node.attributes() {
            let key = a.name().to_ascii_lowercase();
            assert!(!key.starts_with("on"), "event attribute {key}");
            assert!(key != "href", "link attribute {key}");
            let v = a.value().to_ascii_lowercase();
            assert!(!v.contains("javascript:") && !v.contains("data:"), "active URL in {key}={v}");
        }
    }
});
