#!/usr/bin/env bash
# Builds every kernel to bench/kernels/wasm/NAME.wasm (clang, wasm32, -O2, no libc) and
# bench/kernels/native/NAME (gcc -O2). Needs clang-16, lld-16 (wasm-ld) and gcc:
#   apt-get install clang-16 lld-16 libclang-rt-16-dev-wasm32 gcc
set -euo pipefail
cd "$(dirname "$0")"
CLANG=${CLANG:-$(command -v clang-16 || command -v clang)}
WASMLD=${WASMLD:-$(command -v wasm-ld-16 || command -v wasm-ld)}
mkdir -p wasm native
for c in fib sieve nbody matmul sha256 crc32 quicksort hashmap bigmem; do
  "$CLANG" --target=wasm32 -O2 -mbulk-memory -nostdlib -fuse-ld="$WASMLD" \
    -Wl,--no-entry -Wl,--export=run -Wl,-z,stack-size=1048576 -Wl,--max-memory=2147483648 \
    -o "wasm/$c.wasm" "$c.c"
  gcc -O2 -o "native/$c" "$c.c" main.c -lm
done
echo "built: $(ls wasm | tr '\n' ' ')"
