//! `dyad ontology CODE…`: what dyad knows about a code.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::OntologyArgs;

pub fn run(args: &OntologyArgs) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut unknown = 0;
    let mut printed = 0;
    for code in &args.codes {
        let found = dyad_ontology::describe(code);
        if found.is_empty() {
            eprintln!("dyad ontology: nothing is known about {code:?}");
            unknown += 1;
            continue;
        }
        for description in found {
            if args.json {
                serde_json::to_writer(&mut out, &description).context("cannot write output")?;
                writeln!(out).context("cannot write output")?;
            } else {
                if printed > 0 {
                    writeln!(out).context("cannot write output")?;
                }
                writeln!(out, "{description}").context("cannot write output")?;
                printed += 1;
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(if unknown > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
