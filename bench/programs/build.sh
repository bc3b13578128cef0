#!/usr/bin/env bash
# Builds the whole programs of the benchmark (bench/programs/wasm/, checked in):
#   c-NAME.wasm   each kernel of bench/kernels as one WASI program (its work inlined into main by clang -O2)
#   qjs.wasm      QuickJS (Debian's quickjs source package, trixie) with qjs-main.c, a minimal command
# Lua and SQLite come from tests/programs/real/wasm (scripts/build-real-world). Needs root for apt-get.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/scripts/wasi-toolchain"
mkdir -p "$here/wasm"

for k in fib sieve nbody matmul sha256 crc32 quicksort hashmap bigmem; do  # REPEAT makes them long enough
  wasi_cc -O2 -DKERNEL="\"$root/bench/kernels/$k.c\"" -o "$here/wasm/c-$k.wasm" "$here/c/whole.c"
done

# QuickJS: the engine's sources from Debian (trixie has the package; a deb-src line for it is added once)
work="${WASM4J_SRC_DIR:-$(mktemp -d)}"
if ! apt-cache showsrc quickjs >/dev/null 2>&1 || [ -z "$(apt-cache showsrc quickjs 2>/dev/null)" ]; then
  cat >/etc/apt/sources.list.d/wasm4j-trixie-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
fi
(cd "$work" && { ls -d quickjs-*/ >/dev/null 2>&1 || apt-get source -qq quickjs 2>/dev/null; })
qjs="$(ls -d "$work"/quickjs-*/ | head -n1)"
# EMSCRIPTEN: QuickJS's switch for a target without threads, computed goto or a native stack check
(cd "$qjs" && wasi_cc -O2 -DEMSCRIPTEN -D_GNU_SOURCE -DCONFIG_VERSION="\"$(cat VERSION)\"" \
  -D_WASI_EMULATED_SIGNAL -Wno-everything -I. -I"$root/scripts/real-world/wasi-include" -o "$here/wasm/qjs.wasm" \
  "$here/js/qjs-main.c" quickjs.c libregexp.c libunicode.c cutils.c dtoa.c -lm -lwasi-emulated-signal)
ls -l "$here"/wasm/*.wasm
