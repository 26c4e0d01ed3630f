//! `dyad explain "text"`: the parse, step by step which lexicon entries matched and why each
//! event was or was not produced, which expression dated each event, where it happened, and
//! which earlier mention each pronoun or short reference was resolved to.
//!
//! A text of several sentences is coded as one document, sentence by sentence, each read with
//! the ones before it (and with `--title` when given), as `dyad code` reads a record.

use std::process::ExitCode;

use dyad_code::{CodedEvent, DocContext, SentenceTrace};
use dyad_date::EventDater;
use dyad_doc::Doc;
use dyad_pipeline::{Pipeline, Resources};

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
    let coder = build_coder(&args.coder, global.quiet)?;
    // Locations only when the gazetteer is already installed: explain never downloads it.
    let gazetteer = if args.coder.no_place {
        None
    } else {
        dyad_geo::Gazetteer::load().ok().map(std::sync::Arc::new)
    };
    let resources = Resources {
        parser: Some(load_parser(!args.coder.no_ner, global.quiet)?),
        coder: Some(coder.clone()),
        gazetteer: gazetteer.clone(),
    };
    let mut stages = vec!["text", "parse", "time", "code"];
    if gazetteer.is_some() {
        stages.push("place");
    }
    let pipeline = Pipeline::build(&stages, &resources)?;
    let mut doc = Doc::new("explain", date, args.text.clone());
    doc.title = args.title.clone();
    pipeline.run(&mut doc)?;
    let Some(parse) = doc.parse.as_ref() else {
        anyhow::bail!("the text was not parsed");
    };
    let mut traces: Vec<SentenceTrace> = Vec::new();
    // The document context starts from the title, as the code stage's does.
    let mut context = DocContext::new();
    if coder.options().document_context
        && let Some(title) = doc.title.as_deref()
    {
        context.seed_title(coder.index(), title, Some(date));
    }
    if let Some(Some(dateline)) = &doc.dateline
        && let Some(agency) = dateline.agency
    {
        context.skip_span(agency);
    }
    let coding = coder.code_parse_in_context(
        &doc.text,
        parse,
        &|_| Some(date),
        &mut context,
        Some(&mut traces),
        None,
    );
    let dater = EventDater::new(&doc);
    let dating: Vec<String> = coding
        .events
        .iter()
        .map(|e| {
            let when = dater.date_span(e.sentence_index as usize, e.verb.span);
            let expr = when
                .span
                .and_then(|s| s.slice(&doc.text))
                .map_or(String::new(), |t| format!(" {t:?}"));
            format!(
                "{} ({}, basis {}, from the {}{expr}){}",
                when.date.map_or("none".to_owned(), |d| d.to_string()),
                when.precision.as_str(),
                when.basis.as_str(),
                when.level.as_str(),
                if when.future {
                    ", future or intended"
                } else {
                    ""
                }
            )
        })
        .collect();
    if args.json {
        let out = serde_json::json!({
            "text": args.text,
            "title": args.title,
            "date": date.to_string(),
            "sentences": traces,
            "events": coding.events,
            "dating": dating,
            "records": doc.events,
            "story_discarded": coding.story_discarded,
            "suppressed": coding.suppressed.iter().map(|(e, why)| serde_json::json!({"event": e, "filter": why})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("publication date: {date}");
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
    let references: Vec<String> = traces
        .iter()
        .flat_map(|t| {
            t.references
                .iter()
                .map(move |r| format!("sentence {}: {}", t.sentence_index, r.line()))
        })
        .collect();
    if !references.is_empty() {
        println!("references from the document context:");
        for r in &references {
            println!("  {r}");
        }
    }
    println!("{} event(s) in all", coding.events.len());
    for (event, when) in coding.events.iter().zip(&dating) {
        println!("  {}", event_line(event));
        println!("      dated {when}");
    }
    match (&gazetteer, doc.events.as_deref()) {
        (None, _) => {
            println!("locations: not looked up (the gazetteer is not installed: dyad geo install)")
        }
        (Some(_), Some(records)) => {
            for r in records {
                let side = |a: &Option<dyad_doc::ActorRef>| {
                    a.as_ref().map_or("-".to_owned(), |a| a.code.clone())
                };
                println!(
                    "  location of {} -> {} {}: {}",
                    side(&r.source),
                    side(&r.target),
                    r.cameo.as_str(),
                    r.location
                        .as_ref()
                        .map_or("none found".to_owned(), |l| format!(
                            "{} ({})",
                            l.name,
                            l.country.as_deref().unwrap_or("-")
                        ))
                );
            }
        }
        (Some(_), None) => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn event_line(e: &CodedEvent) -> String {
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
