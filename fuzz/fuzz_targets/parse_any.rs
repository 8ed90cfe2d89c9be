//! Parse arbitrary text (no header added) and render any error with its caret snippet.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = mermaid_parser::parse(&text) {
        // Errors must point inside the source and render without panicking.
        assert!(e.span.start <= text.len(), "error span past the end");
        assert!(e.line >= 1 && e.column >= 1);
        let _ = e.render();
    }
});
