//! spaCy's string hash.

/// spaCy's `hash_string`: 64-bit MurmurHash2 (`MurmurHash64A`) of the UTF-8 bytes, seed 1. The
/// model's lookup tables (such as `lexeme_norm`) are keyed by it. (spaCy gives its ~460 reserved
/// symbol names small ids instead; no table entry this crate reads is keyed by one.)
pub fn hash_string(s: &str) -> u64 {
    murmur64a(s.as_bytes(), 1)
}

fn murmur64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut blocks = data.chunks_exact(8);
    for block in &mut blocks {
        let mut k = block
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        k = k.wrapping_mul(M);
        k ^= k >> 47;
        k = k.wrapping_mul(M);
        h = (h ^ k).wrapping_mul(M);
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        let k = rest
            .iter()
            .rev()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        h = (h ^ k).wrapping_mul(M);
    }
    h ^= h >> 47;
    h = h.wrapping_mul(M);
    h ^ (h >> 47)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_spacy() {
        // Values printed by spacy.strings.hash_string (spaCy 3.8).
        for (s, h) in [
            ("colour", 2_579_953_423_244_470_672),
            ("a", 11_901_859_001_352_538_922),
            ("abcdefgh", 17_751_780_907_874_141_760),
            ("abcdefghi", 13_885_881_106_499_164_936),
            ("Straße", 982_213_701_778_560_299),
            ("😀 x", 15_776_529_882_568_071_190),
        ] {
            assert_eq!(hash_string(s), h, "{s}");
        }
    }
}
