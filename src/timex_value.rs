//! Validation of TIMEX3 `value` attributes (ISO 8601 as TimeML extends it).

use std::sync::LazyLock;

use regex::Regex;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?: [0-9X]{2} | [0-9X]{3} | [0-9X]{4} )                 # century, decade, year
        (?: -(?: SP|SU|FA|WI|Q[1-4X]|H[12X]
              | W[0-9X]{2}(?:-(?:WE|[1-7X]))?
              | [0-9X]{2}(?:-[0-9X]{2})? ) )?
        (?: T(?: MO|MI|AF|EV|NI|DT
              | [0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2}(?:\.[0-9]+)?)?)? )
            (?: Z | [+-][0-9]{2}(?::?[0-9]{2})? )? )?
        $",
    )
    .expect("TIMEX3 date pattern")
});

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^P(?:(?:[0-9]+(?:\.[0-9]+)?|X)(?:Y|M|W|D|DE|CE|ML|Q|H|FA|SP|SU|WI|WE))*(?:T(?:(?:[0-9]+(?:\.[0-9]+)?|X)(?:H|M|S))*)?$",
    )
    .expect("TIMEX3 duration pattern")
});

/// Whether `v` is a valid TIMEX3 value: a (partial) date or time, a
/// duration, or one of the REF values. Calendar dates must exist.
pub fn is_valid(v: &str) -> bool {
    match v {
        "PAST_REF" | "PRESENT_REF" | "FUTURE_REF" => return true,
        _ => {}
    }
    if v.starts_with('P') {
        return v.len() > 1 && v != "PT" && DURATION.is_match(v);
    }
    if !DATE.is_match(v) {
        return false;
    }
    let mut parts = v.splitn(2, 'T');
    let date = parts.next().unwrap_or(v);
    date_exists(date) && parts.next().is_none_or(time_ok)
}

/// A full calendar date must exist (2001-02-30 does not); partial dates need
/// a month in 1-12, a day in 1-31 and a week in 1-53.
fn date_exists(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] => match (y.parse::<i32>().ok(), num(m), num(d)) {
            (Some(y), Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(y, m, d).is_some(),
            (_, m, d) => {
                m.is_none_or(|m| (1..=12).contains(&m)) && d.is_none_or(|d| (1..=31).contains(&d))
            }
        },
        [_, m] => match (num(m), m.strip_prefix('W').and_then(num)) {
            (Some(m), _) => (1..=12).contains(&m),
            (_, Some(w)) => (1..=53).contains(&w),
            _ => true,
        },
        _ => true,
    }
}

fn time_ok(t: &str) -> bool {
    let num = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok());
    num(t.get(..2)).is_none_or(|h| h <= 24) && num(t.get(3..5)).is_none_or(|m| m < 60)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_timeml_values() {
        for v in [
            "2001-11-21",
            "2001-W46",
            "1997-07",
            "2001-11-23T01:27",
            "P2W",
            "P200D",
            "PAST_REF",
            "XXXX-09-11",
            "199",
            "19",
            "2002-SU",
            "2001-11-22TNI",
            "PT2H",
            "P1Y6M",
            "XXXX-WXX-2",
            "2010-Q3",
            "PXY",
            "2001-W46-WE",
            "1997",
        ] {
            assert!(is_valid(v), "{v}");
        }
    }

    #[test]
    fn rejects_impossible_or_malformed_values() {
        for v in [
            "2001-02-30",
            "2001-13",
            "yesterday",
            "P",
            "2001-11-21T25:00",
            "01-11-2001",
            "2001-W60",
            "",
        ] {
            assert!(!is_valid(v), "{v}");
        }
    }
}
