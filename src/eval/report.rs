//! The evaluation report (`report.md`) and its detail tables for the notebooks.

use super::gold::GoldItem;
use super::metrics::Share;
use super::{split_of, EvalOptions, Prediction, SplitMetrics};
use crate::sink::{write_table, TableColumn};
use anyhow::Result;
use std::collections::BTreeMap;
use std::fmt::Write;

fn number(value: Option<f64>) -> String {
    value.map_or("n/a".to_string(), |v| format!("{v:.3}"))
}

fn share(share: &Share) -> String {
    format!("{} ({}/{})", number(share.rate()), share.hits, share.total)
}

pub fn write(
    options: &EvalOptions,
    items: &[GoldItem],
    predictions: &[Prediction],
    measured: &BTreeMap<&'static str, SplitMetrics>,
) -> Result<()> {
    let mut md = String::new();
    writeln!(md, "# mtqe evaluation\n")?;
    writeln!(md, "- gold: `{}` ({:?}, {} items)", options.gold.display(), options.format, items.len())?;
    match &options.pred {
        Some(dir) => writeln!(md, "- predictions: read from `{}`", dir.display())?,
        None => writeln!(
            md,
            "- predictions: scored now by mtqe {} with the configured detectors",
            env!("CARGO_PKG_VERSION")
        )?,
    }
    if options.no_source {
        writeln!(md, "- sources: withheld (--no-source), as for a user with the English alone")?;
    }
    writeln!(md, "- splits: documents are assigned to `dev` or `test` by a fixed FNV-1a hash of the document id; gold without documents is `all`.")?;
    writeln!(md, "- baselines: `length` scores a segment by minus its word count; `random` places as many spans as mtqe flagged, of the same lengths, at random positions (fixed seed).\n")?;
    for (split, m) in measured {
        writeln!(md, "## Split `{split}` ({} items)\n", m.items)?;
        let (p, r, f) = m.chars.prf();
        let (rp, rr, rf) = m.random_chars.prf();
        writeln!(md, "| metric | mtqe | random spans |\n| --- | --- | --- |")?;
        writeln!(md, "| flag precision | {} | {} |", share(&m.flag_precision), share(&m.random_precision))?;
        writeln!(md, "| gold-span recall | {} | |", share(&m.recall))?;
        writeln!(md, "| character precision | {} | {} |", number(p), number(rp))?;
        writeln!(md, "| character recall | {} | {} |", number(r), number(rr))?;
        writeln!(md, "| character F1 | {} | {} |\n", number(f), number(rf))?;
        if !m.correlations.is_empty() {
            writeln!(md, "Segment-level correlation with the gold score:\n")?;
            writeln!(md, "| scorer | Kendall tau-b (global) | Pearson (global) | tau-b (item-grouped) | Pearson (item-grouped) | groups |\n| --- | --- | --- | --- | --- | --- |")?;
            for c in &m.correlations {
                writeln!(
                    md,
                    "| {} | {} | {} | {} | {} | {} |",
                    c.scorer,
                    number(c.global_tau),
                    number(c.global_pearson),
                    number(c.grouped_tau),
                    number(c.grouped_pearson),
                    c.groups
                )?;
            }
            writeln!(md)?;
        }
        if !m.darr.is_empty() {
            writeln!(
                md,
                "WMT DARR: pairs of translations of one source whose raw DA differs by more than {}:\n",
                super::DARR_MARGIN
            )?;
            writeln!(md, "| scorer | DARR tau (ties discordant) | tau on separated pairs | concordant | discordant | ties |\n| --- | --- | --- | --- | --- | --- |")?;
            for (scorer, d) in &m.darr {
                writeln!(
                    md,
                    "| {scorer} | {} | {} | {} | {} | {} |",
                    number(d.tau()),
                    number(d.tau_separated()),
                    d.concordant,
                    d.discordant,
                    d.ties
                )?;
            }
            writeln!(md)?;
        }
        writeln!(md, "By detector:\n\n| detector | flag precision (hits/flags) | gold-span recall (caught/spans) |\n| --- | --- | --- |")?;
        for (detector, s) in &m.by_detector {
            let recall = m.recall_by_detector.get(detector).copied().unwrap_or_default();
            writeln!(md, "| {detector} | {} | {} |", share(s), share(&recall))?;
        }
        writeln!(md, "\nFlag precision by severity:\n\n| severity | precision (hits/flags) |\n| --- | --- |")?;
        for (severity, s) in &m.by_severity {
            writeln!(md, "| {severity} | {} |", share(s))?;
        }
        writeln!(md, "\nGold-span recall by gold category:\n\n| category | recall (caught/spans) |\n| --- | --- |")?;
        for (category, s) in &m.recall_by_category {
            writeln!(md, "| {category} | {} |", share(s))?;
        }
        if !m.demetr.is_empty() {
            writeln!(md, "\nDEMETR, per perturbation type:\n\n| type | detection on pert_sent | false flags on mt_sent | pairwise accuracy of score (mt above pert) | pairwise accuracy of quality |\n| --- | --- | --- | --- | --- |")?;
            for (kind, d) in &m.demetr {
                writeln!(
                    md,
                    "| {kind} | {} | {} | {} | {} |",
                    share(&d.detected),
                    share(&d.false_flagged),
                    share(&d.pairwise),
                    share(&d.pairwise_quality)
                )?;
            }
        }
        writeln!(md)?;
    }
    std::fs::write(options.out.join("report.md"), md)?;

    // Detail tables for the notebooks.
    let mut detector_rows: Vec<(String, String, Share)> = Vec::new();
    let mut detector_recall: Vec<Share> = Vec::new();
    let mut category_rows: Vec<(String, String, Share)> = Vec::new();
    let mut demetr_rows: Vec<(String, String, Share, Share, Share)> = Vec::new();
    for (split, m) in measured {
        detector_rows.extend(m.by_detector.iter().map(|(d, s)| (split.to_string(), d.clone(), *s)));
        detector_recall.extend(m.by_detector.keys().map(|d| m.recall_by_detector.get(d).copied().unwrap_or_default()));
        category_rows.extend(m.recall_by_category.iter().map(|(c, s)| (split.to_string(), c.clone(), *s)));
        demetr_rows.extend(
            m.demetr.iter().map(|(k, d)| (split.to_string(), k.clone(), d.detected, d.false_flagged, d.pairwise)),
        );
    }
    let shares = |rows: &[(String, String, Share)], key: &str| -> Vec<(String, TableColumn)> {
        vec![
            ("split".into(), TableColumn::Text(rows.iter().map(|r| Some(r.0.clone())).collect())),
            (key.into(), TableColumn::Text(rows.iter().map(|r| Some(r.1.clone())).collect())),
            ("hits".into(), TableColumn::Count(rows.iter().map(|r| r.2.hits as u32).collect())),
            ("total".into(), TableColumn::Count(rows.iter().map(|r| r.2.total as u32).collect())),
            ("rate".into(), TableColumn::Number(rows.iter().map(|r| r.2.rate()).collect())),
        ]
    };
    let mut detector_table = shares(&detector_rows, "detector");
    detector_table
        .push(("gold_caught".into(), TableColumn::Count(detector_recall.iter().map(|s| s.hits as u32).collect())));
    detector_table
        .push(("gold_spans".into(), TableColumn::Count(detector_recall.iter().map(|s| s.total as u32).collect())));
    detector_table.push(("recall".into(), TableColumn::Number(detector_recall.iter().map(|s| s.rate()).collect())));
    write_table(&options.out.join("detectors.parquet"), detector_table)?;
    write_table(&options.out.join("categories.parquet"), shares(&category_rows, "category"))?;
    write_table(
        &options.out.join("segments.parquet"),
        vec![
            ("split".into(), TableColumn::Text(items.iter().map(|i| Some(split_of(i).to_string())).collect())),
            ("id".into(), TableColumn::Text(items.iter().map(|i| Some(i.id.clone())).collect())),
            ("group".into(), TableColumn::Text(items.iter().map(|i| i.group.clone()).collect())),
            ("system".into(), TableColumn::Text(items.iter().map(|i| i.system.clone()).collect())),
            ("gold_score".into(), TableColumn::Number(items.iter().map(|i| i.score).collect())),
            ("mtqe_score".into(), TableColumn::Number(predictions.iter().map(|p| Some(p.score)).collect())),
            ("mtqe_penalty".into(), TableColumn::Number(predictions.iter().map(|p| Some(p.penalty)).collect())),
            ("mtqe_quality".into(), TableColumn::Number(predictions.iter().map(|p| p.quality).collect())),
            ("n_words".into(), TableColumn::Count(predictions.iter().map(|p| p.words as u32).collect())),
            ("n_flags".into(), TableColumn::Count(predictions.iter().map(|p| p.flags.len() as u32).collect())),
            ("n_gold_spans".into(), TableColumn::Count(items.iter().map(|i| i.spans.len() as u32).collect())),
        ],
    )?;
    if !demetr_rows.is_empty() {
        write_table(
            &options.out.join("demetr.parquet"),
            vec![
                ("split".into(), TableColumn::Text(demetr_rows.iter().map(|r| Some(r.0.clone())).collect())),
                ("type".into(), TableColumn::Text(demetr_rows.iter().map(|r| Some(r.1.clone())).collect())),
                ("detection".into(), TableColumn::Number(demetr_rows.iter().map(|r| r.2.rate()).collect())),
                ("false_flag_rate".into(), TableColumn::Number(demetr_rows.iter().map(|r| r.3.rate()).collect())),
                ("pairwise_accuracy".into(), TableColumn::Number(demetr_rows.iter().map(|r| r.4.rate()).collect())),
            ],
        )?;
    }
    let correlations: Vec<(String, &super::Correlation)> =
        measured.iter().flat_map(|(split, m)| m.correlations.iter().map(move |c| (split.to_string(), c))).collect();
    write_table(
        &options.out.join("correlations.parquet"),
        vec![
            ("split".into(), TableColumn::Text(correlations.iter().map(|r| Some(r.0.clone())).collect())),
            ("scorer".into(), TableColumn::Text(correlations.iter().map(|r| Some(r.1.scorer.to_string())).collect())),
            ("global_tau".into(), TableColumn::Number(correlations.iter().map(|r| r.1.global_tau).collect())),
            ("global_pearson".into(), TableColumn::Number(correlations.iter().map(|r| r.1.global_pearson).collect())),
            ("grouped_tau".into(), TableColumn::Number(correlations.iter().map(|r| r.1.grouped_tau).collect())),
            ("grouped_pearson".into(), TableColumn::Number(correlations.iter().map(|r| r.1.grouped_pearson).collect())),
        ],
    )?;
    Ok(())
}
