#!/usr/bin/env python3
"""Scores `crosscheck reuse` on a labelled set of real wire copy and the outlets that ran it.

The set is a folder of story folders (`01-some-story/wire-ap.txt`, `outlet-x.txt`, ...) and a
`labels.tsv` (`story, file, label, reason`) where each outlet text is `wholly`, `partially` or
`independent` relative to its story's `wire` text (METER's classes: the wire as the only
source, as one source, or not used). All texts of a part go into one folder, as the held-out
corpus will, and each outlet text is read by its pair with its story's wire text (no pair:
independent).

Parts are fixed by story number, chosen before the first run: odd stories tune, even stories
are kept aside and scored only with `--part heldout`.

    score_reuse.py [--bin target/release/crosscheck] [--part tuning|heldout|all] [--article] [-v] SET...

`--part all` scores every story: for a set that is wholly kept aside, or whose kept-aside part
has been spent.

Several sets are scored together, all their texts of the part in one folder (their story numbers
must differ).

`--article` reads each outlet text's own class (its share of words in passages shared with any
text not known to copy it: all wire versions pooled, as METER pools them) instead of its pair
with its story's wire text.
"""

import argparse
import csv
import json
import os
import shutil
import subprocess
import tempfile
from collections import defaultdict

CLASSES = ["wholly", "partially", "independent"]


def in_part(story, part):
    if part == "all":
        return True
    number = int(story.split("-", 1)[0])
    return (number % 2 == 1) == (part == "tuning")


def macro_f1(rows, classes):
    confusion = defaultdict(int)
    for truth, found in rows:
        confusion[(truth, found)] += 1
    f1s = []
    for c in classes:
        tp = confusion[(c, c)]
        fp = sum(confusion[(t, c)] for t in classes if t != c)
        fn = sum(confusion[(c, f)] for f in classes if f != c)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        found = [confusion[(c, f)] for f in classes]
        print(f"  {c:<12} P {p:.3f} R {r:.3f} F1 {f1:.3f}   found as {found}")
    m = sum(f1s) / len(f1s)
    print(f"  macro F1 {m:.3f}")
    return m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/crosscheck")
    ap.add_argument("--part", choices=["tuning", "heldout", "all"], default="tuning")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--article", action="store_true",
                    help="read each text's own class (all its sources pooled), not its pair with the wire")
    ap.add_argument("sets", nargs="+", metavar="SET")
    args = ap.parse_args()

    labels = []
    for d in args.sets:
        with open(os.path.join(d, "labels.tsv"), encoding="utf-8") as f:
            labels += [dict(r, dir=d) for r in csv.DictReader(f, delimiter="\t")
                       if in_part(r["story"], args.part)]
    stories = [r["story"] for r in labels if r["label"] == "wire"]
    if len(stories) != len(set(stories)):
        raise SystemExit("two sets number a story alike: their texts would mix")
    tmp = tempfile.mkdtemp(prefix="reuse-")
    try:
        for r in labels:
            shutil.copy(
                os.path.join(r["dir"], r["story"], r["file"]),
                os.path.join(tmp, f"{r['story']}__{r['file']}"),
            )
        out = subprocess.run(
            [args.bin, "reuse", tmp, "--json"], check=True, capture_output=True, text=True
        ).stdout
    finally:
        shutil.rmtree(tmp)
    entries = [e for e in json.loads(out) if e["kind"] == "article"]
    by_path = {os.path.basename(e["path"]): e for e in entries}
    wire = {r["story"]: f"{r['story']}__{r['file']}" for r in labels if r["label"] == "wire"}
    rows = []
    for r in labels:
        if r["label"] == "wire":
            continue
        e = by_path[f"{r['story']}__{r['file']}"]
        w = by_path[wire[r["story"]]]
        pair = next((s for s in e["shares"] if s["other"] == w["id"]), None)
        found = pair["class"] if pair else "independent"
        share = pair["share"] if pair else 0.0
        if args.article:
            found, share = e["class"], e["share"]
        rows.append((r["label"], found))
        if args.verbose:
            mark = " " if found == r["label"] else "x"
            print(f"{mark} {r['story'][:28]:<28} {r['file'][:34]:<34} {r['label']:<11} "
                  f"{found:<11} {share:.2f}")
    print(f"{args.part}: {len(rows)} outlet texts, {len(wire)} stories")
    macro_f1(rows, CLASSES)
    print(" derived or not:")
    macro_f1([(t if t == "independent" else "derived", f if f == "independent" else "derived")
              for t, f in rows], ["derived", "independent"])


if __name__ == "__main__":
    main()
