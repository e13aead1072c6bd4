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

/// Offsets into one text, stored in 32 bits when the text is shorter than
/// 4 GiB (always, in practice): half the memory of `usize` for the line
/// starts of every article the language server holds.
#[derive(Debug, Clone)]
enum Offsets {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Default for Offsets {
    fn default() -> Offsets {
        Offsets::Narrow(Vec::new())
    }
}

impl Offsets {
    /// Empty offsets for a text of `len` bytes.
    fn for_len(len: usize, capacity: usize) -> Offsets {
        if u32::try_from(len).is_ok() {
            Offsets::Narrow(Vec::with_capacity(capacity))
        } else {
            Offsets::Wide(Vec::with_capacity(capacity))
        }
    }

    fn push(&mut self, x: usize) {
        match self {
            // `for_len` chose Narrow only when every offset fits.
            Offsets::Narrow(v) => v.push(x as u32),
            Offsets::Wide(v) => v.push(x),
        }
    }

    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Offsets::Narrow(v) => v.get(i).map(|&x| x as usize),
            Offsets::Wide(v) => v.get(i).copied(),
        }
    }

    fn len(&self) -> usize {
        match self {
            Offsets::Narrow(v) => v.len(),
            Offsets::Wide(v) => v.len(),
        }
    }

    fn shrink_to_fit(&mut self) {
        match self {
            Offsets::Narrow(v) => v.shrink_to_fit(),
            Offsets::Wide(v) => v.shrink_to_fit(),
        }
    }

    /// The number of leading offsets for which `pred` holds (they are sorted).
    fn partition_point(&self, pred: impl Fn(usize) -> bool) -> usize {
        match self {
            Offsets::Narrow(v) => v.partition_point(|&x| pred(x as usize)),
            Offsets::Wide(v) => v.partition_point(|&x| pred(x)),
        }
    }

    /// The index of the last offset at or before `x` (0 when none is).
    fn last_at_or_before(&self, x: usize) -> usize {
        self.partition_point(|o| o <= x).saturating_sub(1)
    }
}

/// Line starts of one text, plus enough to convert between byte offsets,
/// code-point offsets and line/column positions without rescanning the text.
///
/// For a pure ASCII text (most news articles) only the line starts are
/// kept: every encoding agrees there, so the other columns would repeat them.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset where each line starts. A line ends after `\n`, after a
    /// `\r` not followed by `\n`, or at the end of the text.
    line_starts: Offsets,
    /// Code-point offset of each line start (same length as `line_starts`;
    /// empty for an ASCII text).
    char_starts: Offsets,
    /// UTF-16 offset of each line start (same length as `line_starts`;
    /// empty for an ASCII text).
    utf16_starts: Offsets,
    /// Whether each line is pure ASCII (then every encoding agrees); empty
    /// for an ASCII text.
    ascii: Vec<bool>,
    /// Checkpoints about every [`CHECKPOINT`] bytes, on char boundaries:
    /// byte, code-point and UTF-16 offsets of the same place (empty for an
    /// ASCII text). Conversions on non-ASCII text scan from the nearest
    /// checkpoint, never from the start of a line, so a 20 MB one-line
    /// article costs no more per conversion than a short one.
    cp_bytes: Offsets,
    cp_chars: Offsets,
    cp_utf16: Offsets,
    len: usize,
    chars: usize,
}

/// Bytes between checkpoints of a [`LineIndex`].
const CHECKPOINT: usize = 512;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let len = bytes.len();
        if text.is_ascii() {
            let mut line_starts = Offsets::for_len(len, len / 64 + 2);
            line_starts.push(0);
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    line_starts.push(i + 1);
                }
            }
            line_starts.shrink_to_fit();
            return LineIndex {
                line_starts,
                len,
                chars: len,
                ..LineIndex::default()
            };
        }
        let mut line_starts = Offsets::for_len(len, len / 64 + 2);
        let mut char_starts = Offsets::for_len(len, len / 64 + 2);
        let mut utf16_starts = Offsets::for_len(len, len / 64 + 2);
        line_starts.push(0);
        char_starts.push(0);
        utf16_starts.push(0);
        let mut ascii = Vec::new();
        let mut cp_bytes = Offsets::for_len(len, len / CHECKPOINT + 1);
        let mut cp_chars = Offsets::for_len(len, len / CHECKPOINT + 1);
        let mut cp_utf16 = Offsets::for_len(len, len / CHECKPOINT + 1);
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
        for o in [
            &mut line_starts,
            &mut char_starts,
            &mut utf16_starts,
            &mut cp_bytes,
            &mut cp_chars,
            &mut cp_utf16,
        ] {
            o.shrink_to_fit();
        }
        ascii.shrink_to_fit();
        LineIndex {
            line_starts,
            char_starts,
            utf16_starts,
            ascii,
            cp_bytes,
            cp_chars,
            cp_utf16,
            len,
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

    /// Whether a line is pure ASCII (every encoding agrees on it).
    fn is_ascii(&self, line: usize) -> bool {
        self.ascii.is_empty() || self.ascii.get(line).copied().unwrap_or(true)
    }

    /// Byte offset where a line starts (a line past the end: the end).
    fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).unwrap_or(self.len)
    }

    /// Code-point offset where a line starts.
    fn char_start(&self, line: usize) -> usize {
        if self.ascii.is_empty() {
            return self.line_start(line);
        }
        self.char_starts.get(line).unwrap_or(self.chars)
    }

    /// UTF-16 offset where a line starts.
    fn utf16_start(&self, line: usize) -> usize {
        if self.ascii.is_empty() {
            return self.line_start(line);
        }
        self.utf16_starts.get(line).unwrap_or(0)
    }

    /// Byte range of a line, including its line break.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = self.line_starts.get(line)?;
        let end = self.line_starts.get(line + 1).unwrap_or(self.len);
        Some(start..end)
    }

    /// The zero-based line holding a byte offset (clamped to the text).
    pub fn line_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        self.line_starts.last_at_or_before(byte)
    }

    /// Code-point and UTF-16 offsets of a byte offset on a char boundary.
    fn units_at(&self, text: &str, byte: usize) -> (usize, usize) {
        let k = self.cp_bytes.last_at_or_before(byte);
        let from = self.cp_bytes.get(k).unwrap_or(0);
        let seg = text.as_bytes().get(from..byte).unwrap_or_default();
        // Counted on bytes rather than decoded chars, which the compiler
        // vectorises: in valid UTF-8 a code point starts at every byte that
        // is not a continuation byte, and the lead byte of a four-byte
        // sequence (0xF0 and up) starts the only code points that take two
        // UTF-16 units.
        let chars = seg.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        let astral = seg.iter().filter(|&&b| b >= 0xF0).count();
        (
            self.cp_chars.get(k).unwrap_or(0) + chars,
            self.cp_utf16.get(k).unwrap_or(0) + chars + astral,
        )
    }

    /// Byte offset of a place given in code points (`utf16 == false`) or
    /// UTF-16 units, rounded down to a char boundary, at most `limit`.
    fn byte_at(&self, text: &str, want: usize, utf16: bool, limit: usize) -> usize {
        let col = if utf16 {
            &self.cp_utf16
        } else {
            &self.cp_chars
        };
        let k = col.last_at_or_before(want);
        let mut byte = self.cp_bytes.get(k).unwrap_or(0);
        let mut units = col.get(k).unwrap_or(0);
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
        let start = self.line_start(line);
        if self.is_ascii(line) {
            self.char_start(line) + (byte - start)
        } else {
            self.units_at(text, byte).0
        }
    }

    /// Byte offset of a code-point offset, or `None` past the end of the text.
    pub fn char_to_byte(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.chars {
            return None;
        }
        if self.ascii.is_empty() {
            return Some(ch);
        }
        let line = self.char_starts.last_at_or_before(ch);
        let start = self.line_start(line);
        let within = ch - self.char_start(line);
        if self.is_ascii(line) {
            return Some(start + within);
        }
        Some(self.byte_at(text, ch, false, self.len))
    }

    /// Line and column of a byte offset, the column counted in `enc`.
    pub fn line_col(&self, text: &str, byte: usize, enc: Encoding) -> LineCol {
        let byte = floor_char_boundary(text, byte.min(self.len));
        let line = self.line_of(byte);
        let start = self.line_start(line);
        let col = if self.is_ascii(line) {
            byte - start
        } else {
            match enc {
                Encoding::Utf8 => byte - start,
                Encoding::Utf16 => self.units_at(text, byte).1 - self.utf16_start(line),
                Encoding::Utf32 => self.units_at(text, byte).0 - self.char_start(line),
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
        let line = pos.line as usize;
        if self.is_ascii(line) {
            return range.start + want.min(content_len);
        }
        match enc {
            Encoding::Utf8 => {
                floor_char_boundary(text, range.start.saturating_add(want).min(content_end))
            }
            Encoding::Utf16 => self.byte_at(
                text,
                self.utf16_start(line).saturating_add(want),
                true,
                content_end,
            ),
            Encoding::Utf32 => self.byte_at(
                text,
                self.char_start(line).saturating_add(want),
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

/// [`decode`] of bytes the caller owns: valid UTF-8 (the usual case)
/// becomes the text without a copy.
pub fn decode_vec(mut bytes: Vec<u8>) -> (String, bool) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
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

    #[test]
    fn decode_vec_agrees_with_decode() {
        for bytes in [
            &b"\xEF\xBB\xBFhi"[..],
            b"a\xffb",
            b"\xEF\xBB\xBF\xEF\xBB\xBFtwice",
            b"\xEF\xBB",
            b"",
            "naïve 😀".as_bytes(),
        ] {
            assert_eq!(decode_vec(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }
}
