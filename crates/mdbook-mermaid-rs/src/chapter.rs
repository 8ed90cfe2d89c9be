//! One chapter: each Mermaid block becomes its drawing (inline SVG or an image file and a link), kept as it is
//! when mermaid-rs does not draw its type and the book says to keep such blocks.

use crate::options::{Output, Settings, Themes};
use mermaid_rs::markdown::{self, Block};
use mermaid_rs::{Error, Options};
use std::path::{Component, Path};

/// CSS that shows the light or the dark drawing after mdBook's theme: mdBook puts the theme's name (`light`,
/// `rust`, `coal`, `navy`, `ayu`) as a class on `<html>`; the last three are dark.
const FOLLOW_THEME_CSS: &str = "<style>.mermaid-rs-dark{display:none}\
html.coal .mermaid-rs-dark,html.navy .mermaid-rs-dark,html.ayu .mermaid-rs-dark{display:block}\
html.coal .mermaid-rs-light,html.navy .mermaid-rs-light,html.ayu .mermaid-rs-light{display:none}</style>";

/// The chapter's new text, or `None` when it has no diagram to draw. `path` is the chapter's file relative
/// to the book's sources (`src_dir`), where image files are written.
pub fn draw(content: &str, path: &Path, settings: &Settings, src_dir: &Path) -> Result<Option<String>, String> {
    let blocks = markdown::extract(content);
    let slug = slug(path);
    let mut drawings = Vec::with_capacity(blocks.len());
    for block in &blocks {
        let name = format!("{slug}-{}", block.index);
        drawings.push(draw_block(block, &name, content, path, settings, src_dir)?);
    }
    if drawings.iter().all(Option::is_none) {
        return Ok(None);
    }
    let mut drawings = drawings.into_iter();
    let mut out = markdown::replace(content, &blocks, |b| {
        drawings
            .next()
            .flatten()
            .unwrap_or_else(|| content[b.range.clone()].to_string())
    });
    if matches!(settings.themes, Themes::FollowBook { .. }) {
        out.push_str("\n\n");
        out.push_str(FOLLOW_THEME_CSS);
        out.push('\n');
    }
    Ok(Some(out))
}

/// One block's replacement (one line of HTML or Markdown, so that it stays inside a list item or block
/// quote), or `None` to keep the block.
fn draw_block(
    block: &Block,
    name: &str,
    content: &str,
    path: &Path,
    settings: &Settings,
    src_dir: &Path,
) -> Result<Option<String>, String> {
    let variants: Vec<(&str, &str)> = match &settings.themes {
        Themes::One(theme) => vec![("", theme.as_str())],
        Themes::FollowBook { light, dark } => vec![("light", light.as_str()), ("dark", dark.as_str())],
    };
    let mut svgs = Vec::with_capacity(variants.len());
    for (variant, theme) in &variants {
        let options = Options {
            theme: Some(theme.to_string()),
            config: settings.config.clone(),
            background: settings.background.clone(),
            ..Options::default()
        };
        let svg = match mermaid_rs::render_svg(&block.source, &options) {
            Ok(svg) => svg,
            Err(Error::Parse(e)) if settings.keep_unsupported && is_unsupported_type(&e) => return Ok(None),
            Err(e) => return Err(located(&e, block, content, path)),
        };
        let id = match *variant {
            "" => format!("mermaid-rs-{name}"),
            v => format!("mermaid-rs-{name}-{v}"),
        };
        let svg = mermaid_rs::prefix_ids(&svg, &id)
            .map_err(|e| format!("{}: diagram {}: {e}", path.display(), block.index))?;
        svgs.push((*variant, svg));
    }
    let meta = mermaid_rs::parse(&block.source).ok();
    let alt = meta.as_ref().and_then(|d| d.meta().acc_descr.clone());
    let title = meta.as_ref().and_then(|d| d.meta().acc_title.clone());
    let html = match &settings.output {
        Output::Inline => inline(&svgs),
        Output::Files(dir) => {
            let mut links = Vec::with_capacity(svgs.len());
            for (variant, svg) in &svgs {
                let file = match *variant {
                    "" => format!("{name}.svg"),
                    v => format!("{name}-{v}.svg"),
                };
                write_if_changed(&src_dir.join(dir).join(&file), svg)?;
                links.push((*variant, format!("{}{}/{file}", up_to_root(path), slashes(dir))));
            }
            image_links(&links, alt.as_deref(), title.as_deref())
        }
    };
    Ok(Some(html))
}

/// Whether a parse error says the diagram's type is one mermaid-rs recognises but does not draw (as opposed
/// to a misspelt or broken diagram, which fails the build). The parser has no error kind for this; its
/// message is the one place it says so, and a test keeps the two in step.
fn is_unsupported_type(e: &mermaid_rs::ParseError) -> bool {
    e.message.contains("diagrams are not supported yet")
}

/// The error with the chapter's file, line and column, and the caret under the chapter's own line.
fn located(e: &Error, block: &Block, content: &str, path: &Path) -> String {
    match e {
        Error::Parse(p) => {
            let moved = block.error_in_document(p, content);
            format!(
                "{}:{}:{}: diagram {}: {}",
                path.display(),
                moved.line,
                moved.column,
                block.index,
                moved.render()
            )
        }
        other => format!(
            "{}:{}: diagram {}: {other}",
            path.display(),
            block.fence_line,
            block.index
        ),
    }
}

/// The drawings as one line of HTML: one SVG, or a light and a dark one of which CSS shows one.
fn inline(svgs: &[(&str, String)]) -> String {
    let mut html = String::from("<div class=\"mermaid-rs\">");
    for (variant, svg) in svgs {
        // One line, so that the HTML block stays inside its list item or block quote; text is drawn by
        // positioned tspans, so no line break in the SVG carries meaning.
        let svg = svg.replace(['\r', '\n'], " ");
        match *variant {
            "" => html.push_str(&svg),
            v => html.push_str(&format!("<div class=\"mermaid-rs-{v}\">{svg}</div>")),
        }
    }
    html.push_str("</div>");
    html
}

/// Links to the image files: mermaid-cli's Markdown image link for one drawing; `<img>` elements of which CSS
/// shows one for a light and a dark drawing.
fn image_links(links: &[(&str, String)], alt: Option<&str>, title: Option<&str>) -> String {
    if let [("", url)] = links {
        return markdown::image_link(url, alt, title);
    }
    let alt = html_escape(alt.filter(|a| !a.trim().is_empty()).unwrap_or("diagram"));
    let title = title
        .map(|t| format!(" title=\"{}\"", html_escape(t)))
        .unwrap_or_default();
    let mut html = String::from("<div class=\"mermaid-rs\">");
    for (variant, url) in links {
        html.push_str(&format!(
            "<img class=\"mermaid-rs-{variant}\" src=\"{}\" alt=\"{alt}\"{title}>",
            html_escape(url)
        ));
    }
    html.push_str("</div>");
    html
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\r', '\n'], " ")
}

/// A chapter's path as a name for ids and files: `guide/intro.md` → `guide-intro`.
fn slug(path: &Path) -> String {
    let stem = path.with_extension("");
    let text = stem.to_string_lossy();
    text.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect()
}

/// `../` once per folder between the chapter and the book's root.
fn up_to_root(path: &Path) -> String {
    let depth = path.parent().map_or(0, |p| {
        p.components().filter(|c| matches!(c, Component::Normal(_))).count()
    });
    "../".repeat(depth)
}

fn slashes(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Write a file only when its bytes change, so that `mdbook serve` does not see a change and rebuild forever.
fn write_if_changed(file: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(file).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    let fail = |e: std::io::Error| format!("mdbook-mermaid-rs: cannot write {}: {e}", file.display());
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    std::fs::write(file, text).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(output: Output, themes: Themes, keep_unsupported: bool) -> Settings {
        Settings {
            output,
            themes,
            keep_unsupported,
            config: None,
            background: None,
        }
    }

    const CHAPTER: &str = "# Guide\n\n```mermaid\ngraph TD\n  A --> B\n```\n\n> ```mermaid\n> sequenceDiagram\n>   A->>B: hi\n> ```\n\n```mermaid\ngantt\n  title Later\n```\n";

    #[test]
    fn blocks_become_inline_svg_with_ids_unique_in_the_book() {
        let s = settings(Output::Inline, Themes::One("forest".into()), true);
        let out = draw(CHAPTER, Path::new("guide/intro.md"), &s, Path::new("/nonexistent"))
            .unwrap()
            .unwrap();
        assert!(out.starts_with("# Guide\n\n<div class=\"mermaid-rs\"><svg "), "{out}");
        assert!(
            out.contains("\n\n> <div class=\"mermaid-rs\"><svg "),
            "the quoted drawing stays in the quote"
        );
        assert!(out.contains("id=\"mermaid-rs-guide-intro-1\"") && out.contains("id=\"mermaid-rs-guide-intro-2\""));
        assert!(out.contains("url(#mermaid-rs-guide-intro-1-mrs-"), "{out}");
        assert!(
            out.ends_with("```mermaid\ngantt\n  title Later\n```\n"),
            "gantt is kept for mermaid.js"
        );
        assert!(!out.contains("<style>"), "one theme needs no CSS");
        assert_eq!(
            out.lines().filter(|l| l.contains("<svg")).count(),
            2,
            "each drawing is one line"
        );
    }

    #[test]
    fn following_the_book_theme_draws_light_and_dark() {
        let s = settings(
            Output::Inline,
            Themes::FollowBook {
                light: "default".into(),
                dark: "dark".into(),
            },
            true,
        );
        let out = draw(CHAPTER, Path::new("a.md"), &s, Path::new("/nonexistent"))
            .unwrap()
            .unwrap();
        assert!(out.contains("<div class=\"mermaid-rs-light\"><svg "));
        assert!(out.contains("<div class=\"mermaid-rs-dark\"><svg "));
        assert!(out.contains("id=\"mermaid-rs-a-1-light\"") && out.contains("id=\"mermaid-rs-a-1-dark\""));
        assert!(out.ends_with(&format!("{FOLLOW_THEME_CSS}\n")));
    }

    #[test]
    fn unsupported_types_fail_when_asked_and_errors_are_located() {
        let s = settings(Output::Inline, Themes::One("default".into()), false);
        let e = draw(CHAPTER, Path::new("intro.md"), &s, Path::new("/nonexistent")).unwrap_err();
        assert!(e.starts_with("intro.md:14:1: diagram 3: "), "{e}");
        assert!(e.contains("`gantt` diagrams are not supported yet"), "{e}");
        let broken = "text\n\n- item\n  ```mermaid\n  graph TD\n    A -> B\n  ```\n";
        let s = settings(Output::Inline, Themes::One("default".into()), true);
        let e = draw(broken, Path::new("b.md"), &s, Path::new("/nonexistent")).unwrap_err();
        assert!(e.starts_with("b.md:6:7: diagram 1: "), "{e}");
        assert!(e.contains("6 |     A -> B"), "{e}");
    }

    #[test]
    fn file_output_writes_images_and_links_them_from_the_chapter() {
        let src = std::env::temp_dir().join(format!("mdbook-mermaid-rs-test-{}", std::process::id()));
        let s = settings(Output::Files("img".into()), Themes::One("dark".into()), true);
        let doc = "```mermaid\ngraph TD\n  accDescr: Two boxes\n  A --> B\n```\n";
        let out = draw(doc, Path::new("part/ch.md"), &s, &src).unwrap().unwrap();
        assert_eq!(out, "![Two boxes](../img/part-ch-1.svg)\n");
        let svg = std::fs::read_to_string(src.join("img/part-ch-1.svg")).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("id=\"mermaid-rs-part-ch-1\""));
        let s = settings(
            Output::Files("img".into()),
            Themes::FollowBook {
                light: "default".into(),
                dark: "dark".into(),
            },
            true,
        );
        let out = draw(doc, Path::new("ch.md"), &s, &src).unwrap().unwrap();
        assert!(out.starts_with("<div class=\"mermaid-rs\"><img class=\"mermaid-rs-light\" src=\"img/ch-1-light.svg\" alt=\"Two boxes\"><img class=\"mermaid-rs-dark\" src=\"img/ch-1-dark.svg\""), "{out}");
        assert!(src.join("img/ch-1-dark.svg").is_file());
        std::fs::remove_dir_all(&src).unwrap();
    }

    #[test]
    fn chapters_without_diagrams_are_left_alone() {
        let s = settings(Output::Inline, Themes::One("default".into()), true);
        assert_eq!(
            draw(
                "# Hi\n\n```rust\nfn main() {}\n```\n",
                Path::new("a.md"),
                &s,
                Path::new(".")
            )
            .unwrap(),
            None
        );
    }
}
