//! Markdown extraction (` ```mermaid `, `~~~mermaid` and `:::mermaid` blocks) on arbitrary text: finding the
//! blocks, moving each block's parse error to its place in the document, and writing the document back with
//! image links must never panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let doc = String::from_utf8_lossy(data);
    let blocks = mermaid_rs::markdown::extract(&doc);
    for block in &blocks {
        if let Err(e) = mermaid_parser::parse(&block.source) {
            let _ = block.error_in_document(&e, &doc).render();
        }
    }
    let _ = mermaid_rs::markdown::replace(&doc, &blocks, |b| format!("![diagram](./out-{}.svg)", b.index));
});
