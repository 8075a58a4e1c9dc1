#!/usr/bin/env bash
# Issue 8: extraction's cost in instructions (callgrind), a figure the shared VM's load does not move.
#   bench/instructions.sh LABEL=CORE_DLL_DIR [LABEL=CORE_DLL_DIR ...]
# Each DIR holds a build's Postmortem.Core.dll (e.g. a worktree's src/Postmortem/bin/Release/net10.0); the first is the baseline.
# The bench program of this checkout runs over each build's core: one extraction of the generated 1 MB notes outside the count,
# two inside it; instructions per MB = counted total / 2. Tiered compilation off, so every method is counted optimised.
# Needs valgrind (callgrind_control); the runtime's W^X mapping is switched off, which valgrind cannot follow. Takes about two minutes per build.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Postmortem.Bench -c Release -v quiet -nologo >/dev/null
bench_out=bench/Postmortem.Bench/bin/Release/net10.0
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
base=""
for pair in "$@"; do
  label=${pair%%=*}; dir=${pair#*=}
  run="$work/$label"; mkdir -p "$run"
  cp -r "$bench_out"/. "$run"/
  cp "$dir/Postmortem.Core.dll" "$run/"
  fifo="$work/$label.in"; mkfifo "$fifo"
  out="$work/$label.out"
  DOTNET_TieredCompilation=0 DOTNET_EnableWriteXorExecute=0 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/$label.cg" \
    dotnet "$run/Postmortem.Bench.dll" --count-extraction < "$fifo" > "$out" 2>"$work/$label.err" &
  pid=$!
  exec 3>"$fifo"
  until grep -q '^ready' "$out" 2>/dev/null; do kill -0 "$pid" 2>/dev/null || { cat "$work/$label.err" >&2; exit 1; }; sleep 1; done
  callgrind_control -i on "$pid" >/dev/null 2>&1
  echo >&3
  until grep -q '^done' "$out" 2>/dev/null; do kill -0 "$pid" 2>/dev/null || { cat "$work/$label.err" >&2; exit 1; }; sleep 1; done
  callgrind_control -i off "$pid" >/dev/null 2>&1
  echo >&3
  exec 3>&-
  wait "$pid" || { echo "$label: the bench exited with $?" >&2; cat "$work/$label.err" >&2; exit 1; }
  total=$(awk '/Collected :/ {print $NF}' "$work/$label.err")
  bytes=$(awk '/^ready/ {print $2}' "$out")
  per_mb=$(python3 -c "print(f'{$total / 2 / ($bytes / 1048576) / 1e6:.1f}')")
  [ -z "$base" ] && base=$per_mb
  ratio=$(python3 -c "print(f'{$per_mb / $base:.3f}')")
  echo "$label: $per_mb M instructions per MB of extraction ($(sed -n 's/^done //p' "$out")); ratio to the first $ratio"
done
