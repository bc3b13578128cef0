#!/usr/bin/env bash
# Builds discard_alloc.wasm with clang and Debian's wasi-libc, then turns the memory.discard intrinsic stub
# into the instruction with `wasm4j lower-intrinsics`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/scripts/wasi-toolchain"
wasi_cc -O2 -o "$here/discard_alloc.plain.wasm" "$here/discard_alloc.c"
"$root/wasm4j" lower-intrinsics "$here/discard_alloc.plain.wasm" -o "$here/discard_alloc.wasm"
rm -f "$here/discard_alloc.plain.wasm"
