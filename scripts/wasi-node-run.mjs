// Runs one WASI command under node's node:wasi (preview1): used by scripts/wasi-node-compare.
// usage: node wasi-node-run.mjs WASM WORKDIR STDIN STDOUT STDERR ENV_JSON ARGV0 [ARGS...]
// The work directory is preopened as "."; prints the exit code ("trap" after a trap) on stdout.
import { WASI } from 'node:wasi';
import { readFileSync, openSync, closeSync } from 'node:fs';
import { argv } from 'node:process';

const [wasm, work, stdin, stdout, stderr, envJson, ...args] = argv.slice(2);
const fds = [openSync(stdin, 'r'), openSync(stdout, 'w'), openSync(stderr, 'w')];
const wasi = new WASI({
  version: 'preview1', args, env: JSON.parse(envJson), preopens: { '.': work },
  stdin: fds[0], stdout: fds[1], stderr: fds[2], returnOnExit: true,
});
let code;
try {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasm), wasi.getImportObject());
  process.chdir(work);
  code = String(wasi.start(instance));
} catch (e) {
  code = e instanceof WebAssembly.RuntimeError ? 'trap' : 'error: ' + e;
}
// the guest may have closed its stdout itself (node then closed our descriptor)
for (const fd of fds) { try { closeSync(fd); } catch { /* already closed */ } }
console.log(code);
