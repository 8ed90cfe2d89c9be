//! Sequence diagram layout: participants in columns, messages in rows, frames, notes and activations.

use crate::scene::Scene;
use crate::theme::Theme;
use mermaid_parser::SequenceDiagram;

pub(crate) fn lay_out(diagram: &SequenceDiagram, theme: &Theme) -> Scene {
    let _ = (diagram, theme);
    Scene {
        kind: "sequence",
        ..Default::default()
    }
}
