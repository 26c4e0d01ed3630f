//! Byte streams: transparent gzip/zstd decoding and bounded line reading, shared by every format.

use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;

use crate::IngestErrorKind;
use crate::options::Codec;

/// Read buffer size, for raw and decoded bytes alike.
pub(crate) const BUF_SIZE: usize = 256 * 1024;

/// A decoded byte stream and the codec it was decoded with.
pub(crate) struct Stream {
    pub(crate) reader: Box<dyn BufRead + Send>,
    pub(crate) codec: Option<Codec>,
}

impl Stream {
    /// Decode `raw` with `codec`, or, when that is `None`, with the codec its first bytes name
    /// (none if they name none). Fails only if those first bytes cannot be read.
    pub(crate) fn open(mut raw: Box<dyn Read + Send>, codec: Option<Codec>) -> io::Result<Stream> {
        let mut head = [0u8; 4];
        let n = read_head(&mut raw, &mut head)?;
        let codec = codec.or_else(|| Codec::sniff(head.get(..n).unwrap_or_default()));
        let bytes =
            BufReader::with_capacity(BUF_SIZE, io::Cursor::new(head).take(n as u64).chain(raw));
        let reader: Box<dyn BufRead + Send> = match codec {
            None => Box::new(bytes),
            Some(Codec::Gzip) => Box::new(BufReader::with_capacity(
                BUF_SIZE,
                MultiGzDecoder::new(bytes),
            )),
            Some(Codec::Zstd) => Box::new(BufReader::with_capacity(
                BUF_SIZE,
                zstd::stream::read::Decoder::with_buffer(bytes)?,
            )),
        };
        Ok(Stream { reader, codec })
    }

    /// The error kind for a read that failed part way.
    #[cold]
    pub(crate) fn read_error(&self, error: io::Error) -> IngestErrorKind {
        match self.codec {
            Some(codec) => IngestErrorKind::Decompress {
                codec: codec.name(),
                error,
            },
            None => IngestErrorKind::Read(error),
        }
    }
}

/// Fill `head` as far as the stream allows (short reads from pipes are retried); the count read.
fn read_head(raw: &mut dyn Read, head: &mut [u8; 4]) -> io::Result<usize> {
    let mut n = 0;
    while let Some(rest) = head.get_mut(n..) {
        if rest.is_empty() {
            break;
        }
        match raw.read(rest) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// What [`read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// End of stream; nothing was read.
    Eof,
    /// One line is in the buffer, with its `\n` if it had one.
    Line,
    /// The line was longer than the limit; it was consumed but not kept. Its length in bytes.
    TooLong(u64),
}

/// Read one line (through `\n` or to end of stream) into `buf`, which is cleared first.
/// A line longer than `max` bytes (not counting its `\n`) is consumed without being stored.
pub(crate) fn read_line<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<LineRead> {
    buf.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (available.get(..=i).unwrap_or(available), true),
            None => (available, false),
        };
        let n = chunk.len();
        total += n as u64;
        if !too_long {
            let content = buf.len() + n - usize::from(done);
            if content > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(n);
        if done {
            break;
        }
    }
    Ok(if total == 0 {
        LineRead::Eof
    } else if too_long {
        LineRead::TooLong(total)
    } else {
        LineRead::Line
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Write;

    fn lines(input: &[u8], max: usize, cap: usize) -> Vec<(LineRead, Vec<u8>)> {
        let mut r = BufReader::with_capacity(cap, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let got = read_line(&mut r, &mut buf, max).unwrap();
            if got == LineRead::Eof {
                return out;
            }
            out.push((got, buf.clone()));
        }
    }

    #[test]
    fn lines_with_and_without_final_newline() {
        for cap in [1, 2, 3, 64] {
            let got = lines(b"ab\n\ncd", 10, cap);
            assert_eq!(
                got,
                vec![
                    (LineRead::Line, b"ab\n".to_vec()),
                    (LineRead::Line, b"\n".to_vec()),
                    (LineRead::Line, b"cd".to_vec())
                ],
                "cap {cap}"
            );
        }
    }

    #[test]
    fn long_lines_are_skipped_not_kept() {
        for cap in [1, 4, 64] {
            let got = lines(b"abcdef\nabc\nabcd", 3, cap);
            assert_eq!(
                got,
                vec![
                    (LineRead::TooLong(7), Vec::new()),
                    (LineRead::Line, b"abc\n".to_vec()),
                    (LineRead::TooLong(4), Vec::new())
                ],
                "cap {cap}"
            );
        }
    }

    #[test]
    fn codec_is_sniffed_when_not_named() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"hello\n").unwrap();
        let gz = gz.finish().unwrap();
        let zst = zstd::stream::encode_all(&b"hello\n"[..], 1).unwrap();
        for (bytes, codec) in [
            (gz, Some(Codec::Gzip)),
            (zst, Some(Codec::Zstd)),
            (b"hello\n".to_vec(), None),
        ] {
            let mut s = Stream::open(Box::new(io::Cursor::new(bytes)), None).unwrap();
            assert_eq!(s.codec, codec);
            let mut out = String::new();
            s.reader.read_to_string(&mut out).unwrap();
            assert_eq!(out, "hello\n");
        }
    }

    #[test]
    fn tiny_and_empty_streams() {
        for bytes in [&b""[..], b"x", b"\x1f"] {
            let mut s = Stream::open(Box::new(io::Cursor::new(bytes.to_vec())), None).unwrap();
            let mut out = Vec::new();
            s.reader.read_to_end(&mut out).unwrap();
            assert_eq!(out, bytes);
        }
    }
}
