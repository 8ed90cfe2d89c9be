//! State diagram layout: measure every state and note, lower the diagram to the graph the flowchart placement
//! lays out (composites and concurrency regions become clusters, notes become nodes one rank from their
//! state), place it with the layered engine and draw mermaid's shapes: rounded states, start and end circles,
//! fork/join bars, choice diamonds, titled composite frames and dashed region boxes.
//!
//! Owns what a state diagram looks like; must not know the engine's internals or any output format.

mod draw;
mod elements;
mod frames;
mod graph;

use crate::config::Config;
use crate::flowchart::placement;
use crate::scene::Scene;
use mermaid_parser::StateDiagram;

/// Room inside composite frames and region boxes: mermaid's are roomier than flowchart subgraphs.
const FRAME_PADDING: f64 = 16.0;

pub(crate) fn lay_out(diagram: &StateDiagram, config: &Config) -> Scene {
    let config = &Config {
        cluster_padding: FRAME_PADDING,
        ..config.clone()
    };
    let measured = elements::measure(diagram, config);
    let lowered = graph::lower(diagram, &measured);
    let placement = placement::place(&lowered.chart, lowered.sizes(), config);
    let mut scene = Scene {
        kind: "stateDiagram",
        acc_title: diagram.meta.acc_title.clone(),
        acc_descr: diagram.meta.acc_descr.clone(),
        ..Default::default()
    };
    let at = draw::Placed::new(&placement, config.diagram_padding);
    frames::draw(&mut scene, diagram, &measured, &lowered, &at, config);
    let (boxes, states) = draw::states_and_notes(&mut scene, diagram, &measured, &lowered, &at, config);
    let (lines, labels) = draw::transitions(&mut scene, &measured, &lowered, &at, &boxes, config);
    scene.items.extend(lines);
    scene.items.extend(states);
    scene.items.extend(labels);
    scene.fit_to_content(config.diagram_padding);
    if let Some(title) = &config.title {
        crate::flowchart::add_title(&mut scene, title, &config.theme);
    }
    scene
}
