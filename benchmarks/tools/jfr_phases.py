#!/usr/bin/env python3
"""Splits the samples of `jfr print --events jdk.ExecutionSample FILE` into phases: each sample goes to
the first phase (in the order given) one of whose frame prefixes is on its stack, else to "other".

    jfr print --stack-depth 256 --events jdk.ExecutionSample rec.jfr > samples.txt
    python3 benchmarks/tools/jfr_phases.py samples.txt 'compile=dev.iamgate.cli.PolicySetCache.compile' \
        'parse=dev.iamgate.cli.CaseEvaluator$CaseParts' ...

Samples are also counted by thread, so the share of each worker thread shows.
"""
import collections
import re
import sys


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    phases = [arg.split("=", 1) for arg in sys.argv[2:]]
    counts = collections.Counter()
    threads = collections.Counter()
    total = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?\) line:", event, re.M)
        if not frames:
            continue
        total += 1
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        threads[thread.group(1) if thread else "?"] += 1
        for name, prefix in phases:
            if any(frame.startswith(prefix) for frame in frames):
                counts[name] += 1
                break
        else:
            counts["other"] += 1
    print(f"samples: {total}")
    for name, _ in phases + [("other", "")]:
        print(f"{100 * counts[name] / max(total, 1):5.1f}% {name}")
    print("--- by thread")
    for thread, count in threads.most_common():
        print(f"{100 * count / max(total, 1):5.1f}% {thread}")


if __name__ == "__main__":
    main()
