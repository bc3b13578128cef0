// Compares wasm4j's assembled modules with wabt's wat2wasm (test tooling only).
// Usage: node scripts/wabt-compare.mjs <dir written by WabtDump> (needs `npm install wabt` somewhere on NODE_PATH)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wabt = await require('wabt')();
const dir = process.argv[2];
const features = {
  exceptions: true, mutable_globals: true, sat_float_to_int: true, sign_extension: true, simd: true,
  threads: true, function_references: true, multi_value: true, tail_call: true, bulk_memory: true,
  reference_types: true, annotations: true, gc: true, memory64: true, multi_memory: true,
  extended_const: true, relaxed_simd: true,
};

// Drops custom sections named "name" (wasm4j writes one for identifiers, wat2wasm does not by default).
function stripNames(buf) {
  const out = [buf.subarray(0, 8)];
  let p = 8;
  while (p < buf.length) {
    const id = buf[p];
    let q = p + 1, size = 0, shift = 0, b;
    do { b = buf[q++]; size |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    const end = q + size;
    let keep = true;
    if (id === 0) {
      let r = q, len = 0, s = 0;
      do { b = buf[r++]; len |= (b & 0x7f) << s; s += 7; } while (b & 0x80);
      keep = buf.subarray(r, r + len).toString() !== 'name';
    }
    if (keep) out.push(buf.subarray(p, end));
    p = end;
  }
  return Buffer.concat(out);
}

let same = 0, differ = 0, unsupported = 0;
for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.wat')).sort()) {
  const watBytes = fs.readFileSync(path.join(dir, f));
  const wat = watBytes.toString('utf8');
  const mine = stripNames(fs.readFileSync(path.join(dir, f.replace(/\.wat$/, '.wasm'))));
  let theirs;
  try {
    const m = wabt.parseWat(f, new Uint8Array(watBytes), features);
    theirs = Buffer.from(m.toBinary({}).buffer);
    m.destroy();
  } catch (e) {
    unsupported++;
    if (process.env.VERBOSE) console.log(`UNSUPPORTED ${f} ${wat.split('\n')[0]}`);
    continue;
  }
  if (Buffer.compare(mine, theirs) === 0) {
    same++;
  } else {
    differ++;
    console.log(`DIFF ${f} ${wat.split('\n')[0]}\n  wasm4j ${mine.toString('hex')}\n  wabt   ${theirs.toString('hex')}`);
  }
}
console.log(`identical=${same} different=${differ} unsupported-by-wabt=${unsupported}`);
