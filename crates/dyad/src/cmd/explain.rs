//! `dyad explain "sentence"`: the parse, and step by step which lexicon entries matched and why
//! each event was or was not produced.

use std::process::ExitCode;

use dyad_code::SentenceTrace;

use crate::cli::{ExplainArgs, GlobalArgs};
use crate::cmd::UsageError;
use crate::cmd::code::build_coder;
use crate::cmd::model::load_parser;

pub fn run(args: &ExplainArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let date = match args.date.as_deref() {
        Some(d) => {
            dyad_ingest::parse_date(d).map_err(|e| UsageError(format!("--date {d:?}: {e}")))?
        }
        None => jiff::Zoned::now().date(),
    };
    let parser = load_parser(!args.coder.no_ner, global.quiet)?;
    let coder = build_coder(&args.coder, global.quiet)?;
    let parse = parser.parse_text(&args.text)?;
    let mut traces: Vec<SentenceTrace> = Vec::new();
    let coding = coder.code_parse_traced(&args.text, &parse, Some(date), Some(&mut traces));
    if args.json {
        let out = serde_json::json!({
            "text": args.text,
            "date": date.to_string(),
            "sentences": traces,
            "events": coding.events,
            "story_discarded": coding.story_discarded,
            "suppressed": coding.suppressed.iter().map(|(e, why)| serde_json::json!({"event": e, "filter": why})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("date: {date}");
    for trace in &traces {
        println!("{}", trace.render());
    }
    if coding.story_discarded {
        println!("story discarded: no event of this text is kept");
    }
    for (event, why) in &coding.suppressed {
        if why == &"one event per story" || why == &"story discard" {
            println!("suppressed by {why}: {}", event_line(event));
        }
    }
    println!("{} event(s) in all", coding.events.len());
    for event in &coding.events {
        println!("  {}", event_line(event));
    }
    Ok(ExitCode::SUCCESS)
}

fn event_line(e: &dyad_code::CodedEvent) -> String {
    let side =
        |a: &Option<dyad_code::EventActor>| a.as_ref().map_or("-".to_owned(), |a| a.code.clone());
    format!(
        "{} -> {} {}{}  [{}]",
        side(&e.source),
        side(&e.target),
        e.code,
        if e.negated { " (negated)" } else { "" },
        e.rule
    )
}
