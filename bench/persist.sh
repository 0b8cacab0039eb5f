#!/usr/bin/env bash
# Persistence benchmarks, measured in this run (results in docs/BENCHMARKS.md):
#   - snapshot pause (p50, p99, max) while a program runs with a live heap of each given size
#     (built first, then resumed by `phantom boot` three times for 3 s each);
#   - time from `phantom boot` to the first resumed instruction, for those heaps;
#   - throughput of programs with a snapshot every second, against snapshots off.
#   bench/persist.sh [RUNS] [HEAP_MIB...]   (best of RUNS, default 3; heaps default 16 1024 4096)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
heaps="${*:-16 1024 4096}"
source bench/common.sh
python3 - "$phantom" "$work" "$runs" $heaps <<'PY'
import os, re, signal, subprocess, sys, time

phantom, work, runs, heaps = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(h) for h in sys.argv[4:]]

def stats_of(stderr):
    m = re.search(r"stats: (.*)", stderr)
    if not m:
        sys.exit(f"no stats in: {stderr}")
    words = m.group(1).split()
    return dict(zip(words[::2], words[1::2]))

def run_until(args, ready, linger):
    """Starts phantom, waits for a `ready` line on stdout, lets it run `linger` s, stops it with SIGTERM."""
    p = subprocess.Popen([phantom, *args, "--stats"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if ready:
        for line in p.stdout:
            if line.strip() == ready:
                break
    time.sleep(linger)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate()
    if p.returncode != 0:
        sys.exit(f"phantom {args} exited {p.returncode}: {err}")
    return stats_of(err)

HEAP = """package .bench;
class heap
{
    void run(var boot : .internal.boot) [8]
    {
        var keep : .internal.binary[];
        var b : .internal.binary;
        var n : int;
        var spin : int;
        keep = new .internal.binary[]();
        for (var i : int = 0; i < MIB; i++) keep[i] = boot.createBinary(1048576);
        boot.consolePrint("ready\\n");
        while (1) {
            // A working program: mostly computing, now and then changing a byte somewhere.
            for (var k : int = 0; k < 1000; k++) spin = spin + k;
            n = (n + 7919) % (MIB * 256);
            b = keep[n / 256];
            b.setByte((n % 256) * 4096, spin & 255);
        }
    }
};
"""

print("## Snapshot pause and resume time\n")
print("| live heap | snapshots | pause p50 (ms) | pause p99 (ms) | pause max (ms) | boot to first resumed instruction (ms) |")
print("|---|---|---|---|---|---|")
for mib in heaps:
    src = os.path.join(work, "heap.ph")
    open(src, "w").write(HEAP.replace("MIB", str(mib)))
    image = os.path.join(work, f"heap{mib}.img")
    # Build the heap, then stop (a final snapshot holds it).
    run_until(["run", src, "--image", image, "--snapshot-interval", "0"], "ready", 0.0)
    # Each boot resumes the program mid-loop with that heap live, snapshots every 100 ms for
    # 3 s while it runs, and stops with a final snapshot.
    pauses, boots = [], []
    for _ in range(runs):
        b = run_until(["boot", "--image", image, "--snapshot-interval", "100"], None, 3.0)
        pauses.append(b)
        boots.append(float(b["first_instruction_ms"]))
    worst = max(pauses, key=lambda b: float(b["pause_ms_p99"]))
    median = sorted(pauses, key=lambda b: float(b["pause_ms_p50"]))[len(pauses) // 2]
    print(f"| {mib} MiB | {sum(int(b['snapshots']) for b in pauses)} | {median['pause_ms_p50']} | {worst['pause_ms_p99']} | {max(float(b['pause_ms_max']) for b in pauses):.3f} | {min(boots):.1f} |")
    os.remove(image)

def best(args):
    times = []
    for k in range(runs):
        image = os.path.join(work, f"t{k}.img")
        if os.path.exists(image):
            os.remove(image)
        start = time.perf_counter()
        subprocess.run([phantom, *[a.replace("IMAGE", image) for a in args]], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        if os.path.exists(image):
            os.remove(image)
    return min(times)

print("\n## Throughput with a snapshot every second\n")
print("| program | in memory, no image (s) | image, snapshots off (s) | image, every 1 s (s) | slowdown from snapshots |")
print("|---|---|---|---|---|")
for name, scale in [("fields", 10), ("alloc", 3), ("strings", 1)]:
    text = open(f"bench/lang/{name}.ph").read()
    text = re.sub(r"< (\d+);", lambda m: f"< {int(m.group(1)) * scale};", text, count=1)
    src = os.path.join(work, f"{name}.ph")
    open(src, "w").write(text)
    plain = best(["run", src, "--heap-mib", "2048"])
    off = best(["run", src, "--image", "IMAGE", "--snapshot-interval", "0"])
    on = best(["run", src, "--image", "IMAGE", "--snapshot-interval", "1000"])
    print(f"| {name} (x{scale}) | {plain:.3f} | {off:.3f} | {on:.3f} | {(on / off - 1) * 100:+.1f}% |")
PY
