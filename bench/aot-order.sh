#!/usr/bin/env bash
# Writes src/Postmortem.Cli/postmortem.aot-order: the managed methods that the common commands of the NativeAOT CLI run,
# in the order they first run (docs/benchmarks.md, "thirty-fifth session"). ILC lays these out first and together
# (IlcOrderFile in Postmortem.Cli.csproj), so start-up code sits on few pages. A name ILC no longer knows is skipped
# by ILC; a missing file leaves the default layout. Run again after larger code changes (needs valgrind, nm, readelf).
# The generated regexes are named with a hash of their generated file's path: stable across clones through the PathMap in
# src/Postmortem/Postmortem.csproj, for a Release build (a publish's default), so publish without -c Debug.
# Usage: bench/aot-order.sh DIR   (DIR holds a published binary with its symbols: postmortem and postmortem.dbg)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: bench/aot-order.sh DIR (a NativeAOT publish of src/Postmortem.Cli)}"
[[ -f "$dir/postmortem" && -f "$dir/postmortem.dbg" ]] || { echo "no postmortem and postmortem.dbg in $dir" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the .dbg's DWARF 5: run a copy of the binary alone and name addresses from the .dbg's symbols.
cp "$dir/postmortem" "$work/postmortem"
nm -n --defined-only "$dir/postmortem.dbg" > "$work/symbols"
readelf -SW "$dir/postmortem" > "$work/sections"
n=0
# The draft of the issue's target first, then what the other common commands add.
while IFS= read -r cmd; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  valgrind --tool=lackey --trace-superblocks=yes --log-file="$work/trace.$n" "$work/postmortem" $cmd > /dev/null 2>&1 || true
done <<'EOF'
draft examples/meridian/incident.yml
--version
draft examples/meridian/incident.yml -f json
draft examples/meridian/incident.yml --format html
timeline examples/notes/api-latency.md
lint examples/lint/needs-work.md
EOF
python3 - "$work" "$n" > src/Postmortem.Cli/postmortem.aot-order <<'PY'
import bisect, re, sys
work, runs = sys.argv[1], int(sys.argv[2])
# Only the managed code section's functions: ILC orders managed methods, by their symbol (mangled) names.
lo = hi = None
for line in open(f"{work}/sections"):
    m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
    if m and m.group(1) == "__managedcode":
        lo = int(m.group(2), 16); hi = lo + int(m.group(3), 16)
if lo is None:
    sys.exit("no __managedcode section")
# One name per address: where several symbols share one (aliases such as a section's start), the longest is the method's.
byaddr = {}
for line in open(f"{work}/symbols"):
    parts = line.split()
    if len(parts) == 3 and parts[1] in "tT":
        a = int(parts[0], 16)
        if lo <= a < hi and len(parts[2]) > len(byaddr.get(a, "")):
            byaddr[a] = parts[2]
addrs = sorted(byaddr)
names = [byaddr[a] for a in addrs]
seen, order = set(), []
for r in range(1, runs + 1):
    for line in open(f"{work}/trace.{r}"):
        if not line.startswith("SB "):
            continue
        a = int(line[3:], 16)
        if not lo <= a < hi:
            continue
        i = bisect.bisect_right(addrs, a) - 1
        if i >= 0 and names[i] not in seen:
            seen.add(names[i]); order.append(names[i])
sys.stdout.write("".join(n + "\n" for n in order))
print(f"{len(order)} methods", file=sys.stderr)
PY
