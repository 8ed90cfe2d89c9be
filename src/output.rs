//! Finishing touches on the SVG document that concern the output file, not the diagram: the requested size,
//! user CSS and the root id (mermaid-cli's `--width`/`--height`, `--cssFile`, `--svgId`).

use crate::Options;

/// Apply `options.width`/`height`, `css` and `svg_id` to the root element of an SVG we wrote.
pub(crate) fn finish_svg(svg: String, options: &Options) -> String {
    let size = |v: Option<f64>| v.filter(|v| v.is_finite() && *v > 0.0);
    let (want_w, want_h) = (size(options.width), size(options.height));
    if want_w.is_none() && want_h.is_none() && options.css.is_none() && options.svg_id.is_none() {
        return svg;
    }
    let Some(tag_end) = svg.find('>') else {
        return svg;
    };
    let mut root = svg[..tag_end].to_string();
    let mut rest = svg[tag_end..].to_string();
    if want_w.is_some() || want_h.is_some() {
        if let (Some(w), Some(h)) = (attr(&root, "width"), attr(&root, "height")) {
            if w > 0.0 && h > 0.0 {
                let factor = match (want_w, want_h) {
                    (Some(ww), Some(wh)) => (ww / w).min(wh / h),
                    (Some(ww), None) => ww / w,
                    (None, Some(wh)) => wh / h,
                    (None, None) => 1.0,
                };
                root = set_attr(&root, "width", &number(w * factor));
                root = set_attr(&root, "height", &number(h * factor));
            }
        }
    }
    if let Some(id) = options.svg_id.as_deref().filter(|id| !id.is_empty()) {
        root.push_str(&format!(r#" id="{}""#, escape_attr(id)));
    }
    if let Some(css) = options.css.as_deref().filter(|c| !c.trim().is_empty()) {
        // After the opening tag's `>`: a style element whose text cannot end the CDATA section early.
        let style = format!(
            "<style><![CDATA[\n{}\n]]></style>",
            css.replace("]]>", "]]]]><![CDATA[>")
        );
        rest.insert_str(1, &style);
    }
    root + &rest
}

fn attr(tag: &str, name: &str) -> Option<f64> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    tag[start..end].parse().ok()
}

fn set_attr(tag: &str, name: &str, value: &str) -> String {
    let key = format!(" {name}=\"");
    let Some(start) = tag.find(&key).map(|i| i + key.len()) else {
        return tag.to_string();
    };
    let Some(end) = tag[start..].find('"').map(|i| start + i) else {
        return tag.to_string();
    };
    format!("{}{}{}", &tag[..start], value, &tag[end..])
}

fn number(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><g/></svg>"#;

    #[test]
    fn width_scales_keeping_proportions() {
        let o = Options {
            width: Some(400.0),
            ..Options::default()
        };
        let out = finish_svg(SVG.into(), &o);
        assert!(
            out.contains(r#"width="400" height="200" viewBox="0 0 200 100""#),
            "{out}"
        );
        let o = Options {
            width: Some(400.0),
            height: Some(50.0),
            ..Options::default()
        };
        assert!(finish_svg(SVG.into(), &o).contains(r#"width="100" height="50""#));
    }

    #[test]
    fn css_and_id_are_escaped() {
        let o = Options {
            css: Some("text { fill: red } /* ]]> */".into()),
            svg_id: Some("a\"b".into()),
            ..Options::default()
        };
        let out = finish_svg(SVG.into(), &o);
        assert!(out.contains(r#"id="a&quot;b""#));
        assert!(out.contains("<style><![CDATA["));
        assert_eq!(out.matches("]]>").count(), 2, "{out}");
    }
}
