//! Rendering a Markdown document: every Mermaid block to an image file, and (for a Markdown output) the
//! document with each block replaced by a link to its image.
//!
//! It streams: every block is first parsed and checked against the limits (cheap, nothing kept but its
//! accessibility text), then each image is rendered, written and dropped at once, so a document of a hundred
//! large diagrams holds one image per worker thread, never all of them.

use super::args::RenderArgs;
use super::render::{display, is_md_ext, render_bytes, write_target, Done, Job, JobResult, Source, Target};
use super::{files, report, Outcome};
use mermaid_rs::markdown::{self, Block};
use mermaid_rs::{Error, Options};
use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

/// Where a document's results go.
struct Places {
    /// The document written (None when the output names an image pattern like out.png).
    md_out: Option<Target>,
    /// Images are `{stem}-{n}.{ext}` in `image_dir`.
    stem: String,
    image_dir: PathBuf,
    /// The directory links are relative to.
    md_dir: PathBuf,
}

fn places(job: &Job, args: &RenderArgs) -> Places {
    match &job.target {
        Target::Stdout => {
            let stem = match &job.source {
                Source::File(p) => p.file_stem().and_then(|s| s.to_str()).unwrap_or("diagram").to_string(),
                Source::Stdin => "diagram".to_string(),
            };
            Places {
                md_out: Some(Target::Stdout),
                stem,
                image_dir: args.artefacts.clone().unwrap_or_else(|| PathBuf::from(".")),
                md_dir: PathBuf::new(),
            }
        }
        Target::File(p) => {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("diagram").to_string();
            let dir = p.parent().map(Path::to_path_buf).unwrap_or_default();
            let md = is_md_ext(
                p.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
            );
            Places {
                md_out: md.then(|| job.target.clone()),
                stem,
                image_dir: args.artefacts.clone().unwrap_or_else(|| dir.clone()),
                md_dir: dir,
            }
        }
    }
}

/// A block's accessibility text (accDescr, accTitle): the link's alt text and title.
type AccText = (Option<String>, Option<String>);

/// Render every diagram of a document and write the images and the document. Nothing is written when a
/// diagram is broken or too large; every such diagram is reported with the document's line.
pub(super) fn render_markdown(job: &Job, doc: &str, args: &RenderArgs, options: &Options, colour: bool) -> JobResult {
    let blocks = markdown::extract(doc);
    let places = places(job, args);
    if let (Some(Target::File(o)), Source::File(i)) = (&places.md_out, &job.source) {
        if files::same_file(i, o) {
            let message = "refusing to overwrite the Markdown input with the output";
            return Err((Outcome::Io, vec![report::file_error(&job.name, message, colour)]));
        }
    }
    // Blocks of a type not drawn here are kept as they are, for the page's own mermaid.js (an error with
    // --strict).
    let kept: Vec<bool> = match kept_blocks(job, &blocks, args, colour) {
        Ok(kept) => kept,
        Err(messages) => return Err((Outcome::BadInput, messages)),
    };
    let checked: Vec<Result<AccText, String>> = blocks
        .par_iter()
        .zip(&kept)
        .map(|(b, &kept)| match kept {
            true => Ok((None, None)),
            false => match mermaid_rs::check(&b.source, options) {
                Ok(d) => Ok((d.meta().acc_descr.clone(), d.meta().acc_title.clone())),
                Err(e) => Err(block_error(job, b, doc, &e, colour)),
            },
        })
        .collect();
    let (acc, errors): (Vec<_>, Vec<_>) = checked.into_iter().partition(Result::is_ok);
    if !errors.is_empty() {
        return Err(nothing_written(
            job,
            errors.into_iter().filter_map(Result::err).collect(),
            blocks.len(),
            colour,
        ));
    }
    let images: Vec<Result<PathBuf, (Outcome, Vec<String>)>> = blocks
        .par_iter()
        .zip(&kept)
        .filter(|(_, &kept)| !kept)
        .map(|(b, _)| {
            let image = places
                .image_dir
                .join(format!("{}-{}.{}", places.stem, b.index, job.format.extension()));
            let name = format!("{}#{}", job.name, b.index);
            let bytes = render_bytes(&b.source, job.format, options, &name)
                .map_err(|e| (Outcome::BadInput, vec![block_error(job, b, doc, &e, colour)]))?;
            write_target(&Target::File(image.clone()), &bytes, &job.source, colour)?;
            Ok(image)
        })
        .collect();
    if images.iter().any(Result::is_err) {
        return Err(undo_images(job, images, blocks.len(), colour));
    }
    let images: Vec<PathBuf> = images.into_iter().filter_map(Result::ok).collect();
    let mut done = Done {
        diagrams: blocks.len(),
        written: images.iter().map(|i| i.display().to_string()).collect(),
    };
    let mut images = images.iter();
    if blocks.is_empty() && !args.quiet && places.md_out != Some(Target::Stdout) {
        report::note(&format!("{}: no mermaid diagrams found", job.name));
    }
    if let Some(target) = &places.md_out {
        let mut links = blocks
            .iter()
            .zip(&kept)
            .zip(acc.into_iter().flatten())
            .map(
                |((b, &kept), (alt, title))| match (!kept).then(|| images.next()).flatten() {
                    Some(image) => {
                        markdown::image_link(&relative_link(&places.md_dir, image), alt.as_deref(), title.as_deref())
                    }
                    None => doc.get(b.range.clone()).unwrap_or_default().to_string(),
                },
            );
        let out = markdown::replace(doc, &blocks, |_| links.next().unwrap_or_default());
        write_target(target, out.as_bytes(), &job.source, colour)?;
        done.written.push(display(target));
    }
    Ok(done)
}

/// Which blocks are of a type mermaid-rs does not draw: each is warned about (unless `--quiet`), or with
/// `--strict` they are the errors returned.
fn kept_blocks(job: &Job, blocks: &[Block], args: &RenderArgs, colour: bool) -> Result<Vec<bool>, Vec<String>> {
    let mut kept = Vec::with_capacity(blocks.len());
    let mut messages = Vec::new();
    for b in blocks {
        let Some(kind) = b.unsupported_type() else {
            kept.push(false);
            continue;
        };
        kept.push(true);
        let at = format!("{}:{}", job.name, b.fence_line);
        let what = format!("diagram {}: `{kind}` diagrams are not drawn by mermaid-rs", b.index);
        if args.strict {
            messages.push(report::file_error(&at, &format!("{what} (--strict)"), colour));
        } else if !args.quiet {
            report::warning(&format!("{at}: {what}; the block is kept as it is"));
        }
    }
    if messages.is_empty() {
        Ok(kept)
    } else {
        Err(messages)
    }
}

/// The message for a block that cannot be rendered, placed in the document.
fn block_error(job: &Job, b: &Block, doc: &str, e: &Error, colour: bool) -> String {
    match e {
        Error::Parse(p) => report::parse_error(&job.name, &b.error_in_document(p, doc), Some(b.index), colour),
        e => report::file_error(
            &format!("{}:{}", job.name, b.fence_line),
            &format!("diagram {}: {e}", b.index),
            colour,
        ),
    }
}

fn nothing_written(job: &Job, mut messages: Vec<String>, blocks: usize, colour: bool) -> (Outcome, Vec<String>) {
    let failed = messages.len();
    let summary = format!("{failed} of {blocks} diagrams could not be rendered; nothing was written");
    messages.push(report::file_error(&job.name, &summary, colour));
    (Outcome::BadInput, messages)
}

/// A diagram failed after others were written (a limit only the rendered size shows): remove this document's
/// images again, so that a failed document still leaves nothing behind.
fn undo_images(
    job: &Job,
    images: Vec<Result<PathBuf, (Outcome, Vec<String>)>>,
    blocks: usize,
    colour: bool,
) -> (Outcome, Vec<String>) {
    let mut worst = Outcome::BadInput;
    let mut messages = Vec::new();
    for r in images {
        match r {
            Ok(image) => {
                let _ = std::fs::remove_file(image);
            }
            Err((outcome, m)) => {
                worst = worst.max(outcome);
                messages.extend(m);
            }
        }
    }
    let (_, messages) = nothing_written(job, messages, blocks, colour);
    (worst, messages)
}

/// mmdc's link from the document to an image: `./` and the path relative to the document's directory
/// (`./../img/a-1.svg` when the images are elsewhere), with forward slashes.
fn relative_link(from_dir: &Path, to: &Path) -> String {
    let abs = |p: &Path| {
        let p = if p.as_os_str().is_empty() { Path::new(".") } else { p };
        normalize(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    let (from, to) = (abs(from_dir), abs(to));
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); f.len() - common];
    parts.extend(t[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    format!("./{}", parts.join("/"))
}

/// Resolve `.` and `..` without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_document() {
        assert_eq!(relative_link(Path::new("out"), Path::new("out/a-1.svg")), "./a-1.svg");
        assert_eq!(relative_link(Path::new(""), Path::new("img/a-1.svg")), "./img/a-1.svg");
        assert_eq!(
            relative_link(Path::new("docs"), Path::new("img/a-1.svg")),
            "./../img/a-1.svg"
        );
        assert_eq!(
            relative_link(Path::new("a/./b"), Path::new("a/b/c/../x.svg")),
            "./x.svg"
        );
    }
}
