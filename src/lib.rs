//! mermaid-rs facade.
