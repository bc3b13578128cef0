#!/usr/bin/env python3
"""Whole-process benchmark of real programs (bench/programs/programs.txt) under node, wasm4j and Chicory.

Every run is a fresh process, timed from outside (wall time, and peak RSS from /usr/bin/time), in the same
session for every runner, so start-up, compilation and warm-up count as a user sees them. Each runner's
output must equal node's. With --jit, wasm4j runs once more with -XX:+PrintCompilation and the report lists,
per program, the generated methods HotSpot failed to compile or compiled at tier 4 more than 3 times.

  bench/programs/run.py                    # every program, every runner, median of 3
  bench/programs/run.py -n 5 --jit --report
  bench/programs/run.py --programs lua-cpu,c-nbody --runners node,wasm4j
  bench/programs/run.py --runners node,wasm4j,wasm4j-cached  # wasm4j: a first run, the code cache off;
                                           # wasm4j-cached: the same command after two untimed runs that
                                           # filled wasm4j's code cache (class jar, then its ahead-of-time cache)
  bench/programs/run.py --runners node,wasm4j-jar   # wasm4j-jar: from a class jar (compile --jar),
                                           # after one untimed run that made its ahead-of-time cache
  WASM4J_JAVA_OPTS=... bench/programs/run.py --runners wasm4j   # try JVM or wasm4j settings
  bench/programs/run.py --startup --report # start-up and footprint: a WASI hello world (median of 5 at
                                           # least), the C programs, Lua and SQLite; peak RSS against node's

Results go to bench/results/programs.json; --report also rewrites the whole-program section of
docs/performance.md (between the markers programs:begin / programs:end).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
RESULTS = os.path.join(ROOT, 'bench', 'results', 'programs.json')
DOC = os.path.join(ROOT, 'docs', 'performance.md')
RUNNERS = ['node', 'wasm4j', 'chicory']


def java_home():
    out = subprocess.run(['bash', '-c', f'source "{ROOT}/scripts/java-env" && echo "$JAVA_HOME"'],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


# The start-up table's own program: a WASI hello world in C, where the whole time is start-up.
HELLO = {'name': 'hello', 'wasm': '../../tests/programs/wasm/hello.wasm', 'stdin': None, 'args': [], 'min_n': 5}


def programs(only, startup=False):
    progs = [HELLO] if startup and (not only or 'hello' in only) else []
    with open(os.path.join(HERE, 'programs.txt')) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            name, wasm, stdin, *args = line.split()
            if (only and name not in only) or (startup and name.startswith('qjs')):
                continue
            progs.append({'name': name, 'wasm': wasm, 'stdin': None if stdin == '-' else stdin, 'args': args})
    return progs


JARS = {}
JAR_DIR = None
CACHE_DIR = None
FILLED = {}


def runner_env(runner):
    """The environment of a runner's runs: wasm4j's code cache off, except for wasm4j-cached, whose cache is a
    folder of this session (removed at the end)."""
    global CACHE_DIR
    env = dict(os.environ)
    if runner == 'wasm4j-cached':
        if CACHE_DIR is None:
            CACHE_DIR = tempfile.TemporaryDirectory(prefix='wasm4j-cache-')
        env['WASM4J_CODE_CACHE_DIR'] = CACHE_DIR.name
        env.pop('WASM4J_CODE_CACHE', None)
        # programs of about a second (the C kernels) would fill the cache on some runs and not others
        env['WASM4J_CODE_CACHE_MIN_SECONDS'] = '0'
    elif runner.startswith('wasm4j'):
        env['WASM4J_CODE_CACHE'] = 'off'
    return env


def fill_cache(prog, jdk):
    """The two untimed runs of wasm4j-cached before its timed ones: the first compiles the program's class jar
    into the code cache, the second records and makes its ahead-of-time cache. Returns their seconds."""
    if prog['name'] not in FILLED:
        FILLED[prog['name']] = [round(run_once(command('wasm4j-cached', prog, jdk), prog,
                                               runner_env('wasm4j-cached'))[0], 2) for _ in range(2)]
    return FILLED[prog['name']]


def class_jar(prog):
    """The program's class jar (wasm4j compile --jar), made once per session in a temporary folder (removed at
    the end), and run once untimed: that run makes the jar's ahead-of-time cache, which the timed runs use."""
    global JAR_DIR
    if prog['name'] not in JARS:
        if JAR_DIR is None:
            JAR_DIR = tempfile.TemporaryDirectory(prefix='wasm4j-jars-')
        jar = os.path.join(JAR_DIR.name, prog['name'] + '.jar')
        subprocess.run([os.path.join(ROOT, 'wasm4j'), 'compile', '--jar', '-o', jar, prog['wasm']], cwd=HERE,
                       check=True, capture_output=True)
        JARS[prog['name']] = jar
        run_once(command('wasm4j-jar', prog, None), prog, runner_env('wasm4j-jar'))
    return JARS[prog['name']]


def command(runner, prog, jdk):
    wasm, args = prog['wasm'], prog['args']
    if runner == 'wasm4j-jar':
        # argv[0] as the other runners give it (the .wasm), so that the outputs compare
        return [os.path.join(ROOT, 'wasm4j'), 'run', '--dir', '.', '--argv0', wasm, class_jar(prog), *args]
    if runner == 'node':
        return ['node', '--no-warnings', 'run-node.mjs', wasm, *args]
    if runner.startswith('wasm4j'):
        engine = runner.split('-', 1)[1] if '-' in runner and runner != 'wasm4j-cached' else None
        return [os.path.join(ROOT, 'wasm4j'), 'run', *([f'--engine={engine}'] if engine else []),
                '--dir', '.', wasm, *args]
    if runner == 'chicory':
        cp = os.path.join(ROOT, 'bench', 'target', 'classes') + ':' + os.path.join(ROOT, 'bench', 'target', 'lib', '*')
        return [os.path.join(jdk, 'bin', 'java'), '-Xss64m', '-cp', cp, 'dev.wasm4j.bench.ChicoryWasi', wasm, *args]
    raise ValueError(runner)


def run_once(cmd, prog, env=None):
    """Runs cmd in bench/programs; returns (seconds, peak RSS in MB, exit code, stdout)."""
    with tempfile.NamedTemporaryFile('r', suffix='.time') as tf:
        stdin = open(os.path.join(HERE, prog['stdin'])) if prog['stdin'] else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            p = subprocess.run(['/usr/bin/time', '-f', '%M', '-o', tf.name, *cmd], cwd=HERE, stdin=stdin,
                               capture_output=True, env=env)
            seconds = time.perf_counter() - start
        finally:
            if prog['stdin']:
                stdin.close()
        lines = [l for l in open(tf.name).read().split('\n') if l.strip().isdigit()]
        rss = int(lines[-1]) / 1024 if lines else float('nan')
        return seconds, rss, p.returncode, p.stdout


def jit_report(prog, jdk, runner='wasm4j'):
    """Runs wasm4j once with -XX:+PrintCompilation (as `runner` runs it: the default engine, or the class jar
    with its cache); returns the generated methods HotSpot gave up on or compiled at tier 4 more than 3 times
    (with how many of those compilations were recompilations: a second compilation at an entry point it
    already had), and counts."""
    env = runner_env(runner)
    env['WASM4J_JAVA_OPTS'] = (env.get('WASM4J_JAVA_OPTS', '') +
                               ' -XX:+PrintCompilation -XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutput -XX:+DisplayVMOutputToStderr')
    stdin = open(os.path.join(HERE, prog['stdin'])) if prog['stdin'] else subprocess.DEVNULL
    p = subprocess.run(command(runner, prog, jdk), cwd=HERE, stdin=stdin, capture_output=True, env=env, text=True)
    if prog['stdin']:
        stdin.close()
    # PrintCompilation's attributes are a fixed field of five columns, each a letter or a space: % (OSR), s, !,
    # b, n; an OSR compilation of a method with exception handlers shows as '% !'.
    # generated classes: hidden ones (CompiledWasm/0x...), named ones of a class jar or of a run that fills the
    # code cache (W<digest>_<n>) and of other runs (Wd<module>_<n>)
    line_re = re.compile(r'^\s*\d+\s+\d+\s([%s!bn ]{5})\s+(\d)\s+dev\.wasm4j\.compiler\.'
                         r'(?:CompiledWasm|W[0-9a-f]{20}|Wd\d+)([^:]*)::(\S+)'
                         r'(?:\s+@\s+(\d+))?\s+\((\d+) bytes\)\s*(.*)$')
    methods = {}
    for line in p.stderr.splitlines():
        m = line_re.match(line)
        if not m:
            continue
        flags, level, cls, name, bci, size, rest = m.groups()
        # one method per generated class: classes of their own (each signature's call_indirect dispatcher
        # `d0`, a loop entry's copies of its function's regions) have methods of the same name
        e = methods.setdefault((cls, name), {'bytes': int(size), 'c2': 0, 'c2_osr': 0, 'skipped': [], 'deopt': 0,
                                      'entries': {}})
        if 'COMPILE SKIPPED' in rest:
            e['skipped'].append(f'tier {level}: ' + rest.split('COMPILE SKIPPED:', 1)[1].strip())
        elif 'made not entrant' in rest:
            if 'uncommon trap' in rest:
                e['deopt'] += 1
        elif level == '4':
            e['c2_osr' if '%' in flags else 'c2'] += 1
            key = f'@{bci}' if '%' in flags else 'standard'
            e['entries'][key] = e['entries'].get(key, 0) + 1
    for e in methods.values():
        # compiled again at an entry point it already had (an OSR compilation at another loop is a new entry)
        e['recompiled'] = sum(c - 1 for c in e['entries'].values())
        e['gave_up'] = any(s.startswith('tier 4') for s in e['skipped'])
    # listed: C2 gave up, or more than 3 tier-4 compilations in all; a problem for issue 13's acceptance when
    # C2 gave up or the method was recompiled more than 3 times
    names = {}
    for cls, name in methods:
        names.setdefault(name, []).append(cls)
    # a loop entry's class holds its driver, o<N>, beside copies of its function's regions
    entries = {cls for cls, name in methods if re.fullmatch(r'o\d+', name)}
    def label(cls, name):
        if len(names[name]) == 1:
            return name
        if cls in entries:
            return f'{name} (loop entry\'s class)'
        if any(c in entries for c in names[name]):
            return f'{name} (its function\'s class)'
        return f'{name} (class …{cls.strip("/")[-5:]})'
    bad = {label(*k): e for k, e in methods.items() if e['gave_up'] or e['c2'] + e['c2_osr'] > 3}
    return {'methods': len(methods), 'c2_compiled': sum(1 for e in methods.values() if e['c2'] + e['c2_osr'] > 0),
            'skipped_any_tier': sum(1 for e in methods.values() if e['skipped']), 'problems': bad}


def fmt(s):
    return '—' if s is None else (f'{s:.2f}' if s < 100 else f'{s:.0f}')


def markdown(results, runners):
    # wasm4j (the default engine) against every other runner; a class jar's runs against node's too
    pairs = [('wasm4j', r) for r in runners if r != 'wasm4j']
    for faster in ('wasm4j-cached', 'wasm4j-jar'):
        if faster in runners and 'node' in runners:
            pairs.append((faster, 'node'))
    lines = []
    head = ['program'] + [f'{r} (s)' for r in runners] + [f'{a} / {b}' for a, b in pairs] + \
           [f'{r} peak RSS (MB)' for r in runners]
    lines.append('| ' + ' | '.join(head) + ' |')
    lines.append('|' + '|'.join(['---'] + ['---:'] * (len(head) - 1)) + '|')
    ratios = {pair: [] for pair in pairs}
    for res in results:
        t = {r: res['runs'].get(r, {}).get('median') for r in runners}
        m = {r: res['runs'].get(r, {}).get('rss') for r in runners}
        row = [res['name']] + [fmt(t[r]) for r in runners]
        for a, b in pairs:
            if t.get(a) and t.get(b):
                ratios[(a, b)].append(t[a] / t[b])
                row.append(f"{t[a] / t[b]:.2f}")
            else:
                row.append('—')
        row += [fmt(m[r]) if m[r] is not None else '—' for r in runners]
        lines.append('| ' + ' | '.join(row) + ' |')
    geo = ['**geomean**'] + [''] * len(runners)
    for pair in pairs:
        geo.append(f'**{statistics.geometric_mean(ratios[pair]):.2f}**' if ratios[pair] else '—')
    geo += [''] * len(runners)
    lines.append('| ' + ' | '.join(geo) + ' |')
    return '\n'.join(lines)


def jit_markdown(results, key='jit'):
    lines = ['| program | generated methods run | compiled by C2 | skipped at any tier | recompiled > 3 times, or C2 '
             'gave up | compiled by C2 > 3 times (bytes: standard + OSR compilations, entry points, '
             'recompilations, deoptimisations) |', '|---|---:|---:|---:|---|---|']
    for res in results:
        j = res.get(key)
        if not j:
            continue
        probs = '; '.join(f"`{n}` ({e['bytes']} B: {e['c2']}+{e['c2_osr']} OSR, {len(e.get('entries', {}))} entries, "
                          f"{e.get('recompiled', '?')} recompiled, {e['deopt']} deopt"
                          + (', ' + ', '.join(e['skipped']) if e['skipped'] else '') + ')'
                          for n, e in sorted(j['problems'].items())) or 'none'
        failing = ', '.join(f'`{n}`' for n, e in sorted(j['problems'].items())
                            if e.get('gave_up') or e.get('recompiled', 0) > 3) or 'none'
        lines.append(f"| {res['name']} | {j['methods']} | {j['c2_compiled']} | {j['skipped_any_tier']} | {failing} | {probs} |")
    return '\n'.join(lines)


def footprint_markdown(results, runners):
    """Peak RSS of each runner, and wasm4j's above node's (the start-up table)."""
    lines = ['| program | ' + ' | '.join(f'{r} wall (s)' for r in runners) + ' | wasm4j / node | '
             + ' | '.join(f'{r} peak RSS (MB)' for r in runners) + ' | wasm4j RSS − node (MB) |',
             '|---|' + '---:|' * (2 * len(runners) + 2)]
    for res in results:
        t = {r: res['runs'].get(r, {}).get('median') for r in runners}
        m = {r: res['runs'].get(r, {}).get('rss') for r in runners}
        ratio = f"{t['wasm4j'] / t['node']:.2f}" if t.get('wasm4j') and t.get('node') else '—'
        extra = f"{m['wasm4j'] - m['node']:+.0f}" if m.get('wasm4j') and m.get('node') else '—'
        lines.append(f"| {res['name']} (n={len(res['runs'].get('wasm4j', {}).get('times', []))}) | "
                     + ' | '.join(fmt(t[r]) for r in runners) + f' | {ratio} | '
                     + ' | '.join(fmt(m[r]) if m[r] is not None else '—' for r in runners) + f' | {extra} |')
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('-n', type=int, default=3, help='runs per program and runner (median)')
    ap.add_argument('--runners', default=','.join(RUNNERS))
    ap.add_argument('--programs', default='')
    ap.add_argument('--once', default='', help='runners to run once per program (slow peers), not -n times')
    ap.add_argument('--jit', action='store_true', help='also report HotSpot compilation problems')
    ap.add_argument('--report', action='store_true', help='rewrite the section of docs/performance.md')
    ap.add_argument('--startup', action='store_true',
                    help='start-up and footprint: hello world first, no JS program, RSS against node')
    ap.add_argument('--out', default=None)
    a = ap.parse_args()
    runners = a.runners.split(',')
    a.out = a.out or (RESULTS.replace('programs.json', 'startup.json') if a.startup else RESULTS)
    jdk = java_home()
    if 'chicory' in runners and not os.path.isdir(os.path.join(ROOT, 'bench', 'target', 'lib')):
        subprocess.run(['bash', '-c', f'source "{ROOT}/scripts/java-env" && cd "{ROOT}" && '
                        'mvn -q -B -ntp -Pbench -pl bench -am package -DskipTests'], check=True)
    subprocess.run([os.path.join(ROOT, 'wasm4j'), '--version'], capture_output=True)  # build before timing
    results = []
    for prog in programs(set(filter(None, a.programs.split(','))), a.startup):
        res = {'name': prog['name'], 'command': ' '.join([prog['wasm'], *prog['args']]), 'runs': {}}
        reference = None
        for runner in runners:
            times, rss, note = [], [], ''
            fill = fill_cache(prog, jdk) if runner == 'wasm4j-cached' else None
            for i in range(1 if runner in a.once.split(',') else max(a.n, prog.get('min_n', 0))):
                for attempt in range(3):
                    t, m, code, out = run_once(command(runner, prog, jdk), prog, runner_env(runner))
                    if not (runner == 'node' and code < 0):
                        break
                    note = f'node crashed (signal {-code}) and was run again'
                if code != 0:
                    note = f'exit code {code}'
                    break
                if reference is None:
                    reference = out
                elif out != reference:
                    note = 'output differs from node'
                    break
                times.append(t)
                rss.append(m)
            res['runs'][runner] = {'times': times, 'median': statistics.median(times) if times else None,
                                   'rss': max(rss) if rss else None, 'note': note}
            if fill:
                res['runs'][runner]['fill'] = fill
                note += f' (filling the cache: {fill[0]:.2f} s, then {fill[1]:.2f} s)'

            print(f"{prog['name']:14} {runner:16} {fmt(res['runs'][runner]['median']):>6} s "
                  f"{fmt(res['runs'][runner]['rss']):>6} MB {note}", flush=True)
        if a.jit and any(r.startswith('wasm4j') for r in runners):
            res['jit'] = jit_report(prog, jdk)
            print(f"{prog['name']:14} jit: {len(res['jit']['problems'])} problem methods", flush=True)
        for faster in ('wasm4j-cached', 'wasm4j-jar'):
            if a.jit and faster in runners:
                res['jit_jar'] = jit_report(prog, jdk, faster)
                print(f"{prog['name']:14} jit ({faster}): {len(res['jit_jar']['problems'])} problem methods", flush=True)
                break
        results.append(res)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, 'w') as f:
        json.dump({'machine': machine(jdk), 'runners': runners, 'n': a.n, 'results': results}, f, indent=1)
    table = footprint_markdown(results, runners) if a.startup else markdown(results, runners)
    if 'wasm4j-cached' in runners and not a.startup:
        table += ('\n\nFilling the code cache (`wasm4j-cached`\'s two untimed runs, seconds): '
                  + '; '.join(f"{res['name']} {res['runs']['wasm4j-cached']['fill'][0]:.2f} then "
                              f"{res['runs']['wasm4j-cached']['fill'][1]:.2f}"
                              for res in results if res['runs'].get('wasm4j-cached', {}).get('fill')) + '.')
    print(table)
    jit = None
    if a.jit:
        jit = jit_markdown(results)
        faster = next((r for r in ('wasm4j-cached', 'wasm4j-jar') if r in runners), None)
        if faster:
            jit += (f'\n\nThe same for `{faster}` (one more run from the filled cache, with '
                    '`-XX:+PrintCompilation`):\n\n' + jit_markdown(results, 'jit_jar'))
        print(jit)
    if a.report:
        write_report(table, jit, a, jdk, 'startup' if a.startup else 'programs')


def machine(jdk):
    cpu = subprocess.run(['bash', '-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                         text=True).stdout.strip()
    java = subprocess.run([os.path.join(jdk, 'bin', 'java'), '-version'], capture_output=True, text=True).stderr
    node = subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()
    return {'cpu': cpu, 'cores': os.cpu_count(), 'java': java.splitlines()[0] if java else '', 'node': node}


def write_report(table, jit, a, jdk, marker):
    m = machine(jdk)
    text = open(DOC).read()
    begin, end = f'<!-- {marker}:begin -->', f'<!-- {marker}:end -->'
    section = [begin, '',
               f"Machine: {m['cpu']}, {m['cores']} cores; {m['java']}; node {m['node']}. Median of {a.n} runs"
               + (f" ({a.once}: one run)" if a.once else '') + (' (hello: at least 5)' if a.startup else '') + ', '
               'each a fresh process timed from outside (start-up, compilation and warm-up included), all '
               'runners in the same session; every output equal to node\'s.'
               + (' `wasm4j` is a first run: the code cache off (`WASM4J_CODE_CACHE=off`), nothing prepared. '
                  '`wasm4j-cached` is the same command after two untimed runs that filled the code cache: the '
                  'first compiled the program\'s class jar into it, the second recorded and made its '
                  'ahead-of-time cache (their times are below the table; `WASM4J_CODE_CACHE_MIN_SECONDS=0`, so '
                  'that programs of about a second fill it too).'
                  if 'wasm4j-cached' in a.runners.split(',') else '')
               + (' `wasm4j-jar` runs the program\'s class jar (`wasm4j compile --jar`) after one untimed run '
                  'that made the jar\'s ahead-of-time cache.' if 'wasm4j-jar' in a.runners.split(',') else ''), '',
               '```sh', f"bench/programs/run.py -n {a.n}" + (' --startup' if a.startup else '')
               + (f" --runners {','.join(a.runners.split(','))}" if a.runners != ','.join(RUNNERS) else '')
               + (f' --once {a.once}' if a.once else '') + (' --jit' if a.jit else '') + ' --report', '```', '',
               table, '']
    if jit:
        section += ['HotSpot and the generated code (`--jit`: one more wasm4j run with `-XX:+PrintCompilation`):',
                    '', jit, '']
    section.append(end)
    if begin in text:
        text = text[:text.index(begin)] + '\n'.join(section) + text[text.index(end) + len(end):]
    else:
        text += '\n' + '\n'.join(section) + '\n'
    open(DOC, 'w').write(text)


if __name__ == '__main__':
    sys.exit(main())
