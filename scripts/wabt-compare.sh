#!/usr/bin/env bash
# Assembles every text module of the spec testsuite with wasm4j and with wabt's wat2wasm (wabt.js from npm)
# and reports the modules whose bytes differ (name sections ignored). Test tooling only: wabt is never a
# dependency of wasm4j. Usage: scripts/wabt-compare.sh [work-dir]   (default /tmp/wasm4j-wabt)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env
work="${1:-/tmp/wasm4j-wabt}"
mkdir -p "$work"
if [ ! -d "$work/node_modules/wabt" ]; then
  (cd "$work" && npm init -y >/dev/null && npm install --silent wabt >/dev/null)
fi
mvn -q -B -ntp -pl core test-compile
rm -rf "$work/mods"
java -cp core/target/classes:core/target/test-classes dev.wasm4j.text.WabtDump "$work/mods"
NODE_PATH="$work/node_modules" node --preserve-symlinks scripts/wabt-compare.mjs "$work/mods"
