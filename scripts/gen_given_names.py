#!/usr/bin/env python3
"""Write src/detect/given_names.txt: given names, one per line.

The name detector (src/detect/names.rs) proposes runs of capitalised words
as people or institutions missing from the registry. A run that opens
with a given name ("Tony Blair", "Sergei Ivanov") is proposed as a person;
one that does not ("Deutsche Boerse", "Million Dollar Baby", "Wells
Fargo") is a person only with other evidence in the article, such as an
honorific before its last word ("Mr Khodorkovsky"), and otherwise is
proposed as an institution, with "person" as the second fix.

Sources:
- the 1990 US Census lists of male and female first names (public
  domain), through the `names` package, without names of one or two
  letters and without the words below, which open the names of firms,
  clubs and works far more often than a person's;
- scripts/given_names_extra.txt, written by hand: British, Irish and
  Welsh names and names from elsewhere, as English-language news spells
  them; those with accents are listed with the accents dropped as well
  ("Jürgen", "Jurgen").

    pip install names==0.3.0
    python3 scripts/gen_given_names.py > src/detect/given_names.txt
"""

import os
import sys
import unicodedata

try:
    import names
except ImportError:
    sys.exit("gen_given_names.py: pip install names==0.3.0")

# Census entries that are common words opening other names: "Man Utd",
# "Star Wars", "Major League", "King Edward", "Young Vic", "Long Island".
NOT_GIVEN = {
    "Man", "Star", "Major", "King", "Prince", "Royal", "Young", "Long",
    "Rich", "Chance", "Sale", "Golden", "Sky", "Green", "Black", "White",
    "Early", "Lane", "Park", "Tower", "Bank", "Street", "Church",
}


def census():
    base = os.path.dirname(names.__file__)
    out = set()
    for f in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, f)) as fh:
            for line in fh:
                if not line.strip():
                    continue
                # "MARY-ANN" -> "Mary-Ann"
                name = "-".join(p.capitalize() for p in line.split()[0].split("-"))
                if len(name) > 2 and name not in NOT_GIVEN:
                    out.add(name)
    return out


def ascii_form(name):
    return "".join(
        c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn"
    )


def extra():
    path = os.path.join(os.path.dirname(__file__), "given_names_extra.txt")
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            for name in line.split():
                out.add(name)
                out.add(ascii_form(name))
    return out


def main():
    given = census() | extra()
    sys.stdout.write(
        "# Given names, one per line: the 1990 US Census lists (public domain) via\n"
        "# the names package, and scripts/given_names_extra.txt; written by\n"
        "# scripts/gen_given_names.py, do not edit.\n"
    )
    for name in sorted(given):
        sys.stdout.write(name + "\n")


if __name__ == "__main__":
    main()
