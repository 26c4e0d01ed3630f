//! [`TextStage`] and [`segment`]: normalisation, dateline and sentences in one pass.

use dyad_doc::{Dateline, Doc, Layer, Normalized, Sentence, Stage, StageError};
use jiff::civil::Date;

use crate::{detect_dateline, normalize, split_sentences};

/// What the text stage computes for one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented {
    /// The normalised text and its map back to the original.
    pub normalized: Normalized,
    /// The wire dateline, if the story opens with one.
    pub dateline: Option<Dateline>,
    /// Sentences of the original text, starting after the dateline.
    pub sentences: Vec<Sentence>,
}

/// Normalise `text`, find its dateline (dates resolved against `pub_date`) and split the rest
/// into sentences.
pub fn segment(text: &str, pub_date: Date) -> Segmented {
    let dateline = detect_dateline(text, pub_date);
    let from = dateline.as_ref().map_or(0, |d| d.span.end);
    Segmented {
        normalized: normalize(text),
        sentences: split_sentences(text, from),
        dateline,
    }
}

/// The `text` stage: fills [`Doc::normalized`], [`Doc::dateline`] (`Some(None)` when the story
/// has no dateline) and [`Doc::sentences`]. It needs no earlier stage and cannot fail.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStage;

impl Stage for TextStage {
    fn name(&self) -> &'static str {
        "text"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Normalized, Layer::Dateline, Layer::Sentences]
    }

    fn run(&self, doc: &mut Doc) -> Result<(), StageError> {
        let Segmented {
            normalized,
            dateline,
            sentences,
        } = segment(&doc.text, doc.pub_date);
        doc.normalized = Some(normalized);
        doc.dateline = Some(dateline);
        doc.sentences = Some(sentences);
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn stage_fills_every_layer_it_assigns() {
        let text = "PYONGYANG, June 19 (AP) — Russian President Vladimir Putin and North Korean \
                    leader Kim Jong Un signed a defence pact on Wednesday. The U.S. said it was \
                    \u{201C}deeply concerned.\u{201D}\n\nJapan\u{2019}s government said it was watching.";
        let mut doc = Doc::new("ex-2", date(2024, 6, 19), text.to_string());
        TextStage.run(&mut doc).unwrap();
        let dateline = doc.dateline.clone().flatten().unwrap();
        assert_eq!(doc.slice(dateline.place), "PYONGYANG");
        assert_eq!(dateline.date, Some(date(2024, 6, 19)));
        let sentences: Vec<&str> = doc
            .sentences
            .as_ref()
            .unwrap()
            .iter()
            .map(|s| doc.slice(s.span))
            .collect();
        assert_eq!(
            sentences,
            [
                "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a defence pact on Wednesday.",
                "The U.S. said it was \u{201C}deeply concerned.\u{201D}",
                "Japan\u{2019}s government said it was watching.",
            ]
        );
        let normalized = doc.normalized.as_ref().unwrap();
        assert!(
            normalized.text.contains("\"deeply concerned.\"\n\nJapan's"),
            "{}",
            normalized.text
        );
        assert_eq!(normalized.map.original_len(), text.len());
    }

    #[test]
    fn no_dateline_is_recorded_as_computed_and_absent() {
        let mut doc = Doc::new(
            "x",
            date(2024, 1, 1),
            "Analysis: the war goes on. It will.".into(),
        );
        TextStage.run(&mut doc).unwrap();
        assert_eq!(doc.dateline, Some(None));
        assert_eq!(doc.sentences.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn dateline_then_body() {
        let text = "MUSCAT, April 12 (Reuters) - Iranian and U.S. negotiators held indirect talks \
                    in Muscat on Saturday. The U.S. team was led by special envoy Steve Witkoff.";
        let seg = segment(text, date(2025, 4, 12));
        let d = seg.dateline.unwrap();
        assert_eq!(
            &text[d.span.start..d.span.end],
            "MUSCAT, April 12 (Reuters) -"
        );
        assert_eq!(d.agency.map(|a| &text[a.start..a.end]), Some("Reuters"));
        assert_eq!(d.date, Some(date(2025, 4, 12)));
        let first = seg.sentences[0].span;
        assert!(text[first.start..first.end].starts_with("Iranian and U.S. negotiators"));
        assert_eq!(seg.sentences.len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn segment_never_panics_and_sentences_follow_the_dateline(text in "\\PC{0,200}|[A-Z]{2,8}(, [A-Z][a-z]+)?( \\((AP|Reuters)\\))? [-—] [A-Za-z .\n]{0,80}") {
            let seg = segment(&text, date(2024, 6, 19));
            let from = seg.dateline.as_ref().map_or(0, |d| d.span.end);
            for s in &seg.sentences {
                proptest::prop_assert!(s.span.start >= from && s.span.slice(&text).is_some());
            }
            proptest::prop_assert_eq!(seg.normalized.map.original_len(), text.len());
        }
    }

    #[test]
    fn stage_contract() {
        assert_eq!(TextStage.name(), "text");
        assert!(TextStage.requires().is_empty());
        assert_eq!(
            TextStage.assigns(),
            [Layer::Normalized, Layer::Dateline, Layer::Sentences]
        );
    }
}
