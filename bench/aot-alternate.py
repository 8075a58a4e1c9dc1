#!/usr/bin/env python3
"""Alternated wall-clock rounds of `postmortem draft examples/meridian/incident.yml` for two or more NativeAOT binaries.

Usage: python3 bench/aot-alternate.py ROUNDS RUNS NAME=BINARY NAME=BINARY ...   (from the repository root)
Each round times RUNS drafts of every binary in turn and prints each one's median and its ratio to the first (the baseline),
so that the baseline runs in the same script, under the same load, as the candidate (docs/benchmarks.md).
"""
import statistics
import subprocess
import sys
import time

rounds, runs = int(sys.argv[1]), int(sys.argv[2])
bins = [arg.split("=", 1) for arg in sys.argv[3:]]
for r in range(rounds):
    medians = {}
    for name, binary in bins:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([binary, "draft", "examples/meridian/incident.yml"], stdout=subprocess.DEVNULL, check=True)
            times.append((time.perf_counter() - start) * 1000)
        medians[name] = statistics.median(times)
    base = medians[bins[0][0]]
    print(f"round {r + 1}: " + ", ".join(f"{n} {m:.1f} ms ({m / base:.2f})" for n, m in medians.items()))
