//! Date every verb of a text with the real parser: prints the tree, the temporal mentions and
//! each verb's date, level and basis.
//!
//! ```text
//! cargo run -p dyad-date --example date_text -- 2022-02-21 "In February 1972, Nixon traveled to Beijing."
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use dyad_date::{EventDater, TimeStage};
use dyad_doc::{Doc, Stage};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(date), Some(text)) = (args.next(), args.next()) else {
        eprintln!("usage: date_text YYYY-MM-DD TEXT");
        std::process::exit(2);
    };
    let pub_date: jiff::civil::Date = date.parse().expect("a YYYY-MM-DD date");
    let paths = dyad_parse::model::ModelPaths::locate(None).expect("the parser model installed");
    let parser = dyad_parse::Parser::load(&paths).unwrap();
    let mut doc = Doc::new("example", pub_date, text);
    dyad_text::TextStage.run(&mut doc).unwrap();
    doc.parse = Some(parser.parse_text(&doc.text).unwrap());
    TimeStage::new().run(&mut doc).unwrap();
    let parse = doc.parse.as_ref().unwrap();
    let dater = EventDater::new(&doc);
    for (s, range) in parse.sents().iter().enumerate() {
        println!("-- sentence {s}");
        for i in range.clone() {
            let t = parse.token(i).unwrap();
            let mut line = format!(
                "{i}\t{}\t{}\t{}\t{}\t{}",
                t.text(&doc.text),
                t.tag(),
                t.lemma(),
                t.dep(),
                t.head()
            );
            if t.tag().starts_with("VB") && !matches!(t.dep(), "aux" | "auxpass") {
                let d = dater.date_token(s, i);
                line.push_str(&format!(
                    "\t=> {} {} {} {}{}{}",
                    d.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                    d.precision.as_str(),
                    d.basis.as_str(),
                    d.level.as_str(),
                    if d.future { " future" } else { "" },
                    d.span
                        .map(|sp| format!(" [{}]", doc.slice(sp)))
                        .unwrap_or_default(),
                ));
            }
            println!("{line}");
        }
    }
    for m in doc.times.as_ref().unwrap() {
        println!(
            "{:?} s{} {} value={} end={} tense={} future={} anchored={} head={:?} governor={:?}",
            doc.slice(m.span),
            m.sentence,
            m.kind.as_str(),
            m.value.map(|v| v.to_string()).unwrap_or_default(),
            m.end.map(|v| v.to_string()).unwrap_or_default(),
            m.tense.as_str(),
            m.future,
            m.anchored,
            m.head,
            m.governor,
        );
    }
}
