//! Layout: from a parsed diagram to a positioned scene.
//!
//! This crate owns geometry: the layered graph layout engine ([`layered`]) and, per diagram type, the step
//! that sizes every element from its measured text, runs the engine and writes the final scene.
//!
//! It must not know about SVG, PNG or any output format.

pub mod layered;
