//! [`OffsetMap`]: from offsets in a normalised text back to offsets in the original.

use crate::Span;

/// Normalised text and the map from its byte offsets back to the original text's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text, used for matching.
    pub text: String,
    /// Where each of its byte offsets comes from in the original.
    pub map: OffsetMap,
}

/// Maps byte offsets in a normalised text back to byte offsets in the original text.
///
/// The normalised text is built left to right from pieces of the original: runs copied verbatim
/// and runs replaced by something else (a curly quote by a straight one, three spaces by one, a
/// zero-width space by nothing). Only replaced runs are stored; offsets between them shift by a
/// constant. A replaced run maps as a whole: a span starting inside it starts where the original
/// run starts, a span ending inside it ends where the original run ends, so a mapped span never
/// splits an original character.
///
/// ```
/// use dyad_doc::{OffsetMap, Span};
///
/// // Original "a  “b”" normalised to "a \"b\"".
/// let mut map = OffsetMap::builder();
/// map.copy(1);        // "a"
/// map.replace(2, 1);  // two spaces -> one
/// map.replace(3, 1);  // “ -> "
/// map.copy(1);        // b
/// map.replace(3, 1);  // ” -> "
/// let map = map.finish();
/// assert_eq!(map.to_original(Span::new(2, 5)), Span::new(3, 10));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
    norm_len: usize,
    orig_len: usize,
}

/// One replaced run: `norm` bytes of normalised text made from `orig` bytes of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// Builds an [`OffsetMap`] left to right.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    map: OffsetMap,
}

impl OffsetMapBuilder {
    /// `len` bytes copied unchanged.
    pub fn copy(&mut self, len: usize) {
        self.map.norm_len += len;
        self.map.orig_len += len;
    }

    /// `orig_len` original bytes replaced by `norm_len` normalised bytes (either may be zero).
    pub fn replace(&mut self, orig_len: usize, norm_len: usize) {
        if orig_len == 0 && norm_len == 0 {
            return;
        }
        let m = &mut self.map;
        let edit = Edit {
            norm_start: m.norm_len,
            norm_end: m.norm_len + norm_len,
            orig_start: m.orig_len,
            orig_end: m.orig_len + orig_len,
        };
        m.norm_len = edit.norm_end;
        m.orig_len = edit.orig_end;
        // Merge consecutive deletions so lookups stay short. Nothing else is merged: a deletion
        // next to a replacement stays separate so spans ending or starting at the replacement
        // leave the deleted text out.
        match m.edits.last_mut() {
            Some(last)
                if norm_len == 0
                    && last.norm_start == last.norm_end
                    && last.norm_end == edit.norm_start
                    && last.orig_end == edit.orig_start =>
            {
                last.orig_end = edit.orig_end;
            }
            _ => m.edits.push(edit),
        }
    }

    /// The finished map.
    pub fn finish(self) -> OffsetMap {
        self.map
    }
}

impl OffsetMap {
    /// A builder for a new map.
    pub fn builder() -> OffsetMapBuilder {
        OffsetMapBuilder::default()
    }

    /// The map of a text normalised to itself.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            edits: Vec::new(),
            norm_len: len,
            orig_len: len,
        }
    }

    /// Whether the normalised text is a verbatim copy of the original.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Length of the normalised text in bytes.
    pub fn normalized_len(&self) -> usize {
        self.norm_len
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// The original span that a normalised span came from.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.start_to_original(span.start);
        let end = self.end_to_original(span.end).max(start);
        Span::new(start, end)
    }

    /// Where a span starting at normalised offset `n` starts in the original.
    pub fn start_to_original(&self, n: usize) -> usize {
        let n = n.min(self.norm_len);
        // The last edit that starts at or before n; a deletion at n counts (skip deleted text).
        let idx = self.edits.partition_point(|e| e.norm_start <= n);
        match idx.checked_sub(1).map(|i| self.edits[i]) {
            None => n,
            Some(e) if n < e.norm_end => e.orig_start,
            Some(e) => e.orig_end + (n - e.norm_end),
        }
    }

    /// Where a span ending at normalised offset `n` ends in the original.
    pub fn end_to_original(&self, n: usize) -> usize {
        let n = n.min(self.norm_len);
        // The last edit that starts before n; a deletion at n does not count (leave it out).
        let idx = self.edits.partition_point(|e| e.norm_start < n);
        match idx.checked_sub(1).map(|i| self.edits[i]) {
            None => n,
            Some(e) if n <= e.norm_end => e.orig_end,
            Some(e) => e.orig_end + (n - e.norm_end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn identity_maps_to_itself() {
        let map = OffsetMap::identity(10);
        assert!(map.is_identity());
        assert_eq!(map.to_original(Span::new(3, 7)), Span::new(3, 7));
    }

    #[test]
    fn deletion_after_a_replacement_is_left_out() {
        // "\u{201C}\u{200B}a": curly quote -> '"', zero-width space deleted, then "a".
        let mut b = OffsetMap::builder();
        b.replace(3, 1);
        b.replace(3, 0);
        b.copy(1);
        let map = b.finish();
        assert_eq!(map.to_original(Span::new(0, 1)), Span::new(0, 3));
        assert_eq!(map.to_original(Span::new(1, 2)), Span::new(6, 7));
    }

    #[test]
    fn deletions_are_left_out_of_spans() {
        // "a\u{200B}b": zero-width space (3 bytes) deleted.
        let mut b = OffsetMap::builder();
        b.copy(1);
        b.replace(3, 0);
        b.copy(1);
        let map = b.finish();
        assert_eq!(map.to_original(Span::new(0, 1)), Span::new(0, 1));
        assert_eq!(map.to_original(Span::new(1, 2)), Span::new(4, 5));
        assert_eq!(map.to_original(Span::new(0, 2)), Span::new(0, 5));
    }

    /// A random normalisation: pieces of (original text, normalised text).
    fn pieces() -> impl Strategy<Value = Vec<(String, String, bool)>> {
        proptest::collection::vec(("\\PC{0,3}", "[a-z ]{0,3}", any::<bool>()), 0..20)
    }

    proptest! {
        /// A span of whole normalised pieces maps back to exactly the original pieces it came from.
        #[test]
        fn whole_pieces_map_back(pieces in pieces(), a in 0usize..20, b in 0usize..20) {
            let mut builder = OffsetMap::builder();
            let (mut orig, mut norm) = (String::new(), String::new());
            let mut bounds = vec![(0usize, 0usize)];
            for (o, n, copied) in &pieces {
                if *copied {
                    builder.copy(o.len());
                    norm.push_str(o);
                } else {
                    builder.replace(o.len(), n.len());
                    norm.push_str(n);
                }
                orig.push_str(o);
                bounds.push((norm.len(), orig.len()));
            }
            let map = builder.finish();
            prop_assert_eq!(map.normalized_len(), norm.len());
            prop_assert_eq!(map.original_len(), orig.len());
            let (i, j) = (a.min(bounds.len() - 1), b.min(bounds.len() - 1));
            let (i, j) = (i.min(j), i.max(j));
            let mapped = map.to_original(Span::new(bounds[i].0, bounds[j].0));
            // The mapped span lies on char boundaries and within the pieces' original extent.
            prop_assert!(orig.is_char_boundary(mapped.start) && orig.is_char_boundary(mapped.end));
            // Several piece boundaries can share one normalised offset (around a deletion):
            // the span may start after any of them and must end before the last of them.
            let lo = bounds.iter().filter(|b| b.0 == bounds[i].0).map(|b| b.1).min().unwrap_or(0);
            let hi = bounds.iter().filter(|b| b.0 == bounds[j].0).map(|b| b.1).max().unwrap_or(0);
            prop_assert!(lo <= mapped.start && mapped.end <= hi, "{:?} not in {}..{}", mapped, lo, hi);
        }

        #[test]
        fn any_offset_is_in_bounds(pieces in pieces(), n in 0usize..100) {
            let mut builder = OffsetMap::builder();
            for (o, nrm, copied) in &pieces {
                if *copied { builder.copy(o.len()) } else { builder.replace(o.len(), nrm.len()) }
            }
            let map = builder.finish();
            let s = map.to_original(Span::new(n, n + 3));
            prop_assert!(s.start <= s.end && s.end <= map.original_len());
        }
    }
}
