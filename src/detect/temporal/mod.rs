//! Temporal expressions: detection and TIMEX3 normalization.
//!
//! The text is tokenized once ([`token`]); each token carries its class in
//! the temporal [`lexicon`], so only tokens that can start an expression are
//! handed to the grammar ([`patterns`]), which parses locally and returns the
//! expression's meaning. [`normalize`] turns that meaning into a TIMEX3 value
//! against the publication date, using the tense of the clause ([`anchor`]).

use chrono::NaiveDate;

use super::Timex;

mod anchor;
mod indefinite;
mod lexicon;
mod non_temporal;
mod normalize;
mod patterns;
mod token;

use lexicon::{Lex, W};
use normalize::{normalize, DocCtx, Rel, Sem};
use patterns::{Grammar, Parsed};
use token::Kind;

/// Whether `word` names a day of the week ("Monday", "tuesday"), as the
/// tagger reads it; for other detectors that step over a time phrase.
pub fn is_weekday(word: &str) -> bool {
    matches!(lexicon::lookup(word), lexicon::Lex::Weekday(_, false))
}

/// Find the temporal expressions in `text`, normalized against the document
/// creation time `dct` (the article's publication date) when given.
///
/// Results are sorted by start and never overlap; spans are byte ranges on
/// character boundaries. Without a DCT, relative expressions keep their
/// unknown parts as `X` (`XXXX-09-11`, `XXXX-WXX-2`) or get a `*_REF` value.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let toks = token::tokenize(text);
    let g = Grammar::new(text, &toks);
    let mut ctx = DocCtx::default();
    let mut out: Vec<Timex> = Vec::new();
    // The text has named the attacks of 2001 by their date.
    let mut attacks_named = false;
    // The year a comparison right before ("287 the previous year") was
    // counted from: the year the figures are for.
    let mut compared_from: Option<i32> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let candidate =
            t.lex != Lex::None || matches!(t.kind, Kind::Num { .. } | Kind::Punct(b'\''));
        if !candidate {
            i += 1;
            continue;
        }
        let Some(p) = g.core(i).and_then(|p| extend(&g, p)) else {
            i += 1;
            continue;
        };
        if p.end <= i || p.end > toks.len() {
            i += 1;
            continue;
        }
        if g.not_a_time(&p) || g.today_as_present_age(&p) {
            i = p.end;
            continue;
        }
        let (p, event_name) = september_11(&g, g.indefinite_time(p), dct, attacks_named);
        let p = part_of_the_year_named(&g, &out, p);
        attacks_named |= event_name;
        if p.sem == Sem::Then {
            if let Some(t) = then_value(text, &out, toks[p.start].start, toks[p.start].end) {
                out.push(t);
            }
            i = p.end;
            continue;
        }
        // "at 9 p.m. on Sunday": the clock time is on the day that follows.
        let (p, day_tense) = match day_after_clock(&g, &p) {
            Some((day, tense)) => (day, Some(tense)),
            None => (p, None),
        };
        let tense = match (day_tense, &p.sem, toks[p.start].lex) {
            (Some(t), _, _) => t,
            // "last Oct. 23", "next March 3": the modifier gives the direction.
            (None, Sem::Ymd { .. } | Sem::Holiday { .. }, Lex::W(W::Last)) => anchor::Tense::Past,
            (None, Sem::Ymd { .. } | Sem::Holiday { .. }, Lex::W(W::Next)) => anchor::Tense::Future,
            (None, Sem::Weekday { .. }, _) if possessive_weekday(&g, &p) => anchor::Tense::Past,
            _ => anchor::tense_at(text, &toks, p.start, p.end),
        };
        ctx.fiscal_label = toks[p.start..p.end]
            .iter()
            .any(|t| t.lex == Lex::W(W::Fiscal));
        // A date that names an event is no time the story moves to: "the
        // Boeing was rolled out at 2200 GMT" after "delayed by the 11
        // September attacks" is still on the day of the story.
        let saved = event_name.then(|| ctx.clone());
        let ref_year = ctx.ref_year;
        let (kind, value) = match (weekend_of_date(&g, &p, dct, &ctx), compared_from) {
            (Some(v), _) => (super::TimexType::Date, v),
            // "rose to 310 in 2004 from 287 the previous year. Sales ...
            // for the year": the year of the figures, not the one they
            // were compared with, nor the DCT's.
            (None, Some(y)) if the_year(&g, &p) => {
                ctx.refer_year(y);
                (super::TimexType::Date, format!("{y:04}"))
            }
            (None, _) => normalize(&p.sem, dct, tense, &mut ctx),
        };
        compared_from = match p.sem {
            Sem::Anaphor {
                unit: lexicon::Unit::Year,
                off,
            } if off < 0 => ref_year,
            _ => None,
        };
        if let Some(saved) = saved {
            ctx = saved;
        }
        // "from 10-16 January", "on 9 and 10 July": the days before are
        // dates of the same month and year.
        if matches!(p.sem, Sem::Ymd { .. }) && kind == super::TimexType::Date {
            let after = out.last().map_or(0, |t| t.span.end);
            for d in g.days_before(p.start) {
                let (Some(ym), Some(day)) =
                    (value.get(..8), g.text.get(toks[d].start..toks[d].end))
                else {
                    continue;
                };
                if toks[d].start < after || value.len() != 10 {
                    continue;
                }
                let day: String = day.chars().filter(char::is_ascii_digit).collect();
                out.push(Timex {
                    span: toks[d].start..toks[d].end,
                    kind,
                    value: format!("{ym}{day:0>2}"),
                });
            }
        }
        let span = toks[p.start].start..toks[p.end - 1].end;
        out.push(Timex { span, kind, value });
        i = p.end;
        // "1994-96": the end of the range is a year of its own.
        if let (Sem::Year(y), true) = (&p.sem, p.end == p.start + 1) {
            if let Some((e, end)) = g.year_range_end(p.start, *y) {
                let (kind, value) = normalize(&Sem::Year(end), dct, tense, &mut ctx);
                out.push(Timex {
                    span: toks[e].start..toks[e].end,
                    kind,
                    value,
                });
                i = e + 1;
            }
        }
        // "April 24 and 25": the second day is its own date.
        if let Sem::Ymd { y, m, .. } = p.sem {
            if let Some((e, d)) = g.day_continuation(i) {
                let sem = Sem::Ymd { y, m, d };
                let (kind, value) = normalize(&sem, dct, tense, &mut ctx);
                out.push(Timex {
                    span: toks[e - 1].start..toks[e - 1].end,
                    kind,
                    value,
                });
                i = e;
            }
        }
    }
    out
}

/// "prices rose 15.1% over the whole of 2004, but by only 2.8% in the
/// second half of the year": a part "of the year" is a part of the year
/// the text has just named (the expression right before, in the same
/// sentence or the one before), not of the year the tense would pick.
fn part_of_the_year_named(g: &Grammar, out: &[Timex], p: Parsed) -> Parsed {
    let Sem::Part {
        y: None,
        part,
        rel: Rel::None,
    } = p.sem
    else {
        return p;
    };
    let of_the_year = p.end >= p.start + 4
        && g.is_w(p.end - 3, W::Of)
        && g.is_w(p.end - 2, W::The)
        && g.eq(p.end - 1, "year");
    let Some(prev) = out.last().filter(|t| t.kind == super::TimexType::Date) else {
        return p;
    };
    let start = g.toks[p.start].start;
    let Some(between) = g.text.get(prev.span.end..start) else {
        return p;
    };
    let close = between.len() <= 200 && between.matches(". ").count() <= 1;
    // A year written out ("in 2004", "the whole of 2004"); a counted one
    // ("a year earlier") is a comparison, not the year in focus.
    let written = g
        .text
        .get(prev.span.clone())
        .and_then(|t| t.get(t.len().saturating_sub(4)..))
        .is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()));
    let year = prev
        .value
        .get(..4)
        .filter(|y| written && y.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|y| y.parse::<i32>().ok());
    match year {
        Some(y) if of_the_year && close => Parsed {
            sem: Sem::Part {
                y: Some(y),
                part,
                rel: Rel::None,
            },
            ..p
        },
        _ => p,
    }
}

/// "for the year", "during the year": "the year" alone, which is the
/// year in focus (the DCT's when nothing else is).
fn the_year(g: &Grammar, p: &Parsed) -> bool {
    p.sem
        == (Sem::UnitOff {
            unit: lexicon::Unit::Year,
            off: 0,
        })
        && p.end == p.start + 2
        && g.is_w(p.start, W::The)
}

/// "until then", "by then" at bytes `start..end`: the calendar date,
/// month or year of the expression right before it, when that one ends
/// in the same sentence or the one before ("terminate on Nov. 30. Until
/// then, ..."). A "then" further from any date refers to an event, which
/// gives it no value.
fn then_value(text: &str, out: &[Timex], start: usize, end: usize) -> Option<Timex> {
    // A clock time before it is as likely a race or match time as a time
    // of day: only dates count.
    let prev = out.last().filter(|t| t.kind == super::TimexType::Date)?;
    let between = text.get(prev.span.end..start)?;
    if between.len() > 200 || between.matches(". ").count() > 1 {
        return None;
    }
    let date = prev.value.split('T').next()?;
    // A year, a month or a day: no week, quarter, season or vague value.
    let calendar = date.len() >= 4 && date.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    calendar.then(|| Timex {
        span: start..end,
        kind: super::TimexType::Date,
        value: date.to_string(),
    })
}

/// "the weekend of 9 and 10 July", "the weekend of 12-13 March": the
/// weekend of the date that follows, not the one nearest the DCT. The
/// date is read as the loop will read it, with its own tense.
fn weekend_of_date(
    g: &Grammar,
    p: &Parsed,
    dct: Option<NaiveDate>,
    ctx: &DocCtx,
) -> Option<String> {
    if p.sem != (Sem::Weekend { rel: Rel::None }) || !g.is_w(p.end, W::Of) {
        return None;
    }
    let k = p.end + 1;
    // The last day of a range or list is the one written with its month.
    let d = g.core(k).or_else(|| {
        (2..=4)
            .step_by(2)
            .filter_map(|n| g.core(k + n))
            .find(|d| g.days_before(d.start).first() == Some(&k))
    })?;
    if !matches!(d.sem, Sem::Ymd { .. }) {
        return None;
    }
    let tense = anchor::tense_at(g.text, g.toks, d.start, d.end);
    let (_, value) = normalize(&d.sem, dct, tense, &mut ctx.clone());
    let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()?;
    Some(format!("{}-WE", normalize::iso_week(date)))
}

/// Words of a story about terrorism ("terror", "terrorism", "anti-terror",
/// "al-Qaeda", "hijackers", "World Trade Centre", "twin towers").
fn terror_word(g: &Grammar, k: usize) -> bool {
    let w = g.s(k);
    let lower = |p: &str| w.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p));
    lower("terror")
        || lower("hijack")
        || g.eq(k, "qaeda")
        || g.eq(k, "trade") && g.eq(k.wrapping_sub(1), "world")
        || g.eq(k, "towers") && g.eq(k.wrapping_sub(1), "twin")
}

/// "the 11 September attacks", "the September 11 terror attacks": the
/// date names the attacks of 2001 in any news written since, not the
/// 11 September nearest the DCT. So does a bare "after 11 September",
/// "in the wake of 11 September" in a story written since that speaks of
/// terrorism around it or has already named the attacks (`named`); "on
/// 11 September" there stays the date of an event of its own. The flag
/// tells that the date is such a name.
fn september_11(g: &Grammar, mut p: Parsed, dct: Option<NaiveDate>, named: bool) -> (Parsed, bool) {
    let bare = p.sem
        == (Sem::Ymd {
            y: None,
            m: 9,
            d: 11,
        });
    if !bare {
        return (p, false);
    }
    let attacks = (p.end..p.end + 2).any(|k| {
        [
            "attack",
            "attacks",
            "terror",
            "terrorist",
            "hijackers",
            "hijackings",
        ]
        .iter()
        .any(|w| g.eq(k, w))
    });
    let since = dct.is_none_or(|d| d > NaiveDate::from_ymd_opt(2001, 9, 11).unwrap_or(d));
    let in_context = || {
        since
            && !(p.start > 0 && g.eq(p.start - 1, "on"))
            && (named || (p.start.saturating_sub(40)..p.end + 20).any(|k| terror_word(g, k)))
    };
    if attacks || in_context() {
        p.sem = Sem::Ymd {
            y: Some(2001),
            m: 9,
            d: 11,
        };
        return (p, true);
    }
    (p, false)
}

/// Whether `word` names a month, a day of the week or a season ("May",
/// "Sept", "Tuesday", "autumn"), whatever its case: for other detectors
/// that read a time opening a sentence ("On Tuesday the minister said").
pub fn names_month_day_or_season(word: &str) -> bool {
    matches!(
        lexicon::lookup(word),
        Lex::Month(..) | Lex::Weekday(_, false) | Lex::Season(_)
    )
}

/// "Wednesday's ruling": a possessive weekday is a past day.
fn possessive_weekday(g: &Grammar, p: &Parsed) -> bool {
    matches!(p.sem, Sem::Weekday { .. })
        && g.toks.get(p.end).is_some_and(|t| t.is_punct(b'\''))
        && g.toks
            .get(p.end + 1)
            .is_some_and(|t| g.text.get(t.start..t.end) == Some("s"))
}

/// A clock time with no date followed by `on` and a day ("at 9 p.m. on
/// Sunday", "at 0900 GMT on 5 May"): the clock time dated by that day,
/// with the tense the day is read with, so that both name the same day.
/// The spans stay apart, as TimeML marks them: the day is tagged on its
/// own when the loop reaches it.
fn day_after_clock(g: &Grammar, p: &Parsed) -> Option<(Parsed, anchor::Tense)> {
    let Sem::Time {
        date: None,
        h,
        min,
        sec,
    } = p.sem
    else {
        return None;
    };
    let toks = g.toks;
    let on = toks.get(p.end)?;
    if on.kind != Kind::Word || !g.text.get(on.start..on.end)?.eq_ignore_ascii_case("on") {
        return None;
    }
    // "on that Wednesday", "on the Monday", "on a Sunday": the determiner
    // is no part of the day's expression, which starts after it.
    let k = p.end + 1;
    let det = ["that", "the", "a"].iter().any(|w| g.eq(k, w));
    let d = g.core(if det { k + 1 } else { k })?;
    // "on Sunday night" still names Sunday: the time takes its date only.
    let day = matches!(
        d.sem,
        Sem::Weekday { .. } | Sem::Ymd { .. } | Sem::DayOff { pod: None, .. }
    );
    if !day {
        return None;
    }
    let tense = if possessive_weekday(g, &d) {
        anchor::Tense::Past
    } else {
        anchor::tense_at(g.text, toks, d.start, d.end)
    };
    Some((clock_on(p.start, p.end, d.sem, h, min, sec), tense))
}

/// A clock time `h:min[:sec]` on the day `date`, spanning `start..end`.
fn clock_on(start: usize, end: usize, date: Sem, h: u32, min: u32, sec: Option<u32>) -> Parsed {
    Parsed {
        start,
        end,
        sem: Sem::Time {
            date: Some(Box::new(date)),
            h,
            min,
            sec,
        },
    }
}

/// Attach what may follow a parsed expression: a clock time after a dated
/// dateline ("Friday, 23 November, 2001, 01:27 GMT") and the day after a
/// clock time ("10 p.m. Wednesday").
fn extend(g: &Grammar, p: Parsed) -> Option<Parsed> {
    let toks = g.toks;
    match &p.sem {
        Sem::Ymd { .. } | Sem::Weekday { pod: None, .. } | Sem::DayOff { pod: None, .. } => {
            let mut j = p.end;
            if toks.get(j).is_some_and(|t| t.is_punct(b',')) {
                j += 1;
            }
            if let Some(c) = g.core(j) {
                if let Sem::Time {
                    date: None,
                    h,
                    min,
                    sec,
                } = c.sem
                {
                    // Only when the clock time carries minutes or a.m./p.m.
                    return Some(clock_on(p.start, c.end, p.sem, h, min, sec));
                }
            }
            Some(p)
        }
        Sem::Time {
            date: None,
            h,
            min,
            sec,
        } => {
            let j = p.end;
            if let Some(t) = toks.get(j) {
                if matches!(
                    t.lex,
                    Lex::Weekday(_, false) | Lex::W(W::Today | W::Yesterday | W::Tomorrow)
                ) && t.cap == matches!(t.lex, Lex::Weekday(..))
                {
                    if let Some(d) = g.core(j) {
                        if matches!(
                            d.sem,
                            Sem::Weekday { pod: None, .. } | Sem::DayOff { pod: None, .. }
                        ) {
                            return Some(clock_on(p.start, d.end, d.sem, *h, *min, *sec));
                        }
                    }
                }
            }
            // "5 p.m. EST, Nov. 6": the calendar date after the clock time.
            let k = if toks.get(j).is_some_and(|t| t.is_punct(b',')) {
                j + 1
            } else {
                j
            };
            if toks.get(k).is_some_and(|t| matches!(t.lex, Lex::Month(..))) {
                if let Some(d) = g.core(k) {
                    if matches!(d.sem, Sem::Ymd { .. }) {
                        return Some(clock_on(p.start, d.end, d.sem, *h, *min, *sec));
                    }
                }
            }
            Some(p)
        }
        _ => Some(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::TimexType;

    fn one(text: &str, dct: &str) -> (String, TimexType, String) {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        let got = tag(text, dct);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        let t = &got[0];
        (text[t.span.clone()].to_string(), t.kind, t.value.clone())
    }

    #[test]
    fn relative_day_and_week() {
        assert_eq!(
            one("NATO and Russia met yesterday.", "2001-11-23"),
            ("yesterday".into(), TimexType::Date, "2001-11-22".into())
        );
        assert_eq!(
            one("the Bush-Putin summit last week", "2001-11-23"),
            ("last week".into(), TimexType::Date, "2001-W46".into())
        );
    }

    #[test]
    fn preposition_is_not_part_of_the_span() {
        assert_eq!(
            one("They will meet on Tuesday.", "2001-11-23"),
            ("Tuesday".into(), TimexType::Date, "2001-11-27".into())
        );
    }

    #[test]
    fn no_dct_leaves_unknowns() {
        let got = tag("on September 11th", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, "XXXX-09-11");
    }
}
