//! Lints the shared PETRARCH dictionaries and prints each finding.
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/petrarch-dictionaries");
    for files in [
        dyad_lexicon::LexiconFiles::phoenix(&d),
        dyad_lexicon::LexiconFiles::petrarch_validation(&d),
    ] {
        let lex = dyad_lexicon::Lexicon::load(&files)?.value;
        for diag in dyad_lexicon::check(&lex) {
            println!("{diag}");
        }
    }
    Ok(())
}
