//! The cache file: one binary file, read into memory and used as it is, so that loading costs a read
//! and a CRC-32 instead of parsing 170,000 places and rebuilding a hash table.
//!
//! All numbers are little-endian. Layout:
//!
//! ```text
//! 0   magic "DYADGEO\0"             8   format version (u32)       12  country places (u32)
//! 16  admin1 places (u32)           20  converter version (u32)    24  source sha256 (32 bytes)
//! 56  CRC-32 of the file with these 4 bytes zeroed                 60  reserved (u32)
//! 64  section table: 6 × (offset u32, length u32), offsets from the start of the file
//! ```
//!
//! Sections, in order:
//! - STRINGS: UTF-8 text that the records below point into (names, admin1 codes).
//! - PLACES: 32-byte records, countries first, then first-level divisions, then cities:
//!   name offset u32, name length u16, kind u8, flags u8 (bit 0: national capital), country index u16
//!   (`0xFFFF`: none), admin1 length u8, pad u8, admin1 offset u32, lat f32, lon f32,
//!   population u32, GeoNames id u32.
//! - COUNTRIES: 24-byte records: ISO2 [2], ISO3 [3], neighbour count u8, pad [2], place u32
//!   (`u32::MAX`: none), capital place u32 (`u32::MAX`: none), first neighbour u32, population u32.
//! - NEIGHBOURS: u16 country indices.
//! - SLOTS: an open-addressing hash table over the name keys (a power of two of u32 slots; 0 = empty,
//!   else 1 + the offset of the key's entry in KEYS), probed linearly from `fnv1a(key) & mask`.
//! - KEYS: entries `key length u8, key bytes, posting count u16, postings u32 × count`; a posting is
//!   `place index << 1 | alternate` (alternate = 1 when the key comes from an alternate name).
//!
//! Reading never trusts the file: every offset is bounds-checked and a bad one reads as "nothing".

use std::collections::{BTreeMap, HashMap};

use crate::PlaceKind;
use crate::normalize::fnv1a;

pub(crate) const MAGIC: &[u8; 8] = b"DYADGEO\0";
pub(crate) const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 64;
const SECTIONS: usize = 6;
const TABLE_END: usize = HEADER + SECTIONS * 8;
const PLACE_SIZE: usize = 32;
const COUNTRY_SIZE: usize = 24;
const NONE_U32: u32 = u32::MAX;
const NONE_U16: u16 = u16::MAX;

const S_STRINGS: usize = 0;
const S_PLACES: usize = 1;
const S_COUNTRIES: usize = 2;
const S_NEIGHBOURS: usize = 3;
const S_SLOTS: usize = 4;
const S_KEYS: usize = 5;

fn kind_code(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Country => 0,
        PlaceKind::Admin1 => 1,
        PlaceKind::City => 2,
        PlaceKind::Region => 3,
    }
}

fn kind_from(code: u8) -> Option<PlaceKind> {
    Some(match code {
        0 => PlaceKind::Country,
        1 => PlaceKind::Admin1,
        2 => PlaceKind::City,
        3 => PlaceKind::Region,
        _ => return None,
    })
}

/// One place as the converter hands it to [`write`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceRec {
    pub(crate) name: String,
    pub(crate) kind: PlaceKind,
    pub(crate) capital: bool,
    pub(crate) country: Option<u16>,
    pub(crate) admin1: String,
    pub(crate) lat: f32,
    pub(crate) lon: f32,
    pub(crate) population: u32,
    pub(crate) geonameid: u32,
}

/// One country as the converter hands it to [`write`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CountryRec {
    pub(crate) iso2: [u8; 2],
    pub(crate) iso3: [u8; 3],
    pub(crate) place: Option<u32>,
    pub(crate) capital: Option<u32>,
    pub(crate) neighbours: Vec<u16>,
    pub(crate) population: u32,
}

/// Everything the cache holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    pub(crate) places: Vec<PlaceRec>,
    pub(crate) countries: Vec<CountryRec>,
    /// Name key → postings (place index, alternate).
    pub(crate) names: BTreeMap<String, Vec<(u32, bool)>>,
    pub(crate) n_country_places: u32,
    pub(crate) n_admin1_places: u32,
}

/// Serialize `t`, recording `source_sha256` (raw bytes) and `converter_version` in the header.
pub(crate) fn write(t: &Tables, source_sha256: [u8; 32], converter_version: u32) -> Vec<u8> {
    let mut strings = String::new();
    let mut interned: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: &str, strings: &mut String| -> u32 {
        if let Some(&off) = interned.get(s) {
            return off;
        }
        let off = strings.len() as u32;
        strings.push_str(s);
        interned.insert(s.to_owned(), off);
        off
    };
    let mut places = Vec::with_capacity(t.places.len() * PLACE_SIZE);
    for p in &t.places {
        let name = truncate(&p.name, usize::from(u16::MAX));
        let admin1 = truncate(&p.admin1, usize::from(u8::MAX));
        let name_off = intern(name, &mut strings);
        let admin1_off = intern(admin1, &mut strings);
        places.extend_from_slice(&name_off.to_le_bytes());
        places.extend_from_slice(&(name.len() as u16).to_le_bytes());
        places.push(kind_code(p.kind));
        places.push(u8::from(p.capital));
        places.extend_from_slice(&p.country.unwrap_or(NONE_U16).to_le_bytes());
        places.push(admin1.len() as u8);
        places.push(0);
        places.extend_from_slice(&admin1_off.to_le_bytes());
        places.extend_from_slice(&p.lat.to_le_bytes());
        places.extend_from_slice(&p.lon.to_le_bytes());
        places.extend_from_slice(&p.population.to_le_bytes());
        places.extend_from_slice(&p.geonameid.to_le_bytes());
    }
    let mut countries = Vec::with_capacity(t.countries.len() * COUNTRY_SIZE);
    let mut neighbours = Vec::new();
    for c in &t.countries {
        let first = (neighbours.len() / 2) as u32;
        let n = c.neighbours.len().min(usize::from(u8::MAX));
        for &nb in c.neighbours.iter().take(n) {
            neighbours.extend_from_slice(&nb.to_le_bytes());
        }
        countries.extend_from_slice(&c.iso2);
        countries.extend_from_slice(&c.iso3);
        countries.push(n as u8);
        countries.extend_from_slice(&[0, 0]);
        countries.extend_from_slice(&c.place.unwrap_or(NONE_U32).to_le_bytes());
        countries.extend_from_slice(&c.capital.unwrap_or(NONE_U32).to_le_bytes());
        countries.extend_from_slice(&first.to_le_bytes());
        countries.extend_from_slice(&c.population.to_le_bytes());
    }
    let mut keys = Vec::new();
    let n_slots = (t.names.len() * 10 / 7 + 1).next_power_of_two().max(8);
    let mask = n_slots - 1;
    let mut slots = vec![0u32; n_slots];
    for (key, postings) in &t.names {
        if key.is_empty() || key.len() > usize::from(u8::MAX) || postings.is_empty() {
            continue;
        }
        let off = keys.len() as u32;
        keys.push(key.len() as u8);
        keys.extend_from_slice(key.as_bytes());
        let n = postings.len().min(usize::from(u16::MAX));
        keys.extend_from_slice(&(n as u16).to_le_bytes());
        for &(place, alternate) in postings.iter().take(n) {
            keys.extend_from_slice(&(place << 1 | u32::from(alternate)).to_le_bytes());
        }
        let mut i = (fnv1a(key.as_bytes()) as usize) & mask;
        // The table is at most 70% full, so a free slot exists.
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = off + 1;
    }
    let slot_bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();

    let sections: [&[u8]; SECTIONS] = [
        strings.as_bytes(),
        &places,
        &countries,
        &neighbours,
        &slot_bytes,
        &keys,
    ];
    let mut out = Vec::with_capacity(TABLE_END + sections.iter().map(|s| s.len()).sum::<usize>());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&t.n_country_places.to_le_bytes());
    out.extend_from_slice(&t.n_admin1_places.to_le_bytes());
    out.extend_from_slice(&converter_version.to_le_bytes());
    out.extend_from_slice(&source_sha256);
    out.extend_from_slice(&[0; 8]); // CRC (filled below), reserved
    let mut at = TABLE_END;
    for s in &sections {
        out.extend_from_slice(&(at as u32).to_le_bytes());
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        at += s.len();
    }
    for s in &sections {
        out.extend_from_slice(s);
    }
    let crc = crc32fast::hash(&out);
    out[56..60].copy_from_slice(&crc.to_le_bytes());
    out
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn f32_at(b: &[u8], at: usize) -> Option<f32> {
    u32_at(b, at).map(f32::from_bits)
}

/// What the header of a cache file says (readable without checking the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) format_version: u32,
    pub(crate) converter_version: u32,
    pub(crate) source_sha256: [u8; 32],
}

/// Read the header of `bytes`, if it is one of ours.
pub(crate) fn header(bytes: &[u8]) -> Option<Header> {
    if bytes.get(..8)? != MAGIC {
        return None;
    }
    let mut sha = [0u8; 32];
    sha.copy_from_slice(bytes.get(24..56)?);
    Some(Header {
        format_version: u32_at(bytes, 8)?,
        converter_version: u32_at(bytes, 20)?,
        source_sha256: sha,
    })
}

/// A place record as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawPlace<'a> {
    pub(crate) name: &'a str,
    pub(crate) kind: PlaceKind,
    pub(crate) capital: bool,
    pub(crate) country: Option<u16>,
    pub(crate) admin1: &'a str,
    pub(crate) lat: f32,
    pub(crate) lon: f32,
    pub(crate) population: u32,
    pub(crate) geonameid: u32,
}

/// A country record as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawCountry<'a> {
    pub(crate) iso2: &'a str,
    pub(crate) iso3: &'a str,
    pub(crate) place: Option<u32>,
    pub(crate) capital: Option<u32>,
    first_neighbour: u32,
    n_neighbours: u8,
    pub(crate) population: u32,
}

/// The loaded cache file: its bytes and where each section is.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    bytes: Vec<u8>,
    strings: std::ops::Range<usize>,
    places: std::ops::Range<usize>,
    countries: std::ops::Range<usize>,
    neighbours: std::ops::Range<usize>,
    slots: std::ops::Range<usize>,
    keys: std::ops::Range<usize>,
    pub(crate) n_country_places: u32,
    pub(crate) n_admin1_places: u32,
}

impl Store {
    /// Check and take a cache file's bytes. The error says what is wrong.
    pub(crate) fn from_bytes(bytes: Vec<u8>, converter_version: u32) -> Result<Store, String> {
        let h = header(&bytes).ok_or("not a dyad gazetteer file (bad magic)")?;
        if h.format_version != FORMAT_VERSION || h.converter_version != converter_version {
            return Err(format!(
                "written in format {} by converter {}, this dyad reads format {FORMAT_VERSION} from \
                 converter {converter_version}",
                h.format_version, h.converter_version
            ));
        }
        if bytes.len() < TABLE_END {
            return Err("truncated header".into());
        }
        let stored_crc = u32_at(&bytes, 56).ok_or("truncated header")?;
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&bytes[..56]);
        hasher.update(&[0; 4]);
        hasher.update(&bytes[60..]);
        if hasher.finalize() != stored_crc {
            return Err("CRC-32 mismatch (the file is damaged or truncated)".into());
        }
        let mut ranges = Vec::with_capacity(SECTIONS);
        for i in 0..SECTIONS {
            let off = u32_at(&bytes, HEADER + i * 8).ok_or("truncated section table")? as usize;
            let len = u32_at(&bytes, HEADER + i * 8 + 4).ok_or("truncated section table")? as usize;
            let end = off
                .checked_add(len)
                .filter(|&e| off >= TABLE_END && e <= bytes.len())
                .ok_or_else(|| format!("section {i} lies outside the file"))?;
            ranges.push(off..end);
        }
        let r = |i: usize| ranges.get(i).cloned().unwrap_or(0..0);
        let store = Store {
            strings: r(S_STRINGS),
            places: r(S_PLACES),
            countries: r(S_COUNTRIES),
            neighbours: r(S_NEIGHBOURS),
            slots: r(S_SLOTS),
            keys: r(S_KEYS),
            n_country_places: u32_at(&bytes, 12).unwrap_or(0),
            n_admin1_places: u32_at(&bytes, 16).unwrap_or(0),
            bytes,
        };
        if !store.places.len().is_multiple_of(PLACE_SIZE)
            || !store.countries.len().is_multiple_of(COUNTRY_SIZE)
        {
            return Err("record sections have a partial record".into());
        }
        let n_slots = store.slots.len() / 4;
        if !store.slots.len().is_multiple_of(4) || !n_slots.is_power_of_two() {
            return Err("name table size is not a power of two".into());
        }
        if std::str::from_utf8(store.section(S_STRINGS)).is_err() {
            return Err("string section is not UTF-8".into());
        }
        Ok(store)
    }

    fn section(&self, i: usize) -> &[u8] {
        let range = match i {
            S_STRINGS => &self.strings,
            S_PLACES => &self.places,
            S_COUNTRIES => &self.countries,
            S_NEIGHBOURS => &self.neighbours,
            S_SLOTS => &self.slots,
            _ => &self.keys,
        };
        self.bytes.get(range.clone()).unwrap_or_default()
    }

    fn string(&self, off: u32, len: usize) -> Option<&str> {
        let strings = self.section(S_STRINGS);
        let bytes = strings.get(off as usize..(off as usize).checked_add(len)?)?;
        std::str::from_utf8(bytes).ok()
    }

    /// The size of the file in bytes.
    pub(crate) fn len_bytes(&self) -> usize {
        self.bytes.len()
    }

    pub(crate) fn n_places(&self) -> usize {
        self.places.len() / PLACE_SIZE
    }

    pub(crate) fn n_countries(&self) -> usize {
        self.countries.len() / COUNTRY_SIZE
    }

    pub(crate) fn n_keys(&self) -> usize {
        let slots = self.section(S_SLOTS);
        slots.chunks_exact(4).filter(|s| s != &[0, 0, 0, 0]).count()
    }

    pub(crate) fn place(&self, i: u32) -> Option<RawPlace<'_>> {
        let p = self.section(S_PLACES);
        let at = (i as usize).checked_mul(PLACE_SIZE)?;
        let rec = p.get(at..at + PLACE_SIZE)?;
        let name = self.string(u32_at(rec, 0)?, usize::from(u16_at(rec, 4)?))?;
        let country = u16_at(rec, 8)?;
        let admin1 = self.string(u32_at(rec, 12)?, usize::from(*rec.get(10)?))?;
        Some(RawPlace {
            name,
            kind: kind_from(*rec.get(6)?)?,
            capital: rec.get(7)? & 1 == 1,
            country: (country != NONE_U16).then_some(country),
            admin1,
            lat: f32_at(rec, 16)?,
            lon: f32_at(rec, 20)?,
            population: u32_at(rec, 24)?,
            geonameid: u32_at(rec, 28)?,
        })
    }

    pub(crate) fn country(&self, i: u16) -> Option<RawCountry<'_>> {
        let c = self.section(S_COUNTRIES);
        let at = usize::from(i) * COUNTRY_SIZE;
        let rec = c.get(at..at + COUNTRY_SIZE)?;
        let iso2 = std::str::from_utf8(rec.get(0..2)?).ok()?;
        let iso3 = std::str::from_utf8(rec.get(2..5)?).ok()?;
        let opt = |v: u32| (v != NONE_U32).then_some(v);
        Some(RawCountry {
            iso2,
            iso3,
            n_neighbours: *rec.get(5)?,
            place: opt(u32_at(rec, 8)?),
            capital: opt(u32_at(rec, 12)?),
            first_neighbour: u32_at(rec, 16)?,
            population: u32_at(rec, 20)?,
        })
    }

    pub(crate) fn neighbours(&self, c: &RawCountry<'_>) -> impl Iterator<Item = u16> + '_ {
        let nb = self.section(S_NEIGHBOURS);
        let first = c.first_neighbour as usize;
        (0..usize::from(c.n_neighbours)).filter_map(move |k| u16_at(nb, (first + k) * 2))
    }

    /// The postings of `key`: (place index, from an alternate name).
    pub(crate) fn postings(&self, key: &str) -> Vec<(u32, bool)> {
        let slots = self.section(S_SLOTS);
        let keys = self.section(S_KEYS);
        let n_slots = slots.len() / 4;
        if n_slots == 0 || key.is_empty() || key.len() > usize::from(u8::MAX) {
            return Vec::new();
        }
        let mask = n_slots - 1;
        let mut i = (fnv1a(key.as_bytes()) as usize) & mask;
        for _ in 0..n_slots {
            let Some(v) = u32_at(slots, i * 4) else {
                return Vec::new();
            };
            if v == 0 {
                return Vec::new();
            }
            let at = (v - 1) as usize;
            let Some(&len) = keys.get(at) else {
                return Vec::new();
            };
            let start = at + 1;
            let end = start + usize::from(len);
            if keys.get(start..end) == Some(key.as_bytes()) {
                let n = u16_at(keys, end).unwrap_or(0);
                return (0..usize::from(n))
                    .filter_map(|k| u32_at(keys, end + 2 + k * 4))
                    .map(|p| (p >> 1, p & 1 == 1))
                    .collect();
            }
            i = (i + 1) & mask;
        }
        Vec::new()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn tiny() -> Tables {
        let mut t = Tables {
            n_country_places: 1,
            ..Tables::default()
        };
        t.places.push(PlaceRec {
            name: "France".into(),
            kind: PlaceKind::Country,
            capital: false,
            country: Some(0),
            admin1: String::new(),
            lat: 46.5,
            lon: 2.5,
            population: 66_000_000,
            geonameid: 3017382,
        });
        t.places.push(PlaceRec {
            name: "Paris".into(),
            kind: PlaceKind::City,
            capital: true,
            country: Some(0),
            admin1: "11".into(),
            lat: 48.85341,
            lon: 2.3488,
            population: 2_138_551,
            geonameid: 2988507,
        });
        t.countries.push(CountryRec {
            iso2: *b"FR",
            iso3: *b"FRA",
            place: Some(0),
            capital: Some(1),
            neighbours: vec![0],
            population: 66_000_000,
        });
        t.names.insert("france".into(), vec![(0, false)]);
        t.names.insert("paris".into(), vec![(1, false)]);
        t.names.insert("lutece".into(), vec![(1, true)]);
        t
    }

    #[test]
    fn round_trip() {
        let bytes = write(&tiny(), [7; 32], 3);
        assert_eq!(header(&bytes).unwrap().source_sha256, [7; 32]);
        let s = Store::from_bytes(bytes, 3).unwrap();
        assert_eq!(s.n_places(), 2);
        assert_eq!(s.n_keys(), 3);
        let p = s.place(1).unwrap();
        assert_eq!((p.name, p.admin1, p.capital), ("Paris", "11", true));
        assert_eq!(p.kind, PlaceKind::City);
        assert!((p.lat - 48.85341).abs() < 1e-5);
        let c = s.country(0).unwrap();
        assert_eq!((c.iso2, c.iso3, c.capital), ("FR", "FRA", Some(1)));
        assert_eq!(s.neighbours(&c).collect::<Vec<_>>(), vec![0]);
        assert_eq!(s.postings("paris"), vec![(1, false)]);
        assert_eq!(s.postings("lutece"), vec![(1, true)]);
        assert!(s.postings("london").is_empty());
        assert!(s.place(2).is_none() && s.country(1).is_none());
    }

    #[test]
    fn damage_is_detected() {
        let bytes = write(&tiny(), [0; 32], 1);
        assert!(
            Store::from_bytes(bytes.clone(), 2)
                .unwrap_err()
                .contains("converter")
        );
        let mut bad = bytes.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(Store::from_bytes(bad, 1).unwrap_err().contains("CRC"));
        assert!(Store::from_bytes(bytes[..bytes.len() - 3].to_vec(), 1).is_err());
        assert!(Store::from_bytes(b"DYADGEO\0".to_vec(), 1).is_err());
        assert!(Store::from_bytes(Vec::new(), 1).is_err());
    }

    proptest::proptest! {
        #[test]
        fn mutated_files_never_panic(pos in 0usize..400, val in proptest::num::u8::ANY) {
            let mut bytes = write(&tiny(), [0; 32], 1);
            if let Some(b) = bytes.get_mut(pos) { *b = val; }
            // Recompute the CRC so that the structural checks and readers see the damage.
            if bytes.len() >= 60 {
                bytes[56..60].copy_from_slice(&[0; 4]);
                let crc = crc32fast::hash(&bytes);
                bytes[56..60].copy_from_slice(&crc.to_le_bytes());
            }
            if let Ok(s) = Store::from_bytes(bytes, 1) {
                for i in 0..4 { let _ = s.place(i); }
                if let Some(c) = s.country(0) { let _ = s.neighbours(&c).count(); }
                let _ = s.postings("paris");
                let _ = s.postings("france");
                let _ = s.n_keys();
            }
        }
    }
}
