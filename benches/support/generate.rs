//! Deterministic generators of large diagrams for benchmarks and scale tests (fixed seeds, no dependencies beyond
//! mermaid-rs), and the options to render them with.
#![allow(dead_code)]

use std::fmt::Write as _;

/// Render options for generated diagrams: the default limits refuse the layout work of the largest ones, and
/// benchmarks measure them instead.
pub fn unlimited_options() -> mermaid_rs::Options {
    mermaid_rs::Options {
        limits: mermaid_rs::Limits {
            max_layout_cost: u64::MAX,
            max_nodes: usize::MAX,
            max_edges: usize::MAX,
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A small xorshift generator: the same seed gives the same diagrams everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A flowchart of `nodes` nodes with about 1.5 edges per node, mostly between nodes created near each other
/// (as in dependency graphs), a few long-range links, and a subgraph around every 50 nodes.
pub fn flowchart(nodes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::with_capacity(nodes * 40);
    s.push_str("flowchart TD\n");
    for i in 0..nodes {
        if i % 50 == 0 && i + 10 < nodes {
            let _ = writeln!(s, "  subgraph g{i} [Group {i}]");
            for j in i..i + 5 {
                let _ = writeln!(s, "    n{j}[Service {j}]");
            }
            s.push_str("  end\n");
        }
    }
    for i in 1..nodes {
        let parent = i - 1 - rng.below(i.min(8) as u64) as usize;
        let _ = writeln!(s, "  n{parent}[Service {parent}] --> n{i}[Service {i}]");
        if rng.below(2) == 0 {
            let other = if rng.below(10) == 0 {
                rng.below(i as u64) as usize
            } else {
                i - 1 - rng.below(i.min(30) as u64) as usize
            };
            if other != parent {
                let _ = writeln!(s, "  n{other} -.-> n{i}");
            }
        }
    }
    s
}

/// A sequence diagram of `messages` messages among 12 participants, with activations, notes and loops.
pub fn sequence(messages: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::from("sequenceDiagram\n");
    for p in 0..12 {
        let _ = writeln!(s, "  participant P{p} as Participant {p}");
    }
    let mut open_loop = false;
    for m in 0..messages {
        if m % 40 == 0 {
            if open_loop {
                s.push_str("  end\n");
            }
            let _ = writeln!(s, "  loop Batch {m}");
            open_loop = true;
        }
        let a = rng.below(12);
        let b = (a + 1 + rng.below(11)) % 12;
        let arrow = ["->>", "-->>", "-)", "->"][rng.below(4) as usize];
        let _ = writeln!(s, "  P{a}{arrow}P{b}: message {m}");
        if m % 25 == 0 {
            let _ = writeln!(s, "  Note over P{a},P{b}: checkpoint {m}");
        }
    }
    if open_loop {
        s.push_str("  end\n");
    }
    s
}

/// An ER diagram of `entities` entities with five attributes each and about 1.3 relationships per entity.
pub fn er(entities: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::from("erDiagram\n");
    for e in 0..entities {
        let _ = writeln!(
            s,
            "  E{e} {{\n    int id PK\n    string name\n    int owner_id FK\n    date created\n    string note \"free text\"\n  }}"
        );
    }
    let cards = ["||--o{", "|o--o{", "}o--||", "||--||", "}|..|{"];
    for e in 1..entities {
        let other = e - 1 - rng.below(e.min(10) as u64) as usize;
        let card = cards[rng.below(cards.len() as u64) as usize];
        let _ = writeln!(s, "  E{other} {card} E{e} : has");
        if rng.below(3) == 0 {
            let far = rng.below(e as u64) as usize;
            let _ = writeln!(s, "  E{far} ||--o{{ E{e} : refers");
        }
    }
    s
}
