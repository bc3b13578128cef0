#!/usr/bin/env python3
"""Whole-process A/B timing of shell commands, for start-up work: each round runs every command once, in
turn (so that a noisy machine spoils all of them alike), and the report gives per command the median, min
and max wall time, the median CPU time (user + system, the process and its children) and the median peak
RSS. A command that exits non-zero is reported.

  flock /work/heavy.lock bench/compare-commands.py 15 \\
      "node=node bench/programs/run-node.mjs tests/programs/wasm/hello.wasm" \\
      "wasm4j=./wasm4j run tests/programs/wasm/hello.wasm"
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [arg.split('=', 1) for arg in sys.argv[2:]]
    wall = {label: [] for label, _ in commands}
    cpu = {label: [] for label, _ in commands}
    rss = {label: [] for label, _ in commands}
    for _ in range(rounds):
        for label, command in commands:
            start = time.perf_counter()
            p = subprocess.Popen(['bash', '-c', 'exec ' + command], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(p.pid, 0)
            wall[label].append(time.perf_counter() - start)
            cpu[label].append(usage.ru_utime + usage.ru_stime)
            rss[label].append(usage.ru_maxrss / 1024)
            if status != 0:
                print(f'{label}: exit status {status}', file=sys.stderr)
    for label, _ in commands:
        w = sorted(wall[label])
        print(f'{label:24s} wall median {statistics.median(w) * 1000:7.1f} ms  min {w[0] * 1000:7.1f}  '
              f'max {w[-1] * 1000:7.1f}  cpu {statistics.median(cpu[label]) * 1000:6.0f} ms  '
              f'peak RSS {statistics.median(rss[label]):6.1f} MB')


if __name__ == '__main__':
    main()
