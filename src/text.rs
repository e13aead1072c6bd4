//! Positions in article text.
//!
//! gloss keeps text as UTF-8 and works in byte offsets internally, because
//! that is what `regex` and `aho-corasick` report. brat standoff counts Unicode
//! code points, and LSP clients count UTF-16 or UTF-8 code units or code
//! points, so every conversion goes through a [`LineIndex`] built once per text.

use std::ops::Range;

/// How a client counts columns within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

/// A zero-based line and column, the column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, plus enough to convert between byte offsets,
/// code-point offsets and line/column positions without rescanning the text.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset where each line starts. A line ends after `\n`, after a
    /// `\r` not followed by `\n`, or at the end of the text.
    line_starts: Vec<usize>,
    /// Code-point offset of each line start (same length as `line_starts`).
    char_starts: Vec<usize>,
    /// UTF-16 offset of each line start (same length as `line_starts`).
    utf16_starts: Vec<usize>,
    /// Whether each line is pure ASCII (then every encoding agrees).
    ascii: Vec<bool>,
    /// Checkpoints about every [`CHECKPOINT`] bytes, on char boundaries:
    /// byte, code-point and UTF-16 offsets of the same place. Conversions
    /// on non-ASCII text scan from the nearest checkpoint, never from the
    /// start of a line, so a 20 MB one-line article costs no more per
    /// conversion than a short one.
    cp_bytes: Vec<usize>,
    cp_chars: Vec<usize>,
    cp_utf16: Vec<usize>,
    len: usize,
    chars: usize,
}

/// Bytes between checkpoints of a [`LineIndex`].
const CHECKPOINT: usize = 512;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut char_starts = vec![0];
        let mut utf16_starts = vec![0];
        let mut ascii = Vec::new();
        let mut cp_bytes = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut cp_chars = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut cp_utf16 = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut next_cp = 0;
        let mut line_ascii = true;
        let mut chars = 0usize;
        let mut utf16 = 0usize;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b >= 0x80 {
                line_ascii = false;
            }
            // Count code points: every byte that is not a continuation byte.
            if (b & 0xC0) != 0x80 {
                if i >= next_cp {
                    cp_bytes.push(i);
                    cp_chars.push(chars);
                    cp_utf16.push(utf16);
                    next_cp = i + CHECKPOINT;
                }
                chars += 1;
                utf16 += if b >= 0xF0 { 2 } else { 1 };
            }
            let is_break = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            i += 1;
            if is_break {
                line_starts.push(i);
                char_starts.push(chars);
                utf16_starts.push(utf16);
                ascii.push(line_ascii);
                line_ascii = true;
            }
        }
        ascii.push(line_ascii);
        cp_bytes.push(bytes.len());
        cp_chars.push(chars);
        cp_utf16.push(utf16);
        LineIndex {
            line_starts,
            char_starts,
            utf16_starts,
            ascii,
            cp_bytes,
            cp_chars,
            cp_utf16,
            len: bytes.len(),
            chars,
        }
    }

    pub fn len_bytes(&self) -> usize {
        self.len
    }

    pub fn len_chars(&self) -> usize {
        self.chars
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of a line, including its line break.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        Some(start..end)
    }

    /// The zero-based line holding a byte offset (clamped to the text).
    pub fn line_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        match self.line_starts.binary_search(&byte) {
            Ok(l) => l,
            Err(l) => l - 1,
        }
    }

    /// The last checkpoint at or before a position, by one of the
    /// checkpoint columns.
    fn checkpoint(col: &[usize], at: usize) -> usize {
        col.partition_point(|&x| x <= at).saturating_sub(1)
    }

    /// Code-point and UTF-16 offsets of a byte offset on a char boundary.
    fn units_at(&self, text: &str, byte: usize) -> (usize, usize) {
        let k = Self::checkpoint(&self.cp_bytes, byte);
        let from = self.cp_bytes.get(k).copied().unwrap_or(0);
        let seg = &text[from..byte];
        let (mut c, mut u) = (
            self.cp_chars.get(k).copied().unwrap_or(0),
            self.cp_utf16.get(k).copied().unwrap_or(0),
        );
        for ch in seg.chars() {
            c += 1;
            u += ch.len_utf16();
        }
        (c, u)
    }

    /// Byte offset of a place given in code points (`utf16 == false`) or
    /// UTF-16 units, rounded down to a char boundary, at most `limit`.
    fn byte_at(&self, text: &str, want: usize, utf16: bool, limit: usize) -> usize {
        let col = if utf16 {
            &self.cp_utf16
        } else {
            &self.cp_chars
        };
        let k = Self::checkpoint(col, want);
        let mut byte = self.cp_bytes.get(k).copied().unwrap_or(0);
        let mut units = col.get(k).copied().unwrap_or(0);
        if byte >= limit {
            return limit;
        }
        for ch in text[byte..limit].chars() {
            let w = if utf16 { ch.len_utf16() } else { 1 };
            if units + w > want {
                return byte;
            }
            units += w;
            byte += ch.len_utf8();
        }
        limit
    }

    /// Code-point offset of a byte offset. Offsets inside a character round down.
    pub fn byte_to_char(&self, text: &str, byte: usize) -> usize {
        let byte = floor_char_boundary(text, byte.min(self.len));
        let line = self.line_of(byte);
        let start = self.line_starts[line];
        if self.ascii[line] {
            self.char_starts[line] + (byte - start)
        } else {
            self.units_at(text, byte).0
        }
    }

    /// Byte offset of a code-point offset, or `None` past the end of the text.
    pub fn char_to_byte(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.chars {
            return None;
        }
        let line = match self.char_starts.binary_search(&ch) {
            Ok(l) => l,
            Err(l) => l - 1,
        };
        let start = self.line_starts[line];
        let within = ch - self.char_starts[line];
        if self.ascii[line] {
            return Some(start + within);
        }
        Some(self.byte_at(text, ch, false, self.len))
    }

    /// Line and column of a byte offset, the column counted in `enc`.
    pub fn line_col(&self, text: &str, byte: usize, enc: Encoding) -> LineCol {
        let byte = floor_char_boundary(text, byte.min(self.len));
        let line = self.line_of(byte);
        let start = self.line_starts[line];
        let col = if self.ascii[line] {
            byte - start
        } else {
            match enc {
                Encoding::Utf8 => byte - start,
                Encoding::Utf16 => self.units_at(text, byte).1 - self.utf16_starts[line],
                Encoding::Utf32 => self.units_at(text, byte).0 - self.char_starts[line],
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Byte offset of a line and column. A column past the end of the line
    /// clamps to the line end (before its break), as the LSP asks; a line past
    /// the end of the text clamps to the end of the text. A column inside a
    /// character rounds down to the character's start.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        let Some(range) = self.line_range(pos.line as usize) else {
            return self.len;
        };
        let line_text = &text[range.clone()];
        let content_len = line_text.trim_end_matches(['\n', '\r']).len();
        let content_end = range.start + content_len;
        let want = pos.col as usize;
        if self.ascii[pos.line as usize] {
            return range.start + want.min(content_len);
        }
        let line = pos.line as usize;
        match enc {
            Encoding::Utf8 => {
                floor_char_boundary(text, range.start.saturating_add(want).min(content_end))
            }
            Encoding::Utf16 => self.byte_at(
                text,
                self.utf16_starts[line].saturating_add(want),
                true,
                content_end,
            ),
            Encoding::Utf32 => self.byte_at(
                text,
                self.char_starts[line].saturating_add(want),
                false,
                content_end,
            ),
        }
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Decode article bytes: strips a UTF-8 byte-order mark and replaces invalid
/// sequences. Returns the text and whether anything had to be replaced.
///
/// The byte-order mark is kept out of the text on purpose: brat counts offsets
/// from the first character after it.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_agree_on_mixed_text() {
        let text = "ab\né😀x\r\nlast\rcr";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        let e = text.find('x').unwrap();
        assert_eq!(idx.byte_to_char(text, e), 5);
        assert_eq!(idx.char_to_byte(text, 5), Some(e));
        assert_eq!(
            idx.line_col(text, e, Encoding::Utf16),
            LineCol { line: 1, col: 3 }
        );
        assert_eq!(
            idx.line_col(text, e, Encoding::Utf8),
            LineCol { line: 1, col: 6 }
        );
        assert_eq!(
            idx.line_col(text, e, Encoding::Utf32),
            LineCol { line: 1, col: 2 }
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 1, col: 3 }, Encoding::Utf16),
            e
        );
        // Past the end of a line clamps before the break.
        assert_eq!(
            idx.offset(text, LineCol { line: 1, col: 99 }, Encoding::Utf16),
            e + 1
        );
        let cr = text.find("cr").unwrap();
        assert_eq!(
            idx.line_col(text, cr, Encoding::Utf16),
            LineCol { line: 3, col: 0 }
        );
    }

    /// Regression: conversions on a non-ASCII line scanned from the start
    /// of the line, so resolving a few hundred annotations on a one-line
    /// 20 MB article took longer than anyone would wait.
    #[test]
    fn conversions_on_a_long_non_ascii_line_agree_with_a_scan() {
        let text = "naïve 😀 délégués; ".repeat(2000) + "end";
        let idx = LineIndex::new(&text);
        for (i, (b, c)) in text.char_indices().enumerate().step_by(37) {
            let _ = c;
            assert_eq!(idx.byte_to_char(&text, b), i);
            assert_eq!(idx.char_to_byte(&text, i), Some(b));
            let u16 = text[..b].encode_utf16().count() as u32;
            let lc = idx.line_col(&text, b, Encoding::Utf16);
            assert_eq!(lc, LineCol { line: 0, col: u16 });
            assert_eq!(idx.offset(&text, lc, Encoding::Utf16), b);
            let lc = idx.line_col(&text, b, Encoding::Utf32);
            assert_eq!(lc.col as usize, i);
            assert_eq!(idx.offset(&text, lc, Encoding::Utf32), b);
        }
        let n = text.chars().count();
        assert_eq!(idx.char_to_byte(&text, n), Some(text.len()));
        assert_eq!(idx.char_to_byte(&text, n + 1), None);
        let far = LineCol {
            line: 0,
            col: u32::MAX,
        };
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            assert_eq!(idx.offset(&text, far, enc), text.len());
        }
    }

    #[test]
    fn decode_strips_bom_and_reports_invalid_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi"), ("hi".to_string(), false));
        let (s, lossy) = decode(b"a\xffb");
        assert!(lossy);
        assert_eq!(s, "a\u{FFFD}b");
    }
}
