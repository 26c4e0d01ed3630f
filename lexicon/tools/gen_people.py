#!/usr/bin/env python3
"""Writes lexicon/people/countryinfo/<CODE>.txt: people and their tenures to 2011, one block per
person, from the tenure facts of CountryInfo (../shared/data/reference/countryinfo_leaders.tsv,
CC BY-SA 3.0, Philip A. Schrodt; heads of state and government ~1960-2011 from rulers.org and
ministers 2003-2011 from the CIA's World Leaders, with CAMEO codes).

Run from anywhere:  python3 lexicon/tools/gen_people.py [--out DIR] [path/to/countryinfo_leaders.tsv]
(a test regenerates into a temporary DIR and compares with the committed files)

How the facts become blocks:
  * one block per person and country; the `Leaders` rows (heads of state and government) give
    COUNTRY+GOV with the row's title as note, the `Government` rows the CAMEO code CountryInfo
    gives (AFGGOVAGR: a minister of agriculture);
  * the state is the one that existed on the tenure's dates, as in countries.txt: the Soviet
    Union's leaders are SUN (CountryInfo files them under RUS), Czechoslovakia's CSK,
    Yugoslavia's YUG, East Germany's (by their GDR titles) DDR; for Vietnam and Yemen before
    unification tools/people_fixes.tsv names the southern (RVN) and South Yemeni (YMD) leaders;
  * dates: `Leaders` end dates are the successor's first day (UNTIL as written); `Government`
    rows are monthly snapshots whose end is the last day seen in office (UNTIL = end + 1 day);
    impossible days (June 31) are the month's last day; a minister already in office at the
    first snapshot starts 2003-01-01; a tenure still open at the source's last update
    (2012-01-16) ends then, since what followed is not in the source; rows without a start, or
    ending before they start, are left out (counted in each file's header);
  * every person gets COUNTRY+ELI as the default code (a former leader is still of their
    country), except names that several countries' people share;
  * people written by hand in lexicon/people/*.txt (their full record, 2011-2026 included) are
    left out here;
  * one-word names are dropped unless distinctive (a list in ONE_WORD_NAMES): "Hassan" alone
    would name every Hassan;
  * honorifics (Sir, Ayatollah, General, ...) are dropped from a name of two words or more, and
    the form with them is kept as another name.
"""

import csv
import os
import re
import sys
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_countries  # noqa: E402

DEFAULT_SRC = os.path.join(ROOT, "..", "shared", "data", "reference", "countryinfo_leaders.tsv")
OUT_DIR = os.path.join(ROOT, "lexicon", "people", "countryinfo")
HAND_DIR = os.path.join(ROOT, "lexicon", "people")
FIXES = os.path.join(HERE, "people_fixes.tsv")
FIRST_SNAPSHOT = "2003-01-01"
HORIZON = "2012-01-16"

HONORIFICS = {
    "AYATOLLAH", "GRAND", "HOJATOLISLAM", "HOJJATOLESLAM", "SIR", "DAME", "DR", "DR.", "GEN",
    "GEN.", "GENERAL", "LT.", "MAJ.", "COL.", "COLONEL", "ADMIRAL", "ADM.", "MARSHAL", "FIELD",
    "PRINCE", "PRINCESS", "KING", "QUEEN", "SHEIKH", "SHAIKH", "SHEIKHA", "SHAYKH", "EMIR",
    "SULTAN", "MULLAH", "MAULANA", "MAWLAWI", "ACTING", "MINISTER", "HRH", "H.E.", "MR.", "MRS.",
    "MS.", "LORD", "BARON", "ARCHBISHOP", "BISHOP", "CARDINAL", "FATHER", "RABBI", "IMAM",
    "HAJI", "ALHAJI", "CHIEF", "PROF.", "PROFESSOR", "BRIG.", "BRIGADIER", "CAPTAIN", "CAPT.",
    "MAJOR", "LIEUTENANT", "COMMANDER", "PRESIDENT", "PREMIER", "AMBASSADOR",
}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "dos", "das", "do", "van",
             "von", "der", "den", "la", "le", "y", "e", "of", "the", "ould", "ag", "ben", "abu"}
# One-word names are kept only when they are a real, distinctive name ("Suharto"); the others
# are given names ("Hassan", "Khalid"), which would name every Hassan, or garbled rows.
ONE_WORD_NAMES = {"SUHARTO", "SUGIHARTO", "RAFSANJANI", "MAHDAVI-KANI", "MOUSSAVI-ARDABILI",
                  "HIROHITO", "SHOWA-TENNO", "MARDIYANTO", "TUIVAKANO", "TUIPELEHAKE",
                  "FIELAKEPA", "KHODAIDAD", "MIMARDANOV", "MIASHIRKULOV"}
GDR_TITLES = {"chairmen of the council of state", "chairmen of the council of ministers"}


def day(s):
    """YYYYMMDD -> ISO date; an impossible day becomes the month's last day."""
    if not re.fullmatch(r"\d{8}", s or ""):
        return None
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not 1 <= m <= 12 or d < 1:
        return None
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    last = (nxt - timedelta(days=1)).day
    return date(y, m, min(d, last)).isoformat()


def plus_one(iso):
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def key(phrase):
    return re.sub(r"[\s\-_.']+", " ", phrase.lower()).strip()


def display(name):
    words = []
    for w in name.split():
        parts = re.split(r"(-)", w)
        out = []
        for p in parts:
            lp = p.lower()
            if p == "-":
                out.append(p)
            elif lp in PARTICLES and (out or words):
                out.append(lp)
            elif re.fullmatch(r"[IVX]+", p):
                out.append(p)
            elif "." in p and len(p) <= 3:
                out.append(p.upper())
            else:
                out.append(lp[:1].upper() + lp[1:])
        words.append("".join(out))
    s = " ".join(words)
    return re.sub(r"(?<=\w)'S\b", "'s", s)


def names_of(raw):
    """The name column -> its variants ('{A }{B }' lists several)."""
    if "{" in raw:
        vs = [v.strip() for v in re.findall(r"\{([^}]*)\}", raw)]
    else:
        vs = [raw.strip()]
    out = []
    for v in vs:
        v = re.sub(r"\s+", " ", v.replace("_", " ")).strip()
        if not v or not re.search(r"[A-Za-z]", v):
            continue
        words = v.split()
        i = 0
        while i < len(words) - 1 and words[i].upper() in HONORIFICS:
            i += 1
        bare = " ".join(words[i:])
        if i and len(words) - i >= 2:
            out += [bare, v]
        else:
            out.append(v)
    seen, res = set(), []
    for v in out:
        if key(v) not in seen:
            seen.add(key(v))
            res.append(v)
    return res


def hand_people():
    """Name keys of the people written by hand, with the countries of their codes."""
    out = {}
    for fn in sorted(os.listdir(HAND_DIR)):
        p = os.path.join(HAND_DIR, fn)
        if not fn.endswith(".txt") or not os.path.isfile(p):
            continue
        names, countries = [], set()

        def flush():
            for n in names:
                out.setdefault(key(n), set()).update(countries)

        with open(p, encoding="utf-8") as f:
            for line in f:
                t = line.split("#")[0].strip()
                if not t:
                    continue
                kw, _, rest = t.partition(" ")
                if kw in ("person", "actor"):
                    flush()
                    names, countries = [rest.strip()], set()
                elif kw in ("name", "short"):
                    names.append(rest.strip())
                elif kw == "code":
                    countries.add(rest.strip()[:3])
        flush()
    return out


def load_fixes():
    fixes = {}
    if os.path.exists(FIXES):
        for r in gen_countries.tsv(FIXES):
            fixes[(r["country"], key(r["name"]))] = r["code"]
    return fixes


class Periods:
    """A country's code on a date, as countries.txt gives it."""

    def __init__(self):
        rows = {}
        for r in gen_countries.tsv(gen_countries.ONTOLOGY):
            c = r["cameo"] or r["iso3"]
            if c:
                rows[c] = r
        self.rows = rows
        overrides = {}
        for e in gen_countries.tsv(gen_countries.EXTRA):
            if e["kind"] == "codes":
                overrides[e["code"]] = e["value"]
        self.roles = set()
        for r in gen_countries.tsv(os.path.join(ROOT, "data", "ontology", "cameo_roles.tsv")):
            if r["class"] in ("primary_role", "party", "secondary_role", "tertiary_role"):
                self.roles.add(r["code"])
        self.periods = {}
        for c in rows:
            if c in overrides:
                ps = []
                for part in overrides[c].split(";"):
                    bits = part.split()
                    f = t = None
                    if len(bits) > 1:
                        f, t = bits[1].split("..")
                    ps.append((bits[0], f or None, t or None))
                self.periods[c] = ps
            else:
                self.periods[c] = gen_countries.codes_for(rows, c)

    def clip(self, code, start, until):
        """[(code, from, until)]: the parts of [start, until) on which the state `code` existed
        (all of it for a code without recorded dates)."""
        row = self.rows.get(code)
        valid = gen_countries.merge(gen_countries.parse_valid(row["valid"])) if row else []
        if not valid:
            return [(code, start, until)]
        out = []
        for f, t in valid:
            a = start if f is None or start > f else f
            b = until if t is None or until < t else t
            if a < b:
                out.append((code, a, b))
        return out

    def roles_only(self, role):
        """A role suffix without the parts dyad's ontology does not know as roles (CountryInfo's
        religion parts REL and MOS; Republika Srpska's SRP): GOVREL -> GOV, SRPGOV -> GOV."""
        parts = [role[i:i + 3] for i in range(0, len(role), 3)]
        return "".join(p for p in parts if p in self.roles)

    def split(self, country, start, until):
        """[(code, from, until)] covering [start, until) with the state valid on each date."""
        ps = self.periods.get(country)
        if not ps:
            return [(country, start, until)]
        out = []
        for c, f, t in ps:
            a = start if f is None or start > f else f
            b = until if t is None or until < t else t
            if a < b:
                out.append((c, a, b))
        return out or [(country, start, until)]


def subtract(spans, a, b):
    """[(x, y)] minus [a, b)."""
    out = []
    for x, y in spans:
        if b <= x or y <= a:
            out.append((x, y))
            continue
        if x < a:
            out.append((x, a))
        if b < y:
            out.append((b, y))
    return out


def main():
    args = sys.argv[1:]
    out_dir = OUT_DIR
    if "--out" in args:
        i = args.index("--out")
        if i + 1 >= len(args):
            sys.exit("--out needs a directory")
        out_dir = args[i + 1]
        del args[i : i + 2]
    src = args[0] if args else DEFAULT_SRC
    if not os.path.exists(src):
        sys.exit(f"{src} not found")
    periods = Periods()
    fixes = load_fixes()
    hand = hand_people()
    people = {}  # (file country, name key) -> dict
    skipped = {}
    with open(src, encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        raw_country = r["country_code"]
        m = re.match(r"\[YUG([A-Z]{3})", raw_country)
        home = m.group(1) if m else raw_country
        from_yug = m is not None
        if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", home) or home not in periods.rows:
            skipped[home] = skipped.get(home, 0) + 1
            continue
        names = [n for n in names_of(r["name"]) if " " in n or n.upper() in ONE_WORD_NAMES]
        if not names:
            skipped[home] = skipped.get(home, 0) + 1
            continue
        section = r["section"]
        start = day(r["start"])
        if section == "Government" and not start and r["in_office_before_first_record"] == "Y":
            start = FIRST_SNAPSHOT
        end = day(r["end"])
        if end is None and r["in_office_at_last_update"] == "Y":
            until = HORIZON
        elif end is None:
            until = None
        elif section == "Leaders" or (start is not None and start < FIRST_SNAPSHOT):
            until = end  # hand-over dates: the successor's first day
        else:
            until = plus_one(end)  # monthly snapshots: the last day seen in office
        if start is None or until is None or until <= start:
            skipped[home] = skipped.get(home, 0) + 1
            continue
        title = (r["title_or_cameo_code"] if section == "Leaders" else r["comment"]).strip().strip('"')
        title = re.sub(r"\s+", " ", title.replace("_", " ")).lower()
        if section == "Leaders":
            base, role = home, "GOV"
        else:
            code = r["title_or_cameo_code"]
            if not re.fullmatch(r"([A-Z]{3})+", code):
                skipped[home] = skipped.get(home, 0) + 1
                continue
            base, role = code[:3], code[3:]
            if base not in periods.rows and base != "IGO":
                base = home
        fix = fixes.get((home, key(names[0])))
        pieces = []
        if fix:
            # The fix names the state while it existed; outside its dates, the usual reading.
            inside = periods.clip(fix, start, until)
            pieces = inside
            rest = [(start, until)]
            for _, a, b in inside:
                rest = [(x, y) for x, y in subtract(rest, a, b)]
            for x, y in rest:
                pieces += periods.split(base if section == "Government" else home, x, y)
        elif section == "Leaders" and home == "DEU" and title in GDR_TITLES:
            b = min(until, "1990-10-03")
            pieces = [("DDR", start, b)] if start < b else []
        elif base == "IGO":
            pieces = [("IGO", start, until)]
        else:
            for c, a, b in periods.split(base, start, until):
                if c == "---":
                    c = {"VNM": "VDR", "YEM": "YAR"}.get(base, base)
                pieces.append((c, a, b))
        # A state's code only on the dates the state existed (a colony's governors are not the
        # later state's government).
        clipped = []
        for c, a, b in pieces:
            clipped += periods.clip(c, a, b)
        if not clipped:
            skipped[home] = skipped.get(home, 0) + 1
            continue
        pieces = clipped
        k = (home, key(names[0]))
        p = people.setdefault(k, {"names": [], "tenures": [], "home": home, "yug": from_yug})
        p["yug"] = p["yug"] and from_yug
        for n in names:
            if key(n) not in {key(x) for x in p["names"]}:
                p["names"].append(n)
        for c, a, b in pieces:
            code = c + periods.roles_only(role) if c != "IGO" else r["title_or_cameo_code"]
            p["tenures"].append((a, b, code, title, section))

    # One person under several first names ("Dmitry Medvedev", "Dmitriy Medvedev"): merge the
    # blocks of a country that share any name.
    by_name = {}
    for k in sorted(people):
        p = people[k]
        target = None
        for n in p["names"]:
            t = by_name.get((p["home"], key(n)))
            if t is not None and t in people and t != k:
                target = t
                break
        if target is not None:
            q = people[target]
            for n in p["names"]:
                if key(n) not in {key(x) for x in q["names"]}:
                    q["names"].append(n)
            q["tenures"] += p["tenures"]
            q["yug"] = q["yug"] and p["yug"]
            del people[k]
            k = target
        for n in people[k]["names"]:
            by_name.setdefault((people[k]["home"], key(n)), k)

    # CountryInfo files some rows of Kiribati and the Solomon Islands under the Yugoslav
    # successor headings (their blocks follow each other): a person of a "[YUG...]" heading who
    # also appears under a plain country code is that country's.
    plain = {key(n) for p in people.values() if not p["yug"] for n in p["names"]}
    for k in list(people):
        p = people[k]
        if p["yug"] and any(key(n) in plain for n in p["names"]):
            del people[k]

    # A person's tenures must not overlap with different codes (a minister holding two
    # portfolios): heads of state and government first, then the plainer code, keep what an
    # earlier tenure does not already cover.
    for p in people.values():
        ordered = sorted(p["tenures"], key=lambda t: (t[4] != "Leaders", len(t[2]), t[0]))
        kept = []
        for a, b, code, title, section in ordered:
            pieces = [(a, b)]
            for ka, kb, kcode, _, _ in kept:
                if kcode == code:
                    continue
                nxt = []
                for x, y in pieces:
                    if kb <= x or y <= ka:
                        nxt.append((x, y))
                        continue
                    if x < ka:
                        nxt.append((x, ka))
                    if kb < y:
                        nxt.append((kb, y))
                pieces = nxt
            for x, y in pieces:
                if x < y:
                    kept.append((x, y, code, title, section))
        p["tenures"] = kept

    # Leave out the people written by hand.
    for k in list(people):
        p = people[k]
        for n in p["names"]:
            cs = hand.get(key(n))
            if cs and (p["home"] in cs or any(t[2][:3] in cs for t in p["tenures"])):
                del people[k]
                break

    # "Richard M. Nixon" is also "Richard Nixon", unless that names someone else.
    all_keys = {key(n) for p in people.values() for n in p["names"]}
    for p in people.values():
        for n in list(p["names"]):
            words = n.split()
            if len(words) < 3:
                continue
            kept = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not re.fullmatch(r"[A-Z]\.?", w)]
            if len(kept) < len(words):
                cand = " ".join(kept)
                if key(cand) not in all_keys:
                    all_keys.add(key(cand))
                    p["names"].append(cand)

    # Names shared by people of different countries: no default code for them.
    owners = {}
    for (home, _), p in people.items():
        for n in p["names"]:
            owners.setdefault(key(n), set()).add(home)
    shared = {n for n, hs in owners.items() if len(hs) > 1}

    by_country = {}
    for (home, _), p in people.items():
        by_country.setdefault(home, []).append(p)
    os.makedirs(out_dir, exist_ok=True)
    for fn in os.listdir(out_dir):
        if fn.endswith(".txt"):
            os.remove(os.path.join(out_dir, fn))
    for home in sorted(by_country):
        ps = sorted(by_country[home], key=lambda p: (min(t[0] for t in p["tenures"]), key(p["names"][0])))
        out = [
            f"# dyad lexicon: people of {periods.rows[home]['name']} ({home}) with their tenures to 2011.",
            "# GENERATED by lexicon/tools/gen_people.py from CountryInfo's tenure facts",
            "# (countryinfo_leaders.tsv, CC BY-SA 3.0, Philip A. Schrodt). Do not edit: people written",
            "# by hand in lexicon/people/*.txt are left out here; change those, or the generator.",
            f"# Ranges are half-open FROM..UNTIL. Tenures open at the source's last update end {HORIZON}.",
        ]
        if skipped.get(home):
            out.append(f"# {skipped[home]} source rows without usable dates or codes were left out.")
        out.append("")
        for p in ps:
            names = [display(n) for n in p["names"]]
            out.append(f"person {names[0]}")
            for n in names[1:]:
                out.append(f"name {n}")
            tenures = sorted(p["tenures"], key=lambda t: (t[4] != "Leaders", t[0]))
            last = max(tenures, key=lambda t: t[1])
            if not any(key(n) in shared for n in p["names"]):
                country = last[2][:3] if last[2][:3] != "IGO" else home
                out.append(f"code {country}ELI")
            seen = set()
            for a, b, code, title, _ in tenures:
                if (a, b, code) in seen:
                    continue
                seen.add((a, b, code))
                line = f"code {code} {a}..{b}"
                out.append(f"{line} {title}".rstrip() if title else line)
            out.append("")
        with open(os.path.join(out_dir, f"{home}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
