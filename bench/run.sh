#!/usr/bin/env bash
# Runs the issue-target benchmarks: NativeAOT draft latency (vs the same binary's --version) and
# raw-notes extraction throughput (vs a bare line split of the same text). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Postmortem.Cli -r linux-x64 -p:PublishAot=true -o artifacts/aot -v quiet -nologo
dotnet build-server shutdown >/dev/null 2>&1 || true
dotnet run -c Release --project bench/Postmortem.Bench -- --aot artifacts/aot/postmortem --runs "${RUNS:-30}" "$@"
