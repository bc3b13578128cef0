#!/usr/bin/env bash
# The benchmark suite (run on demand, never by the test command). Writes bench/results/*.tsv, then
# docs/performance.md and docs/performance.svg through bench/report.py.
#
#   bench/run.sh [steady] [process] [report]      (default: all three)
#   KERNELS="fib nbody" ENGINES="wasm4j-compiler chicory-compiler" bench/run.sh steady
#
# steady:  JMH (wasm4j, Chicory's compiler; AverageTime, 3x2 s warm-up, 5x2 s measurement, 1 fork) for the
#          JIT-backed JVM engines; best of 2 in-process calls for the slow ones (interpreters, GraalWasm
#          without its JIT), best of 10 for node, best of 5 runs for native code.
# process: wall time of a whole process that loads the module and prints the first result.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-env"
cd "$root"
steps="${*:-steady process report}"
out=bench/results
mkdir -p "$out"
KERNELS=${KERNELS:-"fib sieve nbody matmul sha256 crc32 quicksort hashmap bigmem wat-fib wat-loop wat-sort"}
JMH_ENGINES=${JMH_ENGINES:-"wasm4j-compiler chicory-compiler"}
SLOW_ENGINES=${SLOW_ENGINES:-"wasm4j-interpreter chicory-interpreter graalwasm"}
PROCESS_ENGINES=${PROCESS_ENGINES:-"wasm4j-auto wasm4j-compiler wasm4j-interpreter chicory-compiler chicory-interpreter graalwasm"}
JVM=(-XX:-DontCompileHugeMethods -Xss64m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
     --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED)

mvn -q -B -ntp -Pbench -DskipTests install
CP="bench/target/classes:bench/target/lib/*"
java -cp "$CP" dev.wasm4j.bench.Kernels bench/target/wasm > bench/target/sizes.txt
bench/kernels/build.sh > /dev/null
size() { awk -v k="$1" '$1 == k { print $2 }' bench/target/sizes.txt; }

if [[ " $steps " == *" steady "* ]]; then
  echo "== steady state" >&2
  : > "$out/steady.tsv"
  for k in $KERNELS; do
    n=$(size "$k")
    if [ -x "bench/kernels/native/$k" ]; then
      read -r sum t < <("bench/kernels/native/$k" "$n" 5)
      printf '%s\tnative\t%s\t%s\n' "$k" "$t" "$sum" | tee -a "$out/steady.tsv"
    fi
    read -r sum t < <(node bench/node/run.mjs "bench/target/wasm/$k.wasm" "$n" 10)
    printf '%s\tnode\t%s\t%s\n' "$k" "$t" "$sum" | tee -a "$out/steady.tsv"
    for e in $SLOW_ENGINES; do
      read -r sum t < <(java "${JVM[@]}" -cp "$CP" dev.wasm4j.bench.Once "$e" "$k" "$n" 2 2>/dev/null)
      printf '%s\t%s\t%s\t%s\n' "$k" "$e" "$t" "$sum" | tee -a "$out/steady.tsv"
    done
  done
  kernels_csv=$(echo $KERNELS | tr ' ' ',')
  engines_csv=$(echo $JMH_ENGINES | tr ' ' ',')
  java "${JVM[@]}" -cp "$CP" org.openjdk.jmh.Main KernelBenchmark -wi 3 -i 5 -f 1 \
      -p kernel="$kernels_csv" -p engine="$engines_csv" -rf json -rff "$out/jmh.json" | tail -n 40
  python3 - "$out/jmh.json" >> "$out/steady.tsv" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    p = r["params"]
    print(f'{p["kernel"]}\t{p["engine"]}\t{r["primaryMetric"]["score"] / 1000.0}\tjmh')
PY
fi

if [[ " $steps " == *" process "* ]]; then
  echo "== whole process (median of 3 wall times; 1 for the interpreters)" >&2
  : > "$out/process.tsv"
  wall() { python3 - "$@" <<'PY'
import subprocess, sys, time
ts = []
runs = int(sys.argv.pop(1))
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    ts.append(time.perf_counter() - t)
print(sorted(ts)[len(ts) // 2])
PY
  }
  for k in $KERNELS; do
    n=$(size "$k")
    if [ -x "bench/kernels/native/$k" ]; then
      printf '%s\tnative\t%s\n' "$k" "$(wall 3 "bench/kernels/native/$k" "$n")" | tee -a "$out/process.tsv"
    fi
    printf '%s\tnode\t%s\n' "$k" "$(wall 3 node bench/node/run.mjs "bench/target/wasm/$k.wasm" "$n")" | tee -a "$out/process.tsv"
    for e in $PROCESS_ENGINES; do
      case $e in *interpreter|graalwasm|wasm4j-auto) runs=1 ;; *) runs=3 ;; esac
      printf '%s\t%s\t%s\n' "$k" "$e" "$(wall $runs java "${JVM[@]}" -cp "$CP" dev.wasm4j.bench.Once "$e" "$k" "$n")" \
          | tee -a "$out/process.tsv"
    done
  done
fi

if [[ " $steps " == *" report "* ]]; then
  python3 bench/report.py
fi
