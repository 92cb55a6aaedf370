#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample FILE` output: the top frames (self time) and
the frames most often on the stack (inclusive), as percentages of the samples.

    jfr print --events jdk.ExecutionSample rec.jfr > samples.txt
    python3 benchmarks/tools/jfr_top_frames.py samples.txt [top-self] [top-inclusive]
"""
import collections
import re
import sys


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    top_self = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    top_incl = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    self_time = collections.Counter()
    inclusive = collections.Counter()
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+\(.*?\)) line:", event, re.M)
        if not frames:
            continue
        self_time[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
    samples = sum(self_time.values())
    print(f"samples: {samples}")
    print("--- self (top frame)")
    for frame, count in self_time.most_common(top_self):
        print(f"{100 * count / samples:5.1f}% {frame}")
    print("--- inclusive (on the stack)")
    for frame, count in inclusive.most_common(top_incl):
        print(f"{100 * count / samples:5.1f}% {frame}")


if __name__ == "__main__":
    main()
