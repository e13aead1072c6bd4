//! A small tokenizer: words, digit runs and single punctuation characters,
//! each with its byte span, lexicon class and spacing facts.

use super::lexicon::{lookup, Lex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A run of ASCII digits; `ord` when glued to st/nd/rd/th ("19th").
    Num {
        ord: bool,
    },
    /// One punctuation or symbol character (its first byte, or 0x80 for
    /// any non-ASCII symbol).
    Punct(u8),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Lex,
    /// First letter is uppercase.
    pub cap: bool,
    /// Whitespace separates this token from the previous one.
    pub space: bool,
    /// A line break separates this token from the previous one.
    pub newline: bool,
    /// Numeric value of a digit run (saturating), 0 otherwise.
    pub num: u64,
    /// Number of digits of a digit run.
    pub digits: u8,
}

impl Tok {
    pub fn is_punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn is_num(&self) -> bool {
        matches!(self.kind, Kind::Num { .. })
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenize `text`. Never splits inside a UTF-8 sequence.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\t' || b == b'\r' {
            space = true;
            i += 1;
            continue;
        }
        if b == b'\n' {
            space = true;
            newline = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        let mut num = 0u64;
        let mut digits = 0u8;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                num = num
                    .saturating_mul(10)
                    .saturating_add(u64::from(bytes[i] - b'0'));
                digits = digits.saturating_add(1);
                i += 1;
            }
            let mut ord = false;
            if i + 2 <= bytes.len() {
                let suf = [
                    bytes[i].to_ascii_lowercase(),
                    bytes[i + 1].to_ascii_lowercase(),
                ];
                let after_ok = i + 2 == bytes.len() || !bytes[i + 2].is_ascii_alphanumeric();
                if after_ok && matches!(&suf, b"st" | b"nd" | b"rd" | b"th") {
                    ord = true;
                    i += 2;
                }
            }
            kind = Kind::Num { ord };
            // A digit run glued to letters ("4x4", "F16s") is a word.
            if !ord && i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                // "1990s" stays a number followed by the word "s".
                let s_only = bytes[i] == b's'
                    && (i + 1 == bytes.len() || !bytes[i + 1].is_ascii_alphanumeric());
                // "9pm", "10am": the number and the suffix are two tokens.
                let ampm = i + 2 <= bytes.len()
                    && matches!(bytes[i].to_ascii_lowercase(), b'a' | b'p')
                    && bytes[i + 1].eq_ignore_ascii_case(&b'm')
                    && (i + 2 == bytes.len() || !bytes[i + 2].is_ascii_alphanumeric());
                let s_only = s_only || ampm;
                if !s_only {
                    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    toks.push(Tok {
                        start,
                        end: i,
                        kind: Kind::Word,
                        lex: Lex::None,
                        cap: false,
                        space,
                        newline,
                        num: 0,
                        digits: 0,
                    });
                    space = false;
                    newline = false;
                    continue;
                }
            }
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && next_char_is_word(text, i)) {
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_alphanumeric() {
                    i += 1;
                } else if c >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if is_word_char(ch) => i += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else if b >= 0x80 {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            i += len;
            // Curly apostrophes behave like the ASCII one.
            let c = match &text[start..i] {
                "\u{2019}" | "\u{2018}" => b'\'',
                "\u{2013}" | "\u{2014}" => b'-',
                _ => 0x80,
            };
            kind = Kind::Punct(c);
        } else {
            i += 1;
            kind = Kind::Punct(b);
        }
        let word = &text[start..i];
        let lex = if kind == Kind::Word {
            lookup(word)
        } else {
            Lex::None
        };
        let cap = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
        toks.push(Tok {
            start,
            end: i,
            kind,
            lex,
            cap,
            space,
            newline,
            num,
            digits,
        });
        space = false;
        newline = false;
    }
    toks
}

fn next_char_is_word(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(is_word_char)
}
