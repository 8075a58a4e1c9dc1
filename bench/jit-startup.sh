#!/usr/bin/env bash
# JIT start-up (docs/benchmarks.md, "JIT start-up"): the Release CLI under the JIT (as `dotnet run` and the global tool
# run it) with the shipped runtimeconfig (dynamic PGO off) against the runtime's default (DOTNET_TieredPGO=1 overrides
# the runtimeconfig), alternated in the same script. Prints the median CPU time (user + sys) and wall time of each.
# Usage: bench/jit-startup.sh [RUNS]   (default 8; build first with `dotnet build -c Release src/Postmortem.Cli`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-8}"
cli=src/Postmortem.Cli/bin/Release/net10.0/postmortem.dll
[[ -f "$cli" ]] || { echo "build first: dotnet build -c Release src/Postmortem.Cli" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for cmd in "timeline examples/notes/api-latency.md" "draft examples/meridian/incident.yml"; do
  name=${cmd%% *}
  for ((i = 0; i < runs; i++)); do
    env DOTNET_TieredPGO=1 /usr/bin/time -f "%U %S %e" -a -o "$out/$name.pgo" dotnet "$cli" $cmd > /dev/null
    /usr/bin/time -f "%U %S %e" -a -o "$out/$name.shipped" dotnet "$cli" $cmd > /dev/null
  done
  for v in pgo shipped; do
    cpu=$(awk '{print $1 + $2}' "$out/$name.$v" | median)
    wall=$(awk '{print $3}' "$out/$name.$v" | median)
    printf '%-9s %-8s cpu %5.2f s  wall %5.2f s\n' "$name" "$v" "$cpu" "$wall"
    eval "${v}_cpu=$cpu"
  done
  awk -v a="$shipped_cpu" -v b="$pgo_cpu" -v n="$name" 'BEGIN {printf "%-9s ratio of CPU medians (shipped / default PGO) %.2f\n", n, a / b}'
done
