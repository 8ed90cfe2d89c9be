//! Cycle removal: make the graph acyclic by reversing a set of edges.
//!
//! A depth-first search from every node in input order reverses each edge that closes a cycle (points back
//! into the current DFS path). For the typical flowchart, this reverses exactly the "return" edges a reader
//! expects (`C --> A` in `A --> B --> C --> A`). Reversed edges keep a flag so routes are drawn in the input
//! direction. Self-loops cannot be made acyclic by reversal: they are moved to `self_loops` for their own pass.

use super::graph::{LayeredGraph, SelfLoop};

pub(crate) fn run(g: &mut LayeredGraph) {
    let mut kept = Vec::with_capacity(g.edges.len());
    for e in std::mem::take(&mut g.edges) {
        if e.from == e.to {
            if let Some(input) = e.input {
                g.self_loops.push(SelfLoop {
                    input,
                    node: e.from,
                    label: e.label,
                });
            }
        } else {
            kept.push(e);
        }
    }
    g.edges = kept;

    for i in back_edges(g) {
        let e = &mut g.edges[i];
        std::mem::swap(&mut e.from, &mut e.to);
        e.reversed = !e.reversed;
    }
}

/// Edges pointing to a node on the DFS stack, found with an explicit stack (graphs can be deep).
fn back_edges(g: &LayeredGraph) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let (out, _) = g.adjacency();
    let mut state = vec![State::New; g.nodes.len()];
    let mut back = Vec::new();
    // (node, index of the next out-edge to look at)
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..g.nodes.len() {
        if state[start] != State::New {
            continue;
        }
        state[start] = State::OnPath;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&e) = out[v].get(next) {
                top.1 += 1;
                let w = g.edges[e].to;
                match state[w] {
                    State::New => {
                        state[w] = State::OnPath;
                        stack.push((w, 0));
                    }
                    State::OnPath => back.push(e),
                    State::Done => {}
                }
            } else {
                state[v] = State::Done;
                stack.pop();
            }
        }
    }
    back.sort_unstable();
    back
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EdgeSpec, LayeredInput, NodeSpec};

    fn graph(n: usize, edges: &[(usize, usize)]) -> LayeredGraph {
        let input = LayeredInput {
            nodes: vec![
                NodeSpec {
                    width: 10.0,
                    height: 10.0,
                    cluster: None
                };
                n
            ],
            edges: edges
                .iter()
                .map(|&(from, to)| EdgeSpec {
                    from,
                    to,
                    min_len: 1,
                    label: None,
                })
                .collect(),
            ..LayeredInput::default()
        };
        LayeredGraph::from_input(&input)
    }

    fn is_acyclic(g: &LayeredGraph) -> bool {
        // Kahn's algorithm consumes every node exactly when there is no cycle.
        let (out, inc) = g.adjacency();
        let mut indeg: Vec<usize> = inc.iter().map(Vec::len).collect();
        let mut queue: Vec<usize> = (0..g.nodes.len()).filter(|&v| indeg[v] == 0).collect();
        let mut seen = 0;
        while let Some(v) = queue.pop() {
            seen += 1;
            for &e in &out[v] {
                let w = g.edges[e].to;
                indeg[w] -= 1;
                if indeg[w] == 0 {
                    queue.push(w);
                }
            }
        }
        seen == g.nodes.len()
    }

    #[test]
    fn reverses_the_closing_edge_of_a_simple_cycle() {
        let mut g = graph(3, &[(0, 1), (1, 2), (2, 0)]);
        run(&mut g);
        assert!(is_acyclic(&g));
        let reversed: Vec<_> = g.edges.iter().filter(|e| e.reversed).map(|e| e.input).collect();
        assert_eq!(reversed, vec![Some(2)]);
    }

    #[test]
    fn removes_all_cycles_and_self_loops() {
        let mut g = graph(
            5,
            &[(0, 1), (1, 0), (1, 2), (2, 3), (3, 1), (3, 3), (4, 4), (3, 0), (2, 4)],
        );
        run(&mut g);
        assert!(is_acyclic(&g));
        assert_eq!(g.self_loops.iter().map(|l| l.input).collect::<Vec<_>>(), vec![5, 6]);
        assert_eq!(g.edges.len(), 7);
    }

    #[test]
    fn leaves_a_dag_alone() {
        let mut g = graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        run(&mut g);
        assert!(g.edges.iter().all(|e| !e.reversed));
    }
}
