//! User-supplied CSS (`style`, `classDef`, `linkStyle`) reduced to declarations that are safe to write into an
//! SVG `style` attribute.

/// Keep only declarations whose property is a plain CSS name and whose value cannot break out of the attribute
/// or load anything: no quotes, angle brackets, braces, semicolons, colons, backslashes, `url(`, `expression(` or
/// `javascript:`. Property names are lower-cased and must be on [`PROPERTIES`], the presentation properties that
/// mean something for a diagram; anything else is dropped silently (mermaid ignores unknown styles too).
const PROPERTIES: &[&str] = &[
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "opacity",
    "color",
    "font-size",
    "font-family",
    "font-weight",
    "font-style",
    "font-variant",
    "text-decoration",
    "text-transform",
    "letter-spacing",
    "word-spacing",
    "line-height",
    "text-align",
    "white-space",
    "visibility",
    "display",
    "rx",
    "ry",
    "background",
    "background-color",
    "border",
    "border-color",
    "border-width",
    "border-style",
    "border-radius",
    "padding",
    "width",
    "height",
    "min-width",
    "max-width",
    "shape-rendering",
    "paint-order",
];

pub fn css_declarations(styles: &[(String, String)]) -> Vec<(String, String)> {
    styles
        .iter()
        .filter_map(|(k, v)| {
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim().trim_end_matches("!important").trim();
            let name_ok = PROPERTIES.contains(&k.as_str());
            let lower = v.to_ascii_lowercase();
            let value_ok = !v.is_empty()
                && v.len() <= 200
                && !v.chars().any(|c| {
                    matches!(c, '"' | '\'' | '<' | '>' | '{' | '}' | ';' | ':' | '\\' | '\n' | '\r') || c.is_control()
                })
                && !["url(", "expression(", "javascript:", "image(", "@import", "</"]
                    .iter()
                    .any(|bad| lower.contains(bad));
            (name_ok && value_ok).then(|| (k, v.to_string()))
        })
        .collect()
}

/// A link target that is safe to put in an SVG `href`: only `http:`, `https:` and `mailto:` URLs, with no
/// whitespace or control characters and no quotes or angle brackets. Anything else gives `None`.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme_ok = ["http://", "https://", "mailto:"].iter().any(|s| lower.starts_with(s));
    let chars_ok = url.len() <= 2048
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    (scheme_ok && chars_ok).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_pass() {
        assert_eq!(
            safe_url(" https://example.com/a?b=c "),
            Some("https://example.com/a?b=c".into())
        );
        assert!(safe_url("mailto:someone@example.com").is_some());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<x>",
            "vbscript:x",
            "/relative",
            "https://x\"onload=\"x",
            "https://a b",
            "file:///etc/passwd",
            "  java\tscript:x",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    fn decl(k: &str, v: &str) -> Vec<(String, String)> {
        css_declarations(&[(k.to_string(), v.to_string())])
    }

    #[test]
    fn keeps_ordinary_declarations() {
        assert_eq!(decl("Fill", "#f9f"), vec![("fill".to_string(), "#f9f".to_string())]);
        assert_eq!(
            decl("stroke-width", "4px"),
            vec![("stroke-width".to_string(), "4px".to_string())]
        );
    }

    #[test]
    fn drops_anything_that_could_escape_or_load() {
        for (k, v) in [
            ("fill", "red;}</style><script>"),
            ("fill", "url(javascript:x)"),
            ("background", "url(http://x)"),
            ("fill", "\"x"),
            ("on-click", "x\\"),
            ("a b", "red"),
            ("fill", "expression(alert(1))"),
            ("javascript", "alert(1):red"),
            ("data", "image/svg+xml"),
            ("behavior", "x"),
        ] {
            assert!(decl(k, v).is_empty(), "{k}: {v}");
        }
    }
}
