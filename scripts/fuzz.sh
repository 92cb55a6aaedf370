#!/usr/bin/env bash
# Fuzzes every @FuzzTest of core and servlet-filter in turn, each for the same time, and prints one
# Markdown table row per target for docs/fuzzing.md: date, duration, executions, findings.
#
#   scripts/fuzz.sh            # 10 minutes per target
#   scripts/fuzz.sh 2m         # any Jazzer duration: 30s, 2m, 1h
#   MAVEN_ARGS=-o scripts/fuzz.sh 2m ServletPathFuzzTest   # offline; only targets whose class matches
#
# A finding is written by Jazzer into the target's inputs directory
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-…), where every later `mvn verify`
# replays it; the run's log is target/fuzz/<Class>.log. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10m}"
only="${2:-}"
mkdir -p target/fuzz
mvn -B -q ${MAVEN_ARGS:-} test-compile -pl core,servlet-filter -am

echo "| target | date (UTC) | duration | executions | findings |"
echo "|---|---|---|---|---|"
for module in core servlet-filter; do
  for file in $(grep -rl --include='*FuzzTest.java' '@FuzzTest' "$module/src/test/java" | sort); do
    class="$(basename "$file" .java)"
    if [[ -n "$only" && "$class" != *"$only"* ]]; then
      continue
    fi
    log="target/fuzz/$class.log"
    inputs="$module/src/test/resources/$(dirname "${file#"$module"/src/test/java/}")/${class}Inputs"
    before="$(find "$inputs" -name 'crash-*' 2>/dev/null | wc -l)"
    started="$(date -u '+%Y-%m-%d %H:%M')"
    status=passed
    # core stays in the reactor, so that servlet-filter is fuzzed against this tree's core, not an installed one
    reactor="core"
    [[ "$module" == core ]] || reactor="core,$module"
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" mvn -B ${MAVEN_ARGS:-} test -pl "$reactor" \
        -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=failed
    runs="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $2 " in " $5 " s"}')"
    after="$(find "$inputs" -name 'crash-*' 2>/dev/null | wc -l)"
    echo "| $class | $started | $duration | ${runs:-none (see $log)} | $((after - before)) new crash input(s), test $status |"
  done
done
