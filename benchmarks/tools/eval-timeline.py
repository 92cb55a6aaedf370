#!/usr/bin/env python3
"""How far `iamgate eval` has got, by time since launch: counts the answer lines it writes and
prints the time at every STEP-th one, so the JIT's warm-up shows apart from the steady state.

    t0=$(date +%s.%N); java -jar cli/target/iamgate.jar eval --cases /tmp/cases.jsonl \
        | python3 benchmarks/tools/eval-timeline.py $t0 [STEP]
"""
import sys
import time


def main():
    start = float(sys.argv[1])
    step = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    count = 0
    for _ in sys.stdin.buffer:
        count += 1
        if count % step == 0:
            print(f"{count:9d} answers at {time.time() - start:6.2f} s", flush=True)
    print(f"{count:9d} answers at {time.time() - start:6.2f} s (end)")


if __name__ == "__main__":
    main()
