#!/usr/bin/env bash
# Threads on wasm4j (docs/performance.md, "Threads"). Run it alone on the machine, under the shared lock:
#   flock /work/heavy.lock bench/threads/run.sh [ROUNDS [THOUSANDS [REPS]]]
# 1. Speedup: tests/programs/threads/wasm/psum.wasm (a pthreads parallel sum, scripts/build-threads-programs)
#    with 1, 2 and 4 threads on the same ROUNDS x THOUSANDS thousand words (default 8000 x 1000: 4 MiB summed
#    8000 times, so that the summing, not memory bandwidth or JVM start-up, takes the time),
#    under `wasm4j run --engine compiler -S threads`, REPS times interleaved (default 5); medians of the
#    whole process's wall time and of the time the summing took (the program's own clock, -t), and the
#    native build (gcc -O2 -pthread) for reference.
# 2. Atomics.java: atomic throughput and wait/notify latency through the Java API, both engines.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/java-env
rounds="${1:-8000}"
thousands="${2:-1000}"
reps="${3:-5}"
./wasm4j --version > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

native="$(mktemp -d)"
trap 'rm -rf "$native"' EXIT
gcc -O2 -pthread -o "$native/psum" tests/programs/threads/src/psum.c
log="$native/times"
for rep in $(seq "$reps"); do
  for threads in 1 2 4; do
    for how in wasm4j native; do
      if [ "$how" = wasm4j ]; then
        cmd=(./wasm4j run --engine compiler -S threads tests/programs/threads/wasm/psum.wasm)
      else
        cmd=("$native/psum")
      fi
      t0=$(date +%s.%N)
      sum=$("${cmd[@]}" -t "$threads" "$rounds" "$thousands" 2>&1 >/dev/null | sed -n 's/^sum took \([0-9.]*\) s$/\1/p')
      t1=$(date +%s.%N)
      echo "$how $threads $t0 $t1 $sum" >> "$log"
    done
  done
done
python3 - "$log" "$rounds" "$thousands" "$reps" <<'PY'
import statistics, sys
log, rounds, thousands, reps = sys.argv[1:]
runs = {}
for line in open(log):
    how, threads, t0, t1, summing = line.split()
    runs.setdefault((how, int(threads)), []).append((float(t1) - float(t0), float(summing)))
print(f"psum: {rounds} rounds over {thousands} thousand words, medians of {reps} runs")
print("| engine | threads | whole run (s) | summing (s) | speedup, whole run | speedup, summing |")
print("|---|---|---|---|---|---|")
for how in ("wasm4j", "native"):
    base = None
    for threads in (1, 2, 4):
        r = runs[(how, threads)]
        wall = statistics.median(w for w, _ in r)
        summing = statistics.median(s for _, s in r)
        if base is None:
            base = (wall, summing)
        print(f"| {how} | {threads} | {wall:.2f} | {summing:.2f} | {base[0] / wall:.2f}x | {base[1] / summing:.2f}x |")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java --enable-native-access=ALL-UNNAMED -Xss64m -cp cli/target/wasm4j.jar bench/threads/Atomics.java
