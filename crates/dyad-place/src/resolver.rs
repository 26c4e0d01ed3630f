//! What the locator asks of a gazetteer, as a trait so that the tree rules can be tested on
//! hand-built parses with a small table instead of the installed GeoNames cache.

use std::ops::Range;

use dyad_geo::{Context, Gazetteer, Place};

/// The gazetteer calls the locator makes (see [`dyad_geo::Gazetteer`] for what each does).
pub(crate) trait Resolver {
    /// The place one name means in a context.
    fn resolve(&self, name: &str, ctx: &Context) -> Option<Place>;
    /// The places of several spans of one sentence, resolved together.
    fn resolve_spans(
        &self,
        text: &str,
        spans: &[Range<usize>],
        ctx: &Context,
    ) -> Vec<Option<Place>>;
    /// The countries a document's place mentions and demonyms point to.
    fn document_countries(&self, mentions: &[&str]) -> Vec<String>;
    /// The country a demonym names.
    fn demonym_country(&self, word: &str) -> Option<String>;
}

impl Resolver for Gazetteer {
    fn resolve(&self, name: &str, ctx: &Context) -> Option<Place> {
        Gazetteer::resolve(self, name, ctx)
    }

    fn resolve_spans(
        &self,
        text: &str,
        spans: &[Range<usize>],
        ctx: &Context,
    ) -> Vec<Option<Place>> {
        Gazetteer::resolve_spans(self, text, spans, ctx)
    }

    fn document_countries(&self, mentions: &[&str]) -> Vec<String> {
        Gazetteer::document_countries(self, mentions.iter().copied())
    }

    fn demonym_country(&self, word: &str) -> Option<String> {
        Gazetteer::demonym_country(self, word).map(str::to_owned)
    }
}
