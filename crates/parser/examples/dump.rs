//! Print the AST of a Mermaid file, or the rendered error: `cargo run -p mermaid-parser --example dump -- FILE`.
//! Reads standard input when no file is given. With `--summary` as the second argument it prints only counts.

use std::io::Read;

fn main() {
    let mut source = String::new();
    let read = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).map(|s| source = s),
        None => std::io::stdin().read_to_string(&mut source).map(|_| ()),
    };
    if let Err(e) = read {
        eprintln!("cannot read input: {e}");
        std::process::exit(2);
    }
    match mermaid_parser::parse(&source) {
        Ok(mermaid_parser::Diagram::Flowchart(f)) if std::env::args().nth(2).as_deref() == Some("--summary") => {
            println!(
                "{} nodes, {} edges, {} subgraphs",
                f.nodes.len(),
                f.edges.len(),
                f.subgraphs.len()
            )
        }
        Ok(d) => println!("{d:#?}"),
        Err(e) => {
            eprintln!("{}", e.render());
            std::process::exit(1);
        }
    }
}
