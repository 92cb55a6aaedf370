#!/bin/bash
# The N longest C2 (tier 4) compiles of one Java run, from JFR's jdk.Compilation events: which
# methods the JIT spends its time on, with the bytecode it inlined into each. Durations are wall
# time, so on a busy machine they include the compiler thread waiting for a core.
#
#   benchmarks/tools/c2-longest-compiles.sh 20 -jar cli/target/iamgate.jar eval --cases cases.jsonl
set -eu
count=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/compilation.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
</configuration>
JFC
java -XX:StartFlightRecording=filename="$work/run.jfr",settings="$work/compilation.jfc" "$@" > /dev/null
jfr print --events jdk.Compilation "$work/run.jfr" > "$work/compiles.txt"
python3 - "$count" "$work/compiles.txt" <<'PY'
import re, sys
count, path = int(sys.argv[1]), sys.argv[2]
rows = []
for event in open(path, encoding="utf-8").read().split("jdk.Compilation")[1:]:
    level = re.search(r"compileLevel = (\d)", event)
    duration = re.search(r"duration = ([\d.]+) (\w+)", event)
    method = re.search(r"method = (.*)", event)
    if not (level and duration and method) or level.group(1) != "4":
        continue
    value, unit = float(duration.group(1)), duration.group(2)
    ms = value * 1000 if unit == "s" else value if unit == "ms" else value / 1000
    inlined = re.search(r"inlinedBytes = ([\d.]+ ?\w+)", event)
    start = re.search(r"startTime = (\S+)", event)
    rows.append((ms, inlined.group(1) if inlined else "?", start.group(1) if start else "?", method.group(1).strip()))
print(f"C2 compiles {len(rows)}, total {sum(r[0] for r in rows):.0f} ms")
for ms, inlined, start, method in sorted(rows, reverse=True)[:count]:
    print(f"{ms:7.0f} ms {inlined:>9} {start} {method}")
PY
