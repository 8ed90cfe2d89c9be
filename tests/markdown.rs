//! Property test of the Markdown block finder: documents stitched from fences, containers, tabs and non-ASCII
//! text never make it panic, its blocks are disjoint and in order, and rewriting a document with each block's
//! own text gives the document back byte for byte.

use mermaid_rs::markdown::{extract, replace};
use mermaid_rs::ParseError;
use proptest::prelude::*;

fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "```mermaid\n",
        "````mermaid {.x}\n",
        "~~~mermaid\n",
        "```\n",
        "````\n",
        "~~~\n",
        ":::mermaid\n",
        ":::\n",
        "> ",
        ">\t",
        "- ",
        "1. ",
        "  ",
        "\t",
        "    ",
        "graph TD\n",
        "  A -> B\n",
        "ünïcødé 漢字\n",
        "\r\n",
        "\n",
        "<div>\n",
        "text",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn blocks_are_disjoint_and_rewriting_is_byte_exact(parts in prop::collection::vec(fragment(), 0..40)) {
        let doc: String = parts.concat();
        let blocks = extract(&doc);
        let mut end = 0;
        for (i, b) in blocks.iter().enumerate() {
            prop_assert_eq!(b.index, i + 1);
            prop_assert!(end <= b.range.start && b.range.start <= b.range.end && b.range.end <= doc.len());
            prop_assert!(doc.is_char_boundary(b.range.start) && doc.is_char_boundary(b.range.end));
            end = b.range.end;
            // Any error position inside the block maps to a real place in the document.
            for at in 0..=b.source.len() {
                if !b.source.is_char_boundary(at) {
                    continue;
                }
                let span = mermaid_parser::ast::Span::new(at, b.source.len());
                let error = ParseError::new(&b.source, span, "test");
                let moved = b.error_in_document(&error, &doc);
                prop_assert!(moved.span.start <= doc.len() && moved.line >= b.fence_line);
            }
        }
        let same = replace(&doc, &blocks, |b| doc[b.range.clone()].to_string());
        prop_assert_eq!(same, doc);
    }
}
