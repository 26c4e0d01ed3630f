//! The human-readable rendering of a [`Report`]: summary, per-category and per-type tables,
//! the commonest causes, and the first misses and extras.

use std::fmt::{self, Write};

use crate::score::{Report, Scores};

/// How many mismatched records [`Report`]'s `Display` lists.
pub const DEFAULT_LISTED: usize = 20;

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

fn score_row(out: &mut impl Write, label: &str, s: &Scores) -> fmt::Result {
    writeln!(
        out,
        "  {label:<22} {:>7} {:>9} {:>8} {:>9.3} {:>7.3} {:>6.3}",
        s.gold, s.predicted, s.correct, s.precision, s.recall, s.f1
    )
}

impl Report {
    /// Writes the report as text, listing the misses and extras of the first `listed`
    /// mismatched records.
    pub fn write_text(&self, out: &mut impl Write, listed: usize) -> fmt::Result {
        let own = match self.matching {
            crate::Matching::Cameo => "(source, target, CAMEO code)",
            crate::Matching::Plover => "(source country, target country, PLOVER type)",
            crate::Matching::Mixed => "(each record by its ontology)",
        };
        writeln!(out, "gold set: {}", self.gold)?;
        writeln!(
            out,
            "records: {} scored, {} exact ({})",
            self.records,
            self.records_exact,
            pct(self.records_exact, self.records)
        )?;
        if self.records_not_evaluated
            + self.gold_lines_skipped
            + self.gold_warnings
            + self.records_rejected
            > 0
        {
            writeln!(
                out,
                "  not evaluated {}, gold lines skipped {}, gold warnings {}, rejected by the coder {}",
                self.records_not_evaluated,
                self.gold_lines_skipped,
                self.gold_warnings,
                self.records_rejected
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "  {:<22} {:>7} {:>9} {:>8} {:>9} {:>7} {:>6}",
            "events", "gold", "predicted", "correct", "precision", "recall", "F1"
        )?;
        score_row(out, "own matching", &self.scores)?;
        score_row(out, "source, target, root", &self.root)?;
        score_row(out, "countries, root", &self.country_root)?;
        writeln!(out, "  own matching: {own}")?;
        writeln!(
            out,
            "extra events {}, missed events {}",
            self.extra_events, self.missed_events
        )?;
        if self.events_unmapped + self.events_ignored_rejected > 0 {
            writeln!(
                out,
                "left out: {} predicted events with no PLOVER type, {} events of rejected records",
                self.events_unmapped, self.events_ignored_rejected
            )?;
        }
        if self.noevents.records > 0 {
            writeln!(
                out,
                "noevents records: {}, exact {}",
                self.noevents.records, self.noevents.exact
            )?;
        }
        let e = &self.expected_errors;
        if e.records > 0 {
            writeln!(
                out,
                "expected_error records: {}: rejected {}, coded nothing {}, coded events {}",
                e.records, e.rejected, e.silent, e.coded
            )?;
        }
        let r = &self.reciprocal;
        if r.pairs > 0 {
            writeln!(
                out,
                "reciprocal pairs: {}: both directions {}, one {}, neither {}",
                r.pairs, r.both, r.one, r.neither
            )?;
        }

        writeln!(out)?;
        writeln!(
            out,
            "  {:<14} {:>7} {:>6} {:>7} {:>9} {:>8} {:>9} {:>7} {:>6}",
            "category",
            "records",
            "exact",
            "gold",
            "predicted",
            "correct",
            "precision",
            "recall",
            "F1"
        )?;
        for c in &self.categories {
            let s = &c.scores;
            writeln!(
                out,
                "  {:<14} {:>7} {:>6} {:>7} {:>9} {:>8} {:>9.3} {:>7.3} {:>6.3}",
                c.category.as_deref().unwrap_or("(none)"),
                c.records,
                c.records_exact,
                s.gold,
                s.predicted,
                s.correct,
                s.precision,
                s.recall,
                s.f1
            )?;
        }

        writeln!(out)?;
        writeln!(
            out,
            "  {:<14} {:>7} {:>9} {:>8} {:>9} {:>7} {:>6}",
            "event type", "gold", "predicted", "correct", "precision", "recall", "F1"
        )?;
        for t in &self.event_types {
            let s = &t.scores;
            writeln!(
                out,
                "  {:<14} {:>7} {:>9} {:>8} {:>9.3} {:>7.3} {:>6.3}",
                t.event_type, s.gold, s.predicted, s.correct, s.precision, s.recall, s.f1
            )?;
        }

        let causes = self.cause_counts();
        if !causes.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "commonest causes (near:… = not yet explained, closest counterpart):"
            )?;
            for (kind, cause, n) in causes.iter().take(10) {
                writeln!(out, "  {n:>5}  {:<5}  {cause}", kind.as_str())?;
            }
        }

        if self.mismatches.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(
            out,
            "mismatched records: {} (first {} listed)",
            self.mismatches.len(),
            listed.min(self.mismatches.len())
        )?;
        let keys = |keys: &[crate::EventKey]| {
            if keys.is_empty() {
                "(none)".to_owned()
            } else {
                keys.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        };
        for m in self.mismatches.iter().take(listed) {
            writeln!(out)?;
            writeln!(
                out,
                "[{}] line {} {}{}",
                m.id,
                m.line,
                m.category.as_deref().unwrap_or("(none)"),
                m.expected_error
                    .as_deref()
                    .map(|e| format!(", expected error {e}"))
                    .unwrap_or_default()
            )?;
            writeln!(out, "  text:      {}", m.text)?;
            writeln!(out, "  gold:      {}", keys(&m.gold))?;
            writeln!(out, "  predicted: {}", keys(&m.predicted))?;
            if let Some(reason) = &m.rejected {
                writeln!(out, "  rejected:  {reason}")?;
            }
            for d in m.misses.iter().chain(&m.extras) {
                write!(
                    out,
                    "  {:<5} {}  (near: {})",
                    d.kind.as_str(),
                    d.event,
                    d.near.as_str()
                )?;
                if let Some(rule) = d.predicted.as_ref().and_then(|p| p.rule.as_deref()) {
                    write!(out, "  rule: {rule}")?;
                }
                if let Some(cause) = &d.cause {
                    write!(out, "  cause: {cause}")?;
                }
                writeln!(out)?;
            }
            for u in &m.unmapped {
                writeln!(
                    out,
                    "  no PLOVER type: {} -> {} {}",
                    u.source.as_deref().unwrap_or("-"),
                    u.target.as_deref().unwrap_or("-"),
                    u.code
                )?;
            }
        }
        Ok(())
    }

    /// The report as text (see [`Report::write_text`]).
    pub fn to_text(&self, listed: usize) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut text, listed);
        text
    }
}

impl fmt::Display for Report {
    /// The text report, listing the first [`DEFAULT_LISTED`] mismatched records.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_text(f, DEFAULT_LISTED)
    }
}
