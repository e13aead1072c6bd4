#!/usr/bin/env python3
"""The raw texts and creation dates of a TempEval-3 TimeML directory, as
`gloss eval timeml` reads them, for running other taggers on the same input.

Each TimeML file is reduced to the text inside <TEXT> with all markup
stripped and the five XML entities decoded; its DCT is the date of the
TIMEX3 inside <DCT>. Run as a script, it writes one JSON object per file,
{"file": PATH_RELATIVE_TO_DIR, "dct": "YYYY-MM-DD", "text": ...}, for
taggers that are not written in Python (scripts/chrono/chrono_tbaq.mjs):

    python3 scripts/tbaq_texts.py /work/shared/data/timeml-tbaq > /tmp/tbaq-texts.jsonl
"""

import json
import re
import sys
from pathlib import Path

ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def decode(s):
    return re.sub(r"&(amp|lt|gt|quot|apos);", lambda m: ENTITIES[m.group(0)], s)


def raw_text_and_dct(path):
    s = Path(path).read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", s, re.S)
    if m:
        v = re.search(r'value="(\d{4})-?(\d{2})-?(\d{2})', m.group(1))
        if v:
            dct = "-".join(v.groups())
    body = s[s.index("<TEXT>") + len("<TEXT>"): s.index("</TEXT>")]
    return decode("".join(re.split(r"<[^>]*>", body))), dct


def documents(root):
    """(name relative to `root`, raw text, DCT) for every .tml file, sorted."""
    root = Path(root).resolve()
    for f in sorted(root.rglob("*.tml")):
        text, dct = raw_text_and_dct(f)
        yield f.relative_to(root).as_posix(), text, dct


class Placer:
    """Offsets for a tagger's expressions given as strings: each is searched
    forward from the end of the previous one (near `guess` when the tagger
    gives an offset of its own), as a whole word ("we" is not the middle of
    "between"), so repeated strings land in order."""

    def __init__(self, text):
        self.text = text
        self.cursor = 0

    def find(self, surface, start):
        left = r"\b" if surface[:1].isalnum() else ""
        right = r"\b" if surface[-1:].isalnum() else ""
        m = re.compile(left + re.escape(surface) + right).search(self.text, start)
        return m.start() if m else -1

    def place(self, surface, guess=None):
        start = -1
        if guess is not None:
            start = self.find(surface, max(self.cursor, guess - 50))
        if start < 0:
            start = self.find(surface, self.cursor)
        if start < 0:
            return None
        self.cursor = start + len(surface)
        return start, self.cursor


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, text, dct in documents(sys.argv[1]):
        print(json.dumps({"file": name, "dct": dct, "text": text}))


if __name__ == "__main__":
    main()
