//! A minimal reader for the zip archives that Python wheels are: stored or deflated entries, no zip64,
//! no encryption. Written here instead of depending on the `zip` crate, whose current releases pull in
//! about ten more crates (a second `syn`, `zeroize`, `getrandom`, `indexmap` ...) even with only deflate.
//!
//! Every size and offset read from the archive is checked against the buffer, and each entry's CRC-32
//! and length are verified after inflating. [`build`] writes the same subset, for tests and tools that
//! need a small wheel.

use std::io::{Read, Write};

/// Why an archive could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ZipError {
    /// No end-of-central-directory record.
    #[error("no end-of-central-directory record (not a zip file, or truncated)")]
    NoDirectory,
    /// A zip64 archive (larger than 4 GiB or 65,535 entries).
    #[error("zip64 archives are not supported")]
    Zip64,
    /// The central directory runs past the data or has a bad signature.
    #[error("central directory is cut short or malformed")]
    BadDirectory,
    /// An entry's local header is missing or malformed (the entry's name).
    #[error("entry `{0}`: local header is missing or malformed")]
    BadLocalHeader(String),
    /// An entry is encrypted (the entry's name).
    #[error("entry `{0}` is encrypted")]
    Encrypted(String),
    /// An entry uses a compression method other than stored (0) or deflate (8).
    #[error(
        "entry `{name}` uses compression method {method} (only stored and deflate are supported)"
    )]
    Method {
        /// The entry.
        name: String,
        /// The method number.
        method: u16,
    },
    /// An entry's deflate data is damaged (the entry's name).
    #[error("entry `{0}`: data does not inflate")]
    Inflate(String),
    /// An entry's inflated length or CRC-32 differs from the directory (the entry's name).
    #[error("entry `{0}`: size or CRC-32 does not match the directory")]
    Checksum(String),
    /// An entry name is not UTF-8.
    #[error("entry name is not UTF-8")]
    Name,
}

/// One file in the archive, as the central directory describes it.
#[derive(Debug, Clone)]
pub struct ZipEntry {
    name: String,
    method: u16,
    flags: u16,
    crc32: u32,
    compressed_size: usize,
    size: usize,
    local_offset: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at.checked_add(2)?)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(4)?)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

const EOCD_SIG: u32 = 0x0605_4b50;
const CDH_SIG: u32 = 0x0201_4b50;
const LFH_SIG: u32 = 0x0403_4b50;

/// List the entries of the archive held in `bytes`, in central-directory order.
pub fn entries(bytes: &[u8]) -> Result<Vec<ZipEntry>, ZipError> {
    // The end record is 22 bytes plus a comment of at most 65535 bytes.
    let min_start = bytes.len().saturating_sub(22 + 65_535);
    let eocd = (min_start..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| u32_at(bytes, i) == Some(EOCD_SIG))
        .ok_or(ZipError::NoDirectory)?;
    let total = u16_at(bytes, eocd + 10).ok_or(ZipError::NoDirectory)?;
    let cd_size = u32_at(bytes, eocd + 12).ok_or(ZipError::NoDirectory)?;
    let cd_offset = u32_at(bytes, eocd + 16).ok_or(ZipError::NoDirectory)?;
    if total == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_offset == 0xFFFF_FFFF {
        return Err(ZipError::Zip64);
    }
    let mut pos = cd_offset as usize;
    let mut out = Vec::with_capacity(usize::from(total));
    for _ in 0..total {
        if u32_at(bytes, pos) != Some(CDH_SIG) {
            return Err(ZipError::BadDirectory);
        }
        let field16 = |off: usize| u16_at(bytes, pos + off).ok_or(ZipError::BadDirectory);
        let field32 = |off: usize| u32_at(bytes, pos + off).ok_or(ZipError::BadDirectory);
        let flags = field16(8)?;
        let method = field16(10)?;
        let crc32 = field32(16)?;
        let compressed_size = field32(20)?;
        let size = field32(24)?;
        let name_len = usize::from(field16(28)?);
        let extra_len = usize::from(field16(30)?);
        let comment_len = usize::from(field16(32)?);
        let local_offset = field32(42)?;
        if compressed_size == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local_offset == 0xFFFF_FFFF {
            return Err(ZipError::Zip64);
        }
        let name_bytes = bytes
            .get(pos + 46..pos + 46 + name_len)
            .ok_or(ZipError::BadDirectory)?;
        let name = std::str::from_utf8(name_bytes)
            .map_err(|_| ZipError::Name)?
            .to_owned();
        out.push(ZipEntry {
            name,
            method,
            flags,
            crc32,
            compressed_size: compressed_size as usize,
            size: size as usize,
            local_offset: local_offset as usize,
        });
        pos += 46 + name_len + extra_len + comment_len;
    }
    Ok(out)
}

impl ZipEntry {
    /// The entry's path inside the archive (`/`-separated).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The uncompressed size the directory announces.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Inflate this entry from the archive `bytes` it was listed from, checking its length and CRC-32.
    pub fn read(&self, bytes: &[u8]) -> Result<Vec<u8>, ZipError> {
        let bad = || ZipError::BadLocalHeader(self.name.clone());
        if self.flags & 1 != 0 {
            return Err(ZipError::Encrypted(self.name.clone()));
        }
        let at = self.local_offset;
        if u32_at(bytes, at) != Some(LFH_SIG) {
            return Err(bad());
        }
        let name_len = usize::from(u16_at(bytes, at + 26).ok_or_else(bad)?);
        let extra_len = usize::from(u16_at(bytes, at + 28).ok_or_else(bad)?);
        let start = at + 30 + name_len + extra_len;
        let raw = bytes
            .get(start..start.saturating_add(self.compressed_size))
            .ok_or_else(bad)?;
        let data = match self.method {
            0 => raw.to_vec(),
            8 => {
                // Cap the reservation: the announced size is not trusted until checked.
                let mut out = Vec::with_capacity(self.size.min(64 << 20));
                // Read at most one byte more than announced, so a lying header cannot make us
                // inflate without bound; the length check below then rejects it.
                flate2::read::DeflateDecoder::new(raw)
                    .take(self.size as u64 + 1)
                    .read_to_end(&mut out)
                    .map_err(|_| ZipError::Inflate(self.name.clone()))?;
                out
            }
            method => {
                return Err(ZipError::Method {
                    name: self.name.clone(),
                    method,
                });
            }
        };
        if data.len() != self.size || crc32fast::hash(&data) != self.crc32 {
            return Err(ZipError::Checksum(self.name.clone()));
        }
        Ok(data)
    }
}

/// Build a zip archive in memory from `(name, content)` pairs; `deflate` chooses the method for every
/// entry. No zip64: meant for small archives in tests and tools (entries over 4 GiB are cut off).
pub fn build(files: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in files {
        let offset = out.len() as u32;
        let (method, payload) = if deflate {
            let mut enc =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
            // Writing into a Vec cannot fail.
            let _ = enc.write_all(content);
            (8u16, enc.finish().unwrap_or_default())
        } else {
            (0u16, content.to_vec())
        };
        let crc = crc32fast::hash(content);
        let header = |sig: u32, central_dir: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central_dir {
                h.extend_from_slice(&20u16.to_le_bytes()); // version made by
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0u16.to_le_bytes()); // flags
            h.extend_from_slice(&method.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0, 0]); // time, date
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(payload.len() as u32).to_le_bytes());
            h.extend_from_slice(&(content.len() as u32).to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_dir {
                h.extend_from_slice(&0u16.to_le_bytes()); // comment
                h.extend_from_slice(&0u16.to_le_bytes()); // disk
                h.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
                h.extend_from_slice(&0u32.to_le_bytes()); // external attrs
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        let local = header(LFH_SIG, false);
        let cd = header(CDH_SIG, true);
        out.extend_from_slice(&local);
        out.extend_from_slice(&payload);
        central.extend_from_slice(&cd);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&EOCD_SIG.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_stored_and_deflated_entries() {
        let text = b"Nixon met Mao in Beijing. ".repeat(40);
        for deflate in [false, true] {
            let z = build(&[("a/b.txt", &text), ("c", b"")], deflate);
            let list = entries(&z).unwrap();
            assert_eq!(list.len(), 2);
            assert_eq!(list[0].name(), "a/b.txt");
            assert_eq!(list[0].read(&z).unwrap(), text);
            assert_eq!(list[1].read(&z).unwrap(), b"");
        }
    }

    #[test]
    fn corrupt_archives_are_errors() {
        assert_eq!(entries(b"not a zip").unwrap_err(), ZipError::NoDirectory);
        let z = build(&[("x.txt", b"hello hello hello")], true);
        // Flip a byte of the compressed payload: inflate or CRC must fail.
        let mut bad = z.clone();
        bad[30 + 5 + 2] ^= 0xFF;
        let list = entries(&bad).unwrap();
        assert!(list[0].read(&bad).is_err());
        // Truncate inside the central directory.
        assert!(entries(&z[..z.len() - 30]).is_err());
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            if let Ok(list) = entries(&bytes) {
                for e in list {
                    let _ = e.read(&bytes);
                }
            }
        }

        #[test]
        fn mutated_zips_never_panic(pos in 0usize..200, val in proptest::num::u8::ANY) {
            let mut z = build(&[("m/n.txt", b"some text to squeeze, some text to squeeze")], true);
            if let Some(b) = z.get_mut(pos) { *b = val; }
            if let Ok(list) = entries(&z) {
                for e in list {
                    let _ = e.read(&z);
                }
            }
        }
    }
}
