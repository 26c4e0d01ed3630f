//! Turning the shared input flags into ingest options.

use anyhow::Context;
use dyad_ingest::{CsvColumns, IngestOptions, InputFormat};

use crate::cli::InputArgs;

/// The ingest options the input flags ask for. A bad `--date` is a usage error.
pub fn ingest_options(args: &InputArgs) -> anyhow::Result<IngestOptions> {
    let default_date = args
        .date
        .as_deref()
        .map(|d| dyad_ingest::parse_date(d).with_context(|| format!("--date {d:?}")))
        .transpose()?;
    let format = args
        .input_format
        .as_deref()
        .map(|f| {
            f.parse::<InputFormat>()
                .map_err(|e| anyhow::anyhow!("--input-format {f:?}: {e}"))
        })
        .transpose()?;
    Ok(IngestOptions {
        default_date,
        format,
        csv: CsvColumns {
            id: args.id_col.clone(),
            date: args.date_col.clone(),
            text: args.text_col.clone(),
            ..CsvColumns::default()
        },
        ..IngestOptions::default()
    })
}
