//! Finishing touches on the SVG document that concern the output file, not the diagram: the requested size,
//! user CSS and the root id (mermaid-cli's `--width`/`--height`, `--cssFile`, `--svgId`).

use crate::Options;

/// The prefix of every id in the SVG: the `svg_id` when given, else `mrs-` and a 64-bit FNV-1a hash of
/// everything that shapes the drawing (source, theme, configuration, CSS), so equal inputs give equal bytes.
pub(crate) fn id_prefix(source: &str, options: &Options) -> String {
    if let Some(id) = options.svg_id.as_deref().filter(|id| !id.is_empty()) {
        return id.to_string();
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [
        Some(source),
        options.theme.as_deref(),
        options.config.as_deref(),
        options.css.as_deref(),
    ];
    for part in parts {
        // A separator byte that UTF-8 text never contains keeps ("ab", "c") apart from ("a", "bc").
        for b in part.unwrap_or("").bytes().chain([0xff]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("mrs-{hash:016x}")
}

/// Refuse an `svg_id` that is not a plain XML name and CSS with characters XML cannot hold, rather than write
/// a malformed document.
pub(crate) fn check_svg_id_and_css(options: &Options) -> Result<(), String> {
    if let Some(id) = options.svg_id.as_deref().filter(|id| !id.is_empty()) {
        valid_svg_id(id)?;
    }
    if let Some(css) = options.css.as_deref() {
        for (n, line) in css.split('\n').enumerate() {
            if let Some((col, c)) = line
                .chars()
                .enumerate()
                .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r'))
            {
                return Err(format!(
                    "the CSS has a control character {} at line {}, column {}; XML cannot hold it",
                    c.escape_unicode(),
                    n + 1,
                    col + 1
                ));
            }
        }
    }
    Ok(())
}

/// Whether `id` can be an SVG id and id prefix: `[A-Za-z_][A-Za-z0-9_.:-]*`, at most 128 characters.
pub(crate) fn valid_svg_id(id: &str) -> Result<(), String> {
    let first_ok = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let rest_ok = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-'));
    if first_ok && rest_ok && id.len() <= 128 {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not a valid SVG id: use letters, digits, `-`, `_`, `.` and `:`, starting with a letter or `_` \
             (at most 128 characters)",
            id.escape_debug()
        ))
    }
}

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
        assert!(check_svg_id_and_css(&o).is_err());
        let out = finish_svg(SVG.into(), &o);
        assert!(out.contains(r#"id="a&quot;b""#));
        let bell = Options {
            css: Some("a{}\nb{\u{7}}".into()),
            ..Options::default()
        };
        let why = check_svg_id_and_css(&bell).unwrap_err();
        assert!(why.contains("\\u{7} at line 2, column 3"), "{why}");
        assert!(out.contains("<style><![CDATA["));
        assert_eq!(out.matches("]]>").count(), 2, "{out}");
    }
}
