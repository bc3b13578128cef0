// node's V8 as a reference for the differential fuzzer: runs binaryen's fuzzing modules the way core's
// FuzzHost runs them in wasm4j (the same host imports, every export called in order with zero arguments,
// every exported global logged) and prints the same events.
//
// usage: node --experimental-wasm-type-reflection v8-reference.js < module paths
// For each line of stdin (a .wasm file) the events are written to stdout, one a line, followed by a line
// "." . Floats are printed as their bits ("f32:3f800000", "f64:...") and turned into FuzzHost's text by the
// Java side (V8Batch). A module V8 cannot compile gives the single event "unsupported MESSAGE".
'use strict';
const fs = require('fs');
const readline = require('readline');

/** A host value handed to Wasm as an externref, as FuzzHost's Printed.HostValue. */
class HostValue {
  constructor(payload) { this.payload = payload; }
}

const JS_ERROR_PAYLOAD = 0xbad;

/** An error thrown by the host "in JavaScript": Wasm sees a JS exception, the top level prints "exception jserror". */
class HostError extends Error {}

// A module of two Wasm functions that stand in for the log-v128 import, since a v128 cannot cross into
// JavaScript: log-v128 takes the vector and calls the JS import "lanes" with its four i32 lanes.
//   (module (import "host" "lanes" (func $lanes (param i32 i32 i32 i32)))
//     (func (export "log-v128") (param v128)
//       (call $lanes (i32x4.extract_lane 0 (local.get 0)) (i32x4.extract_lane 1 (local.get 0))
//                    (i32x4.extract_lane 2 (local.get 0)) (i32x4.extract_lane 3 (local.get 0)))))
const LOG_V128 = new WebAssembly.Module(Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x0c, 0x02, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x00, 0x60, 0x01, 0x7b, 0x00, // types
  0x02, 0x0e, 0x01, 0x04, 0x68, 0x6f, 0x73, 0x74, 0x05, 0x6c, 0x61, 0x6e, 0x65, 0x73, 0x00, 0x00, // import
  0x03, 0x02, 0x01, 0x01, // function
  0x07, 0x0c, 0x01, 0x08, 0x6c, 0x6f, 0x67, 0x2d, 0x76, 0x31, 0x32, 0x38, 0x00, 0x01, // export
  0x0a, 0x1a, 0x01, 0x18, 0x00, // code: one body, no locals
  0x20, 0x00, 0xfd, 0x1b, 0x00, 0x20, 0x00, 0xfd, 0x1b, 0x01,
  0x20, 0x00, 0xfd, 0x1b, 0x02, 0x20, 0x00, 0xfd, 0x1b, 0x03,
  0x10, 0x00, 0x0b,
]));

const floatBits = new DataView(new ArrayBuffer(8));

function hex(n, digits) { return n.toString(16).padStart(digits, '0'); }

/** One value as FuzzHost's Printed.value prints it (floats as bits, converted on the Java side). */
function printed(type, v) {
  switch (type) {
    case 'i32': return String(v | 0);
    case 'i64': return BigInt.asIntN(64, v).toString();
    case 'f32': floatBits.setFloat32(0, v); return 'f32:' + hex(floatBits.getUint32(0), 8);
    case 'f64': floatBits.setFloat64(0, v); return 'f64:' + hex(floatBits.getBigUint64(0), 16);
    default: return reference(v);
  }
}

function reference(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'function') return 'function';
  if (v instanceof HostValue) return v.payload === JS_ERROR_PAYLOAD ? 'jserror' : 'externref(' + v.payload + ')';
  return 'object(null)';
}

/** A value given to a logging import: an i64 as its two i32 halves, low first. */
function logged(type, v) {
  if (type === 'i64') return BigInt.asIntN(32, v) + ' ' + BigInt.asIntN(32, v >> 32n);
  return printed(type, v);
}

/** A trap, as opposed to an exception: V8's RuntimeError, or its stack overflow (a RangeError). */
function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError
    || (e instanceof RangeError && /call stack size/.test(e.message));
}

/** The zero FuzzHost passes for a parameter type; undefined when the type has no zero or cannot cross. */
function zero(type) {
  switch (type) {
    case 'i32': case 'f32': case 'f64': return 0;
    case 'i64': return 0n;
    case 'anyfunc': case 'funcref': case 'externref': return null;
    default: return undefined;
  }
}

/** names of the imported externref globals' payload: the sum of their names' characters mod 251. */
function payload(module, name) {
  let p = 0;
  for (const c of module + name) p = (p + c.charCodeAt(0)) % 251;
  return p;
}

function runModule(path) {
  const events = [];
  let module;
  try {
    module = new WebAssembly.Module(fs.readFileSync(path));
  } catch (e) {
    return ['unsupported ' + String(e.message).replace(/\n/g, ' ')];
  }
  const wasmTag = new WebAssembly.Tag({ parameters: ['i32'] });
  const jsTag = new WebAssembly.Tag({ parameters: ['externref'] });
  let instance = null;
  const exportList = WebAssembly.Module.exports(module);

  const table = () => {
    const t = instance && exportList.some((e) => e.kind === 'table' && e.name === 'table') && instance.exports.table;
    if (!t) throw new HostError('no exported table');
    return t;
  };
  const tableIndex = (index) => {
    const i = index >>> 0;
    if (i >= table().length) throw new HostError('table index out of range');
    return i;
  };
  // A call "as JavaScript would": zero arguments, and a JS error for what cannot cross (FuzzHost.callAsJs).
  const callAsJs = (f) => {
    const type = WebAssembly.Function.type(f);
    const args = [];
    for (const t of type.parameters) {
      if (t === 'i64' || zero(t) === undefined) throw new HostError('parameter cannot cross: ' + t);
      args.push(zero(t));
    }
    if (type.results.some((t) => t === 'v128')) throw new HostError('result cannot cross');
    f(...args);
  };
  const callExport = (index) => {
    if (!instance || index < 0 || index >= exportList.length || exportList[index].kind !== 'function') {
      throw new HostError('no such export');
    }
    callAsJs(instance.exports[exportList[index].name]);
  };
  const callRef = (f) => {
    if (typeof f !== 'function') throw new HostError('not a function');
    callAsJs(f);
  };
  const catching = (call) => {
    try { call(); return 0; } catch (e) { if (isTrap(e)) throw e; return 1; }
  };
  const host = {
    'log-i32': (v) => { events.push('log ' + logged('i32', v)); },
    'log-i64': (v) => { events.push('log ' + logged('i64', v)); },
    'log-f32': (v) => { events.push('log ' + logged('f32', v)); },
    'log-f64': (v) => { events.push('log ' + logged('f64', v)); },
    'log-funcref': (v) => { events.push('log ' + reference(v)); },
    'log-externref': (v) => { events.push('log ' + reference(v)); },
    'log-branch': (a, b, c) => { events.push('log-branch ' + a + ' ' + b + ' ' + c); return a; },
    'throw': (which) => {
      if (which === 0) throw new HostError('thrown by the throw import');
      throw new WebAssembly.Exception(wasmTag, [which]);
    },
    'table-get': (i) => table().get(tableIndex(i)),
    'table-set': (i, f) => { table().set(tableIndex(i), f); },
    'call-export': (index) => { callExport(index); },
    'call-export-catch': (index) => catching(() => callExport(index)),
    'call-ref': (f) => { callRef(f); },
    'call-ref-catch': (f) => catching(() => callRef(f)),
    'sleep': (ms, id) => id,
    'wasmtag': wasmTag,
    'jstag': jsTag,
  };
  host['log-v128'] = new WebAssembly.Instance(LOG_V128, {
    host: {
      lanes: (a, b, c, d) => {
        events.push('log i32x4 ' + [a, b, c, d].map((l) => '0x' + hex(l >>> 0, 8)).join(' '));
      },
    },
  }).exports['log-v128'];

  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    imports[imp.module] = imports[imp.module] || {};
    if (imp.kind === 'global' && imp.type.value === 'externref' && !imp.type.mutable) {
      imports[imp.module][imp.name] = new WebAssembly.Global({ value: 'externref', mutable: false },
        new HostValue(payload(imp.module, imp.name)));
    } else if (imp.module === 'fuzzing-support' && imp.name in host) {
      imports[imp.module][imp.name] = host[imp.name];
    }
  }

  const exceptionEvent = (e) => {
    if (!(e instanceof WebAssembly.Exception)) return 'exception jserror';
    const tags = [wasmTag, jsTag, ...Object.values(instance ? instance.exports : {})
      .filter((x) => x instanceof WebAssembly.Tag)];
    for (const tag of tags) {
      if (e.is(tag)) {
        const values = tag.type().parameters.map((t, i) => printed(t, e.getArg(tag, i)));
        return ['exception', ...values].join(' ');
      }
    }
    return 'exception ?'; // a tag the module does not export: its payload cannot be read from JavaScript
  };

  try {
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    if (isTrap(e)) events.push('trap');
    else if (e instanceof WebAssembly.LinkError) events.push('link error ' + e.message);
    else events.push('instantiation exception');
    return events;
  }
  for (const e of exportList) {
    if (e.kind === 'function') {
      events.push('export ' + e.name);
      const type = e.type;
      const args = type.parameters.map(zero);
      if (args.some((a) => a === undefined)) {
        events.push('trap');
        continue;
      }
      try {
        const r = instance.exports[e.name](...args);
        if (type.results.length === 1) events.push('result ' + printed(type.results[0], r));
        else if (type.results.length > 1) {
          events.push('result ' + type.results.map((t, i) => printed(t, r[i])).join(' '));
        }
      } catch (x) {
        events.push(isTrap(x) ? 'trap' : exceptionEvent(x));
      }
    } else if (e.kind === 'global') {
      events.push('export ' + e.name);
      events.push('log ' + printed(e.type.value, instance.exports[e.name].value));
    }
  }
  return events;
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let events;
    try {
      events = runModule(line.trim());
    } catch (e) {
      events = ['harness error ' + String(e && e.stack || e).replace(/\n/g, ' ')];
    }
    process.stdout.write(events.join('\n') + (events.length ? '\n' : '') + '.\n');
  }
}
main();
