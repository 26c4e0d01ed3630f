"""Write the tokenizer-exception norms of the parity corpus (tests/parity/spacy-3.8.0-norms.json).

The parity file has spaCy's tokens but not their NORM. Almost every token's NORM follows from its
text (the model's lexeme_norm table, else lower case); the exceptions are tokens a tokenizer
special case gave a norm (`n't` -> `not`, `wo` -> `will`, `Feb.` -> `February`). Until dyad's own
tokenizer feeds the parity test, the test takes spaCy's tokens from the parity file and these norms
from here.

Run from the repository root inside the venv of tools/spacy/setup_venv.sh:

    .venv-spacy/bin/python tools/spacy/token_norms.py

Output: {"generated_by", "norms": [[record index, token index, norm], ...]} for every token whose
NORM differs from what its text alone gives.
"""

from __future__ import annotations

import json
import sys

import make_parity as mp


def main() -> None:
    nlp = mp.load_nlp()
    records, _ = mp.read_corpus()
    out = []
    for k, (_, text) in enumerate(records):
        for t in nlp.make_doc(text):
            if t.norm_ != nlp.vocab[t.text].norm_:
                out.append([k, t.i, t.norm_])
    path = mp.OUT_DIR / "spacy-3.8.0-norms.json"
    path.write_text(json.dumps({"generated_by": "tools/spacy/token_norms.py", "norms": out}, ensure_ascii=False) + "\n")
    print(f"wrote {path.relative_to(mp.ROOT)}: {len(out)} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
