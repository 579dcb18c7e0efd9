#!/bin/bash
# Runs `crosscheck conflicts` and `crosscheck figures` on each story folder given and writes
# one `.conf` and one `.fig` file per folder into OUTDIR, so that two builds can be compared
# with `diff -r OUTDIR_BEFORE OUTDIR_AFTER` before a change to the figure engine lands.
#
#     scripts/scan_figures.sh BIN OUTDIR FOLDER...
#
# Example: scripts/scan_figures.sh target/release/crosscheck /tmp/after ~/sets/*/[0-9]*
set -u
if [ $# -lt 3 ]; then
    echo "usage: $0 BIN OUTDIR FOLDER..." >&2
    exit 2
fi
bin=$1
out=$2
shift 2
mkdir -p "$out"
for d in "$@"; do
    [ -d "$d" ] || continue
    name=$(echo "$d" | sed 's#^/##; s#/#_#g')
    "$bin" conflicts "$d" > "$out/$name.conf" 2>/dev/null
    "$bin" figures "$d" > "$out/$name.fig" 2>/dev/null
done
