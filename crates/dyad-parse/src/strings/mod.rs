//! spaCy's string ids: how a string becomes the `u64` that lexical attributes, lookup tables and the
//! hash embeddings are keyed by.
//!
//! spaCy's `StringStore.add` gives the empty string id 0, one of its reserved symbol names (`"X"`,
//! `"punct"`, `"obj"` …, the table in `symbols.rs`) that symbol's small number, and any other string the
//! 64-bit MurmurHash2 (`MurmurHash64A`) of its UTF-8 bytes with seed 1.

mod symbols;

/// The id spaCy gives `s`: 0 for "", a reserved symbol's number, else [`hash_string`].
pub fn string_id(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    match symbols::SYMBOLS.binary_search_by(|(name, _)| name.as_bytes().cmp(s.as_bytes())) {
        Ok(i) => symbols::SYMBOLS.get(i).map_or(0, |&(_, id)| id),
        Err(_) => hash_string(s),
    }
}

/// `MurmurHash64A(utf8(s), seed 1)`: spaCy's `hash_string`, which ignores the symbol table.
pub use dyad_tokenizer::hash_string;

/// thinc's `MurmurHash3_x86_128_uint64`: the 128-bit MurmurHash3 (x64 variant) of one 8-byte key,
/// returned as four `u32` words, as `HashEmbed` uses them to pick four table rows.
pub(crate) fn murmurhash3_128_u64(val: u64, seed: u32) -> [u32; 4] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    fn fmix(mut k: u64) -> u64 {
        k ^= k >> 33;
        k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
        k ^= k >> 33;
        k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        k ^= k >> 33;
        k
    }
    let mut h1 = val.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
    h1 ^= u64::from(seed);
    h1 ^= 8;
    let mut h2 = u64::from(seed) ^ 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // Values printed by spaCy 3.8 (`Token.norm`, `Token.shape`, `Token.suffix` on a blank English
    // pipeline).
    #[test]
    fn hashes_match_spacy() {
        assert_eq!(string_id("i"), 5_097_672_513_440_128_799);
        assert_eq!(string_id("xx"), 4_370_460_163_704_169_311);
        assert_eq!(string_id("xxxx"), 13_110_060_611_322_374_290);
        assert_eq!(string_id("x"), 11_123_243_248_953_317_070);
        assert_eq!(string_id("because"), 16_950_148_841_647_037_698);
        assert_eq!(string_id("adj"), 12_401_032_943_472_870_168);
    }

    #[test]
    fn symbols_win_over_hashes() {
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("punct"), 445);
        assert_eq!(string_id("obj"), 434);
        assert_ne!(hash_string("X"), 101);
    }

    #[test]
    fn symbol_table_is_sorted_and_unique() {
        for pair in symbols::SYMBOLS.windows(2) {
            if let [a, b] = pair {
                assert!(a.0.as_bytes() < b.0.as_bytes(), "{} !< {}", a.0, b.0);
            }
        }
        let mut ids: Vec<u64> = symbols::SYMBOLS.iter().map(|p| p.1).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), symbols::SYMBOLS.len());
    }

    // Values printed by thinc 8.3 `NumpyOps().hash(ids, seed)`.
    #[test]
    fn murmur3_matches_thinc() {
        assert_eq!(
            murmurhash3_128_u64(5_097_672_513_440_128_799, 8),
            [2_032_173_550, 2_625_552_531, 900_776_677, 3_938_328_797]
        );
        assert_eq!(murmurhash3_128_u64(0, 8), [0, 0, 0, 0]);
        assert_eq!(
            murmurhash3_128_u64(101, 8),
            [1_504_371_752, 1_761_805_357, 109_073_980, 2_642_708_036]
        );
        assert_eq!(
            murmurhash3_128_u64(u64::MAX, 8),
            [2_488_739_950, 2_974_852_181, 1_585_626_277, 2_314_794_624]
        );
        assert_eq!(
            murmurhash3_128_u64(13_110_060_611_322_374_290, 13),
            [287_848_771, 2_581_555_185, 2_909_077_291, 2_082_970_038]
        );
    }

    #[test]
    fn murmur3_differs_by_seed_and_word_order_is_stable() {
        let a = murmurhash3_128_u64(5_097_672_513_440_128_799, 8);
        let b = murmurhash3_128_u64(5_097_672_513_440_128_799, 9);
        assert_ne!(a, b);
        assert_eq!(a, murmurhash3_128_u64(5_097_672_513_440_128_799, 8));
    }

    proptest::proptest! {
        #[test]
        fn string_id_never_panics(s in ".*") {
            let _ = string_id(&s);
        }
    }
}
