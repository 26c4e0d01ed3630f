//! Named f32 tensors and a small reader/writer for the safetensors layout.
//!
//! File layout (the safetensors format, restricted to `F32`): an 8-byte little-endian header length `n`,
//! `n` bytes of JSON `{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
//! "__metadata__": {str: str}}`, then the data; offsets are relative to the end of the header and
//! the data is little-endian.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A dense row-major f32 array with its shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    shape: Vec<usize>,
    data: Vec<f32>,
}

impl Tensor {
    /// A tensor from a shape and row-major data; `None` when the sizes disagree.
    pub fn new(shape: Vec<usize>, data: Vec<f32>) -> Option<Tensor> {
        let n = shape
            .iter()
            .try_fold(1usize, |acc, &d| acc.checked_mul(d))?;
        (n == data.len()).then_some(Tensor { shape, data })
    }

    /// The dimensions, outermost first.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The values, row-major.
    pub fn data(&self) -> &[f32] {
        &self.data
    }
}

/// A set of named tensors, ordered by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tensors {
    map: BTreeMap<String, Tensor>,
}

/// Why a tensor file could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TensorFileError {
    #[error("file is shorter than its header says")]
    Truncated,
    #[error("header is not valid JSON: {0}")]
    Header(#[from] serde_json::Error),
    #[error("tensor `{name}`: {detail}")]
    Bad { name: String, detail: String },
}

#[derive(Serialize, Deserialize)]
struct Entry {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [usize; 2],
}

impl Tensors {
    /// Add or replace a tensor.
    pub(crate) fn insert(&mut self, name: impl Into<String>, t: Tensor) {
        self.map.insert(name.into(), t);
    }

    /// The tensor called `name`.
    pub fn get(&self, name: &str) -> Option<&Tensor> {
        self.map.get(name)
    }

    /// Names and tensors, ordered by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Tensor)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many tensors there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Serialise in the safetensors layout, with `metadata` in `__metadata__`.
    pub(crate) fn to_bytes(&self, metadata: &BTreeMap<String, String>) -> Vec<u8> {
        let mut header = serde_json::Map::new();
        let mut offset = 0usize;
        for (name, t) in &self.map {
            let len = t.data.len() * 4;
            let entry = Entry {
                dtype: "F32".to_owned(),
                shape: t.shape.clone(),
                data_offsets: [offset, offset + len],
            };
            // Serialising a plain struct of strings and integers cannot fail.
            header.insert(
                name.clone(),
                serde_json::to_value(entry).unwrap_or(serde_json::Value::Null),
            );
            offset += len;
        }
        if !metadata.is_empty() {
            header.insert(
                "__metadata__".to_owned(),
                serde_json::Value::Object(
                    metadata
                        .iter()
                        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                        .collect(),
                ),
            );
        }
        let mut head = serde_json::Value::Object(header).to_string().into_bytes();
        // Pad the header with spaces so the data starts 8-byte aligned, as safetensors writers do.
        while !(head.len() + 8).is_multiple_of(8) {
            head.push(b' ');
        }
        let mut out = Vec::with_capacity(8 + head.len() + offset);
        out.extend_from_slice(&(head.len() as u64).to_le_bytes());
        out.extend_from_slice(&head);
        for t in self.map.values() {
            for v in &t.data {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Parse the safetensors layout; returns the tensors and the `__metadata__` map.
    pub(crate) fn from_bytes(
        bytes: &[u8],
    ) -> Result<(Tensors, BTreeMap<String, String>), TensorFileError> {
        let (len_bytes, rest) = bytes
            .split_first_chunk::<8>()
            .ok_or(TensorFileError::Truncated)?;
        let n = usize::try_from(u64::from_le_bytes(*len_bytes))
            .map_err(|_| TensorFileError::Truncated)?;
        let head = rest.get(..n).ok_or(TensorFileError::Truncated)?;
        let data = rest.get(n..).ok_or(TensorFileError::Truncated)?;
        let header: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(head)?;
        let mut tensors = Tensors::default();
        let mut metadata = BTreeMap::new();
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = serde_json::from_value(value)?;
                continue;
            }
            let bad = |detail: &str| TensorFileError::Bad {
                name: name.clone(),
                detail: detail.to_owned(),
            };
            let entry: Entry = serde_json::from_value(value)?;
            if entry.dtype != "F32" {
                return Err(bad(&format!("dtype {} (only F32 is used)", entry.dtype)));
            }
            let [begin, end] = entry.data_offsets;
            let raw = data
                .get(begin..end)
                .ok_or_else(|| bad("data offsets outside the file"))?;
            if raw.len() % 4 != 0 {
                return Err(bad("data length is not a multiple of 4"));
            }
            let values: Vec<f32> = raw
                .chunks_exact(4)
                // `chunks_exact(4)` yields slices of exactly four bytes.
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            let t = Tensor::new(entry.shape, values)
                .ok_or_else(|| bad("shape does not match data length"))?;
            tensors.insert(name, t);
        }
        Ok((tensors, metadata))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sample() -> Tensors {
        let mut t = Tensors::default();
        t.insert(
            "a.W",
            Tensor::new(vec![2, 3], vec![1.0, -2.0, 3.5, 0.0, f32::MIN, 7.25]).unwrap(),
        );
        t.insert("b", Tensor::new(vec![1], vec![0.5]).unwrap());
        t.insert("empty", Tensor::new(vec![0, 4], vec![]).unwrap());
        t
    }

    #[test]
    fn round_trip_keeps_names_shapes_values_and_metadata() {
        let mut meta = BTreeMap::new();
        meta.insert("source".to_owned(), "test".to_owned());
        let bytes = sample().to_bytes(&meta);
        let (back, meta_back) = Tensors::from_bytes(&bytes).unwrap();
        assert_eq!(back, sample());
        assert_eq!(meta_back, meta);
        // Data starts 8-byte aligned.
        let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        assert_eq!((8 + n) % 8, 0);
    }

    #[test]
    fn shape_mismatch_is_rejected() {
        assert!(Tensor::new(vec![2, 2], vec![1.0]).is_none());
        assert!(Tensor::new(vec![usize::MAX, 2], vec![]).is_none());
    }

    #[test]
    fn truncated_files_are_errors() {
        let bytes = sample().to_bytes(&BTreeMap::new());
        for cut in [0, 4, 8, 20, bytes.len() - 1] {
            assert!(Tensors::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = Tensors::from_bytes(&bytes);
        }
    }
}
