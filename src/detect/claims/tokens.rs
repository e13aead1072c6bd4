//! Tokens: words, punctuation, quote marks and line breaks, in one linear pass.
//!
//! Quote marks are recognised in their straight (`"`), curly (`“ ”`, `„`,
//! `« »`) and mis-decoded forms: UTF-8 read as Windows-1252 turns `“` into
//! `â€œ` and `”` into `â€` followed by an invisible or missing byte, while
//! `â€™` (a mis-decoded `’`) is an apostrophe and stays inside its word.

/// How a quote mark can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    Open,
    Close,
    /// `"`: opens or closes depending on its neighbours.
    Straight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    Quote(QuoteMark),
    /// One or more line breaks (a paragraph boundary).
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Quote(_))
    }
}

/// A mis-decoded quote mark or apostrophe starting at `i`: its byte length and
/// what it stands for (`None` for the apostrophe `â€™` and dashes).
fn mojibake(bytes: &[u8], i: usize) -> Option<(usize, Option<QuoteMark>)> {
    // "â€" is C3 A2 E2 82 AC.
    const LEAD: &[u8] = "â€".as_bytes();
    if !bytes[i..].starts_with(LEAD) {
        return None;
    }
    let rest = &bytes[i + LEAD.len()..];
    let next = std::str::from_utf8(&rest[..rest.len().min(4)])
        .ok()
        .or_else(|| {
            // Cut inside a character: decode what is valid.
            (1..4)
                .rev()
                .find_map(|n| std::str::from_utf8(rest.get(..n)?).ok())
        })
        .and_then(|s| s.chars().next());
    Some(match next {
        Some('œ') => (LEAD.len() + 'œ'.len_utf8(), Some(QuoteMark::Open)),
        Some('\u{9d}') => (LEAD.len() + 2, Some(QuoteMark::Close)),
        Some(c @ ('™' | '˜' | '“' | '”' | '¦' | '¢' | 'š' | '¹' | 'º' | '\u{a0}')) => {
            (LEAD.len() + c.len_utf8(), None)
        }
        _ => (LEAD.len(), Some(QuoteMark::Close)),
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the comma at `i` separates thousands: a digit before it and
/// exactly three digits after it.
fn thousands(bytes: &[u8], i: usize) -> bool {
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
}

/// Split `text` into tokens. Linear in the length of the text.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            let s = i;
            while i < bytes.len() && matches!(bytes[i], b'\n' | b'\r' | b' ' | b'\t') {
                i += 1;
            }
            toks.push(Tok {
                start: s,
                end: i,
                kind: Kind::Break,
            });
            continue;
        }
        if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        }
        if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            // Two apostrophes: the quote mark of some newspapers' archives.
            toks.push(Tok {
                start: i,
                end: i + 2,
                kind: Kind::Quote(QuoteMark::Straight),
            });
            i += 2;
            continue;
        }
        if b == b'"' {
            toks.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Quote(QuoteMark::Straight),
            });
            i += 1;
            continue;
        }
        if b == 0xC3 {
            if let Some((len, q)) = mojibake(bytes, i) {
                if let Some(q) = q {
                    toks.push(Tok {
                        start: i,
                        end: i + len,
                        kind: Kind::Quote(q),
                    });
                } else {
                    toks.push(Tok {
                        start: i,
                        end: i + len,
                        kind: Kind::Punct,
                    });
                }
                i += len;
                continue;
            }
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let quote = match c {
            '“' | '„' | '«' => Some(QuoteMark::Open),
            // '†' is what some double mis-decodings leave of '”'.
            '”' | '»' | '†' => Some(QuoteMark::Close),
            _ => None,
        };
        if let Some(q) = quote {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Quote(q),
            });
            i += c.len_utf8();
            continue;
        }
        if is_word_char(c) {
            let s = i;
            i += c.len_utf8();
            loop {
                // A run of ASCII letters and digits needs no decoding (and
                // cannot start a mis-decoded mark, which opens with 'â').
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                // Most words end at an ASCII byte (a space, a comma): it
                // is no word character (letters and digits were taken
                // above) and, unless it joins, ends the word without
                // decoding anything.
                match bytes.get(i) {
                    None => break,
                    // A comma joins only inside a number ("100,000").
                    Some(b',') if !thousands(bytes, i) => break,
                    Some(&c) if c.is_ascii() && !matches!(c, b'\'' | b'-' | b'.' | b'&' | b',') => {
                        break
                    }
                    _ => {}
                }
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if is_word_char(c) && !text[i..].starts_with("â€") {
                    i += c.len_utf8();
                    continue;
                }
                // Joiners inside a word: apostrophes, hyphens, dots between
                // letters (U.S.), and the mis-decoded apostrophe.
                let (jlen, ok) = match c {
                    '\'' | '’' | '-' | '.' | '&' => (c.len_utf8(), true),
                    // "100,000": a comma between digit groups is part of
                    // the number, not a joint of the sentence (any other
                    // comma ended the word above).
                    ',' => (1, true),
                    'â' => match mojibake(bytes, i) {
                        Some((len, None)) if text[i..].starts_with("â€™") => (len, true),
                        _ => (0, false),
                    },
                    _ => (0, false),
                };
                if !ok {
                    break;
                }
                match text[i + jlen..].chars().next() {
                    Some(n) if is_word_char(n) => i += jlen,
                    _ => break,
                }
            }
            toks.push(Tok {
                start: s,
                end: i,
                kind: Kind::Word,
            });
            continue;
        }
        toks.push(Tok {
            start: i,
            end: i + c.len_utf8(),
            kind: Kind::Punct,
        });
        i += c.len_utf8();
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text).to_owned(), t.kind))
            .collect()
    }

    #[test]
    fn words_quotes_and_mojibake() {
        let k = kinds("â€œTrumpâ€™s U.S. plan,â€\u{9d} he said.\n\nâ€œNoâ€ x");
        let words: Vec<&str> = k
            .iter()
            .filter(|(_, k)| *k == Kind::Word)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(words, ["Trumpâ€™s", "U.S", "plan", "he", "said", "No", "x"]);
        assert_eq!(k[0].1, Kind::Quote(QuoteMark::Open));
        assert!(k
            .iter()
            .any(|(s, k)| s == "â€\u{9d}" && *k == Kind::Quote(QuoteMark::Close)));
        assert!(k
            .iter()
            .any(|(s, k)| s == "â€" && *k == Kind::Quote(QuoteMark::Close)));
        assert!(k.iter().any(|(_, k)| *k == Kind::Break));
    }

    #[test]
    fn numbers_keep_their_thousands_separators() {
        let words: Vec<String> = kinds("Kerry said 100,000 would come, 12,5 not, 1,2345 not.")
            .into_iter()
            .filter(|(_, k)| *k == Kind::Word)
            .map(|(s, _)| s)
            .collect();
        assert_eq!(
            words,
            ["Kerry", "said", "100,000", "would", "come", "12", "5", "not", "1", "2345", "not"]
        );
    }

    #[test]
    fn truncated_mojibake_is_safe() {
        for t in ["â€", "xâ€", "â€\u{9d}", "â"] {
            let _ = tokenize(t);
        }
    }
}
