//! A cheap (linear-time) estimate of how much work laying out a diagram takes, so that callers can refuse
//! diagrams that would take too long before starting (`mermaid_rs::Limits::max_layout_cost`).
//!
//! For graph diagrams the layered engine's work grows with its nodes, its edges and above all the dummy nodes it
//! inserts where an edge spans several ranks (a complete graph K_n needs about n³/6 of them) and the border
//! nodes of clusters on every rank they cover. The estimate ranks the graph by longest path after breaking
//! cycles the way the engine does (depth-first search, back edges reversed), which never gives shorter edges
//! than the engine's optimal ranking would, so it errs on the expensive side.

use mermaid_parser::Diagram;
use std::collections::HashMap;

/// Estimated layout work for `diagram`, in "node visits": comparable across diagram types.
pub fn layout_cost(diagram: &Diagram) -> u64 {
    match diagram {
        Diagram::Flowchart(fc) => {
            let mut index: HashMap<&str, usize> = HashMap::new();
            for id in fc
                .nodes
                .iter()
                .map(|n| n.id.as_str())
                .chain(fc.subgraphs.iter().map(|s| s.id.as_str()))
            {
                let next = index.len();
                index.entry(id).or_insert(next);
            }
            let edges: Vec<(usize, usize, u32)> = fc
                .edges
                .iter()
                .filter_map(|e| {
                    Some((
                        *index.get(e.from.as_str())?,
                        *index.get(e.to.as_str())?,
                        e.min_len.max(1),
                    ))
                })
                .collect();
            graph_cost(index.len(), &edges, fc.subgraphs.len())
        }
        Diagram::Er(er) => {
            let index: HashMap<&str, usize> = er
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.name.as_str(), i))
                .collect();
            let edges: Vec<(usize, usize, u32)> = er
                .relationships
                .iter()
                .filter_map(|r| Some((*index.get(r.from.as_str())?, *index.get(r.to.as_str())?, 1)))
                .collect();
            let attributes: usize = er.entities.iter().map(|e| e.attributes.len()).sum();
            graph_cost(er.entities.len(), &edges, 0).saturating_add(attributes as u64)
        }
        Diagram::Class(cd) => {
            let index: HashMap<&str, usize> = cd.classes.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
            let notes = cd.classes.len();
            let mut edges: Vec<(usize, usize, u32)> = cd
                .relations
                .iter()
                .filter_map(|r| Some((*index.get(r.from.as_str())?, *index.get(r.to.as_str())?, 1)))
                .collect();
            edges.extend(
                cd.notes
                    .iter()
                    .enumerate()
                    .filter_map(|(i, n)| Some((notes + i, *index.get(n.class.as_deref()?)?, 1))),
            );
            let members: usize = cd.classes.iter().map(|c| c.members.len()).sum();
            graph_cost(cd.classes.len() + cd.notes.len(), &edges, cd.namespaces.len()).saturating_add(members as u64)
        }
        Diagram::State(d) => {
            let index: HashMap<&str, usize> = d.states.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
            let edges: Vec<(usize, usize, u32)> = d
                .transitions
                .iter()
                .filter_map(|t| Some((*index.get(t.from.as_str())?, *index.get(t.to.as_str())?, 1)))
                .collect();
            let containers = d.states.iter().filter(|s| s.is_container()).count();
            graph_cost(d.states.len() + d.notes.len(), &edges, containers).saturating_add(d.notes.len() as u64)
        }
        // Sequence layout is one pass over the statements per participant column at most.
        Diagram::Sequence(seq) => {
            let statements = seq.statements.len() as u64;
            let participants = seq.participants.len() as u64;
            statements
                .saturating_add(participants)
                .saturating_add(statements.saturating_mul(participants) / 16)
        }
    }
}

/// Nodes + edges + dummy nodes + cluster border nodes of a graph with `n` nodes, under longest-path ranking.
fn graph_cost(n: usize, edges: &[(usize, usize, u32)], clusters: usize) -> u64 {
    let mut out: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n];
    for &(a, b, len) in edges {
        if a != b {
            if let Some(list) = out.get_mut(a) {
                list.push((b, len));
            }
        }
    }
    // Iterative DFS: postorder, and which edges are back edges (to a node still on the stack).
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut post = Vec::with_capacity(n);
    let mut dag: Vec<Vec<(usize, u32)>> = vec![Vec::new(); n];
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(w, len)) = out[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        dag[v].push((w, len));
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => dag[w].push((v, len)),
                    _ => dag[v].push((w, len)),
                }
            } else {
                state[v] = 2;
                post.push(v);
                stack.pop();
            }
        }
    }
    let mut rank = vec![0u64; n];
    for &v in post.iter().rev() {
        for &(w, len) in &dag[v] {
            rank[w] = rank[w].max(rank[v].saturating_add(u64::from(len)));
        }
    }
    let mut dummies = 0u64;
    for (v, list) in dag.iter().enumerate() {
        for &(w, _) in list {
            dummies = dummies.saturating_add(rank[w].abs_diff(rank[v]).saturating_sub(1));
        }
    }
    let ranks = rank.iter().copied().max().unwrap_or(0).saturating_add(1);
    (n as u64)
        .saturating_add(edges.len() as u64)
        .saturating_add(dummies)
        .saturating_add((clusters as u64).saturating_mul(ranks).saturating_mul(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_are_linear_and_complete_graphs_cubic() {
        let chain: Vec<(usize, usize, u32)> = (0..99).map(|i| (i, i + 1, 1)).collect();
        assert_eq!(graph_cost(100, &chain, 0), 100 + 99);
        let n = 30;
        let complete: Vec<(usize, usize, u32)> = (0..n).flat_map(|a| (0..n).map(move |b| (a, b, 1))).collect();
        let cost = graph_cost(n, &complete, 0);
        // About n³/6 dummy nodes.
        assert!(cost > (n * n * n / 8) as u64, "{cost}");
        assert!(cost < (n * n * n) as u64, "{cost}");
    }
}
