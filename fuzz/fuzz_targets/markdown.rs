//! Markdown extraction (` ```mermaid ` fences) on arbitrary text. Built only with `--features markdown`, once
//! `mermaid_rs::markdown` exists (it is being written on the CLI branch).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = mermaid_rs::markdown::extract_blocks(&text);
});
