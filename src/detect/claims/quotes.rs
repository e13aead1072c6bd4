//! Pairing quote marks into quotations.
//!
//! A quotation opens at an opening mark (or a straight `"` when none is
//! open) and closes at the next closing mark. At a paragraph break an open
//! quotation continues only when the next paragraph starts with an opening
//! mark (the newspaper convention for quotes that run across paragraphs) and
//! it has crossed fewer than [`MAX_PARAGRAPHS`] breaks; otherwise it is
//! unbalanced and ends with its paragraph. A second opening mark while one is
//! open also ends the first one as unbalanced. So one bad mark never swallows
//! more than a paragraph, and the pass is linear.

use super::tokens::{Kind, QuoteMark, Tok};

/// The most paragraph breaks one quotation may cross.
pub const MAX_PARAGRAPHS: usize = 6;

/// A quotation as token indices: `open` is its opening mark, `last` its
/// closing mark (when `closed`) or its last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub last: usize,
    pub closed: bool,
}

pub const NONE: u32 = u32::MAX;

/// The quotations among `toks`, in order, and for each token the index of the
/// quotation it lies in (marks included) or [`NONE`].
pub fn pair(toks: &[Tok]) -> (Vec<Quote>, Vec<u32>) {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < toks.len() {
        match toks[i].kind {
            Kind::Break => {
                if let Some((o, crossed)) = open {
                    let next_opens = matches!(
                        toks.get(i + 1).map(|t| t.kind),
                        Some(Kind::Quote(QuoteMark::Open | QuoteMark::Straight))
                    );
                    if next_opens && crossed < MAX_PARAGRAPHS {
                        open = Some((o, crossed + 1));
                        // The continuation mark belongs to the open quotation.
                        i += 2;
                        continue;
                    }
                    quotes.push(Quote {
                        open: o,
                        last: i.saturating_sub(1).max(o),
                        closed: false,
                    });
                    open = None;
                }
            }
            Kind::Quote(mark) => {
                let opens = match mark {
                    QuoteMark::Open => true,
                    QuoteMark::Close => false,
                    QuoteMark::Straight => open.is_none(),
                };
                match (opens, open) {
                    (true, None) => open = Some((i, 0)),
                    (true, Some((o, _))) => {
                        quotes.push(Quote {
                            open: o,
                            last: i - 1,
                            closed: false,
                        });
                        open = Some((i, 0));
                    }
                    (false, Some((o, _))) => {
                        quotes.push(Quote {
                            open: o,
                            last: i,
                            closed: true,
                        });
                        open = None;
                    }
                    (false, None) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some((o, _)) = open {
        quotes.push(Quote {
            open: o,
            last: toks.len().saturating_sub(1).max(o),
            closed: false,
        });
    }
    let mut inside = vec![NONE; toks.len()];
    for (n, q) in quotes.iter().enumerate() {
        for slot in &mut inside[q.open..=q.last.min(toks.len().saturating_sub(1))] {
            *slot = n as u32;
        }
    }
    (quotes, inside)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quoted(text: &str) -> Vec<(String, bool)> {
        let toks = tokenize(text);
        let (qs, _) = pair(&toks);
        qs.iter()
            .map(|q| {
                (
                    text[toks[q.open].start..toks[q.last].end].to_owned(),
                    q.closed,
                )
            })
            .collect()
    }

    #[test]
    fn pairs_and_continues_across_paragraphs() {
        assert_eq!(
            quoted("He said “one.\n\n“Two,” and \"three\"."),
            [
                ("“one.\n\n“Two,”".to_owned(), true),
                ("\"three\"".to_owned(), true)
            ]
        );
    }

    #[test]
    fn unbalanced_mark_stops_at_paragraph() {
        assert_eq!(
            quoted("He said “one.\n\nTwo, he said."),
            [("“one.".to_owned(), false)]
        );
    }
}
