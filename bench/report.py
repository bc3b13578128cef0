#!/usr/bin/env python3
"""Writes its section of docs/performance.md, and docs/performance.svg, from bench/results/{steady,process}.tsv.

The hand-written analysis in bench/analysis.md is included as it is. Run by bench/run.sh (step "report")."""
import math
import os
import platform
import subprocess
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "bench", "results")
KERNELS = ["fib", "sieve", "nbody", "matmul", "sha256", "crc32", "quicksort", "hashmap", "bigmem",
           "wat-fib", "wat-loop", "wat-sort"]
C_KERNELS = KERNELS[:9]
# docs/performance.md is shared: only the part between these markers is generated.
BEGIN = "<!-- bench/report.py: generated from here -->"
END = "<!-- bench/report.py: generated up to here -->"
ENGINES = ["native", "node", "wasm4j-compiler", "wasm4j-auto", "wasm4j-interpreter", "chicory-compiler",
           "chicory-interpreter", "graalwasm"]
PEERS = ["native", "node", "chicory-compiler", "chicory-interpreter", "graalwasm", "wasm4j-interpreter"]


def load(name):
    data = defaultdict(dict)
    path = os.path.join(RES, name)
    if not os.path.exists(path):
        return data
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and f[2] not in ("", "None"):
            data[f[0]][f[1]] = float(f[2])
    return data


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def ms(t):
    return "—" if t is None else (f"{t * 1000:.1f}" if t < 10 else f"{t:.1f} s")


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}"


def table(data, title, subject, note):
    out = [f"### {title}\n", note + "\n"]
    engines = [e for e in ENGINES if any(e in data[k] for k in KERNELS)]
    out.append("| kernel | " + " | ".join(f"{e} (ms)" for e in engines) + " |")
    out.append("|---|" + "---:|" * len(engines))
    for k in KERNELS:
        if k not in data:
            continue
        out.append(f"| {k} | " + " | ".join(ms(data[k].get(e)) for e in engines) + " |")
    out.append("")
    peers = [p for p in PEERS if p in engines and p != subject]
    out.append(f"Ratio {subject} / peer (below 1: {subject} is faster):\n")
    out.append("| kernel | " + " | ".join(f"÷ {p}" for p in peers) + " |")
    out.append("|---|" + "---:|" * len(peers))
    cols = defaultdict(list)
    ccols = defaultdict(list)
    for k in KERNELS:
        if k not in data or subject not in data[k]:
            continue
        cells = []
        for p in peers:
            r = ratio(data[k][subject], data[k].get(p))
            cells.append(fmt_ratio(r))
            if r:
                cols[p].append(r)
                if k in C_KERNELS:
                    ccols[p].append(r)
        out.append(f"| {k} | " + " | ".join(cells) + " |")
    out.append("| **geomean, all kernels** | " + " | ".join(f"**{fmt_ratio(geomean(cols[p]))}**" for p in peers) + " |")
    out.append("| **geomean, C kernels** | " + " | ".join(f"**{fmt_ratio(geomean(ccols[p]))}**" for p in peers) + " |")
    out.append("")
    return "\n".join(out), {p: geomean(cols[p]) for p in peers}


def svg(data, path):
    engines = [e for e in ["wasm4j-compiler", "node", "chicory-compiler", "wasm4j-interpreter",
                           "chicory-interpreter", "graalwasm"] if any(e in data[k] for k in KERNELS)]
    colors = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#8c564b"]
    kernels = [k for k in KERNELS if "native" in data.get(k, {})]
    w, h, left, top, bottom = 980, 420, 60, 30, 90
    lo, hi = 0.25, 1000.0
    def y(r):
        r = min(max(r, lo), hi)
        return top + (h - top - bottom) * (1 - (math.log10(r) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)))
    group = (w - left - 20) / max(len(kernels), 1)
    bar = group * 0.8 / max(len(engines), 1)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
         f'<text x="{left}" y="16" font-size="13">Steady-state time relative to native gcc -O2 (log scale, lower is better)</text>']
    for r in [0.25, 0.5, 1, 2, 5, 10, 100, 1000]:
        s.append(f'<line x1="{left}" x2="{w - 20}" y1="{y(r):.1f}" y2="{y(r):.1f}" stroke="{"#000" if r == 1 else "#ddd"}"/>')
        s.append(f'<text x="{left - 6}" y="{y(r) + 4:.1f}" text-anchor="end">{r:g}x</text>')
    for i, k in enumerate(kernels):
        x0 = left + i * group + group * 0.1
        for j, e in enumerate(engines):
            r = ratio(data[k].get(e), data[k]["native"])
            if r is None:
                continue
            x = x0 + j * bar
            s.append(f'<rect x="{x:.1f}" y="{y(r):.1f}" width="{bar - 1:.1f}" height="{y(lo) - y(r):.1f}" fill="{colors[j]}">'
                     f'<title>{k} {e}: {r:.2f}x</title></rect>')
        s.append(f'<text x="{x0 + group * 0.4:.1f}" y="{h - bottom + 16}" text-anchor="middle">{k}</text>')
    for j, e in enumerate(engines):
        x = left + j * 150
        s.append(f'<rect x="{x}" y="{h - 40}" width="12" height="12" fill="{colors[j]}"/>')
        s.append(f'<text x="{x + 16}" y="{h - 30}">{e}</text>')
    s.append("</svg>")
    open(path, "w").write("\n".join(s) + "\n")


def main():
    steady = load("steady.tsv")
    process = load("process.tsv")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    cpu = ""
    if os.path.exists("/proc/cpuinfo"):
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    md = ["## Compiler, peers and native code (bench/)\n",
          "Generated by `bench/run.sh` (then `bench/report.py`) from `bench/results/`; the analysis is "
          "`bench/analysis.md`. Machine: " + f"{cpu}, {os.cpu_count()} cores, {platform.system()}; "
          + (java[0] if java else "") + ".\n",
          "![ratios](performance.svg)\n"]
    t1, g1 = table(steady, "Steady state", "wasm4j-compiler",
                   "Time of one `run(n)` call. wasm4j-compiler and chicory-compiler: JMH average "
                   "(`KernelBenchmark`, 3×2 s warm-up, 5×2 s measurement, 1 fork). native: best of 5 runs; "
                   "node: best of 10 calls in one process; interpreters and GraalWasm: best of 2 calls in one "
                   "process (`Once ENGINE KERNEL N 2`).")
    t2, g2 = table(process, "Whole process: time to first result", "wasm4j-auto",
                   "Wall time of a process that starts, loads the module, runs `run(n)` once and prints the "
                   "result (median of 3; a single run for the interpreters, GraalWasm and wasm4j-auto): `java ... dev.wasm4j.bench.Once ENGINE KERNEL`, "
                   "`node bench/node/run.mjs K.wasm N`, `bench/kernels/native/K N`.")
    t3, _ = table(process, "Whole process, compiler engine", "wasm4j-compiler", "The same runs, seen from "
                  "`--engine=compiler`.")
    md += [t1, t2, t3]
    analysis = os.path.join(ROOT, "bench", "analysis.md")
    if os.path.exists(analysis):
        md.append(open(analysis).read())
    block = BEGIN + "\n" + "\n".join(md) + "\n" + END + "\n"
    os.makedirs(os.path.join(ROOT, "docs"), exist_ok=True)
    path = os.path.join(ROOT, "docs", "performance.md")
    doc = open(path).read() if os.path.exists(path) else "# Performance\n\n"
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + block + doc[doc.index(END) + len(END) + 1:]
    else:
        doc = doc.rstrip("\n") + "\n\n" + block
    open(path, "w").write(doc)
    svg(steady, os.path.join(ROOT, "docs", "performance.svg"))
    print("wrote docs/performance.md, docs/performance.svg; steady geomeans:", {k: fmt_ratio(v) for k, v in g1.items()})


if __name__ == "__main__":
    main()
