#!/usr/bin/env python3
"""Writes lexicon/actors/countries.txt: one actor block per state of dyad's ontology.

Inputs (facts only):
  data/ontology/countries.tsv      dyad's country table (codes, names, demonyms, capitals, name
                                   variants, validity periods, predecessors); its name forms come
                                   from CountryInfo (CC BY-SA 3.0, P. A. Schrodt)
  lexicon/tools/countries_extra.tsv  dyad's hand-written additions and decisions

Run from anywhere:  python3 lexicon/tools/gen_countries.py [--out FILE]
The output is committed; crates/dyad-lexicon-default/tests/generated.rs checks that running
this script (with --out to a temporary file) reproduces it byte for byte.

What a block says:
  * names: the primary form, the ontology's aliases and name, demonyms (with a plural where
    English makes one), capitals (the seat of government as metonym: "Tehran said"), and
    CountryInfo's variant spellings (without forms carrying "(" or ",", which never occur in
    running text);
  * codes: a state's own code on every date, with two exceptions from countries_extra.tsv:
    a state marked `chain` takes its predecessor's code before it existed (ontology validity
    + predecessors, following the chain): "Russia" in 1960 is SUN, since the name then stood
    for the Soviet Union; and `codes` rows replace a block's codes ("Yemen" before 1990 is North
    Yemen). The constituent republics of a union (Ukraine, Estonia, Serbia, Croatia, Slovakia)
    keep their own code before independence: they acted in their own right (the Baltic
    independence movements, Serbia under Milosevic) and event data codes them so.
  * a name that several states share is kept where countries_extra.tsv gives it; otherwise a
    current state wins over a historical one (whose successor's block dates it), and a name
    shared by two current states is dropped from both and listed at the end of the file.
"""

import csv
import os
import re
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ONTOLOGY = os.path.join(ROOT, "data", "ontology", "countries.tsv")
EXTRA = os.path.join(HERE, "countries_extra.tsv")
OUT = os.path.join(ROOT, "lexicon", "actors", "countries.txt")

AFFIXES = ["backed", "allied", "aligned", "sponsored", "supported", "funded", "armed", "trained",
           "leaning", "friendly"]
SMALL = {"of", "the", "and", "de", "du", "la", "da", "del", "des", "di", "e", "y", "van",
         "von", "al", "el", "le", "les", "d'", "et", "on"}


def tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#") and l.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def key(phrase):
    """How names are compared (what dyad's normalisation makes equal)."""
    return re.sub(r"[\s\-_.]+", " ", phrase.lower()).strip()


def display(variant):
    """CountryInfo's upper-case forms in a readable case (matching ignores case)."""
    out = []
    for w in variant.split(" "):
        lw = w.lower()
        if lw in SMALL:
            out.append(lw)
        elif "." in w or len(w) <= 3 and w.isupper():
            out.append(w)
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)


def plural(demonym):
    d = demonym
    if d.endswith(("ese", "sh", "ch", "ss", "s", "x", "z", "ais")) or " " in d and d.split()[-1][:1].islower():
        return None
    if d in ("Swiss", "Malagasy", "Burkinabe", "Kyrgyz", "Manx", "Thai", "Lao", "Motswana",
             "Mosotho", "I-Kiribati", "Ni-Vanuatu", "Monegasque", "Seychellois"):
        return None
    return d + "s"


def parse_valid(v):
    """ontology validity: 'A..B=name|C..' -> [(from, to)] with ISO strings or None."""
    out = []
    if not v:
        return out
    for part in v.split("|"):
        rng = part.split("=")[0]
        a, b = rng.split("..")
        out.append((a or None, b or None))
    return out


def merge(periods):
    out = []
    for f, t in periods:
        if out and out[-1][1] is not None and out[-1][1] == f:
            out[-1] = (out[-1][0], t)
        else:
            out.append((f, t))
    return out


def lt(a, b):
    """a < b where None is -inf for a 'from' and +inf for an 'until' (callers pass the right kind)."""
    return date.fromisoformat(a) < date.fromisoformat(b)


def clip(periods, wf, wu):
    """Intersect [(f, t)] with the window [wf, wu) (None = open)."""
    out = []
    for f, t in periods:
        nf = f if wf is None or (f is not None and lt(wf, f)) else wf
        nt = t if wu is None or (t is not None and lt(t, wu)) else wu
        if nf is None or nt is None or lt(nf, nt):
            out.append((nf, nt))
    return out


def chain(rows, code, wf, wu):
    """Pieces (code, from, until) covering as much of [wf, wu) as code and its predecessors do."""
    row = rows.get(code)
    if row is None:
        return []
    own = merge(parse_valid(row["valid"])) or [(None, None)]
    pieces = [(code, f, t) for f, t in clip(own, wf, wu)]
    first = own[0][0]
    preds = [p for p in row["predecessors"].split("|") if p]
    if first is not None and (wf is None or lt(wf, first)) and len(preds) == 1:
        earlier = chain(rows, preds[0], wf, first if wu is None or lt(first, wu) else wu)
        pieces = earlier + pieces
    return pieces


def codes_for(rows, code):
    row = rows[code]
    own = merge(parse_valid(row["valid"]))
    historical = bool(own) and own[-1][1] is not None
    if not own or historical:
        return [(code, None, None)]
    preds = [p for p in row["predecessors"].split("|") if p]
    pieces = []
    prev_end = None
    for i, (f, t) in enumerate(own):
        if f is not None and len(preds) == 1:
            gap = chain(rows, preds[0], prev_end, f)
            pieces += gap
        pieces.append((code, f, t))
        prev_end = t
    # Whatever no piece covers at the start belongs to the earliest piece.
    c, f, t = pieces[0]
    pieces[0] = (c, None, t)
    # Adjacent pieces of one code merge.
    out = []
    for p in pieces:
        if out and out[-1][0] == p[0] and out[-1][2] == p[1]:
            out[-1] = (p[0], out[-1][1], p[2])
        else:
            out.append(p)
    return out


def fmt_code(c, f, t):
    if f is None and t is None:
        return f"code {c}"
    return f"code {c} {f or ''}..{t or ''}"


def main():
    rows_list = tsv(ONTOLOGY)
    rows = {}
    for r in rows_list:
        code = r["cameo"] or r["iso3"]
        if code:
            rows[code] = r
    extra = tsv(EXTRA)
    primary, extra_names, drops, overrides, cities = {}, {}, {}, {}, {}
    chained = set()
    for e in extra:
        c, k, v = e["code"], e["kind"], e["value"]
        if c not in rows:
            sys.exit(f"countries_extra.tsv: unknown code {c}")
        if k == "primary":
            primary[c] = v
        elif k == "name":
            extra_names.setdefault(c, []).append(v)
        elif k == "drop":
            drops.setdefault(c, set()).add(key(v))
        elif k == "codes":
            overrides[c] = v
        elif k == "chain":
            chained.add(c)
        elif k == "city":
            cities.setdefault(c, []).append(v)
        else:
            sys.exit(f"countries_extra.tsv: unknown kind {k}")

    names = {}  # code -> [(phrase, kind)]
    for code, r in rows.items():
        lst = []
        head = primary.get(code, r["name"])
        lst.append((head, "name"))
        if head != r["name"]:
            lst.append((r["name"], "official name"))
        for a in filter(None, r["aliases"].split("|")):
            if len(a) > 3:
                lst.append((display(a), "alias"))
        for v in extra_names.get(code, []):
            lst.append((v, "dyad"))
        for d in filter(None, r["demonyms"].split("|")):
            lst.append((d, "demonym"))
            p = plural(d)
            if p:
                lst.append((p, "demonym, plural"))
        # "Saudi-led coalition", "Vietnamese-led forces": led by the state, so the state.
        for base in [head] + [d for d in r["demonyms"].split("|") if d]:
            if " " not in base:
                lst.append((f"{base}-led", "led by the state"))
        for cap in filter(None, r["capital"].split("|")):
            lst.append((cap, "capital"))
        for city in cities.get(code, []):
            lst.append((city, "city"))
        for v in filter(None, r["variants"].split("|")):
            if "(" in v or "," in v:
                continue
            lst.append((display(v), "variant (CountryInfo)"))
        seen, kept = set(), []
        for ph, kind in lst:
            k = key(ph)
            if not k or k in seen or k in drops.get(code, set()):
                continue
            seen.add(k)
            kept.append((ph, kind))
        names[code] = kept

    used = set()
    for c, ds in drops.items():
        for d in ds:
            if not any(key(p) == d for p, _ in names_all(rows[c], extra_names.get(c, []), primary.get(c))):
                print(f"warning: drop {c} {d!r} matches no name", file=sys.stderr)

    historical = {c for c, r in rows.items() if merge(parse_valid(r["valid"])) and merge(parse_valid(r["valid"]))[-1][1]}
    explicit = {}
    for c, vs in extra_names.items():
        for v in vs:
            explicit.setdefault(key(v), set()).add(c)
    holders = {}
    for c, lst in names.items():
        for ph, _ in lst:
            holders.setdefault(key(ph), set()).add(c)
    ambiguous = []
    for k, cs in sorted(holders.items()):
        if len(cs) < 2:
            continue
        if k in explicit and len(explicit[k] & cs) == 1:
            keep = explicit[k] & cs
        else:
            current = cs - historical
            keep = current if len(current) == 1 else (cs if not current and len(cs) == 1 else set())
        for c in cs - keep:
            names[c] = [(p, kd) for p, kd in names[c] if key(p) != k or kd == "name"]
        if not keep:
            ambiguous.append((k, sorted(cs)))

    out = []
    out.append("# dyad lexicon: states, their names, adjectives, capitals, and their codes over time.")
    out.append("# GENERATED by lexicon/tools/gen_countries.py from data/ontology/countries.tsv (name forms")
    out.append("# from CountryInfo, CC BY-SA 3.0, Philip A. Schrodt) and lexicon/tools/countries_extra.tsv.")
    out.append("# Do not edit: change the inputs and rerun the script.")
    out.append("#")
    out.append("# Ranges are half-open FROM..UNTIL (UNTIL = first day the code no longer applies). A state")
    out.append("# that did not yet exist takes its predecessor's code: \"Russia\" in 1960 is SUN.")
    out.append("")
    for code in sorted(rows):
        r = rows[code]
        lst = names[code]
        if not lst:
            continue
        out.append(f"# {r['name']} ({code})" + (f" -- {r['valid']}" if r["valid"] else ""))
        head, _ = lst[0]
        out.append(f"actor {head}")
        for ph, kind in lst[1:]:
            out.append(f"name {ph}".ljust(48) + f"# {kind}")
        if code in overrides:
            for part in overrides[code].split(";"):
                out.append(f"code {part.strip()}".ljust(48) + "# countries_extra.tsv")
        elif code in chained:
            for c, f, t in codes_for(rows, code):
                out.append(fmt_code(c, f, t))
        else:
            out.append(fmt_code(code, None, None))
        out.append("")
    # "pro-Iranian militias", "Iranian-backed rebels", "anti-American protesters": the state
    # is not the actor. Each form is a known name with the null code, so that the longest
    # match takes it whole and the phrase's actor is found elsewhere.
    out.append("# --- Known names that are not the state: pro-X, anti-X, X-backed ... (code ---) ---")
    out.append("")
    for code in sorted(rows):
        lst = names[code]
        if not lst:
            continue
        bases = []
        for ph, kind in lst:
            if kind.startswith("demonym") and not kind.endswith("plural") or kind == "name":
                if " " not in ph and ph not in bases:
                    bases.append(ph)
        forms = []
        for b in bases:
            forms += [f"pro-{b}", f"anti-{b}"]
            forms += [f"{b}-{w}" for w in AFFIXES]
        if not forms:
            continue
        out.append(f"actor {forms[0]}".ljust(48) + f"# not {code}")
        for f in forms[1:]:
            out.append(f"name {f}")
        out.append("code ---")
        out.append("")
    if ambiguous:
        out.append("# Names shared by several current states and given to none (ambiguous):")
        for k, cs in ambiguous:
            out.append(f"#   {k}: {' '.join(cs)}")
    dest = OUT
    if "--out" in sys.argv[1:]:
        i = sys.argv.index("--out")
        if i + 1 >= len(sys.argv):
            sys.exit("--out needs a file")
        dest = sys.argv[i + 1]
    with open(dest, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def names_all(row, extra, prim):
    lst = [(row["name"], ""), (prim or row["name"], "")]
    lst += [(a, "") for a in row["aliases"].split("|") if a]
    lst += [(v, "") for v in extra]
    for d in row["demonyms"].split("|"):
        if d:
            lst.append((d, ""))
            if plural(d):
                lst.append((plural(d), ""))
    lst += [(c, "") for c in row["capital"].split("|") if c]
    lst += [(v, "") for v in row["variants"].split("|") if v]
    return lst


if __name__ == "__main__":
    main()
