//! What the tabular writers share: a reusable row buffer that writes TSV or CSV cells, TSV
//! escaping, number and date cells, and the split of an actor code into its role groups.

use std::fmt::Display;
use std::io::Write;

use csv_core::WriteResult;
use dyad_doc::ActorRef;
use dyad_ontology::{PartialDate, Precision};
use jiff::civil::Date;

/// How cells are separated and quoted.
#[derive(Debug)]
enum Dialect {
    /// Tab-separated; text cells have tabs and line breaks replaced by spaces; no quoting.
    Tsv,
    /// Comma-separated, quoted by csv-core where needed (quotes, commas, line breaks).
    Csv(Box<csv_core::Writer>),
}

/// One output line under construction. The buffer is reused from row to row, so writing a row
/// allocates nothing once the buffer has grown to the longest row.
#[derive(Debug)]
pub(crate) struct Row {
    buf: Vec<u8>,
    /// Raw content of the current CSV cell before quoting.
    scratch: Vec<u8>,
    cells: usize,
    dialect: Dialect,
}

impl Row {
    /// A row builder for tab-separated output.
    pub(crate) fn tsv() -> Row {
        Row {
            buf: Vec::with_capacity(1024),
            scratch: Vec::new(),
            cells: 0,
            dialect: Dialect::Tsv,
        }
    }

    /// A row builder for comma-separated output with `\n` line ends.
    pub(crate) fn csv() -> Row {
        let writer = csv_core::WriterBuilder::new()
            .terminator(csv_core::Terminator::Any(b'\n'))
            .quote_style(csv_core::QuoteStyle::Necessary)
            .build();
        Row {
            buf: Vec::with_capacity(1024),
            scratch: Vec::with_capacity(256),
            cells: 0,
            dialect: Dialect::Csv(Box::new(writer)),
        }
    }

    /// Starts a new row, forgetting the previous one.
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
        self.cells = 0;
    }

    /// The number of cells in the current row.
    pub(crate) fn cells(&self) -> usize {
        self.cells
    }

    /// Ends the row with its line terminator and returns its bytes.
    pub(crate) fn finish_line(&mut self) -> &[u8] {
        match &mut self.dialect {
            Dialect::Tsv => self.buf.push(b'\n'),
            Dialect::Csv(w) => encode(&mut self.buf, |out| {
                let (res, n) = w.terminator(out);
                (res, 0, n)
            }),
        }
        &self.buf
    }

    /// Adds a cell whose bytes `fill` writes. `fill` must not write TSV separators; text from
    /// input goes through [`Row::text`] instead.
    fn cell(&mut self, fill: impl FnOnce(&mut Vec<u8>)) {
        let first = self.cells == 0;
        self.cells += 1;
        match &mut self.dialect {
            Dialect::Tsv => {
                if !first {
                    self.buf.push(b'\t');
                }
                fill(&mut self.buf);
            }
            Dialect::Csv(w) => {
                if !first {
                    encode(&mut self.buf, |out| {
                        let (res, n) = w.delimiter(out);
                        (res, 0, n)
                    });
                }
                self.scratch.clear();
                fill(&mut self.scratch);
                let mut input: &[u8] = &self.scratch;
                encode(&mut self.buf, |out| {
                    let (res, nin, nout) = w.field(input, out);
                    input = input.get(nin..).unwrap_or_default();
                    (res, nin, nout)
                });
            }
        }
    }

    /// An empty cell.
    pub(crate) fn empty(&mut self) {
        self.cell(|_| {});
    }

    /// A text cell. In TSV, tabs and line breaks become spaces (see [`push_tsv_text`]).
    pub(crate) fn text(&mut self, s: &str) {
        let tsv = matches!(self.dialect, Dialect::Tsv);
        self.cell(|buf| {
            if tsv {
                push_tsv_text(buf, s)
            } else {
                buf.extend_from_slice(s.as_bytes())
            }
        });
    }

    /// A text cell, empty for `None`.
    pub(crate) fn opt_text(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.text(s),
            None => self.empty(),
        }
    }

    /// A text cell followed by `tail` (whose `Display` never contains a tab or line break).
    pub(crate) fn text_and(&mut self, s: &str, tail: impl Display) {
        let tsv = matches!(self.dialect, Dialect::Tsv);
        self.cell(|buf| {
            if tsv {
                push_tsv_text(buf, s);
            } else {
                buf.extend_from_slice(s.as_bytes());
            }
            // Writing into a Vec cannot fail.
            let _ = write!(buf, "{tail}");
        });
    }

    /// A two-digit number cell ("02"), empty for `None`.
    pub(crate) fn opt_two_digits(&mut self, n: Option<u8>) {
        match n {
            Some(n) => self.display(format_args!("{n:02}")),
            None => self.empty(),
        }
    }

    /// A cell holding a value whose `Display` never contains a tab or line break (numbers,
    /// codes, enum names).
    pub(crate) fn display(&mut self, value: impl Display) {
        // Writing into a Vec cannot fail.
        self.cell(|buf| {
            let _ = write!(buf, "{value}");
        });
    }

    /// A number cell, empty for `None`.
    pub(crate) fn opt_display(&mut self, value: Option<impl Display>) {
        match value {
            Some(v) => self.display(v),
            None => self.empty(),
        }
    }

    /// A floating-point cell written as JSON writes it ("1.9", "-10.0"); empty when the value
    /// is not finite.
    pub(crate) fn float(&mut self, value: f64) {
        self.cell(|buf| push_float(buf, value, value.is_finite()));
    }

    /// An `f32` cell (goldstein, confidence), printed from its own shortest decimal so 1.9f32
    /// reads "1.9"; empty when not finite.
    pub(crate) fn float32(&mut self, value: f32) {
        self.cell(|buf| push_float(buf, value, value.is_finite()));
    }

    /// A float cell, empty for `None`.
    pub(crate) fn opt_float(&mut self, value: Option<f64>) {
        match value {
            Some(v) => self.float(v),
            None => self.empty(),
        }
    }

    /// A cell holding the pieces `parts` yields, joined by `;`. In TSV each piece is escaped.
    pub(crate) fn joined<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        let tsv = matches!(self.dialect, Dialect::Tsv);
        self.cell(|buf| {
            for (i, part) in parts.into_iter().enumerate() {
                if i > 0 {
                    buf.push(b';');
                }
                if tsv {
                    push_tsv_text(buf, part);
                } else {
                    buf.extend_from_slice(part.as_bytes());
                }
            }
        });
    }

    /// A `YYYYMMDD` cell.
    pub(crate) fn yyyymmdd(&mut self, date: Date) {
        self.display(format_args!(
            "{:04}{:02}{:02}",
            date.year(),
            date.month(),
            date.day()
        ));
    }
}

/// Runs one csv-core step `step(output) -> (result, bytes read, bytes written)` against the
/// end of `buf`, growing it until the step reports that its input is used up.
fn encode(buf: &mut Vec<u8>, mut step: impl FnMut(&mut [u8]) -> (WriteResult, usize, usize)) {
    let mut room = 64;
    loop {
        let start = buf.len();
        buf.resize(start + room, 0);
        let (res, _, written) = match buf.get_mut(start..) {
            Some(out) => step(out),
            None => (WriteResult::InputEmpty, 0, 0), // unreachable: we just resized
        };
        buf.truncate(start + written);
        match res {
            WriteResult::InputEmpty => return,
            WriteResult::OutputFull => room = room.saturating_mul(2),
        }
    }
}

/// Whether `c` breaks a TSV row: a tab, or anything Python's `str.splitlines` (and so many
/// line-oriented readers) treats as a line boundary.
pub(crate) fn is_tsv_breaking(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{0B}'
            | '\u{0C}'
            | '\r'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Appends `s` with every row-breaking character replaced by one space. One character becomes
/// one character, so code-point offsets into the text stay valid.
pub(crate) fn push_tsv_text(buf: &mut Vec<u8>, s: &str) {
    // Fast path: none of the ASCII breakers, nor the lead bytes of U+0085 (C2) and
    // U+2028/U+2029 (E2).
    let suspicious = |b: &u8| {
        matches!(
            b,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1C..=0x1E | 0xC2 | 0xE2
        )
    };
    if !s.as_bytes().iter().any(suspicious) {
        buf.extend_from_slice(s.as_bytes());
        return;
    }
    let mut utf8 = [0u8; 4];
    for c in s.chars() {
        if is_tsv_breaking(c) {
            buf.push(b' ');
        } else {
            buf.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }
}

/// Appends a float the way serde_json prints ordinary values: the shortest decimal that reads
/// back to the same value, with ".0" on whole numbers ("1.9", "-10.0"). A non-finite value
/// appends nothing.
pub(crate) fn push_float<T: Display>(buf: &mut Vec<u8>, value: T, finite: bool) {
    if !finite {
        return;
    }
    let start = buf.len();
    // Writing into a Vec cannot fail.
    let _ = write!(buf, "{value}");
    if !buf.get(start..).unwrap_or_default().contains(&b'.') {
        buf.extend_from_slice(b".0");
    }
}

/// The date parts an event date actually knows: `(year, month, day)`, each `None` when finer
/// than the date's precision. A decade knows no year.
pub(crate) fn known_parts(date: Option<&PartialDate>) -> (Option<i16>, Option<u8>, Option<u8>) {
    match date {
        Some(d) => match d.precision() {
            Precision::Day => (Some(d.year_number()), d.month_number(), d.day_number()),
            Precision::Month => (Some(d.year_number()), d.month_number(), None),
            Precision::Year => (Some(d.year_number()), None, None),
            Precision::Decade | Precision::Unknown => (None, None, None),
        },
        None => (None, None, None),
    }
}

/// The role groups of an actor code beyond its country (or IGO) prefix, in order, starting
/// with the sector when there is one: "USAGOVMIL" with country "USA" gives "GOV", "MIL".
///
/// When the code does not start with the country, its first three characters are taken as the
/// country part, as the Phoenix pipeline did.
pub(crate) fn role_groups(actor: &ActorRef) -> RoleGroups<'_> {
    let rest = match actor.code.strip_prefix(actor.country.as_str()) {
        Some(rest) if !actor.country.is_empty() => rest,
        _ => actor
            .code
            .char_indices()
            .nth(3)
            .map_or("", |(i, _)| actor.code.get(i..).unwrap_or("")),
    };
    RoleGroups { rest }
}

/// Iterator over three-character role groups; see [`role_groups`].
#[derive(Debug, Clone)]
pub(crate) struct RoleGroups<'a> {
    rest: &'a str,
}

impl<'a> Iterator for RoleGroups<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let cut = self
            .rest
            .char_indices()
            .nth(3)
            .map_or(self.rest.len(), |(i, _)| i);
        let (group, rest) = self.rest.split_at(cut);
        self.rest = rest;
        Some(group)
    }
}

/// The role groups after the sector: the CAMEO "attributes" of an actor. When the sector is
/// not the first group of the code, every group is an attribute.
pub(crate) fn attribute_groups(actor: &ActorRef) -> RoleGroups<'_> {
    let mut groups = role_groups(actor);
    if let Some(sector) = actor.sector.as_deref()
        && let Some(rest) = groups.rest.strip_prefix(sector)
        && !sector.is_empty()
    {
        groups.rest = rest;
    }
    groups
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn actor(code: &str, country: &str, sector: Option<&str>) -> ActorRef {
        ActorRef {
            code: code.to_string(),
            country: country.to_string(),
            sector: sector.map(str::to_string),
            text: String::new(),
            span: [0, 0],
        }
    }

    #[test]
    fn tsv_text_replaces_every_breaker_one_for_one() {
        let mut buf = Vec::new();
        push_tsv_text(&mut buf, "a\tb\nc\r\nd\u{2028}e\u{85}f — Київ\u{0B}");
        assert_eq!(String::from_utf8(buf).unwrap(), "a b c  d e f — Київ ");
        let mut clean = Vec::new();
        push_tsv_text(&mut clean, "Türkiye “quoted”");
        assert_eq!(clean, "Türkiye “quoted”".as_bytes());
    }

    #[test]
    fn floats_print_like_json() {
        let cases = [
            (1.9f32, "1.9"),
            (-10.0, "-10.0"),
            (0.0, "0.0"),
            (0.75, "0.75"),
            (-2.5, "-2.5"),
        ];
        for (value, want) in cases {
            let mut row = Row::tsv();
            row.float32(value);
            row.float(f64::from(value));
            let line = String::from_utf8(row.finish_line().to_vec()).unwrap();
            assert_eq!(line.split('\t').next(), Some(want));
            assert_eq!(serde_json::to_string(&value).unwrap(), want);
        }
        let mut row = Row::tsv();
        row.float(f64::NAN);
        row.float32(f32::INFINITY);
        row.float(50.4501);
        assert_eq!(row.finish_line(), b"\t\t50.4501\n");
    }

    #[test]
    fn role_groups_split_codes() {
        fn groups(a: &ActorRef) -> Vec<&str> {
            role_groups(a).collect()
        }
        fn attrs(a: &ActorRef) -> Vec<&str> {
            attribute_groups(a).collect()
        }
        let gov = actor("RUSGOV", "RUS", Some("GOV"));
        assert_eq!(groups(&gov), ["GOV"]);
        assert!(attrs(&gov).is_empty());
        let mil = actor("USAGOVMILREL", "USA", Some("GOV"));
        assert_eq!(groups(&mil), ["GOV", "MIL", "REL"]);
        assert_eq!(attrs(&mil), ["MIL", "REL"]);
        let un = actor("IGOUNO", "IGOUNO", None);
        assert!(groups(&un).is_empty());
        // Sector not first: every group is an attribute.
        let odd = actor("FRAELIGOV", "FRA", Some("GOV"));
        assert_eq!(attrs(&odd), ["ELI", "GOV"]);
        // Code not starting with the country: first three characters are the country part.
        let other = actor("SUNMIL", "RUS", None);
        assert_eq!(groups(&other), ["MIL"]);
        // Short and non-ASCII codes never panic.
        assert!(groups(&actor("X", "", None)).is_empty());
        assert_eq!(groups(&actor("ÄÖÜßxyzq", "", None)), ["ßxy", "zq"]);
    }

    #[test]
    fn known_parts_follow_precision() {
        let p = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(
            known_parts(Some(&p("2024-06-19"))),
            (Some(2024), Some(6), Some(19))
        );
        assert_eq!(
            known_parts(Some(&p("1972-02"))),
            (Some(1972), Some(2), None)
        );
        assert_eq!(known_parts(Some(&p("1956"))), (Some(1956), None, None));
        assert_eq!(known_parts(Some(&p("196X"))), (None, None, None));
        assert_eq!(known_parts(None), (None, None, None));
    }

    #[test]
    fn csv_rows_quote_what_needs_it() {
        let mut row = Row::csv();
        row.text("plain");
        row.text("a,b");
        row.text("say \"no\"\nnow");
        row.empty();
        row.float(1.5);
        assert_eq!(row.cells(), 5);
        assert_eq!(
            row.finish_line(),
            b"plain,\"a,b\",\"say \"\"no\"\"\nnow\",,1.5\n"
        );
        row.clear();
        row.text("x");
        assert_eq!(row.finish_line(), b"x\n");
    }

    #[test]
    fn tsv_rows_join_with_tabs() {
        let mut row = Row::tsv();
        row.text("a\tb");
        row.empty();
        row.joined(["x", "y\nz"]);
        row.yyyymmdd(jiff::civil::date(972, 2, 1));
        assert_eq!(row.finish_line(), b"a b\t\tx;y z\t09720201\n");
    }

    proptest! {
        #[test]
        fn tsv_text_never_breaks_a_row(s in "\\PC*|[\\t\\n\\r\\u{2028}a-z]*") {
            let mut buf = Vec::new();
            push_tsv_text(&mut buf, &s);
            let out = String::from_utf8(buf).unwrap();
            prop_assert!(!out.chars().any(is_tsv_breaking));
            prop_assert_eq!(out.chars().count(), s.chars().count());
        }

        #[test]
        fn role_groups_never_panic_and_cover_the_code(code in "\\PC{0,12}", country in "\\PC{0,4}") {
            let a = actor(&code, &country, Some("GOV"));
            let joined: String = role_groups(&a).collect();
            prop_assert!(code.ends_with(&joined));
            let _ = attribute_groups(&a).count();
        }
    }
}
