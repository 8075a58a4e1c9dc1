#!/usr/bin/env python3
"""Writes train.tsv and test.tsv from factors.tsv (run once; the pair files are committed, so tests never run this).

Split by cause (theme), so no test cause was seen in tuning: theme n (0-based, file order) is test when n % 5 is 1 or 3.
Same-cause pairs: every two wordings of a theme. Different-cause pairs: hard ones first (two themes of the same
component, e.g. two certificate causes), then random themes of the split (seed 10) until there are as many
different-cause pairs as same-cause pairs.
"""
import itertools, random

themes = {}
for line in open("factors.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    theme, component, source, text = line.rstrip("\n").split("\t")
    themes.setdefault(theme, (component, []))[1].append(text)

names = list(themes)
rng = random.Random(10)
for split in ("train", "test"):
    chosen = [t for n, t in enumerate(names) if (n % 5 in (1, 3)) == (split == "test")]
    pairs = []
    for t in chosen:
        for a, b in itertools.combinations(themes[t][1], 2):
            pairs.append(("same", t, t, a, b))
    positives = len(pairs)
    negatives = []
    for t, u in itertools.combinations(chosen, 2):
        if themes[t][0] == themes[u][0]:
            negatives.append(("different", t, u, themes[t][1][0], themes[u][1][1]))
            negatives.append(("different", t, u, themes[t][1][2], themes[u][1][2]))
    seen = {(n[1], n[2]) for n in negatives}
    while len(negatives) < positives:
        t, u = sorted(rng.sample(chosen, 2), key=names.index)
        if (t, u) in seen:
            continue
        seen.add((t, u))
        negatives.append(("different", t, u, rng.choice(themes[t][1]), rng.choice(themes[u][1])))
    with open(f"{split}.tsv", "w", encoding="utf-8") as f:
        f.write("# label\ttheme_a\ttheme_b\ttext_a\ttext_b (made by make-pairs.py from factors.tsv)\n")
        for p in pairs + negatives:
            f.write("\t".join(p) + "\n")
    print(split, len(chosen), "themes", positives, "same", len(negatives), "different")
