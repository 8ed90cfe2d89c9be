//! Entity–relationship diagram layout: entities as tables, relationships through the layered engine.

use crate::scene::Scene;
use crate::theme::Theme;
use mermaid_parser::ErDiagram;

pub(crate) fn lay_out(diagram: &ErDiagram, theme: &Theme) -> Scene {
    let _ = (diagram, theme);
    Scene {
        kind: "er",
        ..Default::default()
    }
}
