//! The state diagram as the graph the flowchart placement lays out: one node per state that is not a frame
//! and per note, one cluster per composite and concurrency region that holds anything, one edge per
//! transition and per note link. Composites default to top-to-bottom, not to their parent's direction.

use super::elements::{scope_direction, Measured};
use crate::flowchart::placement::Sizes;
use mermaid_parser::{Edge, EdgeStroke, Flowchart, Node, NoteSide, StateDiagram, Subgraph};
use std::collections::HashMap;

/// What a node of the lowered graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Element {
    State(usize),
    Note(usize),
}

/// What an edge of the lowered graph stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Link {
    Transition(usize),
    Note(usize),
}

pub(super) struct Lowered {
    pub chart: Flowchart,
    /// By chart node index.
    pub nodes: Vec<Element>,
    /// By chart subgraph index: the frame's state index, or `None` for the invisible group that keeps a state
    /// and its notes together (as mermaid's `<state>----parent` group does).
    pub clusters: Vec<Option<usize>>,
    /// By chart edge index.
    pub links: Vec<Link>,
    node_sizes: Vec<(f64, f64)>,
    title_sizes: Vec<(f64, f64)>,
    label_sizes: Vec<Option<(f64, f64)>>,
}

impl Lowered {
    pub fn sizes(&self) -> Sizes<'_> {
        Sizes {
            node: &self.node_sizes,
            cluster_title: &self.title_sizes,
            edge_label: &self.label_sizes,
        }
    }
}

/// The id a note has in the drawing and the geometry (mermaid's).
pub(super) fn note_id(diagram: &StateDiagram, note: usize) -> String {
    format!("{}----note-{note}", diagram.notes[note].state)
}

pub(super) fn lower(diagram: &StateDiagram, measured: &Measured) -> Lowered {
    let states = &diagram.states;
    // A frame with nothing inside is drawn as a plain state: the engine has no box to put around it.
    let holds_something = frames_holding_states(diagram);
    let is_cluster = |si: usize| states[si].is_container() && holds_something[si];

    let mut chart = Flowchart {
        direction: diagram.direction,
        ..Default::default()
    };
    let mut low = Lowered {
        chart: Flowchart::default(),
        nodes: Vec::new(),
        clusters: Vec::new(),
        links: Vec::new(),
        node_sizes: Vec::new(),
        title_sizes: Vec::new(),
        label_sizes: Vec::new(),
    };
    let mut cluster_of: HashMap<usize, usize> = HashMap::new();
    for (si, s) in states.iter().enumerate() {
        if is_cluster(si) {
            cluster_of.insert(si, low.clusters.len());
            low.clusters.push(Some(si));
            low.title_sizes.push(measured.title_size(si));
            chart.subgraphs.push(Subgraph {
                id: s.id.clone(),
                direction: Some(scope_direction(diagram, Some(si))),
                ..Default::default()
            });
        }
    }
    // Parent links, children lists and members; a cluster's parent is its nearest enclosing cluster.
    let enclosing = |si: usize| states[si].parent.and_then(|p| cluster_of.get(&p).copied());
    for ci in 0..low.clusters.len() {
        let parent = low.clusters[ci].and_then(enclosing);
        chart.subgraphs[ci].parent = parent;
        if let Some(p) = parent {
            chart.subgraphs[p].children.push(ci);
        }
    }
    // A state with notes and its notes share a group, so that each note stays beside its state.
    let mut note_group: HashMap<usize, usize> = HashMap::new();
    for n in &diagram.notes {
        let Some(si) = diagram.state_index(&n.state).filter(|&si| !is_cluster(si)) else {
            continue;
        };
        if note_group.contains_key(&si) {
            continue;
        }
        let ci = chart.subgraphs.len();
        let parent = enclosing(si);
        chart.subgraphs.push(Subgraph {
            id: format!("{}----parent", states[si].id),
            direction: Some(scope_direction(diagram, states[si].parent)),
            parent,
            ..Default::default()
        });
        if let Some(p) = parent {
            chart.subgraphs[p].children.push(ci);
        }
        low.clusters.push(None);
        low.title_sizes.push((0.0, 0.0));
        note_group.insert(si, ci);
    }
    let add_node = |chart: &mut Flowchart, low: &mut Lowered, id: String, cluster: Option<usize>, e, size| {
        if let Some(c) = cluster {
            chart.subgraphs[c].nodes.push(id.clone());
        }
        chart.nodes.push(Node {
            id,
            ..Default::default()
        });
        low.nodes.push(e);
        low.node_sizes.push(size);
    };
    for (si, s) in states.iter().enumerate() {
        if !is_cluster(si) {
            let cluster = note_group.get(&si).copied().or_else(|| enclosing(si));
            add_node(
                &mut chart,
                &mut low,
                s.id.clone(),
                cluster,
                Element::State(si),
                measured.sizes[si],
            );
        }
    }
    for (ni, n) in diagram.notes.iter().enumerate() {
        let si = diagram.state_index(&n.state);
        let cluster = si.and_then(|si| note_group.get(&si).copied().or_else(|| enclosing(si)));
        let size = measured.note_size(ni);
        add_node(
            &mut chart,
            &mut low,
            note_id(diagram, ni),
            cluster,
            Element::Note(ni),
            size,
        );
    }
    for (ti, t) in diagram.transitions.iter().enumerate() {
        chart.edges.push(Edge {
            from: t.from.clone(),
            to: t.to.clone(),
            min_len: 1,
            ..Default::default()
        });
        low.links.push(Link::Transition(ti));
        low.label_sizes
            .push(measured.transition_labels[ti].as_ref().map(|l| (l.width, l.height)));
    }
    for (ni, n) in diagram.notes.iter().enumerate() {
        let (state, note) = (n.state.clone(), note_id(diagram, ni));
        let (from, to) = match n.side {
            NoteSide::Right => (state, note),
            NoteSide::Left => (note, state),
        };
        chart.edges.push(Edge {
            from,
            to,
            min_len: 1,
            stroke: EdgeStroke::Dotted,
            ..Default::default()
        });
        low.links.push(Link::Note(ni));
        low.label_sizes.push(None);
    }
    low.chart = chart;
    low
}

/// By state index: whether the state is a frame with at least one state (at any depth) inside.
fn frames_holding_states(diagram: &StateDiagram) -> Vec<bool> {
    let states = &diagram.states;
    let mut holds = vec![false; states.len()];
    for s in states.iter().filter(|s| !s.is_container()) {
        let mut p = s.parent;
        let mut guard = 0;
        while let Some(pi) = p.filter(|_| guard <= states.len()) {
            holds[pi] = true;
            p = states[pi].parent;
            guard += 1;
        }
    }
    holds
}
