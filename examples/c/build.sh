#!/usr/bin/env bash
# Builds the C examples with clang and Debian's wasi-libc: discard_alloc.wasm (whose memory.discard intrinsic
# stub `wasm4j lower-intrinsics` turns into the instruction) and filesum.wasm.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/scripts/wasi-toolchain"
wasi_cc -O2 -o "$here/discard_alloc.plain.wasm" "$here/discard_alloc.c"
"$root/wasm4j" lower-intrinsics "$here/discard_alloc.plain.wasm" -o "$here/discard_alloc.wasm"
rm -f "$here/discard_alloc.plain.wasm"
wasi_cc -O2 -o "$here/filesum.wasm" "$here/filesum.c"
