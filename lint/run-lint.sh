#!/usr/bin/env bash
# Lint of processes/ and forms/ (see lint/lint.mjs); run by Maven in the verify phase.
# Without Node.js/npm: skipped with a message, except under CI=true where it fails.
# Arguments are passed on to lint.mjs.
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "lint: ERROR: Node.js/npm not found on PATH, but CI=true: the BPMN/DMN/form lint must run in CI." >&2
    echo "lint: install Node.js 20+ with npm (e.g. apt-get install -y nodejs npm), or pass -DskipLint=true." >&2
    exit 1
  fi
  echo "lint skipped: Node.js/npm not found"
  exit 0
fi

# lint.mjs needs module.register (Node.js 20.6+)
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 6) ? 0 : 1)'; then
  if [ "${CI:-}" = "true" ]; then
    echo "lint: ERROR: Node.js $(node --version) is too old, 20.6+ needed (CI=true)." >&2
    exit 1
  fi
  echo "lint skipped: Node.js $(node --version) is older than 20.6"
  exit 0
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "lint: installing lint tools (npm ci)"
  npm ci --no-audit --no-fund
fi

exec node lint/lint.mjs "$@"
