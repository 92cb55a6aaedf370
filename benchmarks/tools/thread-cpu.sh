#!/bin/bash
# CPU seconds per thread name of one Java run, summed over threads of the same name: how much the
# workers, the JIT's compiler threads and the main thread each cost, which time(1) lumps together.
# The program's standard output goes to $OUT (default /dev/null).
#
#   OUT=answers.jsonl benchmarks/tools/thread-cpu.sh -jar cli/target/iamgate.jar eval --cases cases.jsonl
set -u
java "$@" > "${OUT:-/dev/null}" &
pid=$!
declare -A ticks
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    name=$(cat "$task/comm" 2>/dev/null) && stat=$(cat "$task/stat" 2>/dev/null) || continue
    fields=(${stat##*) })            # after the command name: state is field 3, utime 14, stime 15
    ticks["${task##*/} $name"]=$(( fields[11] + fields[12] ))
  done
  sleep 0.1
done
wait "$pid"
hz=$(getconf CLK_TCK)
for key in "${!ticks[@]}"; do echo "${key#* } ${ticks[$key]}"; done \
  | awk -v hz="$hz" '{t=$NF; $NF=""; sub(/ $/, ""); s[$0]+=t} END {for (k in s) printf "%7.2f s %s\n", s[k]/hz, k}' \
  | sort -rn
