//! Text measurement on the embedded font.
