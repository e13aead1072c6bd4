// Run chrono-node on TempEval-3 texts and write its expressions as JSON Lines
// for `gloss eval timeml DIR --predictions FILE`.
//
// chrono-node (https://github.com/wanasit/chrono) is the date parser most
// JavaScript projects use. Its casual English parser finds dates in running
// text and resolves them against a reference date (the file's DCT). It gives
// components, each known or implied; the TIMEX3 value keeps the known ones:
// a known hour gives a TIME ("1998-08-21T14:30"), a known day or weekday a
// date ("1998-08-21"), a known month "1998-08", a known year "1998". chrono
// knows no durations, sets or vague references ("recently"), so it is scored
// on what it finds.
//
// Usage (the input comes from scripts/tbaq_texts.py):
//   (cd scripts/chrono && npm ci)
//   python3 scripts/tbaq_texts.py /work/shared/data/timeml-tbaq > /tmp/tbaq-texts.jsonl
//   TZ=UTC node scripts/chrono/chrono_tbaq.mjs < /tmp/tbaq-texts.jsonl > /tmp/chrono-tbaq.jsonl
//   gloss eval timeml /work/shared/data/timeml-tbaq --predictions /tmp/chrono-tbaq.jsonl

import * as chrono from "chrono-node";
import { createInterface } from "node:readline";

const pad = (n, w = 2) => String(n).padStart(w, "0");

function timex(c) {
  const date = `${pad(c.get("year"), 4)}-${pad(c.get("month"))}-${pad(c.get("day"))}`;
  if (c.isCertain("hour")) {
    return { type: "TIME", value: `${date}T${pad(c.get("hour"))}:${pad(c.get("minute") ?? 0)}` };
  }
  if (c.isCertain("day") || c.isCertain("weekday")) {
    return { type: "DATE", value: date };
  }
  if (c.isCertain("month")) {
    return { type: "DATE", value: date.slice(0, 7) };
  }
  return { type: "DATE", value: date.slice(0, 4) };
}

// Offsets in code points: JavaScript indexes strings in UTF-16 units.
function codePoints(text, index) {
  return [...text.slice(0, index)].length;
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const ref = doc.dct ? new Date(`${doc.dct}T12:00:00`) : new Date();
  const timexes = chrono.casual.parse(doc.text, { instant: ref }).map((r) => {
    const start = codePoints(doc.text, r.index);
    return { start, end: start + [...r.text].length, ...timex(r.start) };
  });
  process.stdout.write(JSON.stringify({ file: doc.file, timexes }) + "\n");
}
