// node bench/node/run.mjs FILE.wasm N [REPEATS]: instantiates the kernel with V8 and calls run(N).
// With REPEATS, prints "checksum best-seconds" over that many calls (steady state); else the checksum.
import { readFileSync } from 'node:fs';
const [file, n, reps] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(file));
const run = instance.exports.run;
if (!reps) {
  console.log(String(run(Number(n))));
} else {
  let best = Infinity, r;
  for (let i = 0; i < Number(reps); i++) {
    const t = process.hrtime.bigint();
    r = run(Number(n));
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  console.log(`${r} ${best}`);
}
