//! Gold-standard event sets and scoring: the library behind `dyad eval`.
//!
//! * [`GoldSet::load`] reads a gold JSONL file (the format of `../shared/data/eval`) into
//!   [`GoldRecord`]s with their [`GoldEvent`]s, in file order; bad lines are skipped and kept,
//!   with file and line, in [`GoldSet::skipped`].
//! * The coder's output goes in as one [`RecordPrediction`] per gold record, in the same order:
//!   [`Predicted`] events (source, target, CAMEO code, optional rule id) or a rejection.
//! * [`score`] compares them and returns a [`Report`]: records exact, event precision, recall
//!   and F1 on the set's own matching, `root_f1`, `country_root_f1`, extra events, tables per
//!   category and per event type, and every missed and extra event ([`Discrepancy`]) with the
//!   record it came from, so a later step can attach the coder's explanation
//!   ([`Report::attach_causes`]). [`Report::to_json`] and [`Report::to_text`] render it.
//!
//! ```
//! use dyad_eval::{GoldSet, Predicted, RecordPrediction, score};
//!
//! let gold = r#"{"id": "nixon", "date": "2022-02-21", "text": "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Chairman Mao Zedong.", "events": [{"source": "USAGOV", "target": "CHN", "code": "042"}, {"source": "USAGOV", "target": "CHNGOV", "code": "040"}], "ontology": "CAMEO", "category": "DEMO"}"#;
//! let gold = GoldSet::from_reader("nixon.jsonl", gold.as_bytes())?;
//!
//! // The coder got the visit, and the meeting with the wrong code of the same root and the
//! // country but not the government.
//! let predicted = RecordPrediction::coded(vec![
//!     Predicted::new(Some("USAGOV"), Some("CHN"), "042"),
//!     Predicted::new(Some("USAGOV"), Some("CHN"), "043"),
//! ]);
//! let report = score(&gold, &[predicted])?;
//! assert_eq!((report.records, report.records_exact), (1, 0));
//! assert_eq!((report.events_gold, report.events_predicted, report.events_correct), (2, 2, 1));
//! assert_eq!(report.f1, 0.5);
//! // By root, the prediction is one event (042 and 043 share root 04): USAGOV -> CHN 04, one
//! // of the two gold events (USAGOV -> CHNGOV 04 is the other).
//! assert!((report.root_f1 - 2.0 / 3.0).abs() < 1e-9);
//! assert_eq!(report.country_root_f1, 1.0, "but USA -> CHN 04 is USA -> CHN 04");
//! let json: serde_json::Value = serde_json::from_str(&report.to_json()?)?;
//! assert_eq!(json["extra_events"], 1);
//! assert!(report.to_text(10).contains("[nixon] line 1 DEMO"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is compared
//!
//! Each event is reduced to an [`EventKey`] (source, target, code) at three levels, and each
//! record's gold and predicted events become **sets** of keys at each level:
//!
//! | level | CAMEO records | PLOVER records |
//! |---|---|---|
//! | own (`f1`, exact) | actor codes as written, full code | [`plover_actor`] of each actor, PLOVER type |
//! | `root_f1` | actor codes as written, CAMEO root | same as own |
//! | `country_root_f1` | [`actor_country`] of each actor, root | same as own |
//!
//! Counts are summed over records (micro-averages). Precision with nothing predicted is 1 if
//! the gold is empty too, else 0; recall with no gold events likewise; so a set of `noevents`
//! records coded as nothing scores 1.
//!
//! # Choices where the issue is silent
//!
//! **Sets and duplicates.** A record's events are compared as sets, as the issue's "predicted
//! event set == gold set" says: an event listed twice (seven PLOVER records list one twice; the
//! country level merges more, such as RUSGOV and RUSMIL) counts once, on either side, at each
//! level separately. So `events_gold` counts *distinct* events per record at the set's own
//! level (359 for the unit tests and 80 for the PETR2 GSR, as listed; 356 of the 363 listed for
//! the PLOVER set); `gold_events_listed` keeps the raw count.
//!
//! **Records by position.** Ids repeat (AGENTS-18, AGENTS-19, PLOVER-GSR01-COERCE-0004), so
//! predictions are matched to records by position; a prediction may carry the id as a check.
//!
//! **`noevents`, PATTERN-06, `expected_error`.** A record with no gold events (marked
//! `noevents` or, like PATTERN-06, simply without events) is exact when nothing is predicted.
//! An `expected_error` record is exact when the coder rejects it or codes nothing from it;
//! events coded from it are extras. A rejected record codes nothing: events given with a
//! rejection are ignored (and counted). A record with `evaluate: false` is left out (all are
//! true in the shipped files) and counted. A gold line that lists events with `noevents` or
//! `expected_error` contradicts itself and is skipped as a bad line.
//!
//! **Actor codes.** Compared trimmed and in upper case. Quoted literal codes
//! (`"INJURY TOLL"`), or codes with spaces, are literals ([`normalize_actor`]): compared by
//! their text, and their own country.
//!
//! **The country part** ([`actor_country`]): for a state, the first three characters (RUSGOV,
//! RUSMIL, RUS -> RUS; the unit tests' fictional ARNGOV -> ARN; `---GOV` -> `---`, CAMEO's
//! unknown country), unless the code begins with a six-letter entry of the ontology's country
//! table (DNKGRL, Greenland); codes the table knows are written as the table writes them, so an
//! ISO code and a CAMEO code for the same entry agree. For international codes, the longest
//! organisation of the ontology's table the code begins with (IGOUNOMIL -> IGOUNO, IGOEUREEC),
//! else the generic type with the next three letters (IGOAFR…, NGOARN…, IMGMOS…) unless they
//! are a CAMEO role code (NGMOPP -> NGM).
//!
//! **PLOVER.** The PLOVER GSR is coded in PLOVER 0.5b1, whose 18 types include four that
//! later PLOVER (draft 0.8, the ontology's CAMEO -> PLOVER map) no longer has; they were named
//! after CAMEO roots, so each is read as the type the ontology maps that root to: DEMAND (10)
//! -> REQUEST, DISAPPROVE (11) and INVESTIGATE (09) -> ACCUSE, FIGHT (19) -> ASSAULT
//! ([`plover_type_by_name`]). A predicted CAMEO code is mapped with the ontology
//! ([`plover_type_of_code`]); codes PLOVER drops (roots 01 and 02) or that CAMEO lacks have no
//! PLOVER type and are left out of the scores, counted in `events_unmapped` and listed with
//! their record. Actors become the PLOVER GSR's coarse actor field ([`plover_actor`]): every
//! intergovernmental organisation -> IGO (the gold codes the UN, the EC, NATO, the IAEA … all
//! as IGO), NGM… -> ISM, NGO… -> NGO; states as for the country part; sectors are not compared.
//! The gold's few non-ISO country codes (JAP, ITL, VTN) are read as JPN, ITA, VNM. PLOVER types have no roots, so on PLOVER records
//! `root_f1` and `country_root_f1` are the set's own F1.
//!
//! **Reciprocal pairs.** The PLOVER file lists both directions of an "SRC/TAR" pair, each with
//! `reciprocal: true`, as SOURCES.md says; each direction is an ordinary gold event (a coder
//! that codes "A and B agreed" as A -> B and B -> A gets both). [`Report::reciprocal`] counts
//! the pairs with both, one or neither direction predicted.
//!
//! **Hints.** Each miss and extra carries a [`Near`] hint (same root, reversed, same
//! countries and root, same dyad, same code) as a first guess at its cause, until the coder's
//! explanation is attached.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod error;
mod gold;
mod matching;
mod render;
mod score;

pub use error::EvalError;
pub use gold::{GoldEvent, GoldRecord, GoldSet, Ontology};
pub use matching::{
    EventKey, actor_country, cameo_root, normalize_actor, normalize_code, plover_actor,
    plover_type_by_name, plover_type_of_code,
};
pub use render::DEFAULT_LISTED;
pub use score::{
    CategoryScore, Discrepancy, DiscrepancyKind, ExpectedErrors, Matching, Near, NoEvents,
    Predicted, Reciprocal, RecordPrediction, RecordResult, Report, Scores, TypeScore, score,
};
