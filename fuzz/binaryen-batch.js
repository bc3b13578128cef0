// Runs binaryen's wasm-opt (the npm package's Emscripten build) many times in one node process: the
// embedded 10 MB engine is compiled once and each job only instantiates it again, which takes a
// fraction of the second a new process needs.
//
// usage: node binaryen-batch.js WASM_OPT_JS < jobs
// Each line of stdin is one job: a JSON array of wasm-opt arguments. For each job one JSON line is
// written to stdout: {"code": exit status, "out": what it printed on stdout}.
'use strict';
const fs = require('fs');
const vm = require('vm');
const readline = require('readline');

const optPath = process.argv[2];
const source = fs.readFileSync(optPath, 'utf8').replace(/^#!.*\n/, '');
const script = new vm.Script(source, { filename: optPath });
let engine = null; // the compiled WebAssembly.Module of wasm-opt, after the first job

class Exit extends Error {
  constructor(code) { super('exit ' + code); this.code = code; }
}

function runJob(args) {
  return new Promise((resolve) => {
    const out = [];
    let done = false;
    const finish = (code) => { if (!done) { done = true; resolve({ code, out: out.join('') }); } };
    const fakeProcess = Object.create(process);
    Object.defineProperty(fakeProcess, 'argv', { value: [process.argv[0], optPath, ...args] });
    Object.defineProperty(fakeProcess, 'exitCode', { set(v) { finish(v); }, get() { return undefined; } });
    fakeProcess.exit = (code) => { finish(code); throw new Exit(code); };
    fakeProcess.on = () => fakeProcess;
    const wasm = Object.create(WebAssembly);
    wasm.instantiate = async (binary, imports) => {
      engine = engine || new WebAssembly.Module(binary);
      return { module: engine, instance: new WebAssembly.Instance(engine, imports) };
    };
    const Module = {
      arguments: args,
      thisProgram: optPath,
      print: (s) => out.push(s + '\n'),
      printErr: () => {},
      onExit: (code) => finish(code),
      onAbort: (what) => { out.push('abort: ' + what); finish(134); },
    };
    if (engine) {
      Module.instantiateWasm = (imports, receive) => {
        receive(new WebAssembly.Instance(engine, imports), engine);
        return {};
      };
    }
    const capture = { log: (...a) => out.push(a.join(' ') + '\n'), error: () => {}, warn: () => {} };
    // The build writes straight to file descriptors 1 and 2: keep what it writes there.
    const capturingFs = Object.create(fs);
    capturingFs.writeSync = (fd, buffer, offset, length, position) => {
      if (fd !== 1 && fd !== 2) return fs.writeSync(fd, buffer, offset, length, position);
      const bytes = typeof buffer === 'string' ? Buffer.from(buffer)
        : Buffer.from(buffer.buffer, buffer.byteOffset + (offset || 0), length === undefined ? buffer.length : length);
      if (fd === 1) out.push(bytes.toString('utf8'));
      return bytes.length;
    };
    const capturingRequire = (name) => (name === 'fs' || name === 'node:fs') ? capturingFs : require(name);
    const context = vm.createContext({
      Module, process: fakeProcess, require: capturingRequire, console: capture, WebAssembly: wasm, Buffer, URL, TextDecoder,
      TextEncoder, setTimeout, clearTimeout, performance, __filename: optPath, __dirname: optPath + '/..',
      globalThis: undefined,
    });
    context.globalThis = context;
    try {
      script.runInContext(context);
    } catch (e) {
      if (!(e instanceof Exit) && !(e && e.name === 'ExitStatus')) { out.push(String(e)); finish(1); }
    }
  });
}

process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

async function main() {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const result = await runJob(JSON.parse(line));
    process.stdout.write(JSON.stringify(result) + '\n');
  }
}
main();
