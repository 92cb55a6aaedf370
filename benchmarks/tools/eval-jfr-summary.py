#!/usr/bin/env python3
"""Where the time of one JFR-recorded run goes: CPU per thread, the JIT by second and by code
owner, the GC, and the sampled Java frames of the first and the later seconds.

Record with the JDK's profile settings changed to keep every compilation, sample every 10 ms and
take thread CPU every second (--settings writes them), then summarise:

    python3 benchmarks/tools/eval-jfr-summary.py --settings /tmp/eval.jfc
    java -XX:StartFlightRecording:settings=/tmp/eval.jfc,filename=/tmp/eval.jfr \
        -jar cli/target/iamgate.jar eval --cases /tmp/cases.jsonl > /dev/null
    python3 benchmarks/tools/eval-jfr-summary.py /tmp/eval.jfr [split-second]

split-second (default 5) divides the samples into warm-up and the rest.
"""
import collections
import datetime
import json
import os
import re
import shutil
import subprocess
import sys

EVENTS = "jdk.Compilation,jdk.ThreadCPULoad,jdk.GCCPUTime,jdk.ExecutionSample,jdk.GarbageCollection"


def seconds(duration):
    match = re.fullmatch(r"PT(?:(\d+)M)?([\d.]+)S", duration)
    return (int(match.group(1) or 0) * 60 + float(match.group(2))) if match else 0.0


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")[:26] + "+00:00")


def owner(method):
    name = method["type"]["name"].replace("/", ".")
    for prefix, label in (("dev.iamgate.", "iamgate"), ("tools.jackson.", "Jackson"),
                          ("picocli.", "picocli"), ("jdk.internal.org.objectweb.asm", "class-file writer (ASM)"),
                          ("java.lang.invoke", "method handles / lambdas"), ("java.", "JDK"),
                          ("jdk.", "JDK"), ("sun.", "JDK")):
        if name.startswith(prefix):
            return label
    return "other"


def frame(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def write_settings(target):
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    with open(os.path.join(java_home, "lib", "jfr", "profile.jfc")) as f:
        text = f.read()
    for event, name, value in (("jdk.Compilation", "threshold", "0 ms"),
                               ("jdk.ExecutionSample", "period", "10 ms"),
                               ("jdk.ThreadCPULoad", "period", "1 s")):
        start = text.index(f'<event name="{event}">')
        end = text.index("</event>", start)
        block = re.sub(rf'(<setting name="{name}"[^>]*>)[^<]*(</setting>)', rf"\g<1>{value}\g<2>", text[start:end])
        text = text[:start] + block + text[end:]
    with open(target, "w") as f:
        f.write(text)


def main():
    if sys.argv[1] == "--settings":
        write_settings(sys.argv[2])
        return
    path = sys.argv[1]
    split = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", EVENTS, path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    start = min(instant(e["values"]["startTime"]) for e in events)
    at = lambda e: (instant(e["values"]["startTime"]) - start).total_seconds()
    end = max(at(e) for e in events)
    cpus = os.cpu_count()
    print(f"recording: {end:.1f} s from the first event to the last; {cpus} CPUs")

    cpu = collections.Counter()
    for e in events:
        if e["type"] == "jdk.ThreadCPULoad":
            v = e["values"]
            # JFR gives a thread's share of the whole machine over the last second
            cpu[v["eventThread"]["javaName"]] += (float(v["user"]) + float(v["system"])) * cpus
    print("\n--- CPU seconds by thread (jdk.ThreadCPULoad, 1 s periods)")
    for name, value in sorted(cpu.items(), key=lambda kv: -kv[1]):
        if value >= 0.05:
            print(f"{value:7.2f}  {name}")
    gc_cpu = sum(seconds(e["values"]["userTime"]) + seconds(e["values"]["systemTime"])
                 for e in events if e["type"] == "jdk.GCCPUTime")
    pauses = [seconds(e["values"]["sumOfPauses"]) for e in events if e["type"] == "jdk.GarbageCollection"]
    print(f"\n--- GC: {len(pauses)} collections, {sum(pauses) * 1000:.0f} ms of pauses, {gc_cpu:.2f} s of GC-thread CPU")

    comp = [e for e in events if e["type"] == "jdk.Compilation"]
    print(f"\n--- JIT: {len(comp)} compiles")
    by_compiler = collections.Counter()
    by_second = collections.defaultdict(collections.Counter)
    by_owner = collections.Counter()
    for e in comp:
        v = e["values"]
        d = seconds(v["duration"])
        by_compiler[v["compiler"]] += d
        by_second[int(at(e))][v["compiler"]] += d
        if v["compiler"] == "c2":
            by_owner[owner(v["method"])] += d
    for name, d in by_compiler.items():
        print(f"{name}: {d:.2f} s of compiler-thread wall time")
    print("second  c1 s   c2 s")
    for s in sorted(by_second):
        print(f"{s:5d}  {by_second[s]['c1']:5.2f}  {by_second[s]['c2']:5.2f}")
    print("C2 time by the owner of the compiled method (callees inlined into it count for it):")
    for name, d in by_owner.most_common():
        print(f"{d:6.2f} s  {name}")

    samples = [e for e in events if e["type"] == "jdk.ExecutionSample"]
    for label, chosen in ((f"before {split:g} s", [e for e in samples if at(e) < split]),
                          (f"from {split:g} s", [e for e in samples if at(e) >= split])):
        self_frames = collections.Counter()
        inclusive = collections.Counter()
        for e in chosen:
            frames = e["values"]["stackTrace"]["frames"]
            if not frames:
                continue
            self_frames[frame(frames[0])] += 1
            for f in {frame(f) for f in frames}:
                inclusive[f] += 1
        n = max(len(chosen), 1)
        print(f"\n--- Java samples {label}: {len(chosen)}; top frames (self)")
        for name, c in self_frames.most_common(15):
            print(f"{100 * c / n:5.1f}%  {name}")
        print("on the stack (iamgate's and Jackson's, ten most)")
        shown = [(k, c) for k, c in inclusive.most_common() if k.startswith(("dev.iamgate", "tools.jackson"))]
        for name, c in shown[:10]:
            print(f"{100 * c / n:5.1f}%  {name}")


if __name__ == "__main__":
    main()
