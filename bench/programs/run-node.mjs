// Runs a WASI command under node (node:wasi, preview1): node run-node.mjs PROGRAM.wasm [ARGS...]
// The current directory is preopened as "."; stdin, stdout and stderr are the process's own.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';
import { argv, env, exit } from 'node:process';

const [wasm, ...args] = argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [wasm, ...args], env, preopens: { '.': '.' }, returnOnExit: true });
const { instance } = await WebAssembly.instantiate(readFileSync(wasm), wasi.getImportObject());
exit(wasi.start(instance));
