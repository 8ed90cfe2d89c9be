//! Rendering: one diagram, a Markdown document, or a batch of both (in parallel), with mmdc's naming rules.

use super::args::{Format, RenderArgs};
use super::files::{self, ReadError};
use super::report::{self, Progress};
use super::{usage_error, Outcome};
use mermaid_rs::markdown;
use mermaid_rs::{Error, Options};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

/// Batches at least this long get a progress bar (on a terminal).
const PROGRESS_FROM: usize = 8;

/// Where a job's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Source {
    Stdin,
    File(PathBuf),
}

/// Where a job's result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    Stdout,
    File(PathBuf),
}

/// One input to render.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub source: Source,
    /// How the input is named in messages.
    pub name: String,
    pub markdown: bool,
    pub target: Target,
    /// The image format (for a Markdown document: of its diagrams).
    pub format: Format,
}

/// What one job did, for the summary.
#[derive(Default)]
pub(super) struct Done {
    pub written: Vec<String>,
    pub diagrams: usize,
}

/// The result of one job: what it wrote, or the messages explaining why not and how bad that is.
pub(super) type JobResult = Result<Done, (Outcome, Vec<String>)>;

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
        let n = capped_jobs(n.into(), args.quiet);
        // Fails only when the pool already exists, which it cannot here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
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

/// At most four jobs per core: more threads only add memory (each holds a diagram) and start-up time.
fn capped_jobs(asked: usize, quiet: bool) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let cap = 4 * cores;
    if asked > cap {
        if !quiet {
            report::note(&format!(
                "-j {asked} is more than 4 per core; using {cap} ({cores} cores)"
            ));
        }
        return cap;
    }
    asked
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

pub(super) fn is_md_ext(ext: Option<&str>) -> bool {
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
            let walked = files::walk(&path).map_err(|e| Planned::Io(format!("cannot read directory {i}: {e}")))?;
            if !args.quiet {
                for link in &walked.skipped_links {
                    report::note(&format!("{}: a symbolic link, not followed", link.display()));
                }
            }
            let files = walked.files;
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
    let mut limits = mermaid_rs::Limits::default();
    if let Some(json) = config.as_deref() {
        // Only the caller's own configuration file can raise limits, never a diagram's front matter.
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        let key = |k: &str| {
            value
                .pointer(&format!("/limits/{k}"))
                .and_then(serde_json::Value::as_u64)
        };
        limits.max_layout_cost = key("maxLayoutCost").unwrap_or(limits.max_layout_cost);
        limits.max_raster_work = key("maxRasterWork").unwrap_or(limits.max_raster_work);
    }
    limits.max_layout_cost = args.max_layout_cost.unwrap_or(limits.max_layout_cost);
    limits.max_raster_work = args.max_raster_work.unwrap_or(limits.max_raster_work);
    let options = Options {
        theme: args.theme.as_ref().map(|t| t.to_ascii_lowercase()),
        config,
        background: Some(args.background.clone().unwrap_or_else(|| "white".into())),
        scale: args.scale,
        width: args.width.map(f64::from),
        height: args.height.map(f64::from),
        css,
        svg_id: args.svg_id.clone(),
        limits,
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

pub(super) fn render_bytes(source: &str, format: Format, options: &Options, name: &str) -> Result<Vec<u8>, Error> {
    match format {
        Format::Svg => mermaid_rs::render_svg(source, options).map(String::into_bytes),
        Format::Png => mermaid_rs::render_png(source, options),
        Format::Pdf => mermaid_rs::render_pdf(source, options),
        Format::Json => mermaid_rs::render_geometry_json(source, options, name).map(String::into_bytes),
    }
}

fn read_source(source: &Source, name: &str, colour: bool) -> Result<String, (Outcome, Vec<String>)> {
    let path = match source {
        Source::Stdin => None,
        Source::File(p) => Some(p.as_path()),
    };
    files::read_text(path).map_err(|e| match e {
        ReadError::Io(e) => (
            Outcome::Io,
            vec![report::file_error(name, &format!("cannot read: {e}"), colour)],
        ),
        ReadError::Utf8(e) => (Outcome::BadInput, vec![report::parse_error(name, &e, None, colour)]),
    })
}

/// Write an output; `input` is the file it was made from, which it must not replace.
pub(super) fn write_target(
    target: &Target,
    bytes: &[u8],
    input: &Source,
    colour: bool,
) -> Result<(), (Outcome, Vec<String>)> {
    let result = match target {
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        }
        Target::File(p) => {
            let input = match input {
                Source::File(i) => Some(i.as_path()),
                Source::Stdin => None,
            };
            files::write_atomically(p, bytes, input)
        }
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

pub(super) fn display(target: &Target) -> String {
    match target {
        Target::Stdout => "<stdout>".into(),
        Target::File(p) => p.display().to_string(),
    }
}

fn render_job(job: &Job, args: &RenderArgs, options: &Options, colour: bool) -> JobResult {
    let text = read_source(&job.source, &job.name, colour)?;
    if job.markdown {
        return super::document::render_markdown(job, &text, args, options, colour);
    }
    if let (Source::File(i), Target::File(o)) = (&job.source, &job.target) {
        if files::same_file(i, o) {
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
    write_target(&job.target, &bytes, &job.source, colour)?;
    Ok(Done {
        written: vec![display(&job.target)],
        diagrams: 1,
    })
}
