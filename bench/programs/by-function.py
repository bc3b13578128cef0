#!/usr/bin/env python3
"""Where a program's time goes under wasm4j against node, Wasm function by Wasm function.

  bench/programs/by-function.py [--top N] PROGRAM.wasm [ARGS...]     (from bench/programs, like run.py)

Node's profiler (`node --cpu-prof`) names the module's functions (its name section); wasm4j runs the program
from a class jar (`wasm4j compile --jar`; one untimed run first makes its ahead-of-time cache, as the code
cache would) under a JFR recording of the main thread's execution samples every 2 ms. A sample counts for
the innermost generated method on its stack (`f<index>`, a region `f<index>$r<n>`, a loop entry `o<index>`),
so the memory-access helpers that C2 inlined into a function count for it and its callees count for
themselves, as in node's profile (but JFR's stack walk often ends at such a helper: those samples are
listed apart). Both runs include start-up and warm-up: a workload of several rounds in
one process (`sql/rounds6.tmp.sql`, which `ab.py` writes) weighs the steady state.

Prints one line per function (the largest in wasm4j first): milliseconds under each, and their ratio.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

from run import HERE, ROOT, java_home

GENERATED = ('f', 'o')


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7f) << shift
        shift += 7
        if x < 0x80:
            return result, i


def function_names(path):
    """Function index -> name, from the module's name section (custom section "name", subsection 1)."""
    b = open(path, 'rb').read()
    i, names = 8, {}
    while i < len(b):
        section, i = b[i], i + 1
        size, i = leb(b, i)
        end = i + size
        if section == 0:
            n, j = leb(b, i)
            if b[j:j + n] == b'name':
                j += n
                while j < end:
                    sub, j = b[j], j + 1
                    sub_size, j = leb(b, j)
                    if sub == 1:
                        count, k = leb(b, j)
                        for _ in range(count):
                            index, k = leb(b, k)
                            length, k = leb(b, k)
                            names[index] = b[k:k + length].decode('utf-8', 'replace')
                            k += length
                    j += sub_size
        i = end
    return names


def node_times(wasm, args, tmp, names):
    """Function name -> self milliseconds under node (a module without a name section: f<index>, as for wasm4j)."""
    subprocess.run(['node', '--cpu-prof', '--cpu-prof-dir', tmp, '--cpu-prof-interval', '500',
                    os.path.join(HERE, 'run-node.mjs'), wasm, *args],
                   cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    profile = next(f for f in os.listdir(tmp) if f.endswith('.cpuprofile'))
    with open(os.path.join(tmp, profile)) as f:
        p = json.load(f)
    per_node = collections.Counter()
    for sample, delta in zip(p['samples'], p['timeDeltas']):
        per_node[sample] += delta
    times = collections.Counter()
    for node in p['nodes']:
        name = node['callFrame']['functionName'] or '(' + (node['callFrame']['url'] or 'node') + ')'
        unnamed = re.fullmatch(r'wasm-function\[(\d+)\]', name)
        if unnamed:
            name = names.get(int(unnamed.group(1)), 'f' + unnamed.group(1))
        times[name] += per_node[node['id']] / 1000
    return times


def generated_index(method):
    """The function index of a generated method's name (f12, f12$r3, o12), else None."""
    if not method or method[0] not in GENERATED:
        return None
    digits = method[1:].split('$', 1)[0]
    return int(digits) if digits.isdigit() else None


def wasm4j_times(wasm, args, tmp, names):
    """Function name -> milliseconds under wasm4j (main thread samples x the sampling period)."""
    launcher = os.path.join(ROOT, 'wasm4j')
    jar = os.path.join(tmp, 'program.jar')
    subprocess.run([launcher, 'compile', '--jar', '-o', jar, wasm], cwd=HERE, stdout=subprocess.DEVNULL,
                   check=True)
    env = dict(os.environ, WASM4J_CODE_CACHE='off')
    command = [launcher, 'run', '--dir', '.', jar, *args]
    subprocess.run(command, cwd=HERE, env=env, stdout=subprocess.DEVNULL, check=True)   # makes the jar's cache
    recording = os.path.join(tmp, 'run.jfr')
    env['WASM4J_JAVA_OPTS'] = (env.get('WASM4J_JAVA_OPTS', '') + ' -XX:+UnlockDiagnosticVMOptions'
                               ' -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=' + recording
                               + ',settings=profile,jdk.ExecutionSample#period=2ms')
    subprocess.run(command, cwd=HERE, env=env, stdout=subprocess.DEVNULL, check=True)
    jfr = os.path.join(os.environ.get('JAVA_HOME') or java_home(), 'bin', 'jfr')
    out = subprocess.run([jfr, 'print', '--json', '--events', 'jdk.ExecutionSample', recording],
                         capture_output=True, text=True, check=True).stdout
    samples = collections.Counter()
    for event in json.loads(out)['recording']['events']:
        values = event['values']
        if values['sampledThread']['javaName'] != 'main':
            continue
        frames = values['stackTrace']['frames']
        key = '(not in generated code)'
        if any(f['method']['type']['name'] == 'dev/wasm4j/compiler/MemOps' for f in frames[:6]):
            # JFR's walk of a sample taken in an inlined memory access often ends at MemOps
            key = '(memory accesses whose function JFR did not record)'
        for frame in frames:
            method = frame['method']
            if method['type']['name'].startswith('dev/wasm4j/compiler/W'):
                index = generated_index(method['name'])
                if index is not None:
                    key = names.get(index, 'f%d' % index)
                    break
        samples[key] += 1
    return collections.Counter({k: v * 2.0 for k, v in samples.items()})


def main():
    argv = sys.argv[1:]
    top = 30
    if argv[:1] == ['--top']:
        top, argv = int(argv[1]), argv[2:]
    if not argv:
        sys.exit(__doc__)
    wasm, args = argv[0], argv[1:]
    names = function_names(os.path.join(HERE, wasm))
    with tempfile.TemporaryDirectory() as tmp:
        node = node_times(wasm, args, tmp, names)
        ours = wasm4j_times(wasm, args, tmp, names)
    print(f'wasm4j: {sum(ours.values()) / 1000:.2f} s of main-thread samples; '
          f'node: {sum(node.values()) / 1000:.2f} s of samples')
    print(f'| function | wasm4j (ms) | node (ms) | ratio |\n|---|---:|---:|---:|')
    for name, ms in ours.most_common(top):
        theirs = node.get(name, 0)
        ratio = f'{ms / theirs:.1f}' if theirs else '—'
        print(f'| `{name}` | {ms:,.0f} | {theirs:,.0f} | {ratio} |')


if __name__ == '__main__':
    main()
