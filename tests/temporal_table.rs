//! Table-driven test of the temporal tagger: each row is a text, a
//! publication date, the expected span text, TIMEX3 type and value. Rows
//! with an empty span are traps: the text must yield no expression at all.

use chrono::NaiveDate;
use gloss::detect::temporal::tag;
use gloss::detect::TimexType;

use TimexType::{Date as D, Duration as U, Set as S, Time as T};

struct Row {
    text: &'static str,
    dct: &'static str,
    span: &'static str,
    kind: TimexType,
    value: &'static str,
}

const fn r(
    text: &'static str,
    dct: &'static str,
    span: &'static str,
    kind: TimexType,
    value: &'static str,
) -> Row {
    Row {
        text,
        dct,
        span,
        kind,
        value,
    }
}

/// A trap: no temporal expression at all.
const fn none(text: &'static str, dct: &'static str) -> Row {
    Row {
        text,
        dct,
        span: "",
        kind: D,
        value: "",
    }
}

// Publication dates used below (weekday in the comment).
const D2001: &str = "2001-11-23"; // Friday
const D1997: &str = "1997-01-17"; // Friday
const D1989: &str = "1989-10-26"; // Thursday
const D2010: &str = "2010-10-27"; // Wednesday
const D1998: &str = "1998-02-13"; // Friday
const NO_DCT: &str = "";

const ROWS: &[Row] = &[
    // Absolute dates.
    r(
        "It was signed on 23 November 2001 in Brussels.",
        D2001,
        "23 November 2001",
        D,
        "2001-11-23",
    ),
    r(
        "before the Nov. 19 summit in Lisbon",
        D2010,
        "Nov. 19",
        D,
        "2010-11-19",
    ),
    r("Prices rose in 1997 by a tenth.", D2001, "1997", D, "1997"),
    r(
        "Since July 1, 2024, we have disabled ads.",
        D2010,
        "July 1, 2024",
        D,
        "2024-07-01",
    ),
    r("as it did in the 1990s", D2001, "the 1990s", D, "199"),
    r("as it did in the '80s", D2001, "the '80s", D, "198"),
    r(
        "The talks resume in mid-March.",
        D1997,
        "mid-March",
        D,
        "1997-03",
    ),
    r(
        "He left in the summer of 2002.",
        D2010,
        "the summer of 2002",
        D,
        "2002-SU",
    ),
    r(
        "Deaths rose in 1942-1943 sharply.",
        D2001,
        "1942",
        D,
        "1942",
    ),
    r(
        "the shooting on September 11th shocked",
        D2001,
        "September 11th",
        D,
        "2001-09-11",
    ),
    r(
        "the attacks of 11 September changed",
        D2001,
        "11 September",
        D,
        "2001-09-11",
    ),
    r(
        "Updated 17 Nov 01 by staff",
        D2001,
        "17 Nov 01",
        D,
        "2001-11-17",
    ),
    r(
        "Published 2001-11-22 online.",
        D2001,
        "2001-11-22",
        D,
        "2001-11-22",
    ),
    r(
        "on March 12, 1999, the three joined",
        D1998,
        "March 12, 1999",
        D,
        "1999-03-12",
    ),
    r(
        "In November 1989 the wall fell.",
        D1998,
        "November 1989",
        D,
        "1989-11",
    ),
    r(
        "by the end of 1994 it was over",
        D1998,
        "the end of 1994",
        D,
        "1994",
    ),
    r(
        "the Nov. 19 summit in Lisbon next month",
        D2010,
        "Nov. 19",
        D,
        "2010-11-19",
    ),
    r(
        "a draft handed over in December, Kommersant said",
        D2010,
        "December",
        D,
        "2009-12",
    ),
    r(
        "elected in early September",
        D1989,
        "early September",
        D,
        "1989-09",
    ),
    r(
        "sales in late November were weak",
        D1998,
        "late November",
        D,
        "1997-11",
    ),
    r(
        "the 23rd of November was quiet",
        D2001,
        "the 23rd of November",
        D,
        "2001-11-23",
    ),
    r(
        "It happened in the 20th century.",
        D2001,
        "the 20th century",
        D,
        "19",
    ),
    r("as in the nineties", D2001, "the nineties", D, "199"),
    r(
        "In nineteen ninety-six they won.",
        D1998,
        "nineteen ninety-six",
        D,
        "1996",
    ),
    r(
        "by the year two thousand",
        D1998,
        "the year two thousand",
        D,
        "2000",
    ),
    r(
        "on April 24 and 25 in Washington",
        D1998,
        "April 24",
        D,
        "1998-04-24",
    ),
    r(
        "They will meet on Christmas Day.",
        D2001,
        "Christmas Day",
        D,
        "2001-12-25",
    ),
    r(
        "The shops open again on New Year's Day.",
        D2001,
        "New Year's Day",
        D,
        "2002-01-01",
    ),
    r(
        "The accord was signed on New Year's Day.",
        D2001,
        "New Year's Day",
        D,
        "2001-01-01",
    ),
    none(
        "New Year celebrations went on in a new year of hope.",
        D2001,
    ),
    r(
        "he fell ill during Thanksgiving 1998",
        D2001,
        "Thanksgiving 1998",
        D,
        "1998-11-26",
    ),
    r(
        "The vote will be on Election Day.",
        D1998,
        "Election Day",
        D,
        "1998-11-03",
    ),
    r(
        "in the winter of 1994 the river froze",
        D1998,
        "the winter of 1994",
        D,
        "1994-WI",
    ),
    r("closing in fiscal 1990", D1989, "fiscal 1990", D, "1990"),
    // Relative dates.
    r(
        "Western diplomats said yesterday.",
        D1997,
        "yesterday",
        D,
        "1997-01-16",
    ),
    r(
        "Lord Robertson is to meet Mr Putin today.",
        D2001,
        "today",
        D,
        "2001-11-23",
    ),
    r("The vote is tomorrow.", D2001, "tomorrow", D, "2001-11-24"),
    r(
        "He will speak tonight in Moscow.",
        D2001,
        "tonight",
        T,
        "2001-11-23TNI",
    ),
    r(
        "He spoke last night in Moscow.",
        D1997,
        "last night",
        T,
        "1997-01-16TNI",
    ),
    r(
        "She called this morning to say",
        D1998,
        "this morning",
        T,
        "1998-02-13TMO",
    ),
    r(
        "the summit last week in Texas",
        D2001,
        "last week",
        D,
        "2001-W46",
    ),
    r(
        "a meeting next Monday in Moscow",
        D1997,
        "next Monday",
        D,
        "1997-01-20",
    ),
    r(
        "Kohl visited Yeltsin two weeks ago.",
        D1997,
        "two weeks ago",
        D,
        "1997-W01",
    ),
    r(
        "threats made last month in Brussels",
        D1997,
        "last month",
        D,
        "1996-12",
    ),
    r(
        "the Madrid summit next July",
        D1997,
        "next July",
        D,
        "1997-07",
    ),
    r("new members this week", D1997, "this week", D, "1997-W03"),
    r(
        "Profits fell earlier this year.",
        D1989,
        "earlier this year",
        D,
        "1989",
    ),
    r(
        "The idea was put forward at the weekend by Blair.",
        D2001,
        "the weekend",
        D,
        "2001-W46-WE",
    ),
    r(
        "They will meet this weekend.",
        D2001,
        "this weekend",
        D,
        "2001-W47-WE",
    ),
    r(
        "Prices rose over the past several months.",
        D1989,
        "the past several months",
        U,
        "PXM",
    ),
    r("Sales rose last year.", D1989, "last year", D, "1988"),
    r("Sales will rise next year.", D1989, "next year", D, "1990"),
    r("Profit rose this year.", D1989, "this year", D, "1989"),
    r(
        "Sales fell last quarter.",
        D1989,
        "last quarter",
        D,
        "1989-Q3",
    ),
    r(
        "Growth slowed in the third quarter.",
        D1989,
        "the third quarter",
        D,
        "1989-Q3",
    ),
    r(
        "third-quarter profit rose",
        D1989,
        "third-quarter",
        D,
        "1989-Q3",
    ),
    r(
        "Net rose in the quarter, the company said.",
        D1989,
        "the quarter",
        D,
        "1989-Q3",
    ),
    r(
        "It rose in the first half.",
        D1989,
        "the first half",
        D,
        "1989-H1",
    ),
    r("It rose last fall.", D1989, "last fall", D, "1988-FA"),
    r(
        "It will open this summer.",
        D1998,
        "this summer",
        D,
        "1998-SU",
    ),
    r(
        "the sniper killed him 10 days ago",
        D2001,
        "10 days ago",
        D,
        "2001-11-13",
    ),
    r(
        "Prices were higher a year ago.",
        D1998,
        "a year ago",
        D,
        "1997",
    ),
    r(
        "They met three months ago.",
        D1998,
        "three months ago",
        D,
        "1997-11",
    ),
    r(
        "It will be done two weeks from now.",
        D1998,
        "two weeks from now",
        D,
        "1998-W09",
    ),
    r(
        "It begins early next year.",
        D1989,
        "early next year",
        D,
        "1990",
    ),
    r(
        "It opened late last year.",
        D1989,
        "late last year",
        D,
        "1988",
    ),
    r(
        "He visited in July last year.",
        D1998,
        "July last year",
        D,
        "1997-07",
    ),
    // "year-end" is the year's last day: of the year before the DCT in a
    // past clause, of the DCT's year otherwise. "year end", "year's end"
    // and "the end of the year" stay the year (TimeML's mod="END").
    r("Costs rose by year-end.", D1989, "year-end", D, "1988-12-31"),
    r(
        "The deal should close by year-end.",
        D2010,
        "year-end",
        D,
        "2010-12-31",
    ),
    r(
        "The index is up 4% since year-end.",
        D2010,
        "year-end",
        D,
        "2009-12-31",
    ),
    r(
        "They hope to finish by the end of the year.",
        D2010,
        "the end of the year",
        D,
        "2010",
    ),
    r("Hiring will slow by year's end.", D2010, "year's end", D, "2010"),
    r(
        "sales in the current fiscal year",
        D1989,
        "current fiscal year",
        D,
        "1989",
    ),
    r(
        "It closes in the current quarter.",
        D1989,
        "the current quarter",
        D,
        "1989-Q4",
    ),
    r(
        "It rose in this year's third quarter.",
        D1989,
        "this year's third quarter",
        D,
        "1989-Q3",
    ),
    r(
        "compared with the year-earlier quarter",
        D1989,
        "the year-earlier quarter",
        D,
        "1988",
    ),
    r(
        "Analysts expect a rebound in the future.",
        D1998,
        "the future",
        D,
        "FUTURE_REF",
    ),
    r(
        "Things were different in the past.",
        D1998,
        "the past",
        D,
        "PAST_REF",
    ),
    r(
        "The company recently agreed to sell.",
        D1998,
        "recently",
        D,
        "PAST_REF",
    ),
    r(
        "The company is now in talks.",
        D1998,
        "now",
        D,
        "PRESENT_REF",
    ),
    r(
        "The plan is currently being studied.",
        D2001,
        "currently",
        D,
        "PRESENT_REF",
    ),
    r(
        "what we need right now is calm",
        D2010,
        "right now",
        D,
        "PRESENT_REF",
    ),
    r(
        "Russia could someday join.",
        D1998,
        "someday",
        D,
        "FUTURE_REF",
    ),
    r("Nato will soon admit them.", D1998, "soon", D, "FUTURE_REF"),
    r(
        "It is a problem these days.",
        D1998,
        "these days",
        D,
        "PRESENT_REF",
    ),
    r(
        "Rates rose in recent years.",
        D1998,
        "recent years",
        D,
        "PAST_REF",
    ),
    r(
        "Prices fell in recent weeks.",
        D2001,
        "recent weeks",
        U,
        "PXW",
    ),
    r(
        "under current market conditions",
        D1989,
        "current",
        D,
        "PRESENT_REF",
    ),
    // Weekdays and tense.
    r(
        "He said after talks on Thursday with Ivanov.",
        D2001,
        "Thursday",
        D,
        "2001-11-22",
    ),
    r(
        "The minister will travel on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-27",
    ),
    r(
        "The minister is to travel on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-27",
    ),
    r(
        "The minister travelled on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-20",
    ),
    // The simple present of a scheduled event looks ahead; the bare form
    // is as often a noun and stays with the text around it.
    r(
        "Voting closes on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-27",
    ),
    r(
        "The minister flies to Moscow on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-27",
    ),
    r(
        "Shares hit a record close on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-20",
    ),
    r(
        "Kommersant reported Wednesday that",
        D2010,
        "Wednesday",
        D,
        "2010-10-27",
    ),
    r(
        "a meeting in Geneva on Tuesday is planned",
        D1998,
        "Tuesday",
        D,
        "1998-02-17",
    ),
    r(
        "They met last Tuesday.",
        D2001,
        "last Tuesday",
        D,
        "2001-11-20",
    ),
    r(
        "The rally was held Friday night.",
        D1998,
        "Friday night",
        D,
        "1998-02-13TNI",
    ),
    r(
        "The shop opens on Mondays.",
        D1998,
        "Mondays",
        S,
        "XXXX-WXX-1",
    ),
    r(
        "Wednesday's ruling angered them.",
        D1998,
        "Wednesday",
        D,
        "1998-02-11",
    ),
    r(
        "the Credit Lyonnais purchase Monday",
        D1989,
        "Monday",
        D,
        "1989-10-23",
    ),
    r(
        "They may come as soon as Tuesday.",
        D1998,
        "Tuesday",
        D,
        "1998-02-17",
    ),
    // Clock times and datelines.
    r(
        "Friday, 23 November, 2001, 01:27 GMT\nNato brings",
        D2001,
        "Friday, 23 November, 2001, 01:27 GMT",
        T,
        "2001-11-23T01:27",
    ),
    // Four digits before a time zone are a 24-hour time, not a year.
    r(
        "At 1300 GMT, the euro was trading higher.",
        D1998,
        "1300 GMT",
        T,
        "1998-02-13T13:00",
    ),
    r(
        "Polls close at 2100 BST.",
        D1998,
        "2100 BST",
        T,
        "1998-02-13T21:00",
    ),
    r(
        "It will be televised from 1700 local time.",
        D1998,
        "1700 local time",
        T,
        "1998-02-13T17:00",
    ),
    r(
        "It is shown live from 1130 to 1215 GMT.",
        D1998,
        "1130",
        T,
        "1998-02-13T11:30",
    ),
    r(
        "Saturday, 14 February 1600 GMT",
        D1998,
        "Saturday, 14 February 1600 GMT",
        T,
        "1998-02-14T16:00",
    ),
    // Race times are no times of day.
    none("She won the 800m in 1:48.32.", D1998),
    none("He ran the marathon in 2:08:30.", D1998),
    r(
        "The quake struck at 10:45:30 GMT.",
        D1998,
        "10:45:30 GMT",
        T,
        "1998-02-13T10:45:30",
    ),
    // Four digits before a unit are a quantity.
    none("The shares closed at 1218 pence.", D1998),
    none("Each user gets a 2048-bit key.", D1998),
    none("A 5000-strong crowd watched.", D1998),
    r(
        "The fleet will be replaced by 2100.",
        D1998,
        "2100",
        D,
        "2100",
    ),
    r(
        "The blast occurred at about 10:35 a.m. local time.",
        D1998,
        "10:35 a.m.",
        T,
        "1998-02-13T10:35",
    ),
    r(
        "The deadline is 5 p.m. EST tomorrow.",
        D1998,
        "5 p.m. EST tomorrow",
        T,
        "1998-02-14T17:00",
    ),
    r(
        "The offer expires at noon.",
        D1998,
        "noon",
        T,
        "1998-02-13T12:00",
    ),
    r(
        "It ended at 10 p.m. Wednesday.",
        D1998,
        "10 p.m. Wednesday",
        T,
        "1998-02-11T22:00",
    ),
    r(
        "Polls close at 9pm tonight.",
        D1998,
        "9pm",
        T,
        "1998-02-13T21:00",
    ),
    r(
        "He arrived at around 7:15 p.m. yesterday.",
        D1998,
        "around 7:15 p.m. yesterday",
        T,
        "1998-02-12T19:15",
    ),
    // Durations.
    r("a 200-day campaign", D2001, "200-day", U, "P200D"),
    r(
        "over the next 12 months",
        D2001,
        "the next 12 months",
        U,
        "P12M",
    ),
    r(
        "He served three years in prison.",
        D2001,
        "three years",
        U,
        "P3Y",
    ),
    r("a two-day visit", D2001, "two-day", U, "P2D"),
    r("a yearlong study", D1997, "yearlong", U, "P1Y"),
    r("It lasted 5 1/2 hours.", D1998, "5 1/2 hours", U, "PT5H30M"),
    r(
        "It lasted two and a half years.",
        D1998,
        "two and a half years",
        U,
        "P2Y6M",
    ),
    r(
        "for the past two months",
        D1998,
        "the past two months",
        U,
        "P2M",
    ),
    r(
        "in the last twenty four hours",
        D1998,
        "the last twenty four hours",
        U,
        "PT24H",
    ),
    r("It took a few days.", D1998, "a few days", U, "PXD"),
    r("It has gone on for years.", D1998, "years", U, "PXY"),
    r("The feud lasted for decades.", D2001, "decades", U, "PXDE"),
    r(
        "held for nearly two years",
        D1998,
        "nearly two years",
        U,
        "P2Y",
    ),
    r(
        "for more than a decade",
        D1998,
        "more than a decade",
        U,
        "P10Y",
    ),
    r(
        "at least 72 hours later",
        D1998,
        "at least 72 hours",
        U,
        "PT72H",
    ),
    r(
        "up to 180 days in jail",
        D1998,
        "up to 180 days",
        U,
        "P180D",
    ),
    r("stay for two more weeks", D1998, "two more weeks", U, "P2W"),
    r("a five-year low", D1998, "five-year", U, "P5Y"),
    r(
        "the nine months ended Sept. 30",
        D1989,
        "the nine months",
        U,
        "P9M",
    ),
    r(
        "the first nine months of the year",
        D1989,
        "the first nine months",
        U,
        "P9M",
    ),
    r("in the coming years", D1998, "the coming years", U, "PXY"),
    r("a day-long meeting", D1998, "day-long", U, "P1D"),
    r(
        "the fighting in the days before the vote",
        D1998,
        "days",
        U,
        "PXD",
    ),
    r("It took one minute.", D1998, "one minute", U, "PT1M"),
    r("for the past decade", D1998, "the past decade", U, "P10Y"),
    r("for a week", D1998, "a week", U, "P1W"),
    // Sets.
    r("They meet every year.", D1998, "every year", S, "P1Y"),
    r("Rates are reviewed annually.", D1998, "annually", S, "P1Y"),
    r(
        "It was checked each season by staff.",
        D1998,
        "each season",
        S,
        "P1Y",
    ),
    r("an annual NATO summit", D2010, "annual", S, "P1Y"),
    r("Flights leave daily from Sydney.", D1998, "daily", S, "P1D"),
    r(
        "They report weekly to the board.",
        D1998,
        "weekly",
        S,
        "P1W",
    ),
    r(
        "Guards rotate every Monday.",
        D1998,
        "every Monday",
        S,
        "XXXX-WXX-1",
    ),
    r(
        "The fair opens each July.",
        D1998,
        "each July",
        S,
        "XXXX-07",
    ),
    r(
        "They meet every other week.",
        D1998,
        "every other week",
        S,
        "P2W",
    ),
    r("It pays $5 a year in dividends.", D1998, "a year", S, "P1Y"),
    // Without a DCT.
    r(
        "Robertson arrived yesterday.",
        NO_DCT,
        "yesterday",
        D,
        "XXXX-XX-XX",
    ),
    r(
        "on September 11th",
        NO_DCT,
        "September 11th",
        D,
        "XXXX-09-11",
    ),
    r(
        "He will come on Tuesday.",
        NO_DCT,
        "Tuesday",
        D,
        "XXXX-WXX-2",
    ),
    r("It happened last week.", NO_DCT, "last week", D, "XXXX-WXX"),
    r("It is due next July.", NO_DCT, "next July", D, "XXXX-07"),
    r(
        "Prices fell two weeks ago.",
        NO_DCT,
        "two weeks ago",
        D,
        "PAST_REF",
    ),
    r("It was signed in 1997.", NO_DCT, "1997", D, "1997"),
    r("It happens now.", NO_DCT, "now", D, "PRESENT_REF"),
    // Traps: no expression.
    none("You may go if you wish.", ""),
    none("Members may join if they wish.", D1998),
    none("May I ask a question?", D1998),
    none("Protesters march on the capital.", D1998),
    none("March on, they said.", D1998),
    none("Thousands joined the March for Life.", D1998),
    none("Many in the party backed the May government.", D1998),
    none("There was little support for May among the rebels.", D1998),
    r(
        "Poland prepared for the March accession.",
        D1998,
        "March",
        D,
        "1998-03",
    ),
    r(
        "The party lost ground after the May elections.",
        D1998,
        "May",
        D,
        "1997-05",
    ),
    // A day before the month, as British news writes dates: not the verb,
    // not the name.
    r("The vote on 5 May was close.", D1998, "5 May", D, "1997-05-05"),
    r(
        "It was bombed on 1 May, 1997, before the final.",
        D1998,
        "1 May, 1997",
        D,
        "1997-05-01",
    ),
    r(
        "The talks will resume on 12 March.",
        D1998,
        "12 March",
        D,
        "1998-03-12",
    ),
    r(
        "Polls close on the 3rd May.",
        D1998,
        "the 3rd May",
        D,
        "1998-05-03",
    ),
    r(
        "Parliament set a vote for March.",
        D1998,
        "March",
        D,
        "1998-03",
    ),
    none("the Second World War ended", D1998),
    none("Bloody Sunday was commemorated.", D1998),
    none("He wrote for the Sunday Times about it.", D1998),
    none("The Sunday Telegraph reported it.", D1998),
    none("They shipped 1997 tonnes of grain.", D1998),
    none("The car cost $2,000 to repair.", D1998),
    none("Call 555-1997 for details.", D1998),
    none("Call (202) 555-1943 for details.", D1998),
    none("Flight 1990 landed safely.", D1998),
    none("The plan has three steps: first, second and third.", D1998),
    none("1. Apply 2. Wait 3. Collect", D1998),
    none("He won 2,000 votes.", D1998),
    none("She is the 6-year-old boy's cousin.", D1998),
    none("He is six years old.", D1998),
    none("Iraq imports three-quarters of its food.", D1998),
    none("the boss said prices may fall", D1998),
    none("He said it on CBS's 60 Minutes programme.", D1998),
    none("speaking on ABC's This Week show", D1998),
    none("the film High Noon was shown", D1998),
    none("She will march to the square.", D1998),
    none("Send it as soon as possible.", D1998),
    none("The Daily Telegraph reported it.", D1998),
    none("Prices fall in a second.", D1998),
    none("room 2001 is booked", D1998),
    none("the current account deficit widened", D1998),
    none("up 3.5% to 1,997.5 points", D1998),
    none("a score of 1997.5 is rare", D1998),
    // Not temporal expressions: a programme's title, a frequency adjective
    // that makes a quantity a rate, a unit of speed, a year in a name.
    none("He said so on NBC's \"60 Minutes\" programme.", ""),
    none("She appeared on \"This Week With Jane Doe\" in Boston.", ""),
    none("The firm posted annual sales of $2 billion.", D1998),
    none("Average daily volume rose to 133 million shares.", D1998),
    none("It pays daily dividends to its holders.", D1998),
    none("The chip runs 20 million instructions per second.", D1998),
    none("The car reached 120 miles an hour on the bridge.", D1998),
    none("They formed a venture called Nova 1995 in Ohio.", D1998),
    none("Sales should rise 8.5% annually.", D1998),
    none("Revenue grew 12 percent a year.", D1998),
    none("Now for the weather.", D1998),
    // "soon" next to a past verb is shortly after a past event.
    none("He fell ill and was soon released.", D1998),
    none("The protest soon turned violent.", D1998),
    r(
        "Prosecutors may soon seek an indictment.",
        D1998,
        "soon",
        D,
        "FUTURE_REF",
    ),
    r("Now the plan is dead.", D1998, "Now", D, "PRESENT_REF"),
    r(
        "Profits doubled annually after the merger.",
        D1998,
        "annually",
        S,
        "P1Y",
    ),
    // The infinitive after "expect ... to" is the expected event, ahead.
    r(
        "They said they expect the merger to be completed by Dec. 15.",
        D1989,
        "Dec. 15",
        D,
        "1989-12-15",
    ),
    r(
        "The party holds an annual summit in Riga.",
        D1998,
        "annual",
        S,
        "P1Y",
    ),
    r(
        "Buses leave twice an hour from the depot.",
        D1998,
        "an hour",
        S,
        "PT1H",
    ),
    r(
        "They spoke on \"Meet the Press\" this week.",
        D1998,
        "this week",
        D,
        "1998-W07",
    ),
    r(
        "Since 1993, three clinics have closed.",
        D1998,
        "1993",
        D,
        "1993",
    ),
    r(
        "Shops opened early on Boxing Day.",
        D1998,
        "Boxing Day",
        D,
        "1997-12-26",
    ),
    none("He took up boxing at school.", D1998),
    r(
        "They met on Valentine's Day.",
        D1998,
        "Valentine's Day",
        D,
        "1998-02-14",
    ),
    // "payable" and "effective" look ahead: a month already past this year
    // is next year's; "became effective" stays in the past.
    r(
        "The board declared a dividend payable Jan. 5.",
        D1989,
        "Jan. 5",
        D,
        "1990-01-05",
    ),
    r(
        "The new rates, the agency said, take hold effective March 1.",
        D1989,
        "March 1",
        D,
        "1990-03-01",
    ),
    r(
        "The tariff became effective Jan. 5, officials said.",
        D1989,
        "Jan. 5",
        D,
        "1989-01-05",
    ),
    // "future" before a noun only says the thing is yet to come.
    none("Analysts worry about future earnings.", D1998),
    none("The plan covers its future strategy.", D1998),
    r(
        "Nobody knows what the future holds.",
        D1998,
        "the future",
        D,
        "FUTURE_REF",
    ),
    // "a couple of" is two.
    r(
        "Prices will stay high for a couple of years.",
        D1998,
        "a couple of years",
        U,
        "P2Y",
    ),
    // Anaphora: counted from the date the text last named.
    r(
        "The mill opened in June 1994 and shut later that year.",
        D1998,
        "later that year",
        D,
        "1994",
    ),
    r(
        "Exports peaked in 1985; imports fell that year too.",
        D1998,
        "that year",
        D,
        "1985",
    ),
    r(
        "He was elected in 1990 and the following year he resigned.",
        D1998,
        "the following year",
        D,
        "1991",
    ),
    r(
        "Talks broke down in March 1996. The following month, both sides met.",
        D1998,
        "The following month",
        D,
        "1996-04",
    ),
    r(
        "The mayor was shot on Oct. 12, 1993. Earlier that day, he had spoken.",
        D1998,
        "Earlier that day",
        D,
        "1993-10-12",
    ),
    r(
        "He filed the suit on May 4, 1995, and withdrew it the previous day.",
        D1998,
        "the previous day",
        D,
        "1995-05-03",
    ),
    // With no date named before, the DCT is the reference.
    r("Sales rose 5% that year.", D1998, "that year", D, "1998"),
    none("the debate that dayton hosted", D1998),
    // The year-earlier counterpart of the quarter in focus.
    r(
        "In the third quarter, profit rose 5% from the same quarter a year ago.",
        D1989,
        "the same quarter a year ago",
        D,
        "1988-Q3",
    ),
    r(
        "Sales in the second quarter rose; last year's quarter was weak.",
        D1989,
        "last year's quarter",
        D,
        "1988-Q2",
    ),
    r(
        "Net fell in the third quarter from the corresponding period last year.",
        D1989,
        "the corresponding period last year",
        D,
        "1988-Q3",
    ),
    // After a period of several quarters the counterpart is the year.
    r(
        "Net rose 5% in the third quarter. For the nine months, net rose 12% from a year earlier.",
        D1989,
        "a year earlier",
        D,
        "1988",
    ),
    r(
        "In the first half, the carmaker lost money, compared with a profit in the 1988 period.",
        D1989,
        "the 1988 period",
        D,
        "1988",
    ),
    // A quarter named after it brings the quarter back into focus.
    r(
        "Sales for the six months were flat. In the third quarter, profit rose 5% from a year ago.",
        D1989,
        "a year ago",
        D,
        "1988-Q3",
    ),
    // "The quarter" is the quarter the text last named once it has ended,
    // not one still to come.
    r(
        "The brewer's first quarter was weak. In the quarter, it lost money.",
        D1989,
        "the quarter",
        D,
        "1989-Q1",
    ),
    r(
        "Profit rose in the third quarter. A fourth-quarter charge is expected. In the latest quarter, margins fell.",
        D1989,
        "the latest quarter",
        D,
        "1989-Q3",
    ),
    // A year-ago comparison is with the quarter just reported, not with a
    // quarter still to come that the text forecast in between.
    r(
        "Losses are expected through the third quarter of 1990. In the year-ago period, the steelmaker earned $101 million.",
        D1989,
        "the year-ago period",
        D,
        "1988-Q3",
    ),
    r(
        "Profit fell in the second quarter of 1989. A year earlier it had risen.",
        D1989,
        "A year earlier",
        D,
        "1988-Q2",
    ),
    // "last MONTH" skips the month just gone, which would be "last month".
    r(
        "Two helicopters crashed last February.",
        "1998-03-01",
        "last February",
        D,
        "1997-02",
    ),
    r(
        "The strike began last June.",
        D1989,
        "last June",
        D,
        "1989-06",
    ),
    r(
        "The talks broke down last December.",
        D1997,
        "last December",
        D,
        "1996-12",
    ),
    // A decimal point ends no sentence: the tense before it still counts.
    r(
        "Sales were $29.75 in March.",
        "1989-10-30",
        "March",
        D,
        "1989-03",
    ),
    // With no tense in reach, news looks back: a month seven months
    // before the DCT is this year's rather than next year's.
    r(
        "The shares traded at a high for the year of $42.875 a share in June from $29.75 a share in the thin trading of March.",
        "1989-10-30",
        "March",
        D,
        "1989-03",
    ),
    // "daily" or "weekly" as the noun for a paper before its name.
    none(
        "The Communist Party daily Granma compared the boy with a hero.",
        D2010,
    ),
    none("An interview ran in the weekly Der Spiegel.", D2010),
    r(
        "Officials hold daily briefings.",
        D2010,
        "daily",
        S,
        "P1D",
    ),
    // A weekday with a part of day in the plural recurs.
    r(
        "The ferry sails on Tuesday nights.",
        D1998,
        "Tuesday nights",
        S,
        "XXXX-WXX-2TNI",
    ),
    r(
        "The ferry sailed on Tuesday night.",
        D1998,
        "Tuesday night",
        D,
        "1998-02-10TNI",
    ),
    // "or so" before "ago" only makes the date approximate.
    r(
        "The bank cut its rate a week or so ago.",
        D1998,
        "a week or so ago",
        D,
        "1998-W06",
    ),
    // After a modal, "one day" is some day to come, not a stretch of a day.
    r(
        "Analysts say the yuan could one day rival the dollar.",
        D2010,
        "one day",
        D,
        "FUTURE_REF",
    ),
    r(
        "The strike lasted one day.",
        D2010,
        "one day",
        U,
        "P1D",
    ),
    // "Today" ending the name of a paper or programme is no day.
    none("The survey was published in USA Today.", D2010),
    r(
        "Today, the survey was published in the paper.",
        D2010,
        "Today",
        D,
        "2010-10-27",
    ),
    r(
        "Margins will stay thin in the near term.",
        D1998,
        "the near term",
        D,
        "FUTURE_REF",
    ),
    r(
        "The fund may sell bonds in the weeks ahead.",
        D1998,
        "the weeks ahead",
        U,
        "PXW",
    ),
    none("He signed a short-term contract.", D1998),
    r(
        "Earlier yesterday, the exchange halted trading.",
        D1998,
        "Earlier yesterday",
        D,
        "1998-02-12",
    ),
    r(
        "The envoy will meet him later this afternoon.",
        D1998,
        "later this afternoon",
        T,
        "1998-02-13TAF",
    ),
    // "N days/weeks later": the stretch is a DURATION, "later" a signal.
    r(
        "Three weeks later, the talks resumed.",
        D1998,
        "Three weeks",
        U,
        "P3W",
    ),
    r(
        "A day earlier, the rebels had fled.",
        D1998,
        "A day",
        U,
        "P1D",
    ),
    r(
        "Profit rose 8% from a year earlier.",
        D1998,
        "a year earlier",
        D,
        "1997",
    ),
    // A clock time with no day of its own is on the day the text last named.
    r(
        "The blast hit the city on Aug. 7, 1997. It went off at 10:35 a.m. near the port.",
        D1998,
        "10:35 a.m.",
        T,
        "1997-08-07T10:35",
    ),
    r(
        "Trading will resume at 9:30 a.m. at the exchange.",
        D1998,
        "9:30 a.m.",
        T,
        "1998-02-13T09:30",
    ),
    // A calendar date after a clock time gives the time its day.
    r(
        "The offer expires at 5 p.m. EST, Nov. 16.",
        D1989,
        "5 p.m. EST, Nov. 16",
        T,
        "1989-11-16T17:00",
    ),
    // The past perfect turns "until" backwards.
    r(
        "Until Monday, the police had not named a suspect.",
        D1998,
        "Monday",
        D,
        "1998-02-09",
    ),
    r(
        "The talks will go on until Monday.",
        D1998,
        "Monday",
        D,
        "1998-02-16",
    ),
    // A plan reported in the past perfect or past is about a day gone by.
    r(
        "The strike had been scheduled to end Tuesday.",
        D1998,
        "Tuesday",
        D,
        "1998-02-10",
    ),
    r(
        "The strike is scheduled to end Tuesday.",
        D1998,
        "Tuesday",
        D,
        "1998-02-17",
    ),
    // A plan, schedule or call reported in the past is for a day ahead;
    // the DCT (D2010) is a Wednesday.
    r(
        "The union planned a demonstration on Saturday.",
        D2010,
        "Saturday",
        D,
        "2010-10-30",
    ),
    r(
        "Protesters planned a march through the capital for Sunday.",
        D2010,
        "Sunday",
        D,
        "2010-10-31",
    ),
    r(
        "The union called a strike for Monday.",
        D2010,
        "Monday",
        D,
        "2010-11-01",
    ),
    r(
        "The court set the hearing for Friday.",
        D2010,
        "Friday",
        D,
        "2010-10-29",
    ),
    r(
        "The ministry scheduled a vote on Tuesday.",
        D2010,
        "Tuesday",
        D,
        "2010-11-02",
    ),
    r(
        "The party planned a vote for April.",
        D2010,
        "April",
        D,
        "2011-04",
    ),
    // In the present a schedule looks ahead too.
    r(
        "The report is due on Monday.",
        D2010,
        "Monday",
        D,
        "2010-11-01",
    ),
    r("The talks are set for Friday.", D2010, "Friday", D, "2010-10-29"),
    r(
        "The vote will be held on Saturday.",
        D2010,
        "Saturday",
        D,
        "2010-10-30",
    ),
    // A timetabled event in the simple present lies ahead; a perfect,
    // negated or infinitive form does not say so.
    r(
        "The talks begin on Monday in Geneva.",
        D2010,
        "Monday",
        D,
        "2010-11-01",
    ),
    r(
        "Voters go to the polls on Sunday.",
        D2010,
        "Sunday",
        D,
        "2010-10-31",
    ),
    r(
        "The law comes into force on Monday.",
        D2010,
        "Monday",
        D,
        "2010-11-01",
    ),
    r(
        "The two sides did not meet on Monday.",
        D2010,
        "Monday",
        D,
        "2010-10-25",
    ),
    r(
        "She faced the public vote on Friday.",
        D2010,
        "Friday",
        D,
        "2010-10-22",
    ),
    r(
        "I don't know why I didn't play on Sunday.",
        D2010,
        "Sunday",
        D,
        "2010-10-24",
    ),
    r(
        "He flew to Paris to meet the president on Monday.",
        D2010,
        "Monday",
        D,
        "2010-10-25",
    ),
    r(
        "Prices have come down since Monday.",
        D2010,
        "Monday",
        D,
        "2010-10-25",
    ),
    // With "on" after "set", "called", "announced" the day is when it
    // happened; so is it when the plan's fate is told in the past, and
    // when another verb stands between.
    r(
        "The team set a record on Saturday.",
        D2010,
        "Saturday",
        D,
        "2010-10-23",
    ),
    r(
        "The minister announced the plan on Monday.",
        D2010,
        "Monday",
        D,
        "2010-10-25",
    ),
    r(
        "A vigil planned for Saturday was canceled.",
        D2010,
        "Saturday",
        D,
        "2010-10-23",
    ),
    r(
        "The union planned the strike that began on Saturday.",
        D2010,
        "Saturday",
        D,
        "2010-10-23",
    ),
    // A counted plural noun before "a UNIT" makes a frequency.
    r(
        "The airline runs four flights a week to Oslo.",
        D2010,
        "a week",
        S,
        "P1W",
    ),
    r(
        "Guards watch the house 24 hours a day.",
        D2010,
        "a day",
        S,
        "P1D",
    ),
    r(
        "The law was not adopted as planned at a meeting on Monday.",
        D2010,
        "Monday",
        D,
        "2010-10-25",
    ),
    r(
        "The firm announced results for the third quarter.",
        D2010,
        "the third quarter",
        D,
        "2010-Q3",
    ),
    // "N weeks ago" keeps the unit's granularity (an ISO week), as TimeML
    // and TIDES have it: counted back from the DCT, not a day.
    r(
        "The strike began a week ago.",
        D2010,
        "a week ago",
        D,
        "2010-W42",
    ),
    r("Prices fell a month ago.", D2010, "a month ago", D, "2010-09"),
    // "today's" before a noun of the present age is the present age, no
    // date to annotate (TBAQ annotates none); before an event it is the day.
    none("Today's youth have little patience.", D2010),
    none("Life is harder in today's world.", D2010),
    none(
        "It holds six times as much as today's computer disks.",
        D2010,
    ),
    r(
        "Today's meeting was short.",
        D2010,
        "Today",
        D,
        "2010-10-27",
    ),
    // "planned to": the day before the verb is when the plan was made,
    // the day after it the planned one.
    r(
        "On Tuesday, the ministry planned to cut fares.",
        D1998,
        "Tuesday",
        D,
        "1998-02-10",
    ),
    r(
        "The minister planned to fly to Oslo on Tuesday.",
        D1998,
        "Tuesday",
        D,
        "1998-02-17",
    ),
    // The present perfect reports a finished event.
    r(
        "Officials have studied the April blast.",
        D2001,
        "April",
        D,
        "2001-04",
    ),
    // An "-ed" adjective after a determiner is no past-tense verb.
    r(
        "The bonus will be paid on a still unspecified date in January.",
        D1989,
        "January",
        D,
        "1990-01",
    ),
    // Years in words, as transcripts write them.
    r(
        "It happened in January nineteen ninety-seven.",
        D1998,
        "January nineteen ninety-seven",
        D,
        "1997-01",
    ),
    r(
        "prices we saw in the winter of nineteen ninety-four",
        D1998,
        "the winter of nineteen ninety-four",
        D,
        "1994-WI",
    ),
    r(
        "Over the next couple of years prices will rise.",
        D1998,
        "the next couple of years",
        U,
        "P2Y",
    ),
    r(
        "The index recovered within ten business days.",
        D1998,
        "ten business days",
        U,
        "P10D",
    ),
    r(
        "The plane leaves at 4 in the morning.",
        D1998,
        "4 in the morning",
        T,
        "1998-02-13T04:00",
    ),
    r(
        "The show starts at 8 in the evening.",
        D1998,
        "8 in the evening",
        T,
        "1998-02-13T20:00",
    ),
    r(
        "The vote is on Sunday, March eighth.",
        D1998,
        "Sunday, March eighth",
        D,
        "1998-03-08",
    ),
    r(
        "Sales rose in May second-quarter figures.",
        NO_DCT,
        "May",
        D,
        "XXXX-05",
    ),
    r(
        "Women's Day is this coming Sunday.",
        D1998,
        "this coming Sunday",
        D,
        "1998-02-15",
    ),
    // "the previous/following weekday": from the day last named.
    r(
        "Shares closed Friday, down 3% from the previous Friday.",
        D1989,
        "the previous Friday",
        D,
        "1989-10-13",
    ),
    r(
        "They met on March 3, 1998, and again the following Monday.",
        D2001,
        "the following Monday",
        D,
        "1998-03-09",
    ),
    r(
        "Earnings for the last half of 1989 will fall.",
        D1989,
        "the last half of 1989",
        D,
        "1989-H2",
    ),
    r(
        "Losses will last through the first two quarters of 1990.",
        D1989,
        "the first two quarters of 1990",
        D,
        "1990-H1",
    ),
    r(
        "Losses grew in the first two quarters.",
        D1989,
        "the first two quarters",
        U,
        "P6M",
    ),
    r(
        "A hearing is set for the week of March 2.",
        D1998,
        "the week of March 2",
        D,
        "1998-W10",
    ),
    r(
        "Demand rose from the lows of the early summer.",
        D1989,
        "the early summer",
        D,
        "1989-SU",
    ),
    r(
        "By mid-afternoon, the shelling had stopped.",
        D1998,
        "mid-afternoon",
        T,
        "1998-02-13TAF",
    ),
    r(
        "In London at mid-afternoon yesterday, shares were flat.",
        D1998,
        "mid-afternoon yesterday",
        T,
        "1998-02-12TAF",
    ),
    r(
        "He fell ill on March 3, 1998, and recovered the next morning.",
        D2001,
        "the next morning",
        D,
        "1998-03-04",
    ),
    // "the quarter ended DATE" is the three months up to that day, when no
    // quarter was named before; a quarter already named keeps its label.
    r(
        "Net income rose 5% in the quarter ended July 31.",
        D1989,
        "the quarter",
        D,
        "1989-Q2",
    ),
    r(
        "Net income rose 5% in the quarter ended July 31, from $2 million a year earlier.",
        D1989,
        "a year earlier",
        D,
        "1988-Q2",
    ),
    r(
        "The retailer reported a loss for the quarter ended Jan. 31.",
        D1989,
        "the quarter",
        D,
        "1988-Q4",
    ),
    r(
        "Profit rose in the fiscal first quarter. For the quarter ended Sept. 30, sales rose 4%.",
        D1989,
        "the quarter",
        D,
        "1989-Q1",
    ),
    // The period of "vs." ends no sentence: the verb after it gives the tense.
    r(
        "In January the Smith vs. Jones case was settled.",
        D1989,
        "January",
        D,
        "1989-01",
    ),
    // "as previously planned": the event went to plan, no plan ahead.
    r(
        "The march went ahead as previously planned on Saturday.",
        D1989,
        "Saturday",
        D,
        "1989-10-21",
    ),
    // A bare infinitive after "let" is no timetabled present.
    r(
        "The president let the offensive begin on Saturday.",
        D1989,
        "Saturday",
        D,
        "1989-10-21",
    ),
    r(
        "The talks begin on Saturday.",
        D1989,
        "Saturday",
        D,
        "1989-10-28",
    ),
    // "the day before/after DAY": one day off the day named.
    r(
        "They met the day before yesterday.",
        D1989,
        "the day before yesterday",
        D,
        "1989-10-24",
    ),
    r(
        "He left the day after Christmas.",
        D1998,
        "the day after Christmas",
        D,
        "1997-12-26",
    ),
    r(
        "The day before last Tuesday's hearing, he visited his cousin.",
        D1998,
        "The day before last Tuesday",
        D,
        "1998-02-09",
    ),
    r(
        "He will vote on the day before Election Day.",
        D1989,
        "the day before Election Day",
        D,
        "1989-11-06",
    ),
    // "Easter week": the ISO week that holds the holiday.
    r(
        "Protesters prayed as Easter week began.",
        "2000-04-17",
        "Easter week",
        D,
        "2000-W16",
    ),
    // "the year-earlier nine months" is one reporting period, like "the
    // nine months".
    r(
        "Net for the year-earlier nine months included a gain.",
        D1989,
        "the year-earlier nine months",
        U,
        "P9M",
    ),
    // "then current": current at a time gone by.
    r(
        "Holders may buy shares at half the then current market price.",
        D1989,
        "then current",
        D,
        "PAST_REF",
    ),
    r(
        "The then-current chairman resigned.",
        D1989,
        "then-current",
        D,
        "PAST_REF",
    ),
    r(
        "The third quarter was weak. In the comparable year-ago quarter, it earned $2 million.",
        D1989,
        "the comparable year-ago quarter",
        D,
        "1988-Q3",
    ),
    // "that same day" after a month: a day of that month.
    r(
        "He was killed last October. His name was crossed out that same day.",
        D1998,
        "that same day",
        D,
        "1997-10-XX",
    ),
    r(
        "He was killed on Oct. 23. His name was crossed out that same day.",
        D1998,
        "that same day",
        D,
        "1997-10-23",
    ),
    // An extension "through" a month runs past the day it is granted.
    r(
        "Lenders have extended the company $90 million in revolving loans through January.",
        D1989,
        "January",
        D,
        "1990-01",
    ),
    r("Sales rose through January.", D1989, "January", D, "1989-01"),
    // "the people of tomorrow", "the world of today" name an age, no day.
    none("If I were choosing the people of tomorrow, I would pick them.", D1989),
    none("The world of today is a different place.", D1989),
    r(
        "The outcome of tomorrow's vote is open.",
        D1989,
        "tomorrow",
        D,
        "1989-10-27",
    ),
    // "second" before "quarter" is the ordinal, with or without "the".
    r(
        "Second-quarter profit fell 8% on weak demand.",
        D1989,
        "Second-quarter",
        D,
        "1989-Q2",
    ),
    r(
        "After a flat second quarter, sales picked up.",
        D1989,
        "second quarter",
        D,
        "1989-Q2",
    ),
    r(
        "He paused for a second-long moment.",
        D1989,
        "second-long",
        U,
        "PT1S",
    ),
    // An earlier quarter of the same year, named after the quarter in
    // focus, is a comparison; the report stays on the later quarter.
    r(
        "Third-quarter net rose 20%. After a flat second quarter, the gain came \
         from diapers. In the year-earlier period, net was lower.",
        D1989,
        "the year-earlier period",
        D,
        "1988-Q3",
    ),
    // A forecast quarter in focus does not hold it against a quarter
    // that has been reported.
    r(
        "It expects fourth-quarter profit to improve. In the second \
         quarter, net fell 5%. The quarter was weak.",
        D1989,
        "The quarter",
        D,
        "1989-Q2",
    ),
    // A company's fiscal label still takes the focus.
    r(
        "Third-quarter net rose 20%. Its unit posted a loss for the fiscal \
         second quarter. The latest period includes a gain.",
        D1989,
        "The latest period",
        D,
        "1989-Q2",
    ),
    // "at a later date": a time to come the text leaves open.
    r(
        "The rest will be raised through stock offerings at a later date.",
        D1989,
        "a later date",
        D,
        "FUTURE_REF",
    ),
    r(
        "The meeting had been moved to an earlier date.",
        D1989,
        "an earlier date",
        D,
        "PAST_REF",
    ),
    // "over the years": a stretch of unmeasured length.
    r(
        "Over the years, many more patients have been helped.",
        D1998,
        "the years",
        U,
        "PXY",
    ),
    r(
        "The town has changed over the decades.",
        D1998,
        "the decades",
        U,
        "PXDE",
    ),
    none("Prices rose over the years of the boom.", D1998),
    // "the Nth day of" said of the present is the publication day.
    r(
        "In the capital, today is the eighth day of the blockade.",
        D1998,
        "the eighth day",
        D,
        "1998-02-13",
    ),
    r(
        "It's the second day of an offensive by the army.",
        D1998,
        "the second day",
        D,
        "1998-02-13",
    ),
    none("It was the second day of the offensive.", D1998),
    // "for the foreseeable future" is an idiom for "indefinitely".
    none(
        "The troops will stay in the region for the foreseeable future.",
        D1998,
    ),
    r(
        "Nobody knows what the future holds.",
        D1998,
        "the future",
        D,
        "FUTURE_REF",
    ),
    // A bare "last" after "as"/"than" stands for the unit of the "this
    // UNIT" it is compared with.
    r(
        "It would pay twice as high a dividend this year as last.",
        D1989,
        "last",
        D,
        "1988",
    ),
    r(
        "Sales this month were higher than last, the company said.",
        D1989,
        "last",
        D,
        "1989-09",
    ),
    none("He came in first as last.", D1989),
    // "Monday and Tuesday nights": both weekdays recur.
    r(
        "New flights will leave Bombay on Monday and Tuesday nights from March.",
        D1998,
        "Monday",
        S,
        "XXXX-WXX-1TNI",
    ),
    r(
        "He spoke on Monday and Tuesday night.",
        D1998,
        "Monday",
        D,
        "1998-02-09",
    ),
    // "Until then", "By then": the date named just before.
    r(
        "The conversion rights will end on Nov. 30. Until then, the stock \
         remains convertible.",
        D1989,
        "then",
        D,
        "1989-11-30",
    ),
    r(
        "The plant opens in 1992. By then, the market may have changed.",
        D1989,
        "then",
        D,
        "1992",
    ),
    // A "then" with no date before it has no value.
    none("He fled. Police came. They searched. Until then, nobody knew.", NO_DCT),
    // A clock time followed by "on" and a day is on that day, not on the
    // day the text named before it.
    r(
        "Police said on Thursday the blast happened at 9 p.m. on Sunday.",
        D2001,
        "9 p.m.",
        T,
        "2001-11-18T21:00",
    ),
    r(
        "The talks resume at 0900 GMT on Monday.",
        D2001,
        "0900 GMT",
        T,
        "2001-11-26T09:00",
    ),
    r(
        "Voting will close at 10am on Tuesday.",
        D2001,
        "10am",
        T,
        "2001-11-27T10:00",
    ),
    // The "am" of "10am" is no present-tense verb.
    r(
        "Voting will close at 10am on Tuesday.",
        D2001,
        "Tuesday",
        D,
        "2001-11-27",
    ),
    r(
        "The deal, signed on 3 May, took effect at 1300 GMT on 20 May.",
        D2001,
        "1300 GMT",
        T,
        "2001-05-20T13:00",
    ),
    r(
        "Officials said on Thursday the fire broke out at 11pm on Sunday night.",
        D2001,
        "11pm",
        T,
        "2001-11-18T23:00",
    ),
    r(
        "The plane landed at 9 p.m. on time.",
        D2001,
        "9 p.m.",
        T,
        "2001-11-23T21:00",
    ),
    // A clock time with seconds keeps them.
    r(
        "The explosion happened at 10:45:30 GMT.",
        D2001,
        "10:45:30 GMT",
        T,
        "2001-11-23T10:45:30",
    ),
    r(
        "At 4:05:12 p.m. the bomb went off.",
        D2001,
        "4:05:12 p.m.",
        T,
        "2001-11-23T16:05:12",
    ),
    none("The clock read 10:45:30 at the finish.", D2001),
    // A season or fiscal year across two years is one expression.
    r(
        "He scored 20 goals in the 2004-05 season.",
        D2001,
        "2004-05",
        D,
        "2004",
    ),
    r(
        "They won the 1999-2000 season title.",
        D2001,
        "1999-2000",
        D,
        "1999",
    ),
    r(
        "Profits for fiscal 2006-07 rose.",
        D2001,
        "fiscal 2006-07",
        D,
        "2006",
    ),
    r("The 2001-2003 period was hard.", D2001, "2001", D, "2001"),
    r("Deaths rose in 1998-1999 sharply.", D2001, "1999", D, "1999"),
    r("It was registered on 2004-05-17.", D2001, "2004-05-17", D, "2004-05-17"),
    none("Chelsea beat them 3-1 and drew 2-2.", D2001),
    // A clock time before "on" and a determiner with a day is on that day.
    r(
        "The Budget will be at 1230 GMT on that Wednesday.",
        "2005-03-14",
        "1230 GMT",
        T,
        "2005-03-16T12:30",
    ),
    r(
        "A session started at 2pm on a Sunday and paused at 5am on the Monday.",
        "2005-03-15",
        "2pm",
        T,
        "XXXX-WXX-7T14:00",
    ),
    r(
        "The news broke on Friday. He woke at 5am on the Monday.",
        "2005-03-15",
        "5am",
        T,
        "2005-03-14T05:00",
    ),
    // "a Sunday" is a Sunday in no week the text says.
    r(
        "I suppose, on a Sunday in particular, we should forgive.",
        "2005-03-15",
        "Sunday",
        D,
        "XXXX-WXX-7",
    ),
    r(
        "He used to listen to his sermons on a Friday night.",
        "2005-03-15",
        "Friday night",
        D,
        "XXXX-WXX-5TNI",
    ),
    r(
        "The hunt was out on Thursday.",
        "2005-03-15",
        "Thursday",
        D,
        "2005-03-10",
    ),
    // A range of years with a two-digit end: two dates, as TimeML marks
    // "from 1991 to 1997".
    r(
        "He played for St Helens from 1994-96 and won the cup.",
        "2005-03-15",
        "1994",
        D,
        "1994",
    ),
    r(
        "He played for St Helens from 1994-96 and won the cup.",
        "2005-03-15",
        "96",
        D,
        "1996",
    ),
    r(
        "The EU's budget for 2007-13 is under way.",
        "2005-03-15",
        "13",
        D,
        "2013",
    ),
    r("It was registered on 2001-03-15.", "2005-03-15", "2001-03-15", D, "2001-03-15"),
    // Two years joined by a slash are one financial year or season.
    r(
        "Borrowing is tipped to fall to 31bn by 2005/06.",
        "2005-03-15",
        "2005/06",
        D,
        "2005",
    ),
    r(
        "He was player of the season in 2001/2.",
        "2005-03-15",
        "2001/2",
        D,
        "2001",
    ),
    r(
        "Figures showed that, for 2003/2004, searches rose.",
        "2005-03-15",
        "2003/2004",
        D,
        "2003",
    ),
    none("The ratio was 2004/2009 in the table.", "2005-03-15"),
    // A half with no year near the words of a match is half of the match.
    none(
        "Keane took his record to 24 with a first-half goal for Ireland.",
        "2005-03-15",
    ),
    none(
        "We didn't play with enough speed in the first half, the coach said.",
        "2005-03-15",
    ),
    none(
        "He limped off in the first half against Saracens.",
        "2005-03-15",
    ),
    none("It includes two dance routines in the film's second half.", "2005-03-15"),
    r(
        "Growth did slow in the second half, but only slightly.",
        "2005-03-15",
        "the second half",
        D,
        "2004-H2",
    ),
    r(
        "Earnings growth would slow in the second half.",
        "2005-03-15",
        "the second half",
        D,
        "2005-H2",
    ),
    // "of this year", "of next year" belong to the part of the year.
    r(
        "He expected the referendum in the first half of next year.",
        "2005-03-15",
        "the first half of next year",
        D,
        "2006-H1",
    ),
    r(
        "Shipments start in the fourth quarter of next year.",
        "2005-03-15",
        "the fourth quarter of next year",
        D,
        "2006-Q4",
    ),
    // A weekday before the name of a programme is part of the title.
    none(
        "Speaking on BBC Radio Scotland's Sunday Live programme, she agreed.",
        "2005-03-15",
    ),
    none("He spoke on GMTV's Sunday Programme.", "2005-03-15"),
    // "a UNIT" after an amount or a number word is a rate.
    r(
        "They release one a week in Britain.",
        "2005-03-15",
        "a week",
        S,
        "P1W",
    ),
    r(
        "That is over £1bn a year for passengers.",
        "2005-03-15",
        "a year",
        S,
        "P1Y",
    ),
    r(
        "Trade is worth more than 200bn euros a year.",
        "2005-03-15",
        "a year",
        S,
        "P1Y",
    ),
    // "earlier" and "later" count from the year the text last named,
    // "ago" from the DCT.
    r(
        "In the three months to 31 December 2004, it made £75m, against £125m a year earlier.",
        "2005-03-15",
        "a year earlier",
        D,
        "2003",
    ),
    r(
        "He won the seat in 1964. Labour regained it two years later.",
        "2005-03-15",
        "two years later",
        D,
        "1966",
    ),
    r(
        "Oil prices are 45% higher than a year ago.",
        "2005-03-15",
        "a year ago",
        D,
        "2004",
    ),
    // The article of a noun the weekday modifies leaves the day dated.
    r(
        "About 500 people attended a Sunday night memorial service.",
        "2005-03-15",
        "Sunday night",
        D,
        "2005-03-13TNI",
    ),
    r(
        "It scrapped a Saturday-night stay requirement.",
        "2005-03-15",
        "Saturday",
        D,
        "2005-03-12",
    ),
    // "per second" after a measured quantity is a unit of speed.
    none(
        "DVDs are squashed down to about five or six megabits per second.",
        "2005-03-15",
    ),
    none("It offers around one megabit per second.", "2005-03-15"),
    none("Linpack measures calculations per second.", "2005-03-15"),
    none("The record was 426m per minute.", "2005-03-15"),
    r(
        "The minimum wage is £4.85 per hour.",
        "2005-03-15",
        "per hour",
        S,
        "PT1H",
    ),
    r(
        "The heart beats twice per second.",
        "2005-03-15",
        "per second",
        S,
        "PT1S",
    ),
    // The date that names the attacks of 2001.
    r(
        "It was hit by the impact of the 11 September attacks.",
        "2005-03-15",
        "11 September",
        D,
        "2001-09-11",
    ),
    r(
        "Since the September 11 terror attacks, flights fell.",
        "2005-03-15",
        "September 11",
        D,
        "2001-09-11",
    ),
    r(
        "Its launch was delayed by the 11 September attacks. It was rolled out at 2200 GMT.",
        "2005-03-15",
        "2200 GMT",
        T,
        "2005-03-15T22:00",
    ),
    r(
        "The vote is on 11 September.",
        "2005-03-15",
        "11 September",
        D,
        "2005-09-11",
    ),
    r(
        "The stadium was ready a year later.",
        "2005-03-15",
        "a year later",
        D,
        "2006",
    ),
    // The days before a day-first date share its month.
    r(
        "She makes her comeback at the event from 10-16 January 2006.",
        "2005-03-15",
        "10",
        D,
        "2006-01-10",
    ),
    r(
        "The festival is held on 9 and 10 July.",
        "2005-03-15",
        "9",
        D,
        "2005-07-09",
    ),
    r(
        "The show runs from 6 to 9 January 2006.",
        "2005-03-15",
        "6",
        D,
        "2006-01-06",
    ),
    r(
        "Ties are to be played on 8/9 January 2006.",
        "2005-03-15",
        "8",
        D,
        "2006-01-08",
    ),
    r(
        "Hearings are on 14, 20 and 27 April.",
        "2005-03-15",
        "14",
        D,
        "2005-04-14",
    ),
    r(
        "Hearings are on 14, 20 and 27 April.",
        "2005-03-15",
        "20",
        D,
        "2005-04-20",
    ),
    r(
        "The fee rose from £10-16 January.",
        "2005-03-15",
        "16 January",
        D,
        "2005-01-16",
    ),
    none("They won 10-16 in the final.", "2005-03-15"),
    // The weekend of a date is that date's weekend.
    r(
        "The festival is on the weekend of 9 and 10 July.",
        "2005-03-15",
        "the weekend",
        D,
        "2005-W27-WE",
    ),
    r(
        "The ties will be played on the weekend of 12-13 March.",
        "2005-03-01",
        "the weekend",
        D,
        "2005-W10-WE",
    ),
    r(
        "Fans travel on the weekend of release.",
        "2005-03-15",
        "the weekend",
        D,
        "2005-W11-WE",
    ),
    // A bare 11 September in a story of terrorism names the attacks.
    r(
        "They were held under anti-terror laws brought in after 11 September.",
        "2005-03-15",
        "11 September",
        D,
        "2001-09-11",
    ),
    r(
        "The Act answered the September 11 attacks.\nIt was drafted immediately after 11 September.",
        "2005-03-15",
        "11 September",
        D,
        "2001-09-11",
    ),
    r(
        "The terror suspect will appear in court on 11 September.",
        "2005-03-15",
        "11 September",
        D,
        "2005-09-11",
    ),
    r(
        "Sales fell sharply after 11 September.",
        "2005-03-15",
        "11 September",
        D,
        "2004-09-11",
    ),
    r(
        "The terrorism trial resumes after 11 September.",
        "1998-02-13",
        "11 September",
        D,
        "1998-09-11",
    ),
    r(
        "3000 people died in one morning in New York on September 11th 2001.",
        "2005-03-15",
        "September 11th 2001",
        D,
        "2001-09-11",
    ),
    // A capitalised "Daily" or "Weekly" after a capitalised word ends a name.
    none("The ban was reported by China Daily.", "2005-03-15"),
    none("China Daily said the market was booming.", "2005-03-15"),
    none("He told the magazine Entertainment Weekly that he was tired.", "2005-03-15"),
    r(
        "Trains run daily. Daily checks are made.",
        "2005-03-15",
        "Daily",
        S,
        "P1D",
    ),
    r(
        "Catholics are planning a protest in Mumbai on Wednesday.",
        "2005-03-15",
        "Wednesday",
        D,
        "2005-03-16",
    ),
    r(
        "It plans to reduce costs by $5bn (£2.7bn) a year.",
        "2005-03-15",
        "a year",
        S,
        "P1Y",
    ),
    r(
        "The labs needed about 10 million euros (US$13 million) a year.",
        "2005-03-15",
        "a year",
        S,
        "P1Y",
    ),
    r(
        "The band (formed in Leeds) spent a year in the studio.",
        "2005-03-15",
        "a year",
        U,
        "P1Y",
    ),
    // A year in a list of versions after a name.
    none(
        "Computers running Windows 95, 98, ME, NT, 2000 and XP are at risk.",
        "2005-03-15",
    ),
    none("PCs running Microsoft Windows 95, 98, 2000, NT and XP.", "2005-03-15"),
    r(
        "Sales rose in Britain in 1998, 1999 and 2000.",
        "2005-03-15",
        "2000",
        D,
        "2000",
    ),
    r(
        "The BBC, ITV and Channel 4 grew in 2000, 2001 and 2002.",
        "2005-03-15",
        "2002",
        D,
        "2002",
    ),
    // A bare verb of a journey after a plural subject is timetabled.
    r(
        "The Gunners travel to St James' Park on Wednesday.",
        "2005-03-15",
        "Wednesday",
        D,
        "2005-03-16",
    ),
    r(
        "Air travel to Spain on Wednesday was disrupted.",
        "2005-03-15",
        "Wednesday",
        D,
        "2005-03-09",
    ),
    // An infinitive after "likely" or after a side picked for a match
    // looks ahead.
    r(
        "Arsenal is likely to face Chelsea on Sunday.",
        "2005-03-15",
        "Sunday",
        D,
        "2005-03-20",
    ),
    r(
        "Betsen is back in the squad to face England at Twickenham on Sunday.",
        "2005-03-15",
        "Sunday",
        D,
        "2005-03-20",
    ),
    r(
        "He was named in Italy's team to face Scotland on Saturday.",
        "2005-03-15",
        "Saturday",
        D,
        "2005-03-19",
    ),
    r(
        "The striker refused to play on Sunday.",
        "2005-03-15",
        "Sunday",
        D,
        "2005-03-13",
    ),
    // "NOUN of the year" names an award.
    none("She was named player of the year by her peers.", "2005-03-15"),
    none("The band won album of the year and song of the year.", "2005-03-15"),
    none("Federer was voted Swiss sportsman of the year.", "2005-03-15"),
    r(
        "It is the fastest-selling single of the year so far.",
        "2005-03-15",
        "the year",
        D,
        "2005",
    ),
    r(
        "It was one of the best films of the year.",
        "2005-03-15",
        "the year",
        D,
        "2005",
    ),
    // A frequency adjective before a compound of a measured quantity.
    none("The bank said annual pre-tax profits fell to £170m.", "2005-03-15"),
    none("They give 0.7% of their annual gross national income in aid.", "2005-03-15"),
    none("Annual house price inflation dipped below 20%.", "2005-03-15"),
    none("It will lead to annual savings of more than $375m.", "2005-03-15"),
    r(
        "The firm held its annual general meeting.",
        "2005-03-15",
        "annual",
        S,
        "P1Y",
    ),
    // A holiday inside a name.
    none("The boy meets Father Christmas in the film.", "2005-03-15"),
    none("It is part of the commitment to Holocaust Memorial Day.", "2005-03-15"),
    none("Slade's song and Wham's Last Christmas were played.", "2005-03-15"),
    r(
        "The shops closed on Christmas Day.",
        "2005-03-15",
        "Christmas Day",
        D,
        "2004-12-25",
    ),
    r(
        "They will travel over the US Memorial Day weekend.",
        "2005-03-15",
        "Memorial Day",
        D,
        "2005-05-30",
    ),
    // "the year" right after a comparison with the previous year is the
    // year of the figures.
    r(
        "Releases rose to 310 in 2004 from 287 the previous year. Sales on DVD came to £2.5bn for the year.",
        "2005-03-15",
        "the year",
        D,
        "2004",
    ),
    r(
        "Releases rose to 310 in 2004 from 287 the previous year. This year sales will rise.",
        "2005-03-15",
        "This year",
        D,
        "2005",
    ),
    // "today" right after a noun of the present age, closing its clause,
    // is the present age.
    none("There is a lot of swearing on TV today.", "2005-03-15"),
    none("It is a matter of the nature of football today, he said.", "2005-03-15"),
    none("It is one of the worst problems facing consumers today.", "2005-03-15"),
    none("Young people today are more anxious than ever.", "2005-03-15"),
    r(
        "Rain will sweep across Britain today.",
        "2005-03-15",
        "today",
        D,
        "2005-03-15",
    ),
    r(
        "Thousands of people today marched through London.",
        "2005-03-15",
        "today",
        D,
        "2005-03-15",
    ),
    // "the past" before a count of things that are no time units.
    none("Pierce Brosnan led the past four Bond films.", "2005-03-15"),
    none("I have been playing well in the past few matches.", "2005-03-15"),
    none("Output fell for the fifth month in the past six.", "2005-03-15"),
    r(
        "In the past, prices rose.",
        "2005-03-15",
        "the past",
        D,
        "PAST_REF",
    ),
    r(
        "Prices rose over the past three years.",
        "2005-03-15",
        "the past three years",
        U,
        "P3Y",
    ),
    // The last or final quarter of a year is its fourth; a part "of the
    // year" right after a year written out is a part of that year.
    r(
        "GM saw its profits fall 37% in the last quarter of 2004.",
        "2005-03-15",
        "the last quarter of 2004",
        D,
        "2004-Q4",
    ),
    r(
        "In the final quarter of 2004, businesses increased spending.",
        "2005-03-15",
        "the final quarter of 2004",
        D,
        "2004-Q4",
    ),
    r(
        "Prices rose 15.1% over the whole of 2004, but by only 2.8% in the second half of the year.",
        "2005-03-15",
        "the second half of the year",
        D,
        "2004-H2",
    ),
    r(
        "The economy grew by 3.1% in 2004 after accelerating in the last quarter of the year, says the ONS.",
        "2005-03-15",
        "the last quarter of the year",
        D,
        "2004-Q4",
    ),
    r(
        "Revenues fell from £610m a year earlier. The firm expects improvement in the second quarter of the year.",
        "2005-03-15",
        "the second quarter of the year",
        D,
        "2005-Q2",
    ),
    // The quarter compared with takes no focus.
    r(
        "Sales rose in the fourth quarter of 2004, after a fall in the previous quarter. Profit doubled in the quarter.",
        "2005-03-15",
        "the quarter",
        D,
        "2004-Q4",
    ),
    // "one day" as some day to come: before a modal in its clause, after
    // one a few words back, or in "to one day" before a bare verb.
    r(
        "\"One day you will be able to tell your children,\" he said.",
        "2005-03-15",
        "One day",
        D,
        "FUTURE_REF",
    ),
    r(
        "He hopes that one day it can be developed to help blind people.",
        "2005-03-15",
        "one day",
        D,
        "FUTURE_REF",
    ),
    r(
        "He can go abroad one day and see how it is.",
        "2005-03-15",
        "one day",
        D,
        "FUTURE_REF",
    ),
    r(
        "It is the ambition of many players to one day be captain of England.",
        "2005-03-15",
        "one day",
        D,
        "FUTURE_REF",
    ),
    r(
        "Its shares lost 18% in one day.",
        "2005-03-15",
        "one day",
        U,
        "P1D",
    ),
    r(
        "The union will strike for one day if talks fail.",
        "2005-03-15",
        "one day",
        U,
        "P1D",
    ),
];

fn dct(s: &str) -> Option<NaiveDate> {
    if s.is_empty() {
        None
    } else {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }
}

#[test]
fn table_has_enough_rows() {
    assert!(ROWS.len() >= 150, "only {} rows", ROWS.len());
}

#[test]
fn table() {
    let mut failures = Vec::new();
    for row in ROWS {
        let got = tag(row.text, dct(row.dct));
        let shown: Vec<String> = got
            .iter()
            .map(|t| {
                format!(
                    "{:?} {} {}",
                    &row.text[t.span.clone()],
                    t.kind.timex(),
                    t.value
                )
            })
            .collect();
        if row.span.is_empty() {
            if !got.is_empty() {
                failures.push(format!("trap {:?}: got {shown:?}", row.text));
            }
            continue;
        }
        let hit = got.iter().find(|t| &row.text[t.span.clone()] == row.span);
        match hit {
            Some(t) if t.kind == row.kind && t.value == row.value => {}
            _ => failures.push(format!(
                "{:?} ({}): want {:?} {} {}, got {shown:?}",
                row.text,
                row.dct,
                row.span,
                row.kind.timex(),
                row.value
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn output_is_sorted_non_overlapping_and_on_char_boundaries() {
    let texts = [
        "Friday, 23 November, 2001, 01:27 GMT — «Nato» 2001年 last week 🙂 yesterday",
        "ééé 1997 ééé Nov. 19 ääää next month",
        "\u{2019}90s and the \u{2018}80s",
    ];
    for text in texts {
        let got = tag(text, dct(D2001));
        for w in got.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{text:?}: overlap");
        }
        for t in &got {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(t.span.start < t.span.end);
        }
    }
}

#[test]
fn survives_odd_input() {
    let mut big = String::new();
    for _ in 0..20_000 {
        big.push_str("Nov. 19 1997-1998 12:30 a.m. \u{0301}\u{200d}🙂 9999999999999999999999 ");
    }
    let _ = tag(&big, dct(D2001));
    let long_line = "9".repeat(100_000) + " " + &"a".repeat(100_000);
    let _ = tag(&long_line, dct(D2001));
    for s in [
        "", " ", "-", "'", "'9", "May", "Nov.", "1.", "a.m.", "the", "the past", "every", "a",
    ] {
        let _ = tag(s, None);
        let _ = tag(s, dct(D2001));
    }
    let _ = tag("in 1997", NaiveDate::from_ymd_opt(-9999, 1, 1));
    let _ = tag(
        "next year, last week, 3 days ago",
        NaiveDate::from_ymd_opt(262_000, 12, 31),
    );
}

/// Every temporal expression annotated in `seeds/` (brat `Date`, `Time`,
/// `Duration`, `Set` with a `TIMEX3:` normalization, offsets in code points)
/// comes out of `tag()` with the same span, type and value, given the
/// publication date recorded in `seeds/gloss.toml`.
#[test]
fn seed_annotations_are_reproduced() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let Ok(manifest) = std::fs::read_to_string(dir.join("gloss.toml")) else {
        return; // seeds not present in this checkout
    };
    let manifest: toml::Table = manifest.parse().expect("gloss.toml parses");
    let articles = manifest
        .get("articles")
        .and_then(|a| a.as_table())
        .expect("[articles] table");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, meta) in articles {
        let published = meta
            .get("published")
            .map(|p| p.to_string().trim_matches('"').to_string())
            .and_then(|p| NaiveDate::parse_from_str(p.get(..10).unwrap_or(&p), "%Y-%m-%d").ok());
        let text = std::fs::read_to_string(dir.join(file)).expect("seed text");
        let ann_path = dir.join(file.replace(".txt", ".ann"));
        let ann = std::fs::read_to_string(ann_path).expect("seed annotations");
        // Byte offset of every code point.
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        let mut spans = std::collections::HashMap::new();
        let mut values = std::collections::HashMap::new();
        for line in ann.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 {
                continue;
            }
            let head: Vec<&str> = cols[1].split(' ').collect();
            if cols[0].starts_with('T') && head.len() == 3 {
                if let Some(kind) = TimexType::from_label(head[0]) {
                    let s: usize = head[1].parse().expect("offset");
                    let e: usize = head[2].parse().expect("offset");
                    spans.insert(cols[0].to_string(), (kind, starts[s]..starts[e]));
                }
            } else if cols[0].starts_with('N') && head.len() >= 3 && head[0] == "Reference" {
                if let Some(v) = head[2].strip_prefix("TIMEX3:") {
                    values.insert(head[1].to_string(), v.to_string());
                }
            }
        }
        let got = tag(&text, published);
        for (id, (kind, span)) in &spans {
            checked += 1;
            let want = values.get(id).cloned().unwrap_or_default();
            let hit = got.iter().find(|t| t.span == *span);
            match hit {
                Some(t) if t.kind == *kind && t.value == want => {}
                other => failures.push(format!(
                    "{file} {id} {:?}: want {} {want}, got {:?}",
                    &text[span.clone()],
                    kind.timex(),
                    other
                        .map(|t| (t.kind.timex(), t.value.clone()))
                        .or_else(|| {
                            got.iter()
                                .find(|t| t.span.start < span.end && span.start < t.span.end)
                                .map(|t| {
                                    (
                                        t.kind.timex(),
                                        format!("{} {:?}", t.value, &text[t.span.clone()]),
                                    )
                                })
                        })
                )),
            }
        }
    }
    assert!(checked > 0, "no temporal annotations found in seeds/");
    assert!(
        failures.is_empty(),
        "{} of {checked} seed expressions differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
