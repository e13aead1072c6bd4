#!/usr/bin/env python3
"""Generate a synthetic gloss corpus for benchmarks.

Builds N articles (``*.txt`` with brat ``.ann`` files beside them), a registry
(``entities.toml``) and a manifest (``gloss.toml``) from any folder of plain
text articles, by default the BBC News corpus. Articles are sampled from the
source with variations, so that no two are byte-identical:

* the body paragraphs are rotated and now and then one is dropped or borrowed
  from another article;
* registry names are sometimes swapped for another entity of the same kind;
* years are shifted.

Each ``.ann`` file links about 60% of the registry mentions
(``T… Person s e`` + ``N… Reference T… Registry:id``) and about half of the
years (``T… Date`` + ``N… Reference T… TIMEX3:YYYY``); offsets count code
points, as brat does. Every article gets a publication date in ``gloss.toml``.

With ``--big KB`` one more article of at least KB kilobytes is written to
``long/long-article.txt`` (for keystroke latency in a large buffer).

The output is deterministic for a given source, N and seed. Write it outside
the repository (e.g. /tmp); generated corpora are never committed.

    scripts/gen_corpus.py -n 10000 --out /tmp/gloss-10k
    scripts/gen_corpus.py -n 100000 --out /tmp/gloss-100k --big 50
"""

import argparse
import collections
import os
import random
import re
import shutil
import sys

HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|President|Minister|Chancellor)\.? ([A-Z][a-z]+)\b")
BIGRAM = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")
YEAR = re.compile(r"\b(19[5-9][0-9]|20[0-2][0-9])\b")
ORG_WORDS = {
    "Party", "Bank", "Council", "Office", "Group", "Association", "Union",
    "Commission", "Court", "Department", "Ministry", "Agency", "Fund",
    "Board", "Club", "Corporation", "Committee", "Service", "League",
    "Records", "Airways", "Motors", "Studios", "Network", "News", "Times",
}
PLACE_WORDS = {"Kingdom", "States", "Republic", "City", "Island", "Islands", "Street", "Africa", "America", "Asia", "Europe", "Zealand", "Korea", "Arabia"}
SKIP_FIRST = {
    "The", "But", "And", "In", "On", "At", "It", "He", "She", "They", "We", "This",
    "That", "If", "When", "For", "As", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "BBC",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Chief", "Prime",
}


def read_source(src):
    texts = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(".txt") and f != "README.TXT":
                with open(os.path.join(dirpath, f), "rb") as fh:
                    texts.append(fh.read().decode("utf-8", errors="replace"))
    if not texts:
        sys.exit(f"gen_corpus: no *.txt files under {src}")
    return texts


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def build_registry(texts, size):
    """The most frequent capitalised word pairs become entities."""
    pairs = collections.Counter()
    honoured = set()
    for t in texts:
        for m in BIGRAM.finditer(t):
            if m.group(1) not in SKIP_FIRST:
                pairs[m.group(0)] += 1
        honoured.update(HONORIFIC.findall(t))
    entities = []
    seen = set()
    for name, _count in pairs.most_common(size * 2):
        first, last = name.split(" ")
        ident = slug(name)
        if ident in seen:
            continue
        if last in ORG_WORDS or first in ORG_WORDS:
            kind = "organization"
        elif last in PLACE_WORDS:
            kind = "location"
        elif last in honoured:
            kind = "person"
        else:
            kind = "organization"
        seen.add(ident)
        entities.append((ident, kind, name))
        if len(entities) == size:
            break
    return entities


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_registry(path, entities):
    with open(path, "w", encoding="utf-8") as f:
        for ident, kind, name in entities:
            f.write(f"[{ident}]\nkind = \"{kind}\"\nname = {toml_str(name)}\n")
            if kind == "organization" and " " in name:
                initials = "".join(w[0] for w in name.split())
                if len(initials) >= 3:
                    f.write(f"aliases = [{toml_str(initials)}]\n")
            f.write("\n")


def vary(text, rng, texts, by_kind, names):
    paras = [p for p in text.split("\n\n") if p.strip()]
    if len(paras) > 2:
        head, body = paras[:1], paras[1:]
        k = rng.randrange(len(body))
        body = body[k:] + body[:k]
        if len(body) > 3 and rng.random() < 0.3:
            del body[rng.randrange(len(body))]
        if rng.random() < 0.3:
            other = [p for p in rng.choice(texts).split("\n\n")[1:] if p.strip()]
            if other:
                body.insert(rng.randrange(len(body) + 1), rng.choice(other))
        paras = head + body

    def swap(m):
        e = names.get(m.group(0))
        if e is not None and rng.random() < 0.3:
            return rng.choice(by_kind[e[1]])[2]
        return m.group(0)

    def shift(m):
        return str(int(m.group(0)) + rng.randint(-3, 3)) if rng.random() < 0.5 else m.group(0)

    out = "\n\n".join(paras) + "\n"
    out = BIGRAM.sub(swap, out)
    return YEAR.sub(shift, out)


def annotate(text, rng, names):
    lines = []
    t = n = 1
    spans = []
    for m in BIGRAM.finditer(text):
        e = names.get(m.group(0))
        if e is not None and rng.random() < 0.6:
            spans.append((m.start(), m.end(), e[1].capitalize(), "Registry:" + e[0]))
    for m in YEAR.finditer(text):
        if rng.random() < 0.5:
            spans.append((m.start(), m.end(), "Date", "TIMEX3:" + m.group(0)))
    spans.sort()
    for s, e, label, ref in spans:
        covered = text[s:e]
        lines.append(f"T{t}\t{label} {s} {e}\t{covered}\n")
        lines.append(f"N{n}\tReference T{t} {ref}\t{covered}\n")
        t += 1
        n += 1
    return "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", required=True, help="output folder (replaced if it exists)")
    ap.add_argument("--source", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "bbc-news"),
                    help="folder of source articles (default: ../shared/data/bbc-news beside the repository)")
    ap.add_argument("--entities", type=int, default=2000, help="registry size (default 2000)")
    ap.add_argument("--per-folder", type=int, default=1000, help="articles per sub-folder (default 1000)")
    ap.add_argument("--big", type=int, default=0, metavar="KB", help="also write long/long-article.txt of at least KB kilobytes")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    texts = read_source(args.source)
    entities = build_registry(texts, args.entities)
    names = {name: (ident, kind) for ident, kind, name in entities}
    by_kind = collections.defaultdict(list)
    for e in entities:
        by_kind[e[1]].append(e)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    write_registry(os.path.join(args.out, "entities.toml"), entities)
    rng = random.Random(args.seed)
    total = 0
    manifest = ['[settings]\nexclude = []\n\n']
    jobs = [(f"batch-{i // args.per_folder:04d}/{i:06d}.txt", None) for i in range(args.n)]
    if args.big:
        jobs.append(("long/long-article.txt", args.big * 1024))
    for rel, min_bytes in jobs:
        text = vary(rng.choice(texts), rng, texts, by_kind, names)
        while min_bytes and len(text.encode("utf-8")) < min_bytes:
            text += "\n" + vary(rng.choice(texts), rng, texts, by_kind, names)
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        with open(path[:-4] + ".ann", "w", encoding="utf-8", newline="") as f:
            f.write(annotate(text, rng, names))
        total += len(text.encode("utf-8"))
        date = f"{rng.randint(2001, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        manifest.append(f'[articles."{rel}"]\npublished = {date}\nsource = "BBC News"\n\n')
    with open(os.path.join(args.out, "gloss.toml"), "w", encoding="utf-8") as f:
        f.write("".join(manifest))
    print(f"{args.out}: {len(jobs)} articles, {total / 1e6:.1f} MB of text, {len(entities)} entities", file=sys.stderr)


if __name__ == "__main__":
    main()
