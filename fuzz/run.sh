#!/usr/bin/env bash
# Fuzz one target with AFL++ through SharpFuzz for SECONDS (docs/robustness.md).
#   fuzz/run.sh TARGET SECONDS      e.g. fuzz/run.sh incident 300
#   fuzz/run.sh --each              every seed and regression file once per target, without AFL
#   FUZZ_REBUILD=1 fuzz/run.sh ...  rebuild the harness first (it is built once into artifacts/fuzz)
# Findings go to artifacts/fuzz/TARGET/findings; the last lines print executions, paths and crashes.
# Exit 0 clean, 3 crashes found, 1 the harness or AFL failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/fuzz"
bin="$out/bin"
cd "$root"

# Built once; FUZZ_REBUILD=1 builds again (after a change to the library).
if [ -n "${FUZZ_REBUILD:-}" ]; then rm -rf "$bin" "$out/plain"; fi
if [ ! -f "$bin/.instrumented" ]; then
  rm -rf "$bin"
  dotnet publish fuzz/Postmortem.Fuzz -c Release -o "$bin" -nologo -v q
  dotnet tool restore >/dev/null
  # Our library and the two parsers it hands text to; the rest (NodaTime, Sep, the BCL) stays uninstrumented.
  for dll in Postmortem.Core YamlDotNet Markdig; do dotnet tool run sharpfuzz "$bin/$dll.dll" >/dev/null; done
  touch "$bin/.instrumented"
fi

# Instrumented code needs AFL's shared memory, so seeds and the plain mode run an uninstrumented build.
plain="$out/plain"
[ -f "$plain/Postmortem.Fuzz.dll" ] || dotnet publish fuzz/Postmortem.Fuzz -c Release -o "$plain" -nologo -v q
targets() { dotnet "$plain/Postmortem.Fuzz.dll" --list; }

if [ "${1:-}" = "--each" ]; then
  status=0
  for t in $(targets); do
    rm -rf "$out/$t/seeds"
    dotnet "$plain/Postmortem.Fuzz.dll" "$t" --seeds "$root" "$out/$t/seeds" >/dev/null
    reg="$root/tests/Postmortem.Tests/Fuzz/Regressions/$t"
    dotnet "$plain/Postmortem.Fuzz.dll" "$t" --each "$out/$t/seeds" $( [ -d "$reg" ] && echo "$reg" ) || status=1
  done
  exit $status
fi

target="$1"
seconds="$2"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++" >&2; exit 1; }
rm -rf "$out/$target/seeds" "$out/$target/findings"
dotnet "$plain/Postmortem.Fuzz.dll" "$target" --seeds "$root" "$out/$target/seeds" >/dev/null

# dotnet itself is not instrumented (SharpFuzz reports coverage through AFL's shared memory), hence the bin check skip.
# -t 20000: the first input pays the start-up of the chat readers' lexicon (2.6 s for teams uninstrumented, against 0.4 s
# for zendesk), several times that instrumented on a loaded machine, where 5 s timed every seed out and AFL gave up; a run
# past 20 s is still a hang.
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  nice -n 10 afl-fuzz -V "$seconds" -t 20000 -m none -i "$out/$target/seeds" -o "$out/$target/findings" \
  -- dotnet "$bin/Postmortem.Fuzz.dll" "$target" >"$out/$target/afl.log" 2>&1 || { tail -n 30 "$out/$target/afl.log" >&2; exit 1; }

stats="$out/$target/findings/default/fuzzer_stats"
get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes="$(get saved_crashes)"
echo "$target: $(get execs_done) executions, $(get corpus_count) paths, $crashes crashes, $(get saved_hangs) hangs in $(get run_time) s"
ls "$out/$target/findings/default/crashes" 2>/dev/null | grep -v README || true
# Exit 3 when the run found crashes (1 is a harness or AFL failure).
[ "$crashes" = 0 ] || exit 3
