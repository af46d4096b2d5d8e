//! The `mtqe` binary: parses arguments, runs, and maps the outcome to an exit code.
//!
//! Exit codes: 0 success; 1 the run finished but some rows were rejected (see rejects.jsonl);
//! 2 an error stopped the run and nothing was written; 130 the run was interrupted (see
//! `mtqe::interrupt`).

use clap::Parser;
use mtqe::cli::{Cli, Command, InputOrigin, SAMPLE_NAME};
use mtqe::detectors::{catalogue, module_doc, summary};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    mtqe::interrupt::install();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            // A closed pipe (`mtqe detectors | head`) is not a failure.
            if error.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("mtqe: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Score(args) => {
            let quiet = args.quiet;
            let (options, origin) = args.into_options()?;
            if !quiet {
                if let InputOrigin::Sample(_) = origin {
                    eprintln!("mtqe: no input given; scoring the bundled sample corpus ({SAMPLE_NAME})");
                }
            }
            let summary = mtqe::pipeline::run(&options)?;
            drop(origin);
            let counts = &summary.counts;
            if !quiet {
                let seconds = summary.wall_seconds.max(1e-9);
                eprintln!(
                    "mtqe: scored {} documents ({} segments, {} words, {}) in {:.2} s: {}/s, {:.0} documents/s",
                    counts.documents,
                    counts.segments,
                    counts.words,
                    human_bytes(counts.text_bytes as f64),
                    summary.wall_seconds,
                    human_bytes(counts.text_bytes as f64 / seconds),
                    counts.documents as f64 / seconds,
                );
                eprintln!(
                    "mtqe: {} flags, {} rejects; output in {}",
                    counts.flags,
                    counts.rejects,
                    summary.out_dir.display()
                );
                if counts.rejects > 0 {
                    eprintln!(
                        "mtqe: {} rows could not be scored; see {}",
                        counts.rejects,
                        summary.out_dir.join("rejects.jsonl").display()
                    );
                }
            }
            if let Some(profile) = &summary.profile {
                // Printed even with --quiet: asking for a profile is asking to see it.
                eprint!("mtqe: profile\n{}", profile.table());
            }
            Ok(if counts.rejects > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Detectors { id } => {
            let mut out = std::io::stdout().lock();
            let detectors = catalogue();
            if let Some(id) = id {
                let Some(info) = detectors.iter().find(|d| d.id == id) else {
                    let known: Vec<_> = detectors.iter().map(|d| d.id).collect();
                    anyhow::bail!("no detector named '{id}'; known detectors: {}", known.join(", "));
                };
                writeln!(out, "{}", module_doc(info.doc))?;
                return Ok(ExitCode::SUCCESS);
            }
            // Summaries wrap to the terminal (or $COLUMNS); piped elsewhere, each stays on one line.
            let width = output_width();
            const SUMMARY_COLUMN: usize = 24 + 1 + 32 + 1 + 9 + 1;
            // Too narrow for a readable summary column: the summary goes below, indented.
            let (indent, room) = match width {
                Some(width) if width < SUMMARY_COLUMN + 30 => (4, width.saturating_sub(4).max(20)),
                Some(width) => (SUMMARY_COLUMN, width - SUMMARY_COLUMN),
                None => (SUMMARY_COLUMN, usize::MAX),
            };
            writeln!(out, "{:<24} {:<32} {:<9} summary", "id", "category", "severity")?;
            for info in &detectors {
                let head =
                    format!("{:<24} {:<32} {:<9} ", info.id, info.category.as_str(), info.default_severity.as_str());
                let text = summary(info.doc);
                let lines: Vec<_> =
                    if room == usize::MAX { vec![text.as_str().into()] } else { textwrap::wrap(&text, room) };
                let padding = " ".repeat(indent);
                if indent == SUMMARY_COLUMN {
                    for (i, line) in lines.iter().enumerate() {
                        writeln!(out, "{}{line}", if i == 0 { head.as_str() } else { padding.as_str() })?;
                    }
                } else {
                    writeln!(out, "{}", head.trim_end())?;
                    for line in &lines {
                        writeln!(out, "{padding}{line}")?;
                    }
                }
            }
            writeln!(out, "\nRun `mtqe detectors ID` for a detector's full documentation.")?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => {
            let options = args.into_options()?;
            let measured = mtqe::eval::run(&options)?;
            for (split, m) in &measured {
                let rate = |r: Option<f64>| r.map_or("n/a".into(), |v| format!("{v:.3}"));
                let tau = |scorer: &str| m.correlations.iter().find(|c| c.scorer == scorer).and_then(|c| c.grouped_tau);
                eprintln!(
                    "mtqe eval [{split}]: {} items, flag precision {}, gold-span recall {}, item-grouped tau of score {}, of quality {}",
                    m.items,
                    rate(m.flag_precision.rate()),
                    rate(m.recall.rate()),
                    rate(tau("mtqe score")),
                    rate(tau("mtqe quality"))
                );
            }
            eprintln!("mtqe: report in {}", options.out.join("report.md").display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Calibrate(args) => {
            let out = args.out.clone();
            let options = args.into_options()?;
            let calibration = mtqe::eval::calibrate::run(&options)?;
            std::fs::write(&out, calibration.model.to_toml())
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", out.display()))?;
            eprintln!(
                "mtqe: fitted on {} items ({} with a major error); weights in {}",
                calibration.items,
                calibration.major_errors,
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Report(args) => {
            let started = std::time::Instant::now();
            let run = mtqe::report::read_overview(&args.run, args.top)?;
            let page = mtqe::report::html::render(&run);
            write_whole(&args.html, page.as_bytes())?;
            eprintln!(
                "mtqe: report of {} documents ({} shown) in {} ({}, {:.2} s)",
                run.documents,
                run.worst.len(),
                args.html.display(),
                human_bytes(page.len() as f64),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Filter(args) => {
            let criteria = args.criteria();
            let (inputs, _) = mtqe::read::resolve_inputs(&args.inputs, &mtqe::read::InputSearch::default())?;
            mtqe::filter::output_format(&inputs)?;
            let rejected = args.rejected.clone().unwrap_or_else(|| mtqe::filter::default_rejected_path(&args.out));
            anyhow::ensure!(rejected != args.out, "--rejected and --out name the same file");
            let verdicts = match &args.from_run {
                Some(run) => mtqe::filter::verdicts(run, &criteria)?,
                None => {
                    // Scored into a scratch run beside the output, removed afterwards.
                    let scratch = args.out.with_file_name(format!(".mtqe-filter-run-{}", std::process::id()));
                    let options = args.score_options(scratch.clone())?;
                    let scored =
                        mtqe::pipeline::run(&options).and_then(|_| mtqe::filter::verdicts(&scratch, &criteria));
                    let _ = std::fs::remove_dir_all(&scratch);
                    scored?
                }
            };
            let counts = mtqe::filter::write(&inputs, &args.id_col, &verdicts, &args.out, &rejected)?;
            eprintln!(
                "mtqe: kept {} rows in {}; {} rows with their reasons in {}",
                counts.kept,
                args.out.display(),
                counts.rejected,
                rejected.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Show(args) => {
            let view = mtqe::report::read_document(&args.run, &args.doc_id)?;
            let text = mtqe::report::terminal::render(&view, args.color.enabled());
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::DefaultConfig => {
            let text = toml::to_string(&mtqe::config::Config::default())?;
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The width to wrap standard output to: `$COLUMNS` when set, else the terminal's; None when
/// standard output is not a terminal.
fn output_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<usize>().ok()).filter(|&c| c > 0) {
        return Some(columns);
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(terminal_size::Width(w), _)| w as usize)
}

/// Writes a file completely or not at all: into a temporary name beside it, then renamed.
fn write_whole(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let name = path.file_name().with_context(|| format!("{} is not a file name", path.display()))?;
    let temporary = path.with_file_name(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

/// "12.3 MB" or, for small amounts such as the sample corpus, "45.6 kB".
fn human_bytes(bytes: f64) -> String {
    if bytes >= 1e6 {
        format!("{:.1} MB", bytes / 1e6)
    } else {
        format!("{:.1} kB", bytes / 1e3)
    }
}
