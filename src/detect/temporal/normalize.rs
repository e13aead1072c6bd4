//! TIMEX3 values: what a parsed expression means against the document
//! creation time (DCT) and the tense of its clause.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::anchor::Tense;
use super::lexicon::{holiday, Pod, Season, Unit};
use crate::detect::TimexType;

/// Direction words: "last", "this", "next" (or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    None,
    Last,
    This,
    Next,
    /// "on a Sunday": some day of that name, which the text does not
    /// place in any week.
    Any,
}

/// Parts of a year named by "quarter", "half" and seasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Quarter(u8),
    Half(u8),
    Season(Season),
}

/// The meaning of an expression, before normalization.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date; the year is inferred when missing.
    Ymd {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// A month, of a given year or inferred.
    Ym {
        y: Option<i32>,
        m: u32,
        rel: Rel,
    },
    /// A month of the year `off` years from the DCT's ("July last year").
    MonthOff {
        m: u32,
        off: i64,
    },
    Year(i32),
    /// "year-end", "year's end": the last day of the year, the one before
    /// the DCT in a past clause ("since year-end"), else the DCT's.
    YearEnd,
    /// Decade by its first three digits (199 for the 1990s).
    Decade(i32),
    /// Century by its first two digits (19 for the 20th century).
    Century(i32),
    /// A quarter, half or season; `y` None = inferred from `rel` and tense.
    Part {
        y: Option<i32>,
        part: Part,
        rel: Rel,
    },
    /// A part of the year `off` years from the DCT's ("last year's
    /// third quarter").
    PartOff {
        part: Part,
        off: i64,
    },
    /// "the 1988 quarter/period": the quarter in focus, of that year.
    YearQuarter(i32),
    /// Current quarter in focus ("the quarter", "the latest quarter").
    FocusQuarter,
    /// "the quarter ended Sept. 30": the quarter holding most of the three
    /// months that end on that day (the middle one); the year is inferred
    /// like a bare date's when missing. Only when the text has named no
    /// quarter before; else it is that quarter, as [`Sem::FocusQuarter`].
    QuarterEnding {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// The year-earlier counterpart of the quarter in focus, or last year.
    YearEarlier,
    Weekday {
        wd: u32,
        rel: Rel,
        pod: Option<Pod>,
    },
    /// "the previous Friday" (`off` -1), "the following Monday" (+1): the
    /// nearest such weekday before or after the day the text last named.
    WeekdayFrom {
        wd: u32,
        off: i64,
    },
    /// "the day before yesterday", "the day after Christmas": `off` days
    /// from a day (a `Sem` of day granularity).
    DayFrom {
        day: Box<Sem>,
        off: i64,
    },
    /// "the week of March 6": the ISO week holding that day.
    WeekOf {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// Days from the DCT (today 0, yesterday -1...).
    DayOff {
        off: i64,
        pod: Option<Pod>,
    },
    /// "this/last/next UNIT": offset in units from the DCT's unit.
    UnitOff {
        unit: Unit,
        off: i64,
    },
    /// "N UNITs ago/earlier" (sign -1) or "from now/later" (+1).
    Ago {
        unit: Unit,
        n: Option<f64>,
        sign: i64,
        /// "earlier"/"later" count from the text's reference time, "ago"
        /// and "from now" from the DCT.
        from_ref: bool,
    },
    /// The weekend before or after the DCT by tense.
    Weekend {
        rel: Rel,
    },
    Holiday {
        id: u8,
        y: Option<i32>,
    },
    /// "Easter week": the ISO week holding the holiday, of the year the
    /// tense points to.
    HolidayWeek {
        id: u8,
    },
    Ref(&'static str),
    /// "until then", "by then": the date the expression before it names,
    /// resolved by the tagger (see `tag`); alone it has no value.
    Then,
    Duration {
        unit: Unit,
        n: Option<f64>,
    },
    Set(String),
    /// "that year", "the following month": `off` units from the date the
    /// text last mentioned (its reference time), or from the DCT when it
    /// has mentioned none.
    Anaphor {
        unit: Unit,
        off: i64,
    },
    /// Clock time, on a date (a `Sem` of day granularity) or the DCT;
    /// `sec` only when the text gives the seconds ("10:45:30 GMT").
    Time {
        date: Option<Box<Sem>>,
        h: u32,
        min: u32,
        sec: Option<u32>,
    },
    /// Part of day on a day: "this morning" (TIME).
    PodTime {
        off: i64,
        pod: Pod,
    },
}

/// Document-level state used while normalizing left to right.
#[derive(Debug, Default, Clone)]
pub struct DocCtx {
    /// The last quarter (year, quarter) a quarter expression resolved to.
    pub focus_quarter: Option<(i32, u32)>,
    /// The text named a period of several quarters ("the nine months",
    /// "the first half") after its last quarter: a comparison with "a year
    /// earlier" is then with the earlier year, not with one quarter of it.
    pub focus_multi_quarter: bool,
    /// Reference time: the last date the text named, at the granularity
    /// it was named (a year alone leaves `month` and `day` empty).
    pub ref_year: Option<i32>,
    pub ref_month: Option<u32>,
    pub ref_day: Option<NaiveDate>,
    /// The expression being normalized names a fiscal period ("fiscal
    /// second-quarter"): a company's own label, not a calendar quarter
    /// to compare with the one in focus.
    pub fiscal_label: bool,
}

impl DocCtx {
    fn focus_on_quarter(&mut self, y: i32, q: u32) {
        self.focus_quarter = Some((y, q));
        self.focus_multi_quarter = false;
    }

    /// A quarter named by its number. An earlier quarter of the year in
    /// focus ("Third-quarter net rose ... After a flat second quarter")
    /// is a comparison: the report stays on the later quarter, when that
    /// one has ended by the DCT (results reported, not a forecast).
    fn name_quarter(&mut self, y: i32, q: u32, dct: Option<NaiveDate>) {
        let reported = |(fy, fq): (i32, u32)| {
            dct.is_some_and(|d| (fy, fq) < (d.year(), quarter_of(d.month())))
        };
        if self.focus_quarter.is_some_and(|(fy, fq)| {
            fy == y && q < fq && !self.focus_multi_quarter && reported((fy, fq))
        }) && !self.fiscal_label
        {
            return;
        }
        self.focus_on_quarter(y, q);
    }

    pub(super) fn refer_year(&mut self, y: i32) {
        if self.ref_year != Some(y) {
            self.ref_month = None;
            self.ref_day = None;
        }
        self.ref_year = Some(y);
    }

    fn refer_month(&mut self, y: i32, m: u32) {
        if self.ref_year != Some(y) || self.ref_month != Some(m) {
            self.ref_day = None;
        }
        self.ref_year = Some(y);
        self.ref_month = Some(m);
    }

    fn refer_day(&mut self, d: NaiveDate) {
        self.ref_year = Some(d.year());
        self.ref_month = Some(d.month());
        self.ref_day = Some(d);
    }
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + n;
    let y = idx.div_euclid(12);
    let m = idx.rem_euclid(12) as u32 + 1;
    (y.clamp(-9999, 9999) as i32, m)
}

fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

fn weekday_num(w: Weekday) -> u32 {
    w.number_from_monday()
}

/// Year for a month (and day) given without one: the tense decides whether
/// it lies before or after the DCT; with no tense, the nearest occurrence.
fn infer_year(dct: NaiveDate, m: u32, _d: u32, tense: Tense) -> i32 {
    let y = dct.year();
    let diff = i64::from(m) - i64::from(dct.month());
    match tense {
        // A past event in a month well after the DCT happened last year.
        Tense::Past if diff > 1 => y - 1,
        Tense::Future if diff < -3 => y + 1,
        Tense::Past | Tense::Future => y,
        // Otherwise the nearest occurrence.
        _ if diff > 6 => y - 1,
        _ if diff < -7 => y + 1,
        _ => y,
    }
}

fn resolve_weekday(dct: NaiveDate, wd: u32, rel: Rel, tense: Tense) -> Option<NaiveDate> {
    let cur = i64::from(weekday_num(dct.weekday()));
    let wd = i64::from(wd);
    match rel {
        Rel::Next => {
            let mut diff = (wd - cur).rem_euclid(7);
            if diff == 0 {
                diff = 7;
            }
            shift(dct, diff)
        }
        Rel::Last => {
            let mut diff = (cur - wd).rem_euclid(7);
            if diff == 0 {
                diff = 7;
            }
            shift(dct, -diff)
        }
        Rel::This => {
            // Same ISO week.
            shift(dct, wd - cur)
        }
        Rel::Any => None,
        Rel::None => match tense {
            Tense::Future => shift(dct, (wd - cur).rem_euclid(7)),
            Tense::Past | Tense::Present | Tense::Unknown => shift(dct, -(cur - wd).rem_euclid(7)),
        },
    }
}

fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

fn part_code(p: Part) -> String {
    match p {
        Part::Quarter(q) => format!("Q{q}"),
        Part::Half(h) => format!("H{h}"),
        Part::Season(s) => s.code().to_string(),
    }
}

/// Index of the part within the year and the count per year.
fn part_index(p: Part) -> (i64, i64) {
    match p {
        Part::Quarter(q) => (i64::from(q), 4),
        Part::Half(h) => (i64::from(h), 2),
        Part::Season(s) => (
            match s {
                Season::Winter => 0,
                Season::Spring => 1,
                Season::Summer => 2,
                Season::Fall => 3,
            },
            4,
        ),
    }
}

fn dct_part_index(dct: NaiveDate, p: Part) -> i64 {
    match p {
        Part::Quarter(_) => i64::from(quarter_of(dct.month())),
        Part::Half(_) => {
            if dct.month() <= 6 {
                1
            } else {
                2
            }
        }
        Part::Season(_) => match Season::of_month(dct.month()) {
            Season::Winter => 0,
            Season::Spring => 1,
            Season::Summer => 2,
            Season::Fall => 3,
        },
    }
}

fn resolve_part_year(dct: NaiveDate, p: Part, rel: Rel, tense: Tense) -> i32 {
    let y = dct.year();
    let (idx, _) = part_index(p);
    let cur = dct_part_index(dct, p);
    // December belongs to the next year's winter index-wise; keep the
    // calendar year of the DCT for "this winter".
    match rel {
        Rel::This => y,
        Rel::Last => {
            if idx < cur {
                y
            } else {
                y - 1
            }
        }
        Rel::Next => {
            if idx > cur {
                y
            } else {
                y + 1
            }
        }
        Rel::None | Rel::Any => match tense {
            Tense::Past if idx > cur => y - 1,
            Tense::Future if idx < cur && !matches!(p, Part::Quarter(_)) => y + 1,
            _ => y,
        },
    }
}

/// Date of a holiday in year `y`.
fn holiday_date(id: u8, y: i32) -> Option<NaiveDate> {
    let (name, m, d) = holiday(id)?;
    if d > 0 {
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let nth_weekday =
        |m: u32, wd: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, m, wd, n);
    match name {
        "thanksgiving" => nth_weekday(11, Weekday::Thu, 4),
        "labor" => nth_weekday(9, Weekday::Mon, 1),
        "memorial" => {
            let last = NaiveDate::from_ymd_opt(y, 6, 1)?.pred_opt()?;
            let back = i64::from(last.weekday().num_days_from_monday());
            shift(last, -back)
        }
        "election" => {
            let first_mon = nth_weekday(11, Weekday::Mon, 1)?;
            shift(first_mon, 1)
        }
        "easter" => {
            // Anonymous Gregorian algorithm.
            let a = y % 19;
            let b = y / 100;
            let c = y % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15).rem_euclid(30);
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
            let mm = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * mm + 114) / 31;
            let day = (h + l - 7 * mm + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(y, month as u32, day as u32)
        }
        _ => None,
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e9 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// TIMEX3 duration value for `n` units (`X` when unknown).
pub fn duration_value(unit: Unit, n: Option<f64>) -> String {
    // Fractions go to the next smaller unit: "5 1/2 hours" = PT5H30M.
    if let Some(v) = n {
        let (whole, frac) = (v.trunc() as i64, v.fract());
        if frac != 0.0 && v < 1e6 {
            let (big, t, small, k) = match unit {
                Unit::Year => ("Y", "", "M", 12.0),
                Unit::Month => ("M", "", "D", 30.0),
                Unit::Week => ("W", "", "D", 7.0),
                Unit::Day => ("D", "T", "H", 24.0),
                Unit::Hour => ("H", "", "M", 60.0),
                Unit::Minute => ("M", "", "S", 60.0),
                _ => ("", "", "", 0.0),
            };
            if k > 0.0 {
                let clock = matches!(unit, Unit::Hour | Unit::Minute);
                let head = if clock { "PT" } else { "P" };
                let small_v = fmt_num(frac * k);
                return if whole == 0 {
                    let t = if t.is_empty() { "" } else { "T" };
                    format!("{head}{t}{small_v}{small}")
                } else {
                    format!("{head}{whole}{big}{t}{small_v}{small}")
                };
            }
        }
    }
    let num = n.map_or_else(|| "X".to_string(), fmt_num);
    let scaled = |k: f64, code: &str| match n {
        Some(n) => format!("P{}{code}", fmt_num(n * k)),
        None => format!("PX{code}"),
    };
    match unit {
        Unit::Second => format!("PT{num}S"),
        Unit::Minute => format!("PT{num}M"),
        Unit::Hour => format!("PT{num}H"),
        Unit::Day => format!("P{num}D"),
        Unit::Weekend => scaled(2.0, "D"),
        Unit::Week => format!("P{num}W"),
        Unit::Fortnight => scaled(2.0, "W"),
        Unit::Month => format!("P{num}M"),
        Unit::Quarter => scaled(3.0, "M"),
        Unit::Year => format!("P{num}Y"),
        Unit::Decade if n.is_none() => "PXDE".into(),
        Unit::Century if n.is_none() => "PXCE".into(),
        Unit::Decade => scaled(10.0, "Y"),
        Unit::Century => scaled(100.0, "Y"),
    }
}

/// A reporting period of two or three quarters ("the six months", "the
/// nine months", "the past two quarters"): shorter than a year, longer than
/// the quarter a year-earlier comparison would otherwise be about.
fn spans_several_quarters(unit: Unit, n: Option<f64>) -> bool {
    match (unit, n) {
        (Unit::Month, Some(n)) => n == 6.0 || n == 9.0,
        (Unit::Quarter, Some(n)) => n == 2.0 || n == 3.0,
        _ => false,
    }
}

/// Normalize `sem` against `dct` and `tense`; updates `ctx`.
pub fn normalize(
    sem: &Sem,
    dct: Option<NaiveDate>,
    tense: Tense,
    ctx: &mut DocCtx,
) -> (TimexType, String) {
    use TimexType::*;
    match sem {
        Sem::Ymd { y, m, d } => {
            let y = y.or_else(|| dct.map(|dct| infer_year(dct, *m, *d, tense)));
            match y {
                Some(y) => {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, *m, *d) {
                        ctx.refer_day(date);
                    }
                    (Date, format!("{y:04}-{m:02}-{d:02}"))
                }
                None => (Date, format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Sem::Ym { y, m, rel } => {
            let y = y.or_else(|| {
                let dct = dct?;
                Some(match rel {
                    Rel::Next => {
                        if *m > dct.month() {
                            dct.year()
                        } else {
                            dct.year() + 1
                        }
                    }
                    // "last February" in a March article is a year back:
                    // the month just gone would be "last month".
                    Rel::Last => {
                        if *m + 1 < dct.month() {
                            dct.year()
                        } else {
                            dct.year() - 1
                        }
                    }
                    Rel::This => dct.year(),
                    Rel::None | Rel::Any => infer_year(dct, *m, 15, tense),
                })
            });
            match y {
                Some(y) => {
                    ctx.refer_month(y, *m);
                    (Date, format!("{y:04}-{m:02}"))
                }
                None => (Date, format!("XXXX-{m:02}")),
            }
        }
        Sem::MonthOff { m, off } => match dct {
            Some(dct) => (Date, format!("{:04}-{m:02}", i64::from(dct.year()) + off)),
            None => (Date, format!("XXXX-{m:02}")),
        },
        Sem::Year(y) => {
            ctx.refer_year(*y);
            (Date, format!("{y:04}"))
        }
        Sem::YearEnd => match dct {
            Some(dct) => {
                let last_day = dct.month() == 12 && dct.day() == 31;
                let y = match tense {
                    Tense::Past if !last_day => dct.year() - 1,
                    _ => dct.year(),
                };
                (Date, format!("{y:04}-12-31"))
            }
            None => (Date, "XXXX-12-31".into()),
        },
        Sem::Decade(d) => (Date, format!("{d:03}")),
        Sem::Century(c) => (Date, format!("{c:02}")),
        Sem::Part { y, part, rel } => {
            let y = y.or_else(|| dct.map(|dct| resolve_part_year(dct, *part, *rel, tense)));
            let code = part_code(*part);
            match y {
                Some(y) => {
                    match part {
                        Part::Quarter(q) => ctx.name_quarter(y, u32::from(*q), dct),
                        Part::Half(_) => ctx.focus_multi_quarter = true,
                        Part::Season(_) => {}
                    }
                    (Date, format!("{y:04}-{code}"))
                }
                None => (Date, format!("XXXX-{code}")),
            }
        }
        Sem::PartOff { part, off } => {
            let code = part_code(*part);
            match dct {
                Some(dct) => {
                    let y = i64::from(dct.year()) + off;
                    match part {
                        Part::Quarter(q) => ctx.focus_on_quarter(y as i32, u32::from(*q)),
                        Part::Half(_) => ctx.focus_multi_quarter = true,
                        Part::Season(_) => {}
                    }
                    (Date, format!("{y:04}-{code}"))
                }
                None => (Date, format!("XXXX-{code}")),
            }
        }
        // "the 1988 period" after "the nine months": that year's nine months.
        Sem::YearQuarter(y) if ctx.focus_multi_quarter => (Date, format!("{y:04}")),
        Sem::YearQuarter(y) => {
            let q = ctx
                .focus_quarter
                .map(|(_, q)| q)
                .or_else(|| dct.map(|d| quarter_of(add_months(d.year(), d.month(), -3).1)));
            match q {
                Some(q) => (Date, format!("{y:04}-Q{q}")),
                None => (Date, format!("{y:04}-QX")),
            }
        }
        Sem::FocusQuarter => {
            // The quarter the text last named ("the first quarter ... the
            // latest period") when it has ended by the DCT, else the last
            // completed one: the quarter results are reported for, not one
            // still to come ("a fourth-quarter charge").
            match reported_quarter(ctx, dct) {
                Some((y, q)) => {
                    ctx.focus_on_quarter(y, q);
                    (Date, format!("{y:04}-Q{q}"))
                }
                None => (Date, "XXXX-QX".into()),
            }
        }
        // A quarter the text has already named keeps its label: "the
        // fiscal first quarter ... the quarter ended Sept. 30" is the
        // company's first quarter, the label TimeML values follow.
        Sem::QuarterEnding { .. } if ctx.focus_quarter.is_some() => {
            normalize(&Sem::FocusQuarter, dct, tense, ctx)
        }
        Sem::QuarterEnding { y, m, d } => {
            match y.or_else(|| dct.map(|dct| infer_year(dct, *m, *d, tense))) {
                Some(y) => {
                    // The middle month of the three: "ended July 31" covers
                    // May to July, mostly the second quarter.
                    let (y, mid) = add_months(y, *m, -1);
                    let q = quarter_of(mid);
                    ctx.focus_on_quarter(y, q);
                    (Date, format!("{y:04}-Q{q}"))
                }
                None => (Date, "XXXX-QX".into()),
            }
        }
        Sem::YearEarlier => match (ctx.focus_quarter, dct) {
            // After "the nine months" or "the first half" the counterpart
            // spans several quarters: TimeML gives it the year.
            (Some((y, _)), _) if ctx.focus_multi_quarter => (Date, format!("{:04}", y - 1)),
            (None, Some(dct)) if ctx.focus_multi_quarter => {
                (Date, format!("{:04}", dct.year() - 1))
            }
            // A year-ago figure is compared with results already reported:
            // after a forecast for "the third quarter of 1990" the
            // comparison is still with the quarter just reported.
            (Some(_), _) => match reported_quarter(ctx, dct) {
                Some((y, q)) => (Date, format!("{:04}-Q{q}", y - 1)),
                None => (Date, "XXXX-QX".into()),
            },
            (None, Some(dct)) => (Date, format!("{:04}", dct.year() - 1)),
            (None, None) => (Date, "XXXX".into()),
        },
        Sem::Weekday { wd, rel, pod } => {
            let suffix = pod.map(|p| format!("T{}", p.code())).unwrap_or_default();
            match dct.and_then(|dct| resolve_weekday(dct, *wd, *rel, tense)) {
                Some(d) => {
                    ctx.refer_day(d);
                    (Date, format!("{}{suffix}", ymd(d)))
                }
                None => (Date, format!("XXXX-WXX-{wd}{suffix}")),
            }
        }
        Sem::WeekdayFrom { wd, off } => {
            let base = ctx.ref_day.or(dct);
            let day = base.and_then(|b| {
                let cur = i64::from(weekday_num(b.weekday()));
                let wd = i64::from(*wd);
                let diff = if *off < 0 {
                    -(cur - wd - 1).rem_euclid(7) - 1
                } else {
                    (wd - cur - 1).rem_euclid(7) + 1
                };
                shift(b, diff)
            });
            match day {
                Some(d) => {
                    ctx.refer_day(d);
                    (Date, ymd(d))
                }
                None => (Date, format!("XXXX-WXX-{wd}")),
            }
        }
        Sem::DayFrom { day, off } => {
            let (_, v) = normalize(day, dct, tense, ctx);
            let date = v
                .get(..10)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .and_then(|d| shift(d, *off));
            match date {
                Some(d) => {
                    ctx.refer_day(d);
                    (Date, ymd(d))
                }
                None => (Date, "XXXX-XX-XX".into()),
            }
        }
        Sem::WeekOf { y, m, d } => {
            let y = y.or_else(|| dct.map(|dct| infer_year(dct, *m, *d, tense)));
            match y.and_then(|y| NaiveDate::from_ymd_opt(y, *m, *d)) {
                Some(date) => {
                    ctx.refer_day(date);
                    (Date, iso_week(date))
                }
                None => (Date, "XXXX-WXX".into()),
            }
        }
        Sem::DayOff { off, pod } => {
            let suffix = pod.map(|p| format!("T{}", p.code())).unwrap_or_default();
            match dct.and_then(|d| shift(d, *off)) {
                Some(d) => {
                    ctx.refer_day(d);
                    (Date, format!("{}{suffix}", ymd(d)))
                }
                None => (Date, format!("XXXX-XX-XX{suffix}")),
            }
        }
        Sem::PodTime { off, pod } => match dct.and_then(|d| shift(d, *off)) {
            Some(d) => (Time, format!("{}T{}", ymd(d), pod.code())),
            None => (Time, format!("XXXX-XX-XXT{}", pod.code())),
        },
        Sem::UnitOff { unit, off } => unit_off(*unit, *off, dct, ctx),
        Sem::Anaphor { unit, off } => anaphor(*unit, *off, dct, ctx),
        Sem::Ago {
            unit,
            n,
            sign,
            from_ref,
        } => ago(*unit, *n, *sign, *from_ref, dct, ctx),
        Sem::Weekend { rel } => {
            let Some(dct) = dct else {
                return (Date, "XXXX-WXX-WE".into());
            };
            let cur = i64::from(dct.weekday().num_days_from_monday());
            // Saturday of the chosen weekend.
            let sat_this = shift(dct, 5 - cur);
            let past = match rel {
                Rel::Last => true,
                Rel::Next | Rel::This => false,
                Rel::None | Rel::Any => tense == Tense::Past,
            };
            let sat = if past && cur < 5 {
                sat_this.and_then(|s| shift(s, -7))
            } else if *rel == Rel::Next && cur >= 5 {
                sat_this.and_then(|s| shift(s, 7))
            } else {
                sat_this
            };
            match sat {
                Some(s) => (Date, format!("{}-WE", iso_week(s))),
                None => (Date, "XXXX-WXX-WE".into()),
            }
        }
        Sem::Holiday { id, y } => {
            let (_, m, d) = holiday(*id).unwrap_or(("", 0, 0));
            let y = y.or_else(|| dct.map(|dct| infer_year(dct, m.max(1), d.max(1), tense)));
            match y.and_then(|y| holiday_date(*id, y)) {
                Some(date) => (Date, ymd(date)),
                None if m > 0 && d > 0 => (Date, format!("XXXX-{m:02}-{d:02}")),
                None => (Date, "XXXX-XX-XX".into()),
            }
        }
        Sem::HolidayWeek { id } => {
            let (_, m, d) = holiday(*id).unwrap_or(("", 0, 0));
            let y = dct.map(|dct| infer_year(dct, m.max(1), d.max(1), tense));
            match y.and_then(|y| holiday_date(*id, y)) {
                Some(date) => (Date, iso_week(date)),
                None => (Date, "XXXX-WXX".into()),
            }
        }
        Sem::Ref(r) => (Date, (*r).to_string()),
        Sem::Then => (Date, String::new()),
        Sem::Duration { unit, n } => {
            if spans_several_quarters(*unit, *n) {
                ctx.focus_multi_quarter = true;
            }
            (Duration, duration_value(*unit, *n))
        }
        Sem::Set(v) => (Set, v.clone()),
        Sem::Time { date, h, min, sec } => {
            let day = match date {
                Some(d) => {
                    let (_, v) = normalize(d, dct, tense, ctx);
                    // A week is no day, but a weekday in an unknown week
                    // ("2pm on a Sunday") still names one.
                    v.get(..10).map(str::to_string).filter(|s| {
                        !s.contains('W')
                            || s.starts_with("XXXX-WXX-")
                                && s.ends_with(|c: char| c.is_ascii_digit())
                    })
                }
                None => ctx.ref_day.or(dct).map(ymd),
            };
            let day = day.unwrap_or_else(|| "XXXX-XX-XX".into());
            let value = match sec {
                Some(sec) => format!("{day}T{h:02}:{min:02}:{sec:02}"),
                None => format!("{day}T{h:02}:{min:02}"),
            };
            (Time, value)
        }
    }
}

/// "that year", "the following month": from the reference time at the
/// unit's granularity when the text has named one, else from the DCT.
fn anaphor(unit: Unit, off: i64, dct: Option<NaiveDate>, ctx: &mut DocCtx) -> (TimexType, String) {
    use TimexType::Date;
    let base_day = ctx.ref_day.or(dct);
    let v = match unit {
        // "most recently last October ... that same day": the text last
        // named a month, not a day; the day is one of that month's.
        Unit::Day if off == 0 && ctx.ref_day.is_none() && ctx.ref_month.is_some() => {
            match (ctx.ref_year, ctx.ref_month) {
                (Some(y), Some(m)) => Some(format!("{y:04}-{m:02}-XX")),
                _ => None,
            }
        }
        Unit::Day => base_day.and_then(|d| shift(d, off)).map(|d| {
            ctx.refer_day(d);
            ymd(d)
        }),
        Unit::Week => base_day.and_then(|d| shift(d, 7 * off)).map(iso_week),
        Unit::Month => {
            let base = match (ctx.ref_year, ctx.ref_month) {
                (Some(y), Some(m)) => Some((y, m)),
                _ => dct.map(|d| (d.year(), d.month())),
            };
            base.map(|(y, m)| {
                let (y, m) = add_months(y, m, off);
                ctx.refer_month(y, m);
                format!("{y:04}-{m:02}")
            })
        }
        Unit::Quarter => {
            let base = ctx
                .focus_quarter
                .or_else(|| dct.map(|d| (d.year(), quarter_of(d.month()))));
            base.map(|(y, q)| {
                let (y, m) = add_months(y, q * 3, 3 * off);
                let q = quarter_of(m);
                // "compared with 0.5% in the previous quarter. ... grew 1.0%
                // in the quarter": the quarter compared with takes no focus.
                if off >= 0 {
                    ctx.focus_on_quarter(y, q);
                }
                format!("{y:04}-Q{q}")
            })
        }
        _ => ctx.ref_year.or(dct.map(|d| d.year())).map(|y| {
            let y = (i64::from(y) + off).clamp(-9999, 9999) as i32;
            ctx.refer_year(y);
            format!("{y:04}")
        }),
    };
    match v {
        Some(v) => (Date, v),
        None => unit_off(unit, off, None, ctx),
    }
}

fn unit_off(unit: Unit, off: i64, dct: Option<NaiveDate>, ctx: &mut DocCtx) -> (TimexType, String) {
    use TimexType::Date;
    let Some(dct) = dct else {
        let v = match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
            _ => "PRESENT_REF",
        };
        return (Date, v.into());
    };
    let v = match unit {
        Unit::Day => shift(dct, off).map(ymd),
        Unit::Week | Unit::Fortnight => shift(dct, off * 7).map(iso_week),
        Unit::Weekend => {
            let cur = i64::from(dct.weekday().num_days_from_monday());
            shift(dct, 5 - cur + off * 7).map(|s| format!("{}-WE", iso_week(s)))
        }
        Unit::Month => {
            let (y, m) = add_months(dct.year(), dct.month(), off);
            Some(format!("{y:04}-{m:02}"))
        }
        Unit::Quarter => {
            let (y, m) = add_months(dct.year(), dct.month(), off * 3);
            let q = quarter_of(m);
            ctx.focus_on_quarter(y, q);
            Some(format!("{y:04}-Q{q}"))
        }
        Unit::Year => Some(format!("{:04}", i64::from(dct.year()) + off)),
        Unit::Decade => Some(format!("{:03}", i64::from(dct.year()) / 10 + off)),
        Unit::Century => Some(format!("{:02}", i64::from(dct.year()) / 100 + off)),
        Unit::Hour | Unit::Minute | Unit::Second => Some("PRESENT_REF".into()),
    };
    (Date, v.unwrap_or_else(|| "XXXX".into()))
}

fn ago(
    unit: Unit,
    n: Option<f64>,
    sign: i64,
    from_ref: bool,
    dct: Option<NaiveDate>,
    ctx: &mut DocCtx,
) -> (TimexType, String) {
    use TimexType::Date;
    let reff = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
    let (Some(dct), Some(n)) = (dct, n) else {
        return (Date, reff.into());
    };
    if n.fract() != 0.0 || n > 10000.0 {
        return (Date, reff.into());
    }
    let k = n as i64 * sign;
    let v = match unit {
        Unit::Day => shift(dct, k).map(ymd),
        Unit::Week | Unit::Weekend => shift(dct, 7 * k).map(iso_week),
        Unit::Fortnight => shift(dct, 14 * k).map(iso_week),
        Unit::Month => {
            let (y, m) = add_months(dct.year(), dct.month(), k);
            Some(format!("{y:04}-{m:02}"))
        }
        Unit::Quarter => {
            let (y, m) = add_months(dct.year(), dct.month(), 3 * k);
            Some(format!("{y:04}-Q{}", quarter_of(m)))
        }
        Unit::Year => {
            if k == -1 {
                // A year before the period in focus: the year-earlier
                // quarter, or the earlier year after a period of several
                // quarters ("the nine months ... a year earlier").
                match ctx.focus_quarter {
                    Some((y, _)) if ctx.focus_multi_quarter => {
                        return (Date, format!("{:04}", y - 1));
                    }
                    Some((y, q)) => return (Date, format!("{:04}-Q{q}", y - 1)),
                    None => {}
                }
            }
            // "profits of £75m in the three months to 31 December 2004,
            // against £125m a year earlier": the year before the one the
            // text last named.
            let base = match ctx.ref_year {
                Some(y) if from_ref => y,
                _ => dct.year(),
            };
            Some(format!("{:04}", i64::from(base) + k))
        }
        Unit::Decade => Some(format!("{:04}", i64::from(dct.year()) + 10 * k)),
        Unit::Century => Some(format!("{:02}", (i64::from(dct.year()) + 100 * k) / 100)),
        Unit::Hour | Unit::Minute | Unit::Second => Some(ymd(dct)),
    };
    (Date, v.unwrap_or_else(|| reff.into()))
}

/// The quarter that results are reported for: the quarter the text last
/// named when it has ended by the DCT, else the last completed one (not a
/// quarter still to come, as in "a fourth-quarter charge").
fn reported_quarter(ctx: &DocCtx, dct: Option<NaiveDate>) -> Option<(i32, u32)> {
    let ended =
        |(y, q): (i32, u32)| dct.is_some_and(|d| (y, q) < (d.year(), quarter_of(d.month())));
    ctx.focus_quarter.filter(|&f| ended(f)).or_else(|| {
        dct.map(|dct| {
            let (y, m) = add_months(dct.year(), dct.month(), -3);
            (y, quarter_of(m))
        })
    })
}
