//! What real documents write and mermaid.js 11 accepts or draws (issue 18): one small case per point, each
//! checked against how mermaid.js reads or draws it.

use mermaid_rs::{layout, Options, Scene};

fn scene(src: &str) -> Scene {
    layout(src, &Options::default()).unwrap_or_else(|e| panic!("{src}\n{e}"))
}

// ---- sequence

#[test]
fn activations_never_closed_draw_no_bar_but_closed_ones_do() {
    let s = scene(
        "sequenceDiagram\n  Alice->>+Bob: open, never closed\n  Bob->>+Carol: opened\n  Carol-->>-Bob: closed\n  activate Alice\n",
    );
    let seq = s.geometry.sequence.as_ref().unwrap();
    let actors: Vec<&str> = seq.activations.iter().map(|a| a.actor.as_str()).collect();
    assert_eq!(actors, ["Carol"], "only the closed activation has a bar");
}
