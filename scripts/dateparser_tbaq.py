#!/usr/bin/env python3
"""Run dateparser's date search on a TempEval-3 TimeML directory and write
its expressions as JSON Lines for `gloss eval timeml DIR --predictions FILE`.

dateparser (https://github.com/scrapinghub/dateparser) is the date parser
most Python projects reach for. `search.search_dates` finds date strings in
running text and resolves them against a base date (the file's DCT here); it
gives a datetime, not a TIMEX3 value, so each found string is parsed again
for its period (time, day, week, month or year), which gives the value's
granularity: TIME "1998-08-21T14:30", DATE "1998-08-21", "1998-W34",
"1998-08" or "1998". dateparser knows no durations, sets or vague references
("recently"), so it is scored on what it finds. Input text and output layout
as in scripts/heideltime_tbaq.py (tbaq_texts.py).

Usage:
    pip install dateparser
    python3 scripts/dateparser_tbaq.py /work/shared/data/timeml-tbaq /tmp/dateparser-tbaq.jsonl
    gloss eval timeml /work/shared/data/timeml-tbaq --predictions /tmp/dateparser-tbaq.jsonl
"""

import datetime
import json
import sys

import dateparser
from dateparser.date import DateDataParser
from dateparser.search import search_dates

from tbaq_texts import Placer, documents


def value(dt, period):
    if period == "time":
        return "TIME", dt.strftime("%Y-%m-%dT%H:%M")
    if period == "week":
        year, week, _ = dt.isocalendar()
        return "DATE", f"{year}-W{week:02d}"
    if period == "month":
        return "DATE", dt.strftime("%Y-%m")
    if period == "year":
        return "DATE", dt.strftime("%Y")
    return "DATE", dt.strftime("%Y-%m-%d")


def tag(text, dct):
    base = datetime.datetime.fromisoformat(dct) if dct else datetime.datetime.now()
    settings = {"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}
    parser = DateDataParser(languages=["en"], settings=settings)
    out = []
    placer = Placer(text)
    for surface, dt in search_dates(text, languages=["en"], settings=settings) or []:
        span = placer.place(surface)
        if span is None:
            print(f"  could not place {surface!r}", file=sys.stderr)
            continue
        data = parser.get_date_data(surface)
        kind, v = value(dt, data.period or "day")
        out.append({"start": span[0], "end": span[1], "type": kind, "value": v})
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"dateparser {dateparser.__version__}", file=sys.stderr)
    docs = list(documents(sys.argv[1]))
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for i, (name, text, dct) in enumerate(docs):
            timexes = tag(text, dct)
            out.write(json.dumps({"file": name, "timexes": timexes}) + "\n")
            print(f"{i + 1}/{len(docs)} {name}: {len(timexes)}", file=sys.stderr)


if __name__ == "__main__":
    main()
