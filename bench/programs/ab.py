#!/usr/bin/env python3
"""A/B runs of whole programs: several wasm4j builds or JVM settings, interleaved, medians printed.

  bench/programs/ab.py REPS 'LABEL@ROOT=JAVA_OPTS' 'LABEL@ROOT=JAVA_OPTS' ...

ROOT is a checkout whose `wasm4j` launcher runs the program (another worktree for the build before a change);
JAVA_OPTS goes to WASM4J_JAVA_OPTS. PROGS (comma-separated; default lua,sqlite,qjs,nbody,sieve) chooses the
programs: lua (lua/cpu.lua 3), lua1 (one round), sqlite (sql/workload.sql), sqlite6 (it six times, each on
a fresh database), qjs, and the C programs of
programs.txt without their c- prefix. ENGINE=compiler (or interpreter) passes --engine. wasm4j's code cache is off (WASM4J_CODE_CACHE=off) unless
WASM4J_CODE_CACHE is set. Each round runs
every variant once, so a slow period of a shared machine hits all variants alike. Each variant's median is
printed with its fastest run and every run.
"""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = {
    'lua': ['../../tests/programs/real/wasm/lua.wasm', 'lua/cpu.lua', '3'],
    'lua1': ['../../tests/programs/real/wasm/lua.wasm', 'lua/cpu.lua', '1'],
    'sqlite': ['../../tests/programs/real/wasm/sqlite3.wasm', '-init', 'sql/workload.sql', ':memory:', '.quit'],
    'qjs': ['wasm/qjs.wasm', 'js/raytrace.js', '180'],
    # six rounds of the SQL workload in one process, each on a fresh database: steady state included
    'sqlite6': ['../../tests/programs/real/wasm/sqlite3.wasm', '-init', 'sql/rounds6.tmp.sql', ':memory:', '.quit'],
}
with open(os.path.join(HERE, 'sql', 'rounds6.tmp.sql'), 'w') as f:
    f.write('.timer on\n' + '.open :memory:\n.read sql/workload.sql\n' * 6)
with open(os.path.join(HERE, 'programs.txt')) as f:
    for line in f:
        fields = line.split()
        if fields and fields[0].startswith('c-'):
            PROGRAMS[fields[0][2:]] = [fields[1]] + fields[3:]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    reps = int(sys.argv[1])
    variants = []
    for arg in sys.argv[2:]:
        label, rest = arg.split('@', 1)
        root, _, opts = rest.partition('=')
        variants.append((label, os.path.abspath(root), opts))
    engine = os.environ.get('ENGINE')
    times = {}
    for prog in os.environ.get('PROGS', 'lua,sqlite,qjs,nbody,sieve').split(','):
        for _ in range(reps):
            for label, root, opts in variants:
                # first runs: wasm4j's code cache off, unless WASM4J_CODE_CACHE says otherwise
                env = dict(os.environ, WASM4J_JAVA_OPTS=opts, WASM4J_CODE_CACHE=os.environ.get('WASM4J_CODE_CACHE', 'off'))
                cmd = [os.path.join(root, 'wasm4j'), 'run', *([f'--engine={engine}'] if engine else []),
                       '--dir', '.', *PROGRAMS[prog]]
                start = time.time()
                p = subprocess.run(cmd, cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                if p.returncode:
                    print('failed:', label, prog, p.stderr.decode()[-300:])
                times.setdefault((prog, label), []).append(time.time() - start)
        # the median, and the fastest run: on a shared machine other work only ever slows a run down, so the
        # fastest is the one least disturbed (a difference both agree on is more than noise)
        print(prog + ': ' + '  '.join(
            f"{label} {statistics.median(times[(prog, label)]):.2f} (min {min(times[(prog, label)]):.2f}) "
            f"[{' '.join(f'{t:.2f}' for t in times[(prog, label)])}]" for label, _, _ in variants), flush=True)


if __name__ == '__main__':
    main()
