//! Parse arbitrary text as a class diagram: any result is fine, a panic, hang or runaway allocation is not.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = mermaid_parser::parse(&common::with_header(data, "classDiagram"));
});
