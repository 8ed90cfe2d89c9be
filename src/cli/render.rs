//! Rendering: one diagram, a Markdown document, or a batch of both (in parallel), with mmdc's naming rules.

use super::args::{Format, RenderArgs};
use super::report::{self, Progress};
use super::{usage_error, Outcome};
use mermaid_rs::markdown;
use mermaid_rs::{Error, Options};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

/// Batches at least this long get a progress bar (on a terminal).
const PROGRESS_FROM: usize = 8;

/// Where a job's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Stdin,
    File(PathBuf),
}

/// Where a job's result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Stdout,
    File(PathBuf),
}

/// One input to render.
#[derive(Debug, Clone)]
struct Job {
    source: Source,
    /// How the input is named in messages.
    name: String,
    markdown: bool,
    target: Target,
    /// The image format (for a Markdown document: of its diagrams).
    format: Format,
}

/// What one job did, for the summary.
#[derive(Default)]
struct Done {
    written: Vec<String>,
    diagrams: usize,
}

/// The result of one job: what it wrote, or the messages explaining why not and how bad that is.
type JobResult = Result<Done, (Outcome, Vec<String>)>;

pub fn run(args: &RenderArgs) -> ExitCode {
    let started = Instant::now();
    ignored_flags(args);
    let jobs = match plan(args) {
        Ok(jobs) => jobs,
        Err(Planned::Usage(message)) => return usage_error(&message),
        Err(Planned::Io(message)) => {
            eprintln!(
                "{}",
                report::file_error("mermaid-rs", &message, report::stderr_colours())
            );
            return Outcome::Io.code();
        }
    };
    let options = match options(args) {
        Ok(o) => o,
        Err((outcome, message)) => {
            eprintln!("{message}");
            return outcome.code();
        }
    };
    if let Some(n) = args.jobs {
        // Fails only when the pool already exists, which it cannot here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.into()).build_global();
    }
    let quiet = args.quiet || jobs.iter().any(|j| j.target == Target::Stdout);
    let progress = Progress::new(jobs.len(), !quiet && jobs.len() >= PROGRESS_FROM);
    let colour = report::stderr_colours();
    let worst = Mutex::new(Outcome::Ok);
    let total_diagrams = std::sync::atomic::AtomicUsize::new(0);
    let work = |job: &Job| {
        let result = render_job(job, args, &options, colour);
        progress.tick(&job.name);
        match result {
            Ok(done) => {
                total_diagrams.fetch_add(done.diagrams, std::sync::atomic::Ordering::Relaxed);
                if !quiet && !progress.is_drawn() {
                    for w in &done.written {
                        progress.println(&format!("wrote {w}"));
                    }
                }
            }
            Err((outcome, messages)) => {
                for m in messages {
                    progress.println(&m);
                }
                let mut w = worst.lock().unwrap_or_else(|e| e.into_inner());
                *w = (*w).max(outcome);
            }
        }
    };
    if jobs.len() == 1 {
        work(&jobs[0]);
    } else {
        jobs.par_iter().for_each(work);
    }
    progress.finish();
    let worst = worst.into_inner().unwrap_or_else(|e| e.into_inner());
    if !quiet && jobs.len() > 1 {
        eprintln!(
            "{} inputs, {} diagrams in {:.2} s{}",
            jobs.len(),
            total_diagrams.into_inner(),
            started.elapsed().as_secs_f64(),
            if worst == Outcome::Ok { "" } else { ", with errors" }
        );
    }
    worst.code()
}

/// mmdc's browser-only flags are accepted so that scripts keep working; say that they do nothing.
fn ignored_flags(args: &RenderArgs) {
    if args.quiet {
        return;
    }
    if args.puppeteer_config_file.is_some() {
        report::note("--puppeteerConfigFile is ignored: mermaid-rs renders without a browser");
    }
    if !args.icon_packs.is_empty() || !args.icon_packs_names_and_urls.is_empty() {
        report::note("--iconPacks is ignored: mermaid-rs does not download icon packs");
    }
}

enum Planned {
    Usage(String),
    Io(String),
}

fn extension(path: &str) -> Option<String> {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn is_md_ext(ext: Option<&str>) -> bool {
    matches!(ext, Some("md" | "markdown"))
}

/// Every input file with the root it was found under (for directories: to keep the tree in the output).
fn expand_inputs(args: &RenderArgs) -> Result<Vec<(Source, Option<PathBuf>)>, Planned> {
    let mut inputs = Vec::new();
    if args.input.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(Planned::Usage(
                "no input: give -i FILE (a diagram, a Markdown file or a directory), or pipe a diagram in".into(),
            ));
        }
        inputs.push((Source::Stdin, None));
    }
    for i in &args.input {
        if i == "-" {
            inputs.push((Source::Stdin, None));
            continue;
        }
        let path = PathBuf::from(i);
        if path.is_dir() {
            let files = walk(&path).map_err(|e| Planned::Io(format!("cannot read directory {i}: {e}")))?;
            if files.is_empty() && !args.quiet {
                report::note(&format!("{i} holds no .mmd or .md files"));
            }
            inputs.extend(files.into_iter().map(|f| (Source::File(f), Some(path.clone()))));
        } else {
            inputs.push((Source::File(path), None));
        }
    }
    if inputs.iter().filter(|(s, _)| *s == Source::Stdin).count() > 1 {
        return Err(Planned::Usage("standard input (`-i -`) can be read only once".into()));
    }
    Ok(inputs)
}

/// The `.mmd`, `.mermaid` and Markdown files under a directory, sorted, skipping hidden directories.
pub fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if path.is_dir() {
                if !hidden {
                    stack.push(path);
                }
            } else if matches!(
                path.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("mmd" | "mermaid" | "md" | "markdown")
            ) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Turn the arguments into jobs, with mmdc's rules for names and formats.
fn plan(args: &RenderArgs) -> Result<Vec<Job>, Planned> {
    let inputs = expand_inputs(args)?;
    let batch = inputs.len() > 1 || inputs.iter().any(|(_, root)| root.is_some());
    let out_ext = args.output.as_deref().and_then(extension);
    let mut jobs = Vec::new();
    if !batch {
        let (source, _) = inputs.into_iter().next().expect("one input");
        let name = match &source {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        };
        let input_md = match &source {
            Source::File(p) => markdown::is_markdown_path(p),
            Source::Stdin => false,
        };
        let (target, format, markdown) = match args.output.as_deref() {
            Some("-") => {
                if input_md && args.artefacts.is_none() {
                    return Err(Planned::Usage(
                        "a Markdown document written to standard output needs --artefacts DIR for its images".into(),
                    ));
                }
                (Target::Stdout, args.output_format.unwrap_or(Format::Svg), input_md)
            }
            Some(o) => {
                let md_out = is_md_ext(out_ext.as_deref());
                let format = match (args.output_format, out_ext.as_deref().and_then(Format::from_extension)) {
                    (Some(f), _) => f,
                    (None, Some(f)) => f,
                    (None, None) if md_out => Format::Svg,
                    (None, None) => {
                        return Err(Planned::Usage(format!(
                            "output `{o}` must end in .svg, .png, .pdf, .json, .md or .markdown (or give -e FORMAT)"
                        )))
                    }
                };
                if md_out && !input_md && source != Source::Stdin {
                    return Err(Planned::Usage(format!(
                        "a Markdown output (`{o}`) needs a Markdown input (.md or .markdown)"
                    )));
                }
                (Target::File(PathBuf::from(o)), format, input_md || md_out)
            }
            None => {
                // mmdc: the input's name plus the format's extension; `out.svg` for standard input.
                let format = args.output_format.unwrap_or(Format::Svg);
                let path = match &source {
                    Source::Stdin => PathBuf::from(format!("out.{}", format.extension())),
                    Source::File(p) => PathBuf::from(format!("{}.{}", p.display(), format.extension())),
                };
                (Target::File(path), format, input_md)
            }
        };
        jobs.push(Job {
            source,
            name,
            markdown,
            target,
            format,
        });
        return Ok(jobs);
    }
    // A batch: -o names a directory (or nothing: each result beside its input).
    let out_dir = match args.output.as_deref() {
        Some("-") => {
            return Err(Planned::Usage(
                "several inputs cannot all be written to standard output".into(),
            ))
        }
        Some(o) => {
            let p = PathBuf::from(o);
            let known = out_ext
                .as_deref()
                .is_some_and(|e| is_md_ext(Some(e)) || Format::from_extension(e).is_some());
            if p.is_file() || (known && !p.is_dir()) {
                return Err(Planned::Usage(format!(
                    "with several inputs, -o names a directory (`{o}` looks like a file)"
                )));
            }
            Some(p)
        }
        None => None,
    };
    let format = args.output_format.unwrap_or(Format::Svg);
    for (source, root) in inputs {
        let Source::File(path) = source else {
            return Err(Planned::Usage(
                "standard input cannot be part of a batch; give it alone with -i -".into(),
            ));
        };
        let md = markdown::is_markdown_path(&path);
        let target = match &out_dir {
            // Beside the input with the format's extension added, as mmdc names outputs (for a Markdown
            // document, `-o doc.md.svg` gives images doc.md-1.svg, … and no document).
            None => PathBuf::from(format!("{}.{}", path.display(), format.extension())),
            Some(dir) => {
                let rel = match &root {
                    Some(r) => path.strip_prefix(r).unwrap_or(&path).to_path_buf(),
                    None => PathBuf::from(path.file_name().unwrap_or_default()),
                };
                let rel = if md {
                    rel
                } else {
                    rel.with_extension(format.extension())
                };
                dir.join(rel)
            }
        };
        jobs.push(Job {
            name: path.display().to_string(),
            source: Source::File(path),
            markdown: md,
            target: Target::File(target),
            format,
        });
    }
    Ok(jobs)
}

/// The library options from the flags; the configuration is checked once here rather than per diagram.
// The struct update keeps this building when the library grows options (resource limits, …).
#[allow(clippy::needless_update)]
fn options(args: &RenderArgs) -> Result<Options, (Outcome, String)> {
    let colour = report::stderr_colours();
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| {
            (
                Outcome::Io,
                report::file_error(&p.display().to_string(), &format!("cannot read: {e}"), colour),
            )
        })
    };
    let config = args.config_file.as_deref().map(read).transpose()?;
    let css = args.css_file.as_deref().map(read).transpose()?;
    let options = Options {
        theme: args.theme.as_ref().map(|t| t.to_ascii_lowercase()),
        config,
        background: Some(args.background.clone().unwrap_or_else(|| "white".into())),
        scale: args.scale,
        width: args.width.map(f64::from),
        height: args.height.map(f64::from),
        css,
        svg_id: args.svg_id.clone(),
        ..Options::default()
    };
    if let Err(Error::Config(e)) = mermaid_rs::render_svg("graph TD\n  A", &options) {
        let file = args
            .config_file
            .as_deref()
            .map_or_else(|| "mermaid-rs".to_string(), |p| p.display().to_string());
        return Err((Outcome::BadInput, report::file_error(&file, &e, colour)));
    }
    Ok(options)
}

fn render_bytes(source: &str, format: Format, options: &Options, name: &str) -> Result<Vec<u8>, Error> {
    match format {
        Format::Svg => mermaid_rs::render_svg(source, options).map(String::into_bytes),
        Format::Png => mermaid_rs::render_png(source, options),
        Format::Pdf => mermaid_rs::render_pdf(source, options),
        Format::Json => mermaid_rs::render_geometry_json(source, options, name).map(String::into_bytes),
    }
}

fn read_source(source: &Source, name: &str, colour: bool) -> Result<String, (Outcome, Vec<String>)> {
    let result = match source {
        Source::Stdin => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map(|_| s)
        }
        Source::File(p) => std::fs::read_to_string(p),
    };
    result.map_err(|e| {
        (
            Outcome::Io,
            vec![report::file_error(name, &format!("cannot read: {e}"), colour)],
        )
    })
}

fn write_target(target: &Target, bytes: &[u8], colour: bool) -> Result<(), (Outcome, Vec<String>)> {
    let result = match target {
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        }
        Target::File(p) => write_file(p, bytes),
    };
    result.map_err(|e| {
        let name = match target {
            Target::Stdout => "<stdout>".to_string(),
            Target::File(p) => p.display().to_string(),
        };
        (
            Outcome::Io,
            vec![report::file_error(&name, &format!("cannot write: {e}"), colour)],
        )
    })
}

/// Write a file, creating its directory first.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)
}

fn error_message(name: &str, e: &Error, diagram: Option<usize>, colour: bool) -> String {
    match e {
        Error::Parse(p) => report::parse_error(name, p, diagram, colour),
        other => {
            let text = other.to_string();
            match diagram {
                Some(n) => report::file_error(name, &format!("diagram {n}: {text}"), colour),
                None => report::file_error(name, &text, colour),
            }
        }
    }
}

fn display(target: &Target) -> String {
    match target {
        Target::Stdout => "<stdout>".into(),
        Target::File(p) => p.display().to_string(),
    }
}

fn render_job(job: &Job, args: &RenderArgs, options: &Options, colour: bool) -> JobResult {
    let text = read_source(&job.source, &job.name, colour)?;
    if job.markdown {
        return render_markdown(job, &text, args, options, colour);
    }
    if let (Source::File(i), Target::File(o)) = (&job.source, &job.target) {
        if same_file(i, o) {
            return Err((
                Outcome::Io,
                vec![report::file_error(
                    &job.name,
                    "refusing to overwrite the input with the output",
                    colour,
                )],
            ));
        }
    }
    let bytes = render_bytes(&text, job.format, options, &job.name)
        .map_err(|e| (Outcome::BadInput, vec![error_message(&job.name, &e, None, colour)]))?;
    write_target(&job.target, &bytes, colour)?;
    Ok(Done {
        written: vec![display(&job.target)],
        diagrams: 1,
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A Markdown document: render every diagram (in parallel), then write the images and, for a Markdown output,
/// the document with each diagram replaced by a link to its image. Nothing is written when a diagram is
/// broken; every broken diagram is reported with the document's line.
fn render_markdown(job: &Job, doc: &str, args: &RenderArgs, options: &Options, colour: bool) -> JobResult {
    let blocks = markdown::extract(doc);
    // The document written (None when the output names an image pattern like out.png) and the image names.
    let (md_out, stem, image_dir): (Option<Target>, String, PathBuf) = match &job.target {
        Target::Stdout => {
            let stem = match &job.source {
                Source::File(p) => p.file_stem().and_then(|s| s.to_str()).unwrap_or("diagram").to_string(),
                Source::Stdin => "diagram".to_string(),
            };
            (
                Some(Target::Stdout),
                stem,
                args.artefacts.clone().unwrap_or_else(|| PathBuf::from(".")),
            )
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
            let image_dir = args.artefacts.clone().unwrap_or(dir);
            (md.then(|| job.target.clone()), stem, image_dir)
        }
    };
    if let (Some(Target::File(o)), Source::File(i)) = (&md_out, &job.source) {
        if same_file(i, o) {
            return Err((
                Outcome::Io,
                vec![report::file_error(
                    &job.name,
                    "refusing to overwrite the Markdown input with the output",
                    colour,
                )],
            ));
        }
    }
    // Blocks of a type not drawn here are kept as they are (an error with --strict).
    let kept: Vec<Option<String>> = blocks.iter().map(markdown::Block::unsupported_type).collect();
    let kept_message = |b: &markdown::Block, kind: &str| {
        let what = format!("diagram {}: `{kind}` diagrams are not drawn by mermaid-rs", b.index);
        (format!("{}:{}", job.name, b.fence_line), what)
    };
    if args.strict {
        let messages: Vec<String> = blocks
            .iter()
            .zip(&kept)
            .filter_map(|(b, k)| {
                let (at, what) = kept_message(b, k.as_deref()?);
                Some(report::file_error(&at, &format!("{what} (--strict)"), colour))
            })
            .collect();
        if !messages.is_empty() {
            return Err((Outcome::BadInput, messages));
        }
    } else if !args.quiet {
        for (b, k) in blocks.iter().zip(&kept) {
            if let Some(k) = k {
                let (at, what) = kept_message(b, k);
                report::warning(&format!("{at}: {what}; the block is kept as it is"));
            }
        }
    }
    let rendered: Vec<RenderedBlock> = blocks
        .par_iter()
        .zip(&kept)
        .map(|(b, kept)| {
            if kept.is_some() {
                return Ok((Vec::new(), None, None));
            }
            let name = format!("{}#{}", job.name, b.index);
            match render_bytes(&b.source, job.format, options, &name) {
                Ok(bytes) => {
                    let meta = mermaid_rs::parse(&b.source).ok();
                    let meta = meta.as_ref().map(|d| d.meta());
                    let alt = meta.and_then(|m| m.acc_descr.clone());
                    let title = meta.and_then(|m| m.acc_title.clone());
                    Ok((bytes, alt, title))
                }
                Err(Error::Parse(p)) => {
                    let moved = b.error_in_document(&p, doc);
                    Err(report::parse_error(&job.name, &moved, Some(b.index), colour))
                }
                Err(e) => Err(report::file_error(
                    &format!("{}:{}", job.name, b.fence_line),
                    &format!("diagram {}: {e}", b.index),
                    colour,
                )),
            }
        })
        .collect();
    let errors: Vec<String> = rendered.iter().filter_map(|r| r.as_ref().err().cloned()).collect();
    if !errors.is_empty() {
        let mut messages = errors;
        messages.push(report::file_error(
            &job.name,
            &format!(
                "{} of {} diagrams could not be rendered; nothing was written",
                messages.len(),
                blocks.len()
            ),
            colour,
        ));
        return Err((Outcome::BadInput, messages));
    }
    let mut done = Done {
        diagrams: blocks.len(),
        ..Done::default()
    };
    let md_dir = match &md_out {
        Some(Target::File(p)) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
        _ => PathBuf::new(),
    };
    let mut links = Vec::with_capacity(blocks.len());
    for ((b, r), kept) in blocks.iter().zip(rendered).zip(&kept) {
        if kept.is_some() {
            links.push(doc[b.range.clone()].to_string());
            continue;
        }
        let (bytes, alt, title) = r.expect("errors handled above");
        let image = image_dir.join(format!("{stem}-{}.{}", b.index, job.format.extension()));
        write_target(&Target::File(image.clone()), &bytes, colour)?;
        links.push(markdown::image_link(
            &relative_link(&md_dir, &image),
            alt.as_deref(),
            title.as_deref(),
        ));
        done.written.push(image.display().to_string());
    }
    if blocks.is_empty() && !args.quiet && md_out != Some(Target::Stdout) {
        report::note(&format!("{}: no mermaid diagrams found", job.name));
    }
    if let Some(target) = &md_out {
        let mut links = links.into_iter();
        let out = markdown::replace(doc, &blocks, |_| links.next().unwrap_or_default());
        write_target(target, out.as_bytes(), colour)?;
        done.written.push(display(target));
    }
    Ok(done)
}

/// A diagram of a document rendered (bytes, accDescr, accTitle), or the message saying why not.
type RenderedBlock = Result<(Vec<u8>, Option<String>, Option<String>), String>;

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
