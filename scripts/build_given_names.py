"""Build `src/parley/data/given_names.tsv`: given names whose gender the name itself tells.

    pip install faker && python scripts/build_given_names.py

Source: the person providers of Faker (MIT licence), whose locales list given names as male
or female. A name is kept when it is written in Latin letters and every locale that lists it
puts it on the same side (names listed as both, like "Andrea" or "Jean", are left out), and
at least two locales list it (one locale alone may not know the name's other use).
Faker is needed only to build the file, not to run parley.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

# A name one locale alone lists may be another culture's name of the other gender ("Nikol").
MIN_LOCALES = 2
OUT = Path(__file__).resolve().parent.parent / "src/parley/data/given_names.tsv"


def latin(name: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha()) \
        and name.replace("-", "").replace("'", "").isalpha()


def main() -> int:
    person = importlib.import_module("faker.providers.person")
    sides: dict[str, set[str]] = {}
    locales: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for gender, attribute in (("male", "first_names_male"), ("female", "first_names_female")):
            for name in getattr(provider, attribute, ()) or ():
                name = str(name).strip()
                if name and " " not in name and latin(name):
                    sides.setdefault(name.lower(), set()).add(gender)
                    locales.setdefault(name.lower(), set()).add(module.name)
    rows = sorted((name, next(iter(g))) for name, g in sides.items()
                  if len(g) == 1 and len(name) > 1 and len(locales[name]) >= MIN_LOCALES)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("name\tgender\n")
        for name, gender in rows:
            out.write(f"{name}\t{gender}\n")
    print(f"{len(rows)} names ({sum(1 for _, g in rows if g == 'female')} female) -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
