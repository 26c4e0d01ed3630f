//! Scoring: [`score`] compares [`RecordPrediction`]s with a [`GoldSet`] and makes a [`Report`].
//!
//! Each record's gold and predicted events are reduced to *sets* of [`EventKey`]s at three
//! levels (see the crate docs for the reductions); counts, precision, recall and F1 are summed
//! over records (micro-averaged). The set's own level decides whether a record is exact and
//! which events are misses and extras.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::EvalError;
use crate::gold::{GoldEvent, GoldRecord, GoldSet, Ontology};
use crate::matching::{
    EventKey, actor_country, cameo_root, normalize_actor, normalize_code, plover_actor,
    plover_type_by_name, plover_type_of_code,
};

/// One event as the coder produced it, independent of the coder's own types.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Predicted {
    /// Source actor code ("USAGOV"), if any.
    pub source: Option<String>,
    /// Target actor code, if any.
    pub target: Option<String>,
    /// CAMEO event code ("042"). On a PLOVER record it is mapped to a PLOVER type; a PLOVER
    /// type name is also accepted there.
    pub code: String,
    /// The coder's rule id or explanation, if it gives one; carried into the report's extras.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Predicted {
    /// An event with source, target and code, and no rule.
    pub fn new(source: Option<&str>, target: Option<&str>, code: &str) -> Predicted {
        Predicted {
            source: source.map(str::to_owned),
            target: target.map(str::to_owned),
            code: code.to_owned(),
            rule: None,
        }
    }
}

/// What the coder made of one gold record: its events, or a rejection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordPrediction {
    /// The record id the prediction is for; if given, it must be the id of the gold record at
    /// the same position ([`EvalError::Misaligned`] otherwise).
    pub id: Option<String>,
    /// The predicted events (duplicates are harmless: records are compared as sets).
    pub events: Vec<Predicted>,
    /// Why the coder rejected the record (a discard, an unreadable dateline…), if it did. A
    /// rejected record codes nothing: any events given with it are ignored and counted in
    /// [`Report::events_ignored_rejected`].
    pub rejected: Option<String>,
}

impl RecordPrediction {
    /// A prediction of these events.
    pub fn coded(events: Vec<Predicted>) -> RecordPrediction {
        RecordPrediction {
            events,
            ..RecordPrediction::default()
        }
    }

    /// A rejection, with its reason.
    pub fn rejected(reason: &str) -> RecordPrediction {
        RecordPrediction {
            rejected: Some(reason.to_owned()),
            ..RecordPrediction::default()
        }
    }
}

/// Counts and scores at one matching level.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Scores {
    /// Distinct gold events (per record, summed).
    pub gold: usize,
    /// Distinct predicted events.
    pub predicted: usize,
    /// Events in both.
    pub correct: usize,
    /// correct / predicted; with nothing predicted, 1 if the gold is empty too, else 0.
    pub precision: f64,
    /// correct / gold; with no gold events, 1 if nothing was predicted, else 0.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 if both are 0).
    pub f1: f64,
}

impl Scores {
    /// Scores from counts.
    pub fn from_counts(gold: usize, predicted: usize, correct: usize) -> Scores {
        let ratio =
            |n: usize, d: usize, empty: f64| if d == 0 { empty } else { n as f64 / d as f64 };
        let precision = ratio(correct, predicted, if gold == 0 { 1.0 } else { 0.0 });
        let recall = ratio(correct, gold, if predicted == 0 { 1.0 } else { 0.0 });
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Scores {
            gold,
            predicted,
            correct,
            precision,
            recall,
            f1,
        }
    }

    fn add(&mut self, gold: usize, predicted: usize, correct: usize) {
        *self = Scores::from_counts(
            self.gold + gold,
            self.predicted + predicted,
            self.correct + correct,
        );
    }
}

/// The matching the gold set's own scores use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Matching {
    /// CAMEO sets: (source, target, full CAMEO code).
    Cameo,
    /// The PLOVER set: (source country, target country, PLOVER type).
    Plover,
    /// A file mixing both: each record by its own ontology.
    Mixed,
}

/// Scores of one `category` of records, on the set's own matching.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    /// The category (`None`: records without one).
    pub category: Option<String>,
    /// Records scored.
    pub records: usize,
    /// Records exact.
    pub records_exact: usize,
    /// Event scores.
    #[serde(flatten)]
    pub scores: Scores,
}

/// Scores of one event type: a CAMEO root ("04") on CAMEO records, a PLOVER type on PLOVER
/// records; gold events of the type against predicted events of the type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    /// The root or PLOVER type.
    pub event_type: String,
    /// Event scores.
    #[serde(flatten)]
    pub scores: Scores,
}

/// How the gold records that should be rejected came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ExpectedErrors {
    /// Scored records with `expected_error`.
    pub records: usize,
    /// … that the coder rejected.
    pub rejected: usize,
    /// … that the coder accepted but coded nothing from (also exact).
    pub silent: usize,
    /// … from which the coder produced events (not exact; the events are extras).
    pub coded: usize,
}

/// How the `noevents` records came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct NoEvents {
    /// Scored records marked `noevents`.
    pub records: usize,
    /// … from which nothing was coded.
    pub exact: usize,
}

/// How reciprocal gold pairs (PLOVER's "SRC/TAR" actors: A -> B and B -> A) came out. Each
/// direction is an ordinary gold event in the scores; this only tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Reciprocal {
    /// Distinct pairs (per record).
    pub pairs: usize,
    /// Pairs with both directions predicted.
    pub both: usize,
    /// Pairs with one direction predicted.
    pub one: usize,
    /// Pairs with neither.
    pub neither: usize,
}

/// A miss or an extra.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// A gold event that was not predicted.
    Miss,
    /// A predicted event that is not in the gold.
    Extra,
}

impl DiscrepancyKind {
    /// "miss" or "extra".
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Miss => "miss",
            DiscrepancyKind::Extra => "extra",
        }
    }
}

/// The closest thing the other side of a record has to a missed or extra event: a first hint
/// at the cause, from the most to the least specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Near {
    /// Same actors, same CAMEO root, another code (CAMEO records).
    SameRoot,
    /// Same event with source and target swapped.
    Reversed,
    /// Same country parts and root, other actor detail (RUSGOV for RUSMIL; CAMEO records).
    SameCountryRoot,
    /// Same actors, another event type.
    SameDyad,
    /// Same code, other actors.
    SameCode,
    /// Nothing alike.
    Unrelated,
}

impl Near {
    /// The hint's name ("same_root").
    pub fn as_str(self) -> &'static str {
        match self {
            Near::SameRoot => "same_root",
            Near::Reversed => "reversed",
            Near::SameCountryRoot => "same_country_root",
            Near::SameDyad => "same_dyad",
            Near::SameCode => "same_code",
            Near::Unrelated => "unrelated",
        }
    }
}

/// One missed or extra event, with what a later step needs to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// Miss or extra.
    pub kind: DiscrepancyKind,
    /// Position of the record in the gold set.
    #[serde(skip)]
    pub index: usize,
    /// The record id.
    #[serde(skip)]
    pub id: String,
    /// The record's category.
    #[serde(skip)]
    pub category: Option<String>,
    /// The event as compared (the set's own level).
    pub event: EventKey,
    /// For a miss: the gold event as written (the first, if several reduce to this one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<GoldEvent>,
    /// For an extra: the predicted event as given, with its rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicted: Option<Predicted>,
    /// The closest counterpart on the other side.
    pub near: Near,
    /// The cause, once a later step has attached one ([`Report::attach_causes`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
}

/// A record that was not exact: its gold and predicted events and the differences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordResult {
    /// Position in the gold set (0-based).
    pub index: usize,
    /// Line in the gold file.
    pub line: u64,
    /// Record id.
    pub id: String,
    /// Category, if any.
    pub category: Option<String>,
    /// The sentence.
    pub text: String,
    /// The gold's `expected_error`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_error: Option<String>,
    /// The coder's reason for rejecting the record, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected: Option<String>,
    /// Gold events at the set's own level, sorted.
    pub gold: Vec<EventKey>,
    /// Predicted events at the set's own level, sorted.
    pub predicted: Vec<EventKey>,
    /// Gold events not predicted.
    pub misses: Vec<Discrepancy>,
    /// Predicted events not in the gold.
    pub extras: Vec<Discrepancy>,
    /// Predicted events with no PLOVER type (PLOVER records only), left out of the scores.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmapped: Vec<Predicted>,
}

/// The result of scoring predictions against a gold set.
///
/// Serialises (see [`Report::to_json`]) as one object whose first keys are `records`,
/// `records_exact`, `events_gold`, `events_predicted`, `events_correct`, `precision`, `recall`,
/// `f1`, `root_f1` and `country_root_f1`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Records scored (`evaluate: false` records are not).
    pub records: usize,
    /// Records whose predicted event set equals the gold set (see the crate docs).
    pub records_exact: usize,
    /// Distinct gold events on the set's own matching.
    pub events_gold: usize,
    /// Distinct predicted events on the set's own matching.
    pub events_predicted: usize,
    /// Events in both.
    pub events_correct: usize,
    /// Event precision on the set's own matching.
    pub precision: f64,
    /// Event recall on the set's own matching.
    pub recall: f64,
    /// Event F1 on the set's own matching.
    pub f1: f64,
    /// F1 on (source, target, CAMEO root); on PLOVER records the set's own matching.
    pub root_f1: f64,
    /// F1 on (source country, target country, root); on PLOVER records the set's own matching.
    pub country_root_f1: f64,
    /// Predicted events not in the gold (`events_predicted - events_correct`).
    pub extra_events: usize,
    /// Gold events not predicted (`events_gold - events_correct`).
    pub missed_events: usize,
    /// The gold file.
    pub gold: String,
    /// The set's own matching.
    pub matching: Matching,
    /// All scores on the set's own matching.
    pub scores: Scores,
    /// All scores on (source, target, root).
    pub root: Scores,
    /// All scores on (source country, target country, root).
    pub country_root: Scores,
    /// Records in the gold set, scored or not.
    pub records_listed: usize,
    /// Records left out by `evaluate: false`.
    pub records_not_evaluated: usize,
    /// Gold lines that could not be read (see [`GoldSet::skipped`]).
    pub gold_lines_skipped: usize,
    /// Gold records kept despite a problem (see [`GoldSet::warnings`]).
    pub gold_warnings: usize,
    /// Gold events as listed in the scored records, duplicates included.
    pub gold_events_listed: usize,
    /// Predicted events as given for the scored, not rejected records, duplicates included.
    pub predicted_events_listed: usize,
    /// Predicted events on PLOVER records with no PLOVER type (statements, appeals, unknown
    /// codes), left out of the scores.
    pub events_unmapped: usize,
    /// Events given with a rejected record, ignored.
    pub events_ignored_rejected: usize,
    /// Scored records the coder rejected.
    pub records_rejected: usize,
    /// `noevents` records.
    pub noevents: NoEvents,
    /// `expected_error` records.
    pub expected_errors: ExpectedErrors,
    /// Reciprocal gold pairs.
    pub reciprocal: Reciprocal,
    /// Per category, sorted by name (no category last).
    pub categories: Vec<CategoryScore>,
    /// Per event type (CAMEO root or PLOVER type), sorted.
    pub event_types: Vec<TypeScore>,
    /// The records that were not exact, in gold order, with their misses and extras.
    pub mismatches: Vec<RecordResult>,
}

impl Report {
    /// The report as one JSON object (compact).
    pub fn to_json(&self) -> Result<String, EvalError> {
        Ok(serde_json::to_string(self)?)
    }

    /// Every miss and extra, in gold order (misses before extras within a record).
    pub fn discrepancies(&self) -> impl Iterator<Item = &Discrepancy> {
        self.mismatches
            .iter()
            .flat_map(|r| r.misses.iter().chain(&r.extras))
    }

    /// Attaches a cause to each miss and extra: `cause` sees the discrepancy (record index,
    /// id, category, event, the gold or predicted event with its rule) and returns the cause,
    /// or `None` to leave it unset.
    pub fn attach_causes(&mut self, mut cause: impl FnMut(&Discrepancy) -> Option<String>) {
        for record in &mut self.mismatches {
            for d in record.misses.iter_mut().chain(record.extras.iter_mut()) {
                d.cause = cause(d);
            }
        }
    }

    /// Misses and extras counted by kind and cause, commonest first (ties by name); a
    /// discrepancy without a cause is counted under its [`Near`] hint, as `near:same_root`.
    pub fn cause_counts(&self) -> Vec<(DiscrepancyKind, String, usize)> {
        let mut counts: BTreeMap<(DiscrepancyKind, String), usize> = BTreeMap::new();
        for d in self.discrepancies() {
            let cause = d
                .cause
                .clone()
                .unwrap_or_else(|| format!("near:{}", d.near.as_str()));
            *counts.entry((d.kind, cause)).or_default() += 1;
        }
        let mut list: Vec<_> = counts.into_iter().map(|((k, c), n)| (k, c, n)).collect();
        list.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (a.0, &a.1).cmp(&(b.0, &b.1))));
        list
    }
}

/// A record's events reduced at the three levels. `primary` maps each key to the position of
/// the first event that reduced to it.
#[derive(Default)]
struct Keys {
    primary: BTreeMap<EventKey, usize>,
    root: BTreeSet<EventKey>,
    country_root: BTreeSet<EventKey>,
}

impl Keys {
    fn insert(&mut self, levels: Levels, position: usize) {
        self.primary.entry(levels.primary).or_insert(position);
        self.root.insert(levels.root);
        self.country_root.insert(levels.country_root);
    }

    fn has_primary(&self, key: &EventKey) -> bool {
        self.primary.contains_key(key)
    }
}

/// One event reduced at the three levels.
struct Levels {
    primary: EventKey,
    root: EventKey,
    country_root: EventKey,
}

/// Reduces an event; `None` if it has no PLOVER type on a PLOVER record.
fn levels(
    ontology: Ontology,
    source: Option<&str>,
    target: Option<&str>,
    code: &str,
    gold: bool,
) -> Option<Levels> {
    match ontology {
        Ontology::Cameo => {
            let actor = |a: Option<&str>| a.and_then(normalize_actor);
            let country = |a: Option<&str>| a.and_then(actor_country);
            let root = cameo_root(code);
            Some(Levels {
                primary: EventKey {
                    source: actor(source),
                    target: actor(target),
                    code: normalize_code(code),
                },
                root: EventKey {
                    source: actor(source),
                    target: actor(target),
                    code: root.clone(),
                },
                country_root: EventKey {
                    source: country(source),
                    target: country(target),
                    code: root,
                },
            })
        }
        Ontology::Plover => {
            let event = if gold {
                plover_type_by_name(code)
            } else {
                plover_type_of_code(code)
            }?;
            let key = EventKey {
                source: source.and_then(plover_actor),
                target: target.and_then(plover_actor),
                code: event.as_str().to_owned(),
            };
            Some(Levels {
                primary: key.clone(),
                root: key.clone(),
                country_root: key,
            })
        }
    }
}

/// The event type a primary key is counted under in [`Report::event_types`].
fn event_type(ontology: Ontology, key: &EventKey) -> String {
    match ontology {
        Ontology::Cameo => cameo_root(&key.code),
        Ontology::Plover => key.code.clone(),
    }
}

/// The closest counterpart of `levels` among `other`'s events.
fn near(levels: &Levels, other: &Keys) -> Near {
    let key = &levels.primary;
    let reversed = EventKey {
        source: key.target.clone(),
        target: key.source.clone(),
        code: key.code.clone(),
    };
    if levels.root != levels.primary && other.root.contains(&levels.root) {
        Near::SameRoot
    } else if reversed != *key && other.has_primary(&reversed) {
        Near::Reversed
    } else if levels.country_root != levels.root
        && other.country_root.contains(&levels.country_root)
    {
        Near::SameCountryRoot
    } else if other
        .primary
        .keys()
        .any(|k| k.source == key.source && k.target == key.target)
    {
        Near::SameDyad
    } else if other.primary.keys().any(|k| k.code == key.code) {
        Near::SameCode
    } else {
        Near::Unrelated
    }
}

/// Running totals.
#[derive(Default)]
struct Totals {
    primary: Scores,
    root: Scores,
    country_root: Scores,
    categories: BTreeMap<Option<String>, (usize, usize, Scores)>,
    types: BTreeMap<String, (usize, usize, usize)>,
}

impl Totals {
    fn add(
        &mut self,
        category: &Option<String>,
        exact: bool,
        gold: &Keys,
        pred: &Keys,
        ontology: Ontology,
    ) {
        let overlap = |a: &BTreeSet<EventKey>, b: &BTreeSet<EventKey>| a.intersection(b).count();
        let correct = gold.primary.keys().filter(|k| pred.has_primary(k)).count();
        self.primary
            .add(gold.primary.len(), pred.primary.len(), correct);
        self.root.add(
            gold.root.len(),
            pred.root.len(),
            overlap(&gold.root, &pred.root),
        );
        self.country_root.add(
            gold.country_root.len(),
            pred.country_root.len(),
            overlap(&gold.country_root, &pred.country_root),
        );
        let entry = self.categories.entry(category.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(exact);
        entry.2.add(gold.primary.len(), pred.primary.len(), correct);
        for k in gold.primary.keys() {
            let t = self.types.entry(event_type(ontology, k)).or_default();
            t.0 += 1;
            t.2 += usize::from(pred.has_primary(k));
        }
        for k in pred.primary.keys() {
            self.types.entry(event_type(ontology, k)).or_default().1 += 1;
        }
    }
}

/// Scores `predictions` (one per gold record, in gold order) against `gold`.
///
/// Fails if the counts differ ([`EvalError::Count`]) or a prediction's id is not that of its
/// gold record ([`EvalError::Misaligned`]).
pub fn score(gold: &GoldSet, predictions: &[RecordPrediction]) -> Result<Report, EvalError> {
    if gold.records.len() != predictions.len() {
        return Err(EvalError::Count {
            records: gold.records.len(),
            predictions: predictions.len(),
        });
    }
    for (index, (record, prediction)) in gold.records.iter().zip(predictions).enumerate() {
        if let Some(id) = &prediction.id
            && id.trim() != record.id.trim()
        {
            return Err(EvalError::Misaligned {
                index,
                gold: record.id.clone(),
                predicted: id.clone(),
            });
        }
    }
    let matching = match gold.ontology() {
        Some(Ontology::Plover) => Matching::Plover,
        Some(Ontology::Cameo) => Matching::Cameo,
        None if gold.records.is_empty() => Matching::Cameo,
        None => Matching::Mixed,
    };
    let mut report = Report {
        records: 0,
        records_exact: 0,
        events_gold: 0,
        events_predicted: 0,
        events_correct: 0,
        precision: 0.0,
        recall: 0.0,
        f1: 0.0,
        root_f1: 0.0,
        country_root_f1: 0.0,
        extra_events: 0,
        missed_events: 0,
        gold: gold.path.clone(),
        matching,
        scores: Scores::default(),
        root: Scores::default(),
        country_root: Scores::default(),
        records_listed: gold.records.len(),
        records_not_evaluated: 0,
        gold_lines_skipped: gold.skipped.len(),
        gold_warnings: gold.warnings.len(),
        gold_events_listed: 0,
        predicted_events_listed: 0,
        events_unmapped: 0,
        events_ignored_rejected: 0,
        records_rejected: 0,
        noevents: NoEvents::default(),
        expected_errors: ExpectedErrors::default(),
        reciprocal: Reciprocal::default(),
        categories: Vec::new(),
        event_types: Vec::new(),
        mismatches: Vec::new(),
    };
    let mut totals = Totals::default();
    for (index, (record, prediction)) in gold.records.iter().zip(predictions).enumerate() {
        if !record.evaluate {
            report.records_not_evaluated += 1;
            continue;
        }
        score_record(index, record, prediction, &mut report, &mut totals);
    }
    finish(&mut report, totals);
    Ok(report)
}

fn score_record(
    index: usize,
    record: &GoldRecord,
    prediction: &RecordPrediction,
    report: &mut Report,
    totals: &mut Totals,
) {
    let ontology = record.ontology;
    report.records += 1;
    report.gold_events_listed += record.events.len();

    let mut gold = Keys::default();
    for (i, e) in record.events.iter().enumerate() {
        // Gold PLOVER codes were checked when the file was read, so every gold event reduces.
        if let Some(l) = levels(
            ontology,
            e.source.as_deref(),
            e.target.as_deref(),
            &e.code,
            true,
        ) {
            gold.insert(l, i);
        }
    }
    let mut pred = Keys::default();
    let mut unmapped = Vec::new();
    if prediction.rejected.is_some() {
        report.records_rejected += 1;
        report.events_ignored_rejected += prediction.events.len();
    } else {
        report.predicted_events_listed += prediction.events.len();
        for (i, p) in prediction.events.iter().enumerate() {
            match levels(
                ontology,
                p.source.as_deref(),
                p.target.as_deref(),
                &p.code,
                false,
            ) {
                Some(l) => pred.insert(l, i),
                None => unmapped.push(p.clone()),
            }
        }
    }
    report.events_unmapped += unmapped.len();

    // Exact: the same set of events. A record with `expected_error` has no gold events (the
    // reader refuses one that lists some) and a rejected record predicts none, so "rejected or
    // produces nothing" is this same test; so is `noevents`.
    let exact = gold.primary.keys().eq(pred.primary.keys());
    report.records_exact += usize::from(exact);
    if record.noevents {
        report.noevents.records += 1;
        report.noevents.exact += usize::from(exact);
    }
    if record.expected_error.is_some() {
        let outcome = &mut report.expected_errors;
        outcome.records += 1;
        if prediction.rejected.is_some() {
            outcome.rejected += 1;
        } else if pred.primary.is_empty() {
            outcome.silent += 1;
        } else {
            outcome.coded += 1;
        }
    }
    count_reciprocal(record, &gold, &pred, &mut report.reciprocal);
    totals.add(&record.category, exact, &gold, &pred, ontology);

    if !exact {
        report
            .mismatches
            .push(mismatch(index, record, prediction, &gold, &pred, unmapped));
    }
}

/// Counts reciprocal gold pairs: each reciprocal key with its reverse, once per pair.
fn count_reciprocal(record: &GoldRecord, gold: &Keys, pred: &Keys, out: &mut Reciprocal) {
    let mut seen = BTreeSet::new();
    for (key, &i) in &gold.primary {
        if !record.events.get(i).is_some_and(|e| e.reciprocal) {
            continue;
        }
        let reverse = EventKey {
            source: key.target.clone(),
            target: key.source.clone(),
            code: key.code.clone(),
        };
        let pair = if *key <= reverse {
            (key.clone(), reverse)
        } else {
            (reverse, key.clone())
        };
        if !seen.insert(pair.clone()) {
            continue;
        }
        out.pairs += 1;
        let hits = if pair.0 == pair.1 {
            2 * usize::from(pred.has_primary(&pair.0))
        } else {
            usize::from(pred.has_primary(&pair.0)) + usize::from(pred.has_primary(&pair.1))
        };
        match hits {
            2 => out.both += 1,
            1 => out.one += 1,
            _ => out.neither += 1,
        }
    }
}

fn mismatch(
    index: usize,
    record: &GoldRecord,
    prediction: &RecordPrediction,
    gold: &Keys,
    pred: &Keys,
    unmapped: Vec<Predicted>,
) -> RecordResult {
    let ontology = record.ontology;
    let discrepancy = |kind, event: &EventKey, levels: Option<Levels>, other: &Keys| Discrepancy {
        kind,
        index,
        id: record.id.clone(),
        category: record.category.clone(),
        event: event.clone(),
        gold: None,
        predicted: None,
        near: levels.map_or(Near::Unrelated, |l| near(&l, other)),
        cause: None,
    };
    let misses = gold
        .primary
        .iter()
        .filter(|(k, _)| !pred.has_primary(k))
        .map(|(k, &i)| {
            let event = record.events.get(i);
            let l = event.and_then(|e| {
                levels(
                    ontology,
                    e.source.as_deref(),
                    e.target.as_deref(),
                    &e.code,
                    true,
                )
            });
            Discrepancy {
                gold: event.cloned(),
                ..discrepancy(DiscrepancyKind::Miss, k, l, pred)
            }
        })
        .collect();
    let extras = pred
        .primary
        .iter()
        .filter(|(k, _)| !gold.has_primary(k))
        .map(|(k, &i)| {
            let event = prediction.events.get(i);
            let l = event.and_then(|e| {
                levels(
                    ontology,
                    e.source.as_deref(),
                    e.target.as_deref(),
                    &e.code,
                    false,
                )
            });
            Discrepancy {
                predicted: event.cloned(),
                ..discrepancy(DiscrepancyKind::Extra, k, l, gold)
            }
        })
        .collect();
    RecordResult {
        index,
        line: record.line,
        id: record.id.clone(),
        category: record.category.clone(),
        text: record.text.clone(),
        expected_error: record.expected_error.clone(),
        rejected: prediction.rejected.clone(),
        gold: gold.primary.keys().cloned().collect(),
        predicted: pred.primary.keys().cloned().collect(),
        misses,
        extras,
        unmapped,
    }
}

fn finish(report: &mut Report, totals: Totals) {
    let s = totals.primary;
    report.scores = s;
    report.events_gold = s.gold;
    report.events_predicted = s.predicted;
    report.events_correct = s.correct;
    report.precision = s.precision;
    report.recall = s.recall;
    report.f1 = s.f1;
    report.extra_events = s.predicted - s.correct;
    report.missed_events = s.gold - s.correct;
    report.root = totals.root;
    report.country_root = totals.country_root;
    report.root_f1 = totals.root.f1;
    report.country_root_f1 = totals.country_root.f1;
    let mut categories: Vec<CategoryScore> = totals
        .categories
        .into_iter()
        .map(|(category, (records, exact, scores))| CategoryScore {
            category,
            records,
            records_exact: exact,
            scores,
        })
        .collect();
    // `None` sorts first in a BTreeMap; list it last.
    categories.sort_by(|a, b| match (&a.category, &b.category) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(x), Some(y)) => x.cmp(y),
    });
    report.categories = categories;
    report.event_types = totals
        .types
        .into_iter()
        .map(|(event_type, (g, p, c))| TypeScore {
            event_type,
            scores: Scores::from_counts(g, p, c),
        })
        .collect();
}
