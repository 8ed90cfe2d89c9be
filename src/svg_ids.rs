//! Ids made unique for drawings that share an HTML page. Each SVG names its markers and gradients the same way
//! (`m-arrow-end-0`), so on a page with several drawings a reference could reach another drawing's marker,
//! drawn in another theme. Every id of a drawing and every reference to one gets the drawing's own prefix.

use crate::Error;

/// `svg` (a drawing of ours, or any well-formed SVG) with each `id="x"` made `id="{prefix}-x"` and each
/// `url(#x)` / `href="#x"` naming one of its ids changed to match; the root element's id becomes `prefix`
/// itself. For embedding several drawings in one HTML page.
///
/// ```
/// let svg = mermaid_rs::render_svg("graph TD\n  A --> B", &mermaid_rs::Options::default())?;
/// let svg = mermaid_rs::prefix_ids(&svg, "fig-1")?;
/// assert!(svg.contains(r#"marker-end="url(#fig-1-mrs-"#));
/// # Ok::<(), mermaid_rs::Error>(())
/// ```
pub fn prefix_ids(svg: &str, prefix: &str) -> Result<String, Error> {
    let doc = roxmltree::Document::parse(svg).map_err(|e| Error::Config(format!("the SVG is not well-formed: {e}")))?;
    let root = doc.root_element();
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| *n != root)
        .filter_map(|n| n.attribute("id"))
        .collect();
    // (byte range of an attribute value, its new text escaped), in document order.
    let mut edits = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            let value = attr.value();
            let new = if attr.name() == "id" && attr.namespace().is_none() {
                if node == root {
                    prefix.to_string()
                } else {
                    format!("{prefix}-{value}")
                }
            } else {
                rewrite_references(value, prefix, &ids)
            };
            if new != value {
                edits.push((attr.range_value(), escape_attribute(&new)));
            }
        }
    }
    if root.attribute("id").is_none() {
        let at = root.range().start + "<svg".len();
        edits.push((at..at, format!(" id=\"{}\"", escape_attribute(prefix))));
        edits.sort_by_key(|(r, _)| r.start);
    }
    let mut out = String::with_capacity(svg.len() + edits.len() * (prefix.len() + 1));
    let mut at = 0;
    for (range, new) in edits {
        out.push_str(&svg[at..range.start]);
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(&svg[at..]);
    Ok(out)
}

/// `url(#x)` and a whole-value `#x` (an `href`) pointing at one of `ids`, given the prefix.
fn rewrite_references(value: &str, prefix: &str, ids: &[&str]) -> String {
    if let Some(id) = value.strip_prefix('#') {
        if ids.contains(&id) {
            return format!("#{prefix}-{id}");
        }
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find("url(#") {
        out.push_str(&rest[..i + 5]);
        rest = &rest[i + 5..];
        let end = rest.find(')').unwrap_or(rest.len());
        if ids.contains(&&rest[..end]) {
            out.push_str(prefix);
            out.push('-');
        }
    }
    out.push_str(rest);
    out
}

/// An attribute value written back into the document (the parser gave it unescaped).
fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_references_get_the_prefix() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" id="old"><defs><marker id="m-0"/></defs><path marker-end="url(#m-0)" fill="url(#elsewhere)"/><use href="#m-0"/><text data-id="A">url(#m-0) &amp; "x"</text></svg>"##;
        let out = prefix_ids(svg, "p1").unwrap();
        assert_eq!(
            out,
            r##"<svg xmlns="http://www.w3.org/2000/svg" id="p1"><defs><marker id="p1-m-0"/></defs><path marker-end="url(#p1-m-0)" fill="url(#elsewhere)"/><use href="#p1-m-0"/><text data-id="A">url(#m-0) &amp; "x"</text></svg>"##
        );
        assert!(prefix_ids("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "q")
            .unwrap()
            .starts_with("<svg id=\"q\""));
    }

    #[test]
    fn real_drawings_keep_working_after_prefixing() {
        let svg = crate::render_svg("graph TD\n  A --> B\n  B -.-> C", &crate::Options::default()).unwrap();
        let out = prefix_ids(&svg, "ch-1").unwrap();
        let doc = roxmltree::Document::parse(&out).unwrap();
        let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
        assert!(ids.len() > 1 && ids.iter().all(|id| id.starts_with("ch-1")), "{ids:?}");
        for n in doc.descendants() {
            for a in n.attributes() {
                if let Some(i) = a.value().find("url(#") {
                    let target = a.value()[i + 5..].split(')').next().unwrap();
                    assert!(ids.contains(&target), "{target} is not an id of the drawing");
                }
            }
        }
    }
}
