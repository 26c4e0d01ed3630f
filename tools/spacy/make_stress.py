"""Write a larger, stranger comparison set for dyad-parse (not committed; a few MB).

From the parity corpus it builds 2,300 texts: concatenations of 2-4 records (long, many sentences),
word-shuffled records (odd syntax, near-tie decisions), lower- and upper-cased records, and records
with doubled spaces and blank lines; then writes spaCy's parse of each in the `dyad parse` JSON form
plus, per token, spaCy's whitespace flag (`ws`) and the tokenizer-exception norm (`norm`, null when
the text alone gives the norm), which is what dyad needs to parse from spaCy's tokens.

    .venv-spacy/bin/python tools/spacy/make_stress.py [OUT.jsonl]      (default /tmp/dyad-stress.jsonl)
    cargo run --release -p dyad-parse --example stress_compare -- OUT.jsonl
"""

from __future__ import annotations

import json
import random
import sys

import make_parity as mp


def main() -> None:
    out_path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dyad-stress.jsonl"
    nlp = mp.load_nlp()
    records, _ = mp.read_corpus()
    texts = [t for _, t in records]
    rng = random.Random(7)
    out = [" ".join(rng.sample(texts, rng.randint(2, 4))) for _ in range(600)]
    for _ in range(800):
        words = rng.choice(texts).split()
        rng.shuffle(words)
        out.append(" ".join(words))
    out += [t.lower() for t in rng.sample(texts, 400)]
    out += [t.upper() for t in rng.sample(texts, 200)]
    out += [t.replace(", ", ",  ").replace(". ", ".\n\n") for t in rng.sample(texts, 300)]
    with open(out_path, "w") as f:
        for i, (text, doc) in enumerate(zip(out, nlp.pipe(out, batch_size=256))):
            d = mp.doc_json(f"s{i}", doc)
            d["text"] = text
            d["ws"] = [bool(t.whitespace_) for t in doc]
            d["norm"] = [t.norm_ if t.norm_ != nlp.vocab[t.text].norm_ else None for t in doc]
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {out_path}: {len(out)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()
