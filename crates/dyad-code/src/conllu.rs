//! Reading CoNLL-U into a [`Parse`], so that tests (and users with parses from elsewhere) can
//! state the tree they assume and code it without the parser's weights.
//!
//! Columns: ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS (ignored), MISC. HEAD 0 makes
//! the token a root (its own head, as in [`Parse`]). Multi-word token lines (`1-2`) and empty
//! nodes (`1.1`) are skipped. MISC may carry `SpaceAfter=No`, `TokenRange=start:end` (code
//! points into the original text, as `dyad parse --format conllu` writes) and `NER=B-GPE`.
//! A blank line ends a sentence. Heads are not checked: a head outside the sentence is kept as
//! written (the coder treats such a token as a root), so malformed trees can be tested too.

use std::ops::Range;
use std::sync::Arc;

use dyad_doc::Span;
use dyad_doc::parse::{EntIob, EntityRecord, Labels, Parse, Pos, TokenRecord};

/// A CoNLL-U line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

struct Row {
    form: String,
    lemma: String,
    upos: String,
    xpos: String,
    feats: String,
    head: usize,
    dep: String,
    space_after: bool,
    range: Option<(usize, usize)>,
    ner: Option<(EntIob, String)>,
}

fn read_rows(src: &str) -> Result<Vec<Vec<Row>>, ConlluError> {
    let mut sents = Vec::new();
    let mut cur: Vec<Row> = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            return Err(ConlluError {
                line: line_no,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head: usize = cols[6].parse().map_err(|_| ConlluError {
            line: line_no,
            message: format!("HEAD {:?} is not a number", cols[6]),
        })?;
        let misc = cols.get(9).copied().unwrap_or("_");
        let mut space_after = true;
        let mut range = None;
        let mut ner = None;
        for item in misc.split('|') {
            if item == "SpaceAfter=No" {
                space_after = false;
            } else if let Some(r) = item.strip_prefix("TokenRange=") {
                if let Some((a, b)) = r.split_once(':')
                    && let (Ok(a), Ok(b)) = (a.parse(), b.parse())
                {
                    range = Some((a, b));
                }
            } else if let Some(tag) = item.strip_prefix("NER=") {
                ner = Some(match tag.split_once('-') {
                    Some(("B", t)) => (EntIob::B, t.to_owned()),
                    Some(("I", t)) => (EntIob::I, t.to_owned()),
                    _ => (EntIob::O, String::new()),
                });
            }
        }
        let field = |s: &str| if s == "_" { String::new() } else { unescape(s) };
        cur.push(Row {
            form: unescape(cols[1]),
            lemma: field(cols[2]),
            upos: field(cols[3]),
            xpos: field(cols[4]),
            feats: field(cols[5]),
            head,
            dep: field(cols[7]),
            space_after,
            range,
            ner,
        });
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    Ok(sents)
}

fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    s.replace("\\t", "\t")
        .replace("\\n", "\n")
        .replace("\\r", "\r")
}

/// Reads CoNLL-U and rebuilds the text from the forms (a space after each token unless
/// `SpaceAfter=No`; sentences joined by a space). Returns the text and its parse.
pub fn parse_conllu(src: &str) -> Result<(String, Parse), ConlluError> {
    let sents = read_rows(src)?;
    let mut text = String::new();
    let mut spans = Vec::new();
    for (si, sent) in sents.iter().enumerate() {
        if si > 0 && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        for row in sent {
            let start = text.len();
            text.push_str(&row.form);
            spans.push(Span::new(start, text.len()));
            if row.space_after {
                text.push(' ');
            }
        }
    }
    let parse = build(&sents, &spans, &text);
    Ok((text, parse))
}

/// Reads CoNLL-U whose MISC column carries `TokenRange=start:end` code-point offsets into
/// `text` (what `dyad parse --format conllu` writes); tokens without a range, or with one
/// outside the text, get an empty span at the end of the previous token.
pub fn parse_conllu_for_text(src: &str, text: &str) -> Result<Parse, ConlluError> {
    let sents = read_rows(src)?;
    // Code point -> byte offset.
    let mut bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes_at.push(text.len());
    let mut spans = Vec::new();
    let mut last = 0;
    for sent in &sents {
        for row in sent {
            let span = row
                .range
                .and_then(|(a, b)| Some(Span::new(*bytes_at.get(a)?, *bytes_at.get(b)?)))
                .unwrap_or(Span::new(last, last));
            last = span.end;
            spans.push(span);
        }
    }
    Ok(build(&sents, &spans, text))
}

fn build(sents: &[Vec<Row>], spans: &[Span], text: &str) -> Parse {
    let mut labels = Labels::default();
    let mut tokens = Vec::new();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut ents = Vec::new();
    let mut open: Option<EntityRecord> = None;
    let mut k = 0;
    for sent in sents {
        let base = tokens.len();
        for (i, row) in sent.iter().enumerate() {
            let span = spans.get(k).copied().unwrap_or_default();
            k += 1;
            let head = if row.head == 0 {
                base + i
            } else {
                base + row.head - 1
            };
            let (iob, ent) = match &row.ner {
                Some((iob, t)) => (*iob, labels.intern(t)),
                None => (EntIob::Missing, 0),
            };
            let idx = tokens.len();
            match iob {
                EntIob::B => {
                    if let Some(e) = open.take() {
                        ents.push(e);
                    }
                    open = Some(EntityRecord {
                        start: idx,
                        end: idx + 1,
                        label: ent,
                    });
                }
                EntIob::I => {
                    if let Some(e) = open.as_mut() {
                        e.end = idx + 1;
                    }
                }
                _ => {
                    if let Some(e) = open.take() {
                        ents.push(e);
                    }
                }
            }
            let whitespace = text.as_bytes().get(span.end) == Some(&b' ');
            tokens.push(TokenRecord {
                span,
                whitespace,
                tag: labels.intern(&row.xpos),
                pos: Pos::from_name(&row.upos),
                morph: labels.intern(&row.feats),
                lemma: if row.lemma.is_empty() {
                    row.form.to_lowercase()
                } else {
                    row.lemma.clone()
                },
                head,
                dep: labels.intern(&row.dep),
                ent_iob: iob,
                ent_type: ent,
            });
        }
        ranges.push(base..tokens.len());
    }
    if let Some(e) = open.take() {
        ents.push(e);
    }
    Parse::new(tokens, ranges, ents, Arc::new(labels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_tree() {
        let src = "# text = Arnor attacked Gondor.\n\
                   1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-GPE\n\
                   2\tattacked\tattack\tVERB\tVBD\t_\t0\tROOT\t_\tNER=O\n\
                   3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tdobj\t_\tSpaceAfter=No|NER=B-GPE\n\
                   4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O\n\n\
                   1\tYes\tyes\tINTJ\tUH\t_\t0\tROOT\t_\t_\n";
        let (text, parse) = parse_conllu(src).unwrap();
        assert_eq!(text, "Arnor attacked Gondor. Yes ");
        assert_eq!(parse.len(), 5);
        assert_eq!(parse.sents(), &[0..4, 4..5]);
        let t = parse.token(2).unwrap();
        assert_eq!((t.text(&text), t.head(), t.dep()), ("Gondor", 1, "dobj"));
        assert_eq!(parse.token(4).unwrap().head(), 4);
        assert_eq!(parse.ents().count(), 2);
    }

    #[test]
    fn token_ranges_map_to_bytes() {
        let text = "Émile met Kim.";
        let src = "1\tÉmile\tÉmile\tPROPN\tNNP\t_\t2\tnsubj\t_\tTokenRange=0:5\n\
                   2\tmet\tmeet\tVERB\tVBD\t_\t0\tROOT\t_\tTokenRange=6:9\n\
                   3\tKim\tKim\tPROPN\tNNP\t_\t2\tdobj\t_\tTokenRange=10:13\n";
        let parse = parse_conllu_for_text(src, text).unwrap();
        assert_eq!(parse.token(0).unwrap().text(text), "Émile");
        assert_eq!(parse.token(2).unwrap().text(text), "Kim");
    }

    #[test]
    fn bad_lines_are_errors() {
        assert_eq!(parse_conllu("1\tx\n").unwrap_err().line, 1);
        assert!(parse_conllu("1\tx\tx\tX\tX\t_\tzz\tdep\t_\t_\n").is_err());
    }
}
