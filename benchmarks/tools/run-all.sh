#!/usr/bin/env bash
# Runs every measurement quoted in BENCHMARKS.md, one after the other, into one results directory.
# Usage (from the repository root, after `mvn -B -q package -DskipTests`):
#   benchmarks/tools/run-all.sh benchmarks/results/$(date -u +%F)-run
# Takes about 20 minutes. Nothing else should run on the machine meanwhile.
set -euo pipefail
out=${1:?results directory}
mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
cli=cli/target/iamgate.jar
stamp() { echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"; }
jmh() { # name, then JMH arguments
  local name=$1; shift
  { stamp; java -jar "$jar" "$@"; stamp; } > "$out/$name.txt" 2>&1
  echo "$name done"
}

{ stamp; lscpu | grep -E 'Model name|^CPU\(s\)'; java -version 2>&1; } > "$out/machine.txt"

jmh seed            SeedPolicyBenchmark      -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc
jmh size            PolicySetSizeBenchmark   -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc
jmh request         RequestOverheadBenchmark -f 1 -wi 10 -w 1s -i 5 -r 1s -prof gc
jmh compile-warm    CompileBenchmark         -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc
jmh compile-cold    'CompileBenchmark.parseAndCompile' -bm ss -tu ms -wi 0 -i 1 -f 10
jmh peers           'PeerBenchmark'          -f 1 -wi 10 -w 1s -i 5 -r 1s -prof gc
{ stamp; java -cp "$jar" dev.iamgate.bench.PolicySetFootprint 10000 --classes; stamp; } > "$out/footprint.txt" 2>&1
echo "footprint done"

cases=${TMPDIR:-/tmp}/iamgate-cases-1m.jsonl
[ -s "$cases" ] || java -cp "$jar" dev.iamgate.bench.CaseGenerator 1000000 "$cases"
{
  for run in 1 2 3; do
    stamp
    /usr/bin/time -f "run $run: wall %e s, user %U s, sys %S s, max RSS %M KB" java -jar "$cli" eval --cases "$cases" > /dev/null
  done
  stamp
} > "$out/eval-1m.txt" 2>&1
echo "eval done"

{ stamp; java -cp "$jar" dev.iamgate.bench.http.HttpThroughput --rounds 5 --warmup 10 --duration 8 --latency 3; stamp; } \
  > "$out/http.txt" 2>&1
echo "http done"
