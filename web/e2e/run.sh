#!/usr/bin/env bash
# End-to-end browser tests of `sitrep serve`: installs what they need (npm ci in web/,
# Debian's chromium when missing), then runs web/e2e/e2e.mjs.
#   web/e2e/run.sh [SITREP_BINARY]     (default: $SITREP_BIN, else target/release/sitrep)
# Screenshots go to $SITREP_SCREENSHOTS (default docs/screenshots).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-${SITREP_BIN:-$root/target/release/sitrep}}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "e2e: no sitrep binary at $bin (build it: cargo build --release -p sitrep)" >&2
  exit 2
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
cd "$root/web"
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts
fi
node --test src/spans.test.mjs tools/admin1.test.mjs
SITREP_BIN="$bin" CHROMIUM="$(command -v chromium)" node e2e/e2e.mjs
