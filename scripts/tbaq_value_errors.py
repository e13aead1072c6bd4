#!/usr/bin/env python3
"""Sort gloss's wrong TIMEX3 values on TBAQ by what the corpus itself says.

Reads the listing of `gloss eval timeml DIR --errors` on standard input and
the TimeML files under DIR, and counts each wrong value (VALUE, TYPE+VALUE,
SPAN+VALUE, SPAN+TYPE+VALUE lines) in the first class that fits:

- the gold value is not a well-formed TIMEX3 value ("P2L", "1989-11-06T17",
  "2000-W7");
- the gold value pads a known value with X ("1949-XX" for "1949");
- gold and gloss give a value of the same form, for another date: a
  question of anchor or direction ("Friday" a week apart);
- elsewhere in the corpus the same text is given gloss's form at least as
  often as the gold form here ("last week" as an ISO week or as WXX);
- other.

A form is the value with every digit replaced by 9.

    target/release/gloss eval timeml DIR --errors | python3 scripts/tbaq_value_errors.py DIR

With `--list CLASS` (malformed, padded, same, elsewhere, other) it prints
the error lines of that class instead of the counts.
"""

import collections
import glob
import os
import re
import sys

WELL_FORMED = re.compile(
    r"^(\d{4}(-(\d{2}(-\d{2}(T(\d{2}:\d{2}(:\d{2})?|MO|AF|EV|NI|DT))?)?"
    r"|W\d{2}(-WE|-[1-7])?|Q[1-4]|H[12]|SP|SU|FA|WI))?"
    r"|\d{2,3}|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(\d+|X)(Y|M|W|D|DE|CE|Q)|PT(\d+|X)(H|M|S))$"
)
X_PADDED = re.compile(r"\d{4}-XX|\d{3}X$|\d{2}XX$")
LINE = re.compile(r'(?:gold|sys) (\w+) (\S+) "(.*)"')


def form(value):
    return re.sub(r"\d", "9", value)


def gold_forms(root):
    """Text of each gold TIMEX3 (lowercased) -> Counter of value forms."""
    forms = collections.defaultdict(collections.Counter)
    for path in glob.glob(os.path.join(root, "**", "*.tml"), recursive=True):
        with open(path, encoding="utf-8") as f:
            doc = f.read()
        doc = doc[doc.find("<TEXT>"):]
        for m in re.finditer(r"<TIMEX3([^>]*)>([^<]*)</TIMEX3>", doc):
            value = re.search(r'value="([^"]*)"', m.group(1))
            if value:
                forms[m.group(2).lower().strip()][form(value.group(1))] += 1
    return forms


CLASS_KEYS = {
    "malformed": "gold is not a well-formed value",
    "padded": "gold pads a known value with X",
    "same": "same form, another date (anchor or direction)",
    "elsewhere": "TBAQ gives this text gloss's form as often or more",
    "other": "other",
}


def main():
    args = sys.argv[1:]
    listed = None
    if len(args) == 3 and args[1] == "--list" and args[2] in CLASS_KEYS:
        listed = CLASS_KEYS[args[2]]
        args = args[:1]
    if len(args) != 1:
        sys.exit(__doc__)
    forms = gold_forms(args[0])
    classes = collections.Counter()
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 5 or not fields[0].endswith("VALUE"):
            continue
        gold, sys_ = LINE.match(fields[3]), LINE.match(fields[4])
        if not gold or not sys_:
            continue
        gv, text, sv = gold.group(2), gold.group(3).lower().strip(), sys_.group(2)
        if X_PADDED.search(gv):
            name = CLASS_KEYS["padded"]
        elif not WELL_FORMED.match(gv) and "X" not in gv:
            name = CLASS_KEYS["malformed"]
        elif form(gv) == form(sv):
            name = CLASS_KEYS["same"]
        elif forms[text][form(sv)] and forms[text][form(sv)] >= forms[text][form(gv)]:
            name = CLASS_KEYS["elsewhere"]
        else:
            name = CLASS_KEYS["other"]
        classes[name] += 1
        if name == listed:
            print(line.rstrip("\n"))
    if listed:
        return
    for name, n in classes.most_common():
        print(f"{n:5}  {name}")
    print(f"{sum(classes.values()):5}  wrong values in all")


if __name__ == "__main__":
    main()
