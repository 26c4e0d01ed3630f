//! The [`Cameo`] code newtype and [`QuadClass`].

use std::fmt;
use std::str::FromStr;

/// A syntactically valid CAMEO event code: two to four ASCII digits, root `01`..=`20`.
///
/// The leading zero is part of the code ("042", never "42"). Whether the code exists in the
/// CAMEO codebook is a separate question answered by the ontology tables.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cameo {
    // ASCII digits, `len` of them used.
    digits: [u8; 4],
    len: u8,
}

/// Why a string is not a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CameoError {
    /// Not two to four ASCII digits.
    #[error("CAMEO code {0:?} is not 2 to 4 digits")]
    Shape(String),
    /// The first two digits are not a root between 01 and 20.
    #[error("CAMEO code {0:?} has no root between 01 and 20")]
    Root(String),
}

impl Cameo {
    /// The code as written, e.g. `"042"`.
    pub fn as_str(&self) -> &str {
        // Invariant: `digits[..len]` holds ASCII digits only (checked in `from_str`).
        std::str::from_utf8(&self.digits[..usize::from(self.len)]).unwrap_or("")
    }

    /// The two-digit root code, e.g. `"04"` for `"042"`.
    pub fn root(&self) -> Cameo {
        Cameo {
            digits: [self.digits[0], self.digits[1], 0, 0],
            len: 2,
        }
    }

    /// The root as a number, 1..=20.
    pub fn root_number(&self) -> u8 {
        (self.digits[0] - b'0') * 10 + (self.digits[1] - b'0')
    }

    /// The code one level up ("0421" → "042", "042" → "04"); a root has no parent.
    pub fn parent(&self) -> Option<Cameo> {
        (self.len > 2).then(|| {
            let mut digits = self.digits;
            digits[usize::from(self.len) - 1] = 0;
            Cameo {
                digits,
                len: self.len - 1,
            }
        })
    }

    /// Whether this is a two-digit root code.
    pub fn is_root(&self) -> bool {
        self.len == 2
    }

    /// The quad class implied by the root: 01–05 verbal cooperation, 06–09 material cooperation,
    /// 10–14 verbal conflict, 15–20 material conflict.
    pub fn quad_class(&self) -> QuadClass {
        match self.root_number() {
            1..=5 => QuadClass::VerbalCooperation,
            6..=9 => QuadClass::MaterialCooperation,
            10..=14 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }
}

impl FromStr for Cameo {
    type Err = CameoError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if !(2..=4).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(CameoError::Shape(s.to_string()));
        }
        let mut digits = [0u8; 4];
        digits[..bytes.len()].copy_from_slice(bytes);
        let code = Cameo {
            digits,
            len: bytes.len() as u8,
        };
        if !(1..=20).contains(&code.root_number()) {
            return Err(CameoError::Root(s.to_string()));
        }
        Ok(code)
    }
}

impl fmt::Display for Cameo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Cameo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cameo({})", self.as_str())
    }
}

impl serde::Serialize for Cameo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Cameo {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// CAMEO's quad class: the sign and kind of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    /// 1: roots 01–05.
    VerbalCooperation = 1,
    /// 2: roots 06–09.
    MaterialCooperation = 2,
    /// 3: roots 10–14.
    VerbalConflict = 3,
    /// 4: roots 15–20.
    MaterialConflict = 4,
}

impl QuadClass {
    /// The class as its number 1..=4, as event records carry it.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The class from its number 1..=4.
    pub fn from_number(n: u8) -> Option<QuadClass> {
        match n {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
}

impl serde::Serialize for QuadClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> serde::Deserialize<'de> for QuadClass {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        QuadClass::from_number(n)
            .ok_or_else(|| serde::de::Error::custom(format!("quad class {n} is not 1..=4")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_keeps_leading_zero() {
        let c: Cameo = "042".parse().unwrap();
        assert_eq!(c.as_str(), "042");
        assert_eq!(c.root().as_str(), "04");
        assert_eq!(c.parent().unwrap().as_str(), "04");
        assert!(c.root().parent().is_none());
        assert_eq!(c.quad_class(), QuadClass::VerbalCooperation);
        assert_eq!(
            "1823".parse::<Cameo>().unwrap().quad_class(),
            QuadClass::MaterialConflict
        );
    }

    #[test]
    fn rejects_bad_shapes() {
        for bad in ["", "4", "42a", "04211", "00", "21", "990", " 04"] {
            assert!(bad.parse::<Cameo>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn serde_round_trip() {
        let c: Cameo = "0874".parse().unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"0874\"");
        assert_eq!(serde_json::from_str::<Cameo>(&json).unwrap(), c);
        assert!(serde_json::from_str::<Cameo>("\"42\"").is_err());
    }
}
