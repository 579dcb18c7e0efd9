#!/usr/bin/env python3
"""Scores `crosscheck stories` against the real events of a folder of articles.

Each article's event is read from its path: the first folder when the articles sit in one
folder per event (`quake-1/wire.txt`), otherwise the file name before `__` or, failing that,
before its last `-` (`2019-1e41e98b-nyt.txt` -> `2019-1e41e98b`).

Prints B-cubed precision, recall and F1 of the stories, and how many suggested conflicts
(`crosscheck conflicts`) pair figures of different events: among the first 100, and in all.

    score_stories.py [--bin target/release/crosscheck] [--events-by dir|name] FOLDER...
"""

import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict


def event_of(path, how):
    parts = path.replace("\\", "/").split("/")
    if how == "dir" or (how == "auto" and len(parts) > 1):
        return parts[0]
    name = os.path.splitext(parts[-1])[0]
    if "__" in name:
        return name.split("__")[0]
    return name.rsplit("-", 1)[0] if "-" in name else name


def bcubed(clusters, truth):
    size_c = Counter(clusters.values())
    size_t = Counter(truth.values())
    both = Counter((clusters[a], truth[a]) for a in clusters)
    p = sum(both[(clusters[a], truth[a])] / size_c[clusters[a]] for a in clusters) / len(clusters)
    r = sum(both[(clusters[a], truth[a])] / size_t[truth[a]] for a in clusters) / len(clusters)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def run(binary, cmd, folder):
    out = subprocess.run([binary, cmd, folder, "--json"], check=True, capture_output=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("CROSSCHECK", "crosscheck"))
    ap.add_argument("--events-by", choices=["auto", "dir", "name"], default="auto")
    ap.add_argument("--no-conflicts", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("folders", nargs="+")
    a = ap.parse_args()
    for folder in a.folders:
        stories = run(a.bin, "stories", folder)
        clusters, truth = {}, {}
        for k, s in enumerate(stories):
            for art in s["articles"]:
                clusters[art["path"]] = k
                truth[art["path"]] = event_of(art["path"], a.events_by)
        p, r, f = bcubed(clusters, truth)
        n_events = len(set(truth.values()))
        print(f"{folder}: {len(clusters)} articles, {n_events} events, {len(stories)} stories; "
              f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if a.verbose:
            for s in stories:
                evs = Counter(truth[x["path"]] for x in s["articles"])
                if len(evs) > 1:
                    print(f"  mixed: {s['label']}: {dict(evs)}")
            homes = defaultdict(set)
            for path, k in clusters.items():
                homes[truth[path]].add(k)
            split = sorted(e for e, ks in homes.items() if len(ks) > 1)
            if split:
                print(f"  split: {split}")
        if a.no_conflicts:
            continue
        sugg = run(a.bin, "conflicts", folder)

        def crosses(s):
            return len({event_of(f["article"], a.events_by) for f in s["figures"]}) > 1

        first = sugg[:100]
        c100 = sum(map(crosses, first))
        call = sum(map(crosses, sugg))
        print(f"  suggestions: {len(sugg)}; crossing events: {c100} of the first {len(first)} "
              f"({100 * c100 / max(1, len(first)):.1f} %), {call} of all "
              f"({100 * call / max(1, len(sugg)):.1f} %)")


if __name__ == "__main__":
    sys.exit(main())
